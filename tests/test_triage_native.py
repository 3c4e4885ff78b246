"""The compiled triage engine (mypyc, tools/build_native.py), and when it runs, not the source.

The compiled modules must give exactly what the source gives, and must never run once the source
has changed under them (Python would otherwise import a stale extension module in preference to
the edited ``.py``). ``make install`` builds them; in CI (INTAKE_REQUIRE_SERVICES) a missing build
is a failure, elsewhere a skip.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType

import pytest

import intake.triage
from intake.triage import native
from tests.conftest import REQUIRE_SERVICES

ROOT = Path(__file__).resolve().parents[1]
SUFFIX = EXTENSION_SUFFIXES[0]
BUILT = intake.triage.ENGINE_BUILD.startswith("compiled")


def require_build() -> None:
    if BUILT:
        return
    if os.environ.get(native.FORCE_PURE):
        pytest.skip(f"{native.FORCE_PURE} is set: this run tests the pure Python source")
    message = f"the triage engine runs {intake.triage.ENGINE_BUILD}; `make install` compiles it"
    if REQUIRE_SERVICES:
        pytest.fail(f"{message} (INTAKE_REQUIRE_SERVICES is set, so this is a failure)")
    pytest.skip(message)


def load_source_engine() -> ModuleType:
    """This tree's triage package under another name, which always runs its source."""
    pkg_dir = ROOT / "intake" / "triage"
    name = "triage_source_copy"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(
        name, pkg_dir / "__init__.py", submodule_search_locations=[str(pkg_dir)]
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_the_app_runs_the_compiled_engine() -> None:
    require_build()
    from intake.triage import engine, spelling, vocabulary

    for module in (engine, spelling, vocabulary):
        assert module.__file__ is not None and module.__file__.endswith(".so"), module.__file__


def test_the_compiled_and_source_engines_agree_on_every_labelled_message() -> None:
    """The full result (tags, urgency, every reason with offsets) and ``explain``; the wider
    comparison, with 20,000 random mixes, is ``tools/triage_compare.py --compiled``."""
    require_build()
    source = load_source_engine()
    assert source.ENGINE_BUILD.startswith("pure Python")
    assert source.classify.__module__ == "triage_source_copy.engine"
    rows = []
    for path in sorted((ROOT / "tests" / "data").glob("triage_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                now = bool(row.get("symptoms_now"))
                rows.append((row["message"], row.get("concerns") or [], now))
    assert len(rows) > 5000
    for message, concerns, now in rows:
        compiled = intake.triage.classify(message, concerns, now)
        assert tuple(compiled) == tuple(source.classify(message, concerns, now)), message
    for message, _, _ in rows[::10]:
        assert intake.triage.explain(message) == source.explain(message), message


def test_the_clock_can_be_set_under_the_compiled_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """The compiled engine calls its own functions directly, so tests set ``engine.clock``."""
    from datetime import date

    from intake.triage import engine

    monkeypatch.setattr(engine, "clock", lambda: date(2026, 2, 15))
    assert engine.today() == date(2026, 2, 15)


def _fake_tree(tmp_path: Path, *, built: bool = True) -> Path:
    directory = tmp_path / "triage"
    directory.mkdir()
    for name in native.COMPILED:
        (directory / f"{name}.py").write_text(f"# {name}\n", encoding="utf-8")
        if built:
            (directory / f"{name}{SUFFIX}").write_bytes(b"")
    if built:
        (directory / f"_native__mypyc{SUFFIX}").write_bytes(b"")
        digest = native.source_digest(directory)
        (directory / native.STAMP).write_text(digest + "\n", encoding="utf-8")
    return directory


def test_a_current_build_is_chosen(tmp_path: Path) -> None:
    build = native.state(native.PACKAGE, _fake_tree(tmp_path), {})
    assert build == native.Build(True, "compiled (mypyc)", False)


def test_a_build_older_than_its_source_is_not_used_and_is_reported(tmp_path: Path) -> None:
    directory = _fake_tree(tmp_path)
    with (directory / "engine.py").open("a", encoding="utf-8") as f:
        f.write("# edited after the build\n")
    build = native.state(native.PACKAGE, directory, {})
    assert not build.compiled and build.warn
    assert "older than the source" in build.reason and "make install" in build.reason


def test_an_incomplete_build_is_not_used_and_is_reported(tmp_path: Path) -> None:
    directory = _fake_tree(tmp_path)
    (directory / f"vocabulary{SUFFIX}").unlink()
    build = native.state(native.PACKAGE, directory, {})
    assert not build.compiled and build.warn and "incomplete" in build.reason


def test_no_build_runs_the_source_quietly_and_says_why(tmp_path: Path) -> None:
    directory = _fake_tree(tmp_path, built=False)
    assert native.state(native.PACKAGE, directory, {}) == native.Build(
        False, "pure Python (not compiled; `make install` compiles it)", False
    )
    stamp = "not built: CompileError: gcc not found\n"
    (directory / native.STAMP).write_text(stamp, encoding="utf-8")
    build = native.state(native.PACKAGE, directory, {})
    assert not build.compiled and not build.warn and "gcc not found" in build.reason


def test_the_source_can_be_forced_and_runs_under_any_other_package_name(tmp_path: Path) -> None:
    directory = _fake_tree(tmp_path)
    forced = native.state(native.PACKAGE, directory, {native.FORCE_PURE: "1"})
    assert not forced.compiled and native.FORCE_PURE in forced.reason
    assert not native.state("triage_old", directory, {}).compiled


def _run_copy(root: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """Import a copy of the package in a fresh interpreter; which files ran, and a result."""
    code = (
        "import json, intake.triage as t\n"
        "from intake.triage import engine\n"
        "r = t.classify('I had a seizure this morning.')\n"
        "out = {'build': t.ENGINE_BUILD, 'file': engine.__file__, 'urgency': r.urgency}\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", code],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root), **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, str] = json.loads(done.stdout)
    result["stderr"] = done.stderr
    return result


def test_an_edited_source_runs_instead_of_the_stale_compiled_module(tmp_path: Path) -> None:
    """A real copy of the built package: as built it runs compiled; after an edit to engine.py
    it runs the edited source and logs a warning, with the same answer."""
    require_build()
    package = tmp_path / "intake"
    shutil.copytree(
        ROOT / "intake" / "triage", package / "triage", ignore=shutil.ignore_patterns("__pycache__")
    )
    (package / "__init__.py").write_text("", encoding="utf-8")
    fresh = _run_copy(tmp_path)
    assert fresh["build"] == "compiled (mypyc)" and fresh["file"].endswith(".so")
    assert fresh["urgency"] == "emergency"
    with (package / "triage" / "engine.py").open("a", encoding="utf-8") as f:
        f.write("\n# edited after the build\n")
    stale = _run_copy(tmp_path)
    assert stale["file"] == str(package / "triage" / "engine.py")
    assert "older than the source" in stale["build"] and stale["urgency"] == "emergency"
    assert "triage engine: pure Python (the compiled modules are older" in stale["stderr"]
    forced = _run_copy(tmp_path, {native.FORCE_PURE: "1"})
    assert forced["file"].endswith("engine.py") and forced["urgency"] == "emergency"
