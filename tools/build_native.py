#!/usr/bin/env python3
"""Compile the triage engine with mypyc, in place, beside its Python source.

Why: triage runs on every submission and its cost is Python work spread over many small steps;
mypyc (part of mypy, the compiler behind mypy's and Black's own wheels) turns the typed modules
into C extensions that run the same code about 1.35x faster (docs/performance.md). The pure
Python modules stay the source of truth and the fallback: ``intake/triage/native.py`` loads the
compiled modules only when ``native.sha256`` matches the sources they were built from.

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
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# intake/triage/native.py on its own: importing the package would load the modules rebuilt here.
_spec = importlib.util.spec_from_file_location("triage_native", ROOT / "intake/triage/native.py")
assert _spec is not None and _spec.loader is not None
native = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(native)
COMPILED, GROUP, STAMP = native.COMPILED, native.GROUP, native.STAMP
PACKAGE_DIR = native.PACKAGE_DIR


def clean() -> None:
    """Remove every compiled module and the stamp, leaving the pure Python engine."""
    for path in native.compiled_files(PACKAGE_DIR):
        path.unlink()
    (PACKAGE_DIR / STAMP).unlink(missing_ok=True)


def build() -> None:
    """Compile ``COMPILED`` with mypyc into ``intake/triage/`` (a temporary build directory)."""
    from mypyc.build import mypycify
    from setuptools import setup

    sources = [f"intake/triage/{name}.py" for name in COMPILED]
    with tempfile.TemporaryDirectory(prefix="intake-native-") as tmp:
        os.chdir(ROOT)
        setup(
            name="intake-triage-native",
            packages=[],
            py_modules=[],
            script_args=[
                "--quiet",
                "build_ext",
                "--inplace",
                "--build-temp",
                f"{tmp}/temp",
                "--build-lib",
                f"{tmp}/lib",
            ],
            ext_modules=mypycify(sources, opt_level="3", group_name=GROUP, target_dir=f"{tmp}/c"),
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--strict", action="store_true", help="exit 1 if the build fails")
    ap.add_argument("--clean", action="store_true", help="remove the compiled modules")
    args = ap.parse_args(argv)
    clean()
    if args.clean:
        print("triage engine: compiled modules removed; the pure Python engine will run")
        return 0
    digest = native.source_digest(PACKAGE_DIR)
    try:
        # setuptools and gcc are chatty; their output matters only when the build fails.
        with open(os.devnull, "w") as devnull, contextlib.redirect_stdout(devnull):
            build()
    except (Exception, SystemExit) as exc:  # noqa: BLE001 - any failure means "not compiled"
        clean()
        reason = f"{type(exc).__name__}: {exc}".splitlines()[0]
        (PACKAGE_DIR / STAMP).write_text(f"not built: {reason}\n", encoding="utf-8")
        print(
            "triage engine: NOT compiled, the pure Python engine will run (about 1.35x slower)."
            f"\n  reason: {reason}\n  needs: gcc and the Python headers; then `make install`",
            file=sys.stderr,
        )
        return 1 if args.strict else 0
    shutil.rmtree(ROOT / "build", ignore_errors=True)  # setuptools' leftovers, if any
    (PACKAGE_DIR / STAMP).write_text(f"{digest}\n", encoding="utf-8")
    print(f"triage engine: compiled with mypyc ({', '.join(COMPILED)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
