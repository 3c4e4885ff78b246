"""The compiled triage engine (mypyc, tools/build_native.py), and when it runs, not the source.

The compiled modules must give exactly what the source gives, and must never run once the source
has changed under them (Python would otherwise import a stale extension module in preference to
the edited ``.py``). ``make install`` builds them; in CI (INTAKE_REQUIRE_SERVICES) a missing build
is a failure, elsewhere a skip.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import intake.triage
from intake.triage import native
from tests.conftest import REQUIRE_SERVICES, TRIAGE_TODAY, triage_today

ROOT = Path(__file__).resolve().parents[1]
SUFFIX = EXTENSION_SUFFIXES[0]
BUILT = intake.triage.ENGINE_BUILD.startswith("compiled")


def require_build() -> None:
    if BUILT:
        return
    if native.forced_pure():
        pytest.skip(f"{native.FORCE_PURE} is set: this run tests the pure Python source")
    message = f"the triage engine runs {intake.triage.ENGINE_BUILD}; `make native` compiles it"
    if REQUIRE_SERVICES:
        pytest.fail(f"{message} (INTAKE_REQUIRE_SERVICES is set, so this is a failure)")
    pytest.skip(message)


def load_source_engine() -> ModuleType:
    """This tree's triage package under another name, which always runs its source (its clock
    the suite's ``TRIAGE_TODAY``, as the packaged engine's)."""
    package = native.load_source_package("triage_source_copy")
    package.engine.clock = triage_today
    return package


def test_the_app_runs_the_compiled_engine_or_the_source_when_told() -> None:
    """In ``make test``'s second pass (INTAKE_TRIAGE_PURE=1) every module must be the source."""
    from intake.triage import engine, spelling, vocabulary

    files = [module.__file__ or "" for module in (engine, spelling, vocabulary)]
    if native.forced_pure():
        assert all(f.endswith(".py") for f in files), files
        assert intake.triage.ENGINE_BUILD == f"pure Python ({native.FORCE_PURE} is set)"
        return
    require_build()
    assert all(Path(f).parent == native.BUILD_DIR and f.endswith(SUFFIX) for f in files), files


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


def test_the_suite_reads_months_against_a_fixed_day() -> None:
    """Labels that depend on the month ("finished chemo in March") hold whatever the calendar
    says: the packaged engine and its source copy both read ``TRIAGE_TODAY`` as today."""
    from intake.triage import engine

    assert engine.today() == TRIAGE_TODAY
    assert load_source_engine().engine.today() == TRIAGE_TODAY
    message = "I finished chemo in March and it's October now. Temperature 38.5 tonight."
    assert intake.triage.classify(message).urgency == "priority"


MYPY = "2.4.1"


def _fake_tree(tmp_path: Path, *, built: bool = True) -> Path:
    """A package directory with sources, and a "build" whose stamp matches them."""
    directory = tmp_path / "triage"
    (directory / "_build").mkdir(parents=True)
    for name in (*native.COMPILED, "model", "__init__"):
        (directory / f"{name}.py").write_text(f"# {name}\n", encoding="utf-8")
    if built:
        for name in native.module_names():
            (directory / "_build" / f"{name}{SUFFIX}").write_bytes(f"{name} built".encode())
        stamp = native.stamp_text(directory, directory / "_build", MYPY)
        (directory / "_build" / native.STAMP).write_text(stamp, encoding="utf-8")
    return directory


def _state(directory: Path, **environ: str) -> native.Build:
    return native.state(native.PACKAGE, directory, environ)


def test_a_current_build_is_chosen(tmp_path: Path) -> None:
    assert _state(_fake_tree(tmp_path)) == native.Build(True, "compiled (mypyc)", False)


@pytest.mark.parametrize("edited", ["engine.py", "model.py", "__init__.py"])
def test_a_build_of_other_source_is_not_used_and_is_reported(tmp_path: Path, edited: str) -> None:
    """Any source file of the package: the compiled modules build in what they import
    (``model.py``'s named tuples and constants), not only their own source."""
    directory = _fake_tree(tmp_path)
    with (directory / edited).open("a", encoding="utf-8") as f:
        f.write("# edited after the build\n")
    build = _state(directory)
    assert not build.compiled and build.warn
    assert "do not match the source" in build.reason and "make native" in build.reason


def test_a_damaged_or_missing_extension_is_not_used_and_is_reported(tmp_path: Path) -> None:
    """A copy cut short (a truncated extension can crash the process when it is loaded)."""
    directory = _fake_tree(tmp_path)
    engine_so = directory / "_build" / f"engine{SUFFIX}"
    engine_so.write_bytes(engine_so.read_bytes()[:3])
    damaged = _state(directory)
    assert not damaged.compiled and damaged.warn and "do not match" in damaged.reason
    engine_so.unlink()
    missing = _state(directory)
    assert not missing.compiled and missing.warn and "incomplete" in missing.reason


