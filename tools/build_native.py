#!/usr/bin/env python3
"""Compile the triage engine with mypyc, in place, beside its Python source.

Why: triage runs on every submission and its cost is Python work spread over many small steps;
mypyc (part of mypy, the compiler behind mypy's and Black's own wheels) turns the typed modules
into C extensions that run the same code about 1.35x faster (docs/performance.md). The pure
Python modules stay the source of truth and the fallback: the extensions go to
``intake/triage/_build/``, where Python never looks by itself, and ``intake/triage/native.py``
loads them only when ``_build/native.sha256`` matches the sources, interpreter and files.

Usage (``make install`` runs it; it needs gcc and the Python headers)::

    .venv/bin/python tools/build_native.py          # build, or say why not (exit 0)
    .venv/bin/python tools/build_native.py --strict # exit 1 when it cannot build
    .venv/bin/python tools/build_native.py --clean  # remove the compiled modules

A failed build is not an error by default: the app runs on the pure Python engine, slower, and
the stamp file says why, so ``make`` does not retry on every run.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# intake/triage/native.py on its own: importing the package would load the modules rebuilt here.
_spec = importlib.util.spec_from_file_location("triage_native", ROOT / "intake/triage/native.py")
assert _spec is not None and _spec.loader is not None
native = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(native)


def clean() -> None:
    """Remove the build and its stamp (and extensions an older layout left beside the sources,
    which Python would import in preference to them), leaving the pure Python engine."""
    shutil.rmtree(native.BUILD_DIR, ignore_errors=True)
    for name in native.module_names():
        for path in native.PACKAGE_DIR.glob(f"{name}.*.so"):
            path.unlink()
    (native.PACKAGE_DIR / native.STAMP).unlink(missing_ok=True)


def build(lib: Path) -> None:
    """Compile ``native.COMPILED`` with mypyc; the extensions land in ``lib/intake/triage/``."""
    from mypyc.build import mypycify
    from setuptools import setup

    os.chdir(ROOT)
    setup(
        name="intake-triage-native",
        packages=[],
        py_modules=[],
        script_args=[
            "--quiet",
            "build_ext",
            "--build-temp",
            str(lib.parent / "temp"),
            "--build-lib",
            str(lib),
        ],
        ext_modules=mypycify(
            [f"intake/triage/{name}.py" for name in native.COMPILED],
            opt_level="3",
            group_name=native.GROUP,
            target_dir=str(lib.parent / "c"),
        ),
    )


def load_once() -> None:
    """Import the package in a fresh interpreter, as a worker does: the build loads (or the
    source runs) and answers its check message, and the vocabulary's build memo
    (``intake/triage/buildmemo.py``; it went with the old ``_build/``) is written again now,
    by whoever installs, rather than by the first worker or command, which may not be allowed to
    write here."""
    code = "import intake.triage as t; print(t.ENGINE_BUILD)"
    done = subprocess.run(  # noqa: S603 - this interpreter, a fixed command
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    memo = native.BUILD_DIR / "memo-compiled.marshal"
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"triage engine: the package failed to load: {last}", file=sys.stderr)
    elif memo.is_file():
        print(f"triage engine: {done.stdout.strip()}; vocabulary build memo written")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--strict", action="store_true", help="exit 1 if the build fails")
    ap.add_argument("--clean", action="store_true", help="remove the compiled modules")
    args = ap.parse_args(argv)
    clean()
    if args.clean:
        print("triage engine: compiled modules removed; the pure Python engine will run")
        return 0
    native.BUILD_DIR.mkdir()
    try:
        from mypy.version import __version__ as mypy_version

        with tempfile.TemporaryDirectory(prefix="intake-native-") as tmp:
            # setuptools and gcc are chatty; their output matters only when the build fails.
            with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
                build(Path(tmp) / "lib")
            suffix = EXTENSION_SUFFIXES[0]
            for name in native.module_names():
                built = Path(tmp) / "lib" / "intake" / "triage" / f"{name}{suffix}"
                shutil.move(built, native.BUILD_DIR / built.name)
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - any failure means "not compiled"
        clean()
        native.BUILD_DIR.mkdir()
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
        (native.BUILD_DIR / native.STAMP).write_text(f"not built: {reason}\n", encoding="utf-8")
        print(
            "triage engine: NOT compiled, the pure Python engine will run (about 1.35x slower)."
            f"\n  reason: {reason}\n  needs: gcc and the Python headers; then `make native`",
            file=sys.stderr,
        )
        load_once()
        return 1 if args.strict else 0
    stamp = native.stamp_text(native.PACKAGE_DIR, native.BUILD_DIR, mypy_version)
    (native.BUILD_DIR / native.STAMP).write_text(stamp, encoding="utf-8")
    print(f"triage engine: compiled with mypyc ({', '.join(native.COMPILED)})")
    load_once()
    return 0


if __name__ == "__main__":
    sys.exit(main())
