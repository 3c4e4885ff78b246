"""Run the compiled triage engine when it matches its source, else the pure Python one.

``tools/build_native.py`` (run by ``make install``) compiles ``COMPILED`` with mypyc into
extension modules beside their ``.py`` files and writes ``native.sha256``, the digest of the
sources it compiled. Python would import an extension module in preference to its source even
after the source changed, so this module decides first: the compiled modules are used only
when the stamp matches the sources now on disk; otherwise the ``.py`` files are loaded
explicitly. Both run the same code and give identical results (tests/test_triage_native.py).

This module must not import the rest of the package: it runs before it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from collections.abc import Mapping
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from typing import NamedTuple

#: The modules compiled, in the order they import each other.
COMPILED: tuple[str, ...] = ("spelling", "vocabulary", "engine")
#: mypyc's shared library for the group (``_native__mypyc`` + the extension suffix).
GROUP = "intake.triage._native"
#: The stamp: the digest of the compiled sources, or "not built: <reason>".
STAMP = "native.sha256"
#: The package the extensions were compiled as; under any other name only the source can run.
PACKAGE = "intake.triage"
PACKAGE_DIR = Path(__file__).resolve().parent
#: ``INTAKE_TRIAGE_PURE=1`` runs the pure Python engine even when a current build exists.
FORCE_PURE = "INTAKE_TRIAGE_PURE"


class Build(NamedTuple):
    """Which engine runs, why, and whether an operator should hear about it."""

    compiled: bool
    reason: str
    warn: bool = False


def source_digest(directory: Path) -> str:
    """SHA-256 over the names and bytes of the compiled modules' sources."""
    digest = hashlib.sha256()
    for name in COMPILED:
        digest.update(name.encode() + b"\0" + (directory / f"{name}.py").read_bytes() + b"\0")
    return digest.hexdigest()


def _module_names() -> tuple[str, ...]:
    return (*COMPILED, GROUP.rpartition(".")[2] + "__mypyc")


def compiled_files(directory: Path) -> list[Path]:
    """Every compiled module in ``directory``, for any interpreter's extension suffix."""
    found = []
    for name in _module_names():
        for pattern in (f"{name}.*.so", f"{name}.*.pyd"):
            found.extend(sorted(directory.glob(pattern)))
    return found


def state(
    package: str = PACKAGE,
    directory: Path = PACKAGE_DIR,
    environ: Mapping[str, str] = os.environ,
) -> Build:
    """Whether the compiled modules can run here, and why, without importing anything."""
    if environ.get(FORCE_PURE, "").lower() in {"1", "true", "yes"}:
        return Build(False, f"pure Python ({FORCE_PURE} is set)")
    if package != PACKAGE:
        return Build(False, f"pure Python (loaded as {package}, not {PACKAGE})")
    suffix = EXTENSION_SUFFIXES[0]
    present = [(directory / f"{name}{suffix}").is_file() for name in _module_names()]
    stamp_path = directory / STAMP
    stamp = stamp_path.read_text(encoding="utf-8").strip() if stamp_path.is_file() else ""
    if not any(present):
        why = stamp if stamp.startswith("not built") else "not compiled"
        return Build(False, f"pure Python ({why}; `make install` compiles it)")
    if not all(present):
        why = "the compiled modules are incomplete; run `make install`"
        return Build(False, f"pure Python ({why})", True)
    if stamp != source_digest(directory):
        why = "the compiled modules are older than the source; run `make install`"
        return Build(False, f"pure Python ({why})", True)
    return Build(True, "compiled (mypyc)")


def load_source(package: str, directory: Path) -> None:
    """Import ``COMPILED`` from their ``.py`` files, so that no extension module shadows them."""
    parent = sys.modules[package]
    for name in COMPILED:
        spec = importlib.util.spec_from_file_location(f"{package}.{name}", directory / f"{name}.py")
        assert spec is not None and spec.loader is not None, name
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        setattr(parent, name, module)


def choose(package: str, directory: Path = PACKAGE_DIR) -> Build:
    """Load the engine's modules for ``package`` and say which build runs."""
    build = state(package, directory)
    if build.compiled:
        try:
            for name in COMPILED:
                importlib.import_module(f"{package}.{name}")
        except ImportError as exc:  # built for another mypy runtime or a broken copy
            for name in COMPILED:
                sys.modules.pop(f"{package}.{name}", None)
            why = f"the compiled modules failed to import: {exc}"
            build = Build(False, f"pure Python ({why})", True)
    if not build.compiled:
        load_source(package, directory)
    return build