def test_no_build_runs_the_source_quietly_and_says_why(tmp_path: Path) -> None:
    directory = _fake_tree(tmp_path, built=False)
    build = _state(directory)
    assert not build.compiled and not build.warn and "not compiled" in build.reason
    stamp = "not built: CompileError: gcc not found\n"
    (directory / "_build" / native.STAMP).write_text(stamp, encoding="utf-8")
    build = _state(directory)
    assert not build.compiled and not build.warn
    assert "gcc not found" in build.reason and "make native" in build.reason


def test_the_source_can_be_forced_and_runs_under_any_other_package_name(tmp_path: Path) -> None:
    directory = _fake_tree(tmp_path)
    forced = _state(directory, **{native.FORCE_PURE: "1"})
    assert not forced.compiled and native.FORCE_PURE in forced.reason
    assert _state(directory, **{native.FORCE_PURE: "0"}).compiled
    assert not native.state("triage_old", directory, {}).compiled


def _run_copy(root: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """Import a copy of the package in a fresh interpreter; which files ran, and a result."""
    code = (
        "import json, intake.triage as t\n"
        "from intake.triage import engine, spelling, vocabulary\n"
        "r = t.classify('I had a seizure this morning.')\n"
        "files = [m.__file__ for m in (engine, spelling, vocabulary)]\n"
        "print(json.dumps({'build': t.ENGINE_BUILD, 'files': files, 'urgency': r.urgency}))\n"
    )
    done = subprocess.run(  # noqa: S603 - this interpreter, fixed code
        [sys.executable, "-c", code],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root), **(env or {})},
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    result["stderr"] = done.stderr
    return result


def _copy_built_package(root: Path) -> tuple[Path, list[str]]:
    """A copy of the built package under ``root``; its triage folder and its source files."""
    require_build()
    package = root / "intake"
    shutil.copytree(
        ROOT / "intake" / "triage", package / "triage", ignore=shutil.ignore_patterns("__pycache__")
    )
    (package / "__init__.py").write_text("", encoding="utf-8")
    triage = package / "triage"
    return triage, [str(triage / f"{name}.py") for name in ("engine", "spelling", "vocabulary")]


def _edit_model(triage: Path) -> None:
    """An edit to ``model.py``, which the compiled modules built in."""
    with (triage / "model.py").open("a", encoding="utf-8") as f:
        f.write("TAGS = list(TAGS)  # type: ignore[assignment]\n")


def test_a_real_build_runs_only_with_its_own_source(tmp_path: Path) -> None:
    """A copy of the built package in fresh interpreters: as built it runs compiled; after an
    edit to ``model.py`` it runs the source and logs a warning; with the same answer."""
    triage, source_files = _copy_built_package(tmp_path)

    fresh = _run_copy(tmp_path)
    assert fresh["build"] == "compiled (mypyc)" and fresh["urgency"] == "emergency"
    assert all(f.startswith(str(triage / "_build")) for f in fresh["files"]), fresh["files"]

    _edit_model(triage)
    stale = _run_copy(tmp_path)
    assert stale["files"] == source_files and stale["urgency"] == "emergency"
    assert "do not match the source" in stale["build"]
    assert "triage engine: pure Python (the compiled modules do not match" in stale["stderr"]


@pytest.mark.slow  # two more fresh interpreters on the pure engine (about 12 s): make test-slow
def test_a_forged_stamp_or_the_switch_runs_the_source(tmp_path: Path) -> None:
    """The fault a stamp check cannot see (a stamp made for the edited source, as a hash
    collision or a hand-copied stamp would be): the compiled vocabulary refuses a list, and the
    source runs; and the switch that forces the source, in a fresh interpreter."""
    triage, source_files = _copy_built_package(tmp_path)
    _edit_model(triage)
    stamp_path = triage / "_build" / native.STAMP
    mypy_version = stamp_path.read_text(encoding="utf-8").partition("\n")[0].removeprefix("mypy ")
    stamp_path.write_text(
        native.stamp_text(triage, triage / "_build", mypy_version), encoding="utf-8"
    )
    forged = _run_copy(tmp_path)
    assert forged["files"] == source_files and forged["urgency"] == "emergency"
    assert "failed to load: TypeError" in forged["build"], forged["build"]

    forced = _run_copy(tmp_path, {native.FORCE_PURE: "1"})
    assert forced["files"] == source_files and forced["urgency"] == "emergency"
