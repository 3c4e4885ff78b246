"""Run the compiled triage engine when it matches its source, else the pure Python one.

``tools/build_native.py`` (``make install``, ``make native``) compiles ``COMPILED`` with mypyc
into extension modules in ``_build/``, a directory Python never imports from by itself, and
writes ``_build/native.sha256``: the digest of every source file of this package (the compiled
modules also build in what they import from it, such as ``model.py``), the interpreter, mypy's
version, and each extension's own digest. At import, before anything loads the engine, this
module loads the extensions explicitly only when all of that matches; otherwise, or when they
fail to import or to classify a test message, the ``.py`` files run. So an edited source, a
checkout of another commit (older commits never look in ``_build/``), a damaged copy or another
Python never runs a build that is not theirs. Both give identical results
(tests/test_triage_native.py).

This module must not import the rest of the package: it runs before it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from collections.abc import Mapping
from importlib.machinery import EXTENSION_SUFFIXES, ModuleSpec
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

#: The modules compiled, in the order they import each other.
COMPILED: tuple[str, ...] = ("spelling", "vocabulary", "engine")
#: mypyc's shared library for the group: ``intake/triage/_native__mypyc`` + extension suffix.
GROUP = "intake.triage._native"
#: The package the extensions were compiled as; under any other name only the source can run.
PACKAGE = "intake.triage"
PACKAGE_DIR = Path(__file__).resolve().parent
#: Where the build goes, and its stamp (the digests, or "not built: <reason>").
BUILD_DIR = PACKAGE_DIR / "_build"
STAMP = "native.sha256"
#: ``INTAKE_TRIAGE_PURE=1`` runs the pure Python engine even when a current build exists.
FORCE_PURE = "INTAKE_TRIAGE_PURE"
#: What the operator runs to build again (``make native`` does the same in a checkout).
REBUILD = "`make native` (or `.venv/bin/python tools/build_native.py`)"


class Build(NamedTuple):
    """Which engine runs, why, and whether an operator should hear about it."""

    compiled: bool
    reason: str
    warn: bool = False


def load_source_package(name: str, package_dir: Path | str = PACKAGE_DIR) -> ModuleType:
    """Import the triage package in ``package_dir`` (default: this one) as top-level ``name``.

    Under any name but ``PACKAGE`` the package runs its pure Python source (``choose``), so this
    is how the benchmark, the tests and ``tools/triage_compare.py`` run the source beside the
    compiled build, or two trees' packages side by side. Loaded once per name.
    """
    if name == PACKAGE:
        raise ValueError(f"{PACKAGE} is the compiled name; give another")
    if name in sys.modules:
        return sys.modules[name]
    package_dir = Path(package_dir)
    spec = importlib.util.spec_from_file_location(
        name, package_dir / "__init__.py", submodule_search_locations=[str(package_dir)]
    )
    assert spec is not None and spec.loader is not None, package_dir
    return _exec(spec)


def forced_pure(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get(FORCE_PURE, "").lower() in {"1", "true", "yes"}


def module_names() -> tuple[str, ...]:
    """The group library first: each compiled module's stub imports it by name."""
    return (GROUP.rpartition(".")[2] + "__mypyc", *COMPILED)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def source_digest(directory: Path = PACKAGE_DIR, mypy_version: str = "") -> str:
    """SHA-256 over every ``.py`` of the package, the interpreter and mypy's version."""
    digest = hashlib.sha256(f"{sys.implementation.cache_tag}\0{mypy_version}\0".encode())
    for path in sorted(directory.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def stamp_text(directory: Path, build_dir: Path, mypy_version: str) -> str:
    """The stamp for the extensions now in ``build_dir``, built from ``directory``'s sources."""
    suffix = EXTENSION_SUFFIXES[0]
    lines = [f"mypy {mypy_version}", f"source {source_digest(directory, mypy_version)}"]
    lines += [f"{n}{suffix} {_sha256(build_dir / f'{n}{suffix}')}" for n in module_names()]
    return "\n".join(lines) + "\n"


def state(
    package: str = PACKAGE,
    directory: Path = PACKAGE_DIR,
    environ: Mapping[str, str] = os.environ,
    build_dir: Path | None = None,
) -> Build:
    """Whether the compiled modules may run here, and why, without importing them."""
    if forced_pure(environ):
        return Build(False, f"pure Python ({FORCE_PURE} is set)")
    if package != PACKAGE:
        return Build(False, f"pure Python (loaded as {package}, not {PACKAGE})")
    build_dir = directory / "_build" if build_dir is None else build_dir
    stamp_path = build_dir / STAMP
    stamp = stamp_path.read_text(encoding="utf-8") if stamp_path.is_file() else ""
    if not stamp:
        return Build(False, f"pure Python (not compiled; {REBUILD} compiles it)")
    if stamp.startswith("not built"):
        return Build(False, f"pure Python ({stamp.strip()}; then {REBUILD})")
    first = stamp.partition("\n")[0]
    mypy_version = first.removeprefix("mypy ") if first.startswith("mypy ") else ""
    try:
        expected = stamp_text(directory, build_dir, mypy_version)
    except OSError:  # an extension for this interpreter is missing
        why = f"the compiled modules are incomplete or for another Python; run {REBUILD}"
        return Build(False, f"pure Python ({why})", True)
    if stamp != expected:
        why = f"the compiled modules do not match the source; run {REBUILD}"
        return Build(False, f"pure Python ({why})", True)
    return Build(True, "compiled (mypyc)")


def _exec(spec: ModuleSpec) -> ModuleType:
    """Run a module from its spec under ``spec.name``; on failure leave no half-made module."""
    assert spec.loader is not None, spec.name
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[spec.name]
        raise
    return module


def _load(fullname: str, path: Path) -> None:
    spec = importlib.util.spec_from_file_location(fullname, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = _exec(spec)
    parent, _, name = fullname.rpartition(".")
    setattr(sys.modules[parent], name, module)


def load_compiled(package: str, build_dir: Path) -> None:
    """Import the extensions from ``build_dir``, the group library first, then check one answer."""
    suffix = EXTENSION_SUFFIXES[0]
    for name in module_names():
        _load(f"{package}.{name}", build_dir / f"{name}{suffix}")
    # the check builds the vocabulary and the engine's plan: in one build-memo session, closed
    # (and the memo let go) even when the check fails and the source runs instead
    vocabulary = sys.modules[f"{package}.vocabulary"]
    vocabulary.open_memo()
    try:
        result = sys.modules[f"{package}.engine"].classify("I had a seizure an hour ago.")
    finally:
        vocabulary.close_memo()
    if result.urgency != "emergency":
        raise ImportError(f"the compiled engine answered {result.urgency!r} to its check")


def load_source(package: str, directory: Path) -> None:
    """Import ``COMPILED`` from their ``.py`` files."""
    for name in COMPILED:
        _load(f"{package}.{name}", directory / f"{name}.py")


def choose(package: str, directory: Path = PACKAGE_DIR) -> Build:
    """Load the engine's modules for ``package`` and say which build runs."""
    build = state(package, directory)
    if build.compiled:
        try:
            load_compiled(package, directory / "_build")
        except Exception as exc:  # noqa: BLE001 - any failure means: run the source
            for name in module_names():
                sys.modules.pop(f"{package}.{name}", None)
            why = f"the compiled modules failed to load: {type(exc).__name__}: {exc}"
            build = Build(False, f"pure Python ({why}; run {REBUILD})", True)
    if not build.compiled:
        load_source(package, directory)
    return build
