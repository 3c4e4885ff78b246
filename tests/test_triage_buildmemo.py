"""The vocabulary's build memo (intake/triage/buildmemo.py): results kept between processes.

A worker that reads the memo must build exactly the vocabulary it would have computed: the same
compiled patterns (a pattern compares equal to another only with the same text, flags and
code), the same gate, phrases and plan, the same answers. Each test loads its own copy of the
package from a temporary directory (``native.load_source_package``), so the memo it writes and
reads is its own, never the checkout's.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from dataclasses import astuple
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from intake.triage import buildmemo, native, vocabulary
from tests.conftest import triage_today

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "intake" / "triage"
_COUNT = iter(range(1_000_000))


def package_copy(directory: Path) -> Path:
    """The triage package's source and data, without any build or memo, in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    for path in SOURCE.iterdir():
        if path.is_file() and path.suffix in {".py", ".yaml", ".tsv"}:
            shutil.copy2(path, directory / path.name)
    return directory


def load(directory: Path) -> ModuleType:
    """A fresh import of the package in ``directory`` (under a name of its own)."""
    package = native.load_source_package(f"triage_memo_copy{next(_COUNT)}", directory)
    package.engine.clock = triage_today
    return package


def memo_file(directory: Path) -> Path:
    """The memo of a package copy (loaded under another name, so it runs the source)."""
    return directory / "_build" / buildmemo.file_name("source")


def key_of(directory: Path) -> str:
    return buildmemo.key_for((directory / "vocabulary.py").read_bytes(), "source")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """Three imports of the same source: with the memo off (``re.compile`` and the analyses as
    they always were), with the memo on and no file (computes, writes), and again (reads)."""
    directory = package_copy(tmp_path_factory.mktemp("memo") / "pkg")
    saved = os.environ.get(buildmemo.SWITCH)
    os.environ[buildmemo.SWITCH] = "0"
    try:
        off = load(directory)
    finally:
        if saved is None:
            del os.environ[buildmemo.SWITCH]
        else:
            os.environ[buildmemo.SWITCH] = saved
    assert not memo_file(directory).exists()
    first = load(directory)
    written = memo_file(directory).read_bytes()
    second = load(directory)
    yield {"directory": directory, "off": off, "first": first, "second": second, "file": written}


def test_the_first_build_writes_the_memo_and_the_next_reads_it_without_writing(
    built: dict[str, Any],
) -> None:
    """Nothing missing the second time, so nothing written: the file is byte for byte the one
    the first build wrote (the second's build computed nothing)."""
    assert memo_file(built["directory"]).read_bytes() == built["file"]
    tables, spills, blob = buildmemo.read(memo_file(built["directory"]), key_of(built["directory"]))
    assert {"first", "pair", "phrases", "code", "marks", "needles"} <= set(tables)
    assert spills == {"code": 1}
    assert len(tables["code"]) > 1000 and len(blob) > 1_000_000


def _patterns(package: ModuleType) -> list[tuple[Any, re.Pattern[str] | None]]:
    vocab = package.vocabulary.get_vocabulary()
    plan = package.engine._plan(vocab)
    out: list[tuple[Any, re.Pattern[str] | None]] = []
    for key, finder in sorted(vocab._single.items()):
        out.append((key, finder._padded if finder._padded is not None else finder.regex))
    for key, finder in sorted(plan.excludes.items()):
        out.append((("exclude", key), finder._padded))
    return out


def test_every_pattern_read_back_is_the_one_re_compile_makes(built: dict[str, Any]) -> None:
    """Every line's own finder and every exclusion finder, from the memo's code, equals the
    pattern the build without the memo compiled with ``re.compile`` (text, flags and code)."""
    off, first, second = (
        _patterns(built["off"]),
        _patterns(built["first"]),
        _patterns(built["second"]),
    )
    assert len(off) > 1500
    assert [k for k, _ in off] == [k for k, _ in second] == [k for k, _ in first]
    for (key, want), (_, made), (_, read) in zip(off, first, second, strict=True):
        assert want is not None and made == want and read == want, key
        assert (read.groups, read.groupindex, read.flags) == (
            want.groups,
            want.groupindex,
            want.flags,
        )


def _gate(package: ModuleType) -> tuple[Any, ...]:
    gate = package.vocabulary.get_vocabulary().gate
    return (gate.pairs, gate._always, gate._index, gate._words, gate._lengths)


def test_the_gate_phrases_and_plan_read_back_are_the_ones_computed(built: dict[str, Any]) -> None:
    off, second = built["off"], built["second"]
    v_off, v_second = off.vocabulary.get_vocabulary(), second.vocabulary.get_vocabulary()
    assert _gate(off) == _gate(second)
    # (each copy has its own classes: compared by their fields)
    assert [astuple(c) for c in v_off.cues] == [astuple(c) for c in v_second.cues]  # phrases
    assert [astuple(r) for r in v_off.all_rules] == [astuple(r) for r in v_second.all_rules]
    assert v_off.phrase_trie == v_second.phrase_trie
    assert v_off._first == v_second._first
    p_off, p_second = off.engine._plan(v_off), second.engine._plan(v_second)
    assert (p_off.marks, p_off.needles) == (p_second.marks, p_second.needles)


def test_the_answers_are_the_same_with_and_without_the_memo(built: dict[str, Any]) -> None:
    """Full results (tags, urgency, reasons with offsets) on labelled sets of every kind."""
    names = ["samples", "labelled", "blind2", "blind100", "blind150", "blind176", "blind179"]
    count = 0
    for name in names:
        path = ROOT / "tests" / "data" / f"triage_{name}.jsonl"
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            args = (row["message"], row.get("concerns") or [], bool(row.get("symptoms_now")))
            want = built["off"].classify(*args).to_dict()
            assert built["second"].classify(*args).to_dict() == want, row["message"]
            count += 1
    assert count > 1000


def _poisoned(directory: Path, key: str) -> None:
    """The directory's memo rewritten under ``key`` with every line's first characters wrong."""
    tables, spills, blob = buildmemo.read(memo_file(directory), key_of(directory))
    assert tables
    tables["first"] = {k: frozenset("#") for k in tables["first"]}
    code = tables["code"]
    tables["code"] = {
        k: (v[0], bytes(blob[v[1][0] : v[1][0] + v[1][1]]), *v[2:]) for k, v in code.items()
    }
    assert buildmemo.write(memo_file(directory), key, tables, spills)


def _firsts(package: ModuleType) -> set[frozenset[str] | None]:
    return set(package.vocabulary.get_vocabulary()._first.values())


def test_a_memo_is_read_only_under_its_own_key(tmp_path: Path) -> None:
    """The same wrong results are used under the right key (so the file is read) and ignored
    under any other: an edited ``vocabulary.py``, another build flavour, another Python."""
    directory = package_copy(tmp_path / "pkg")
    good = _firsts(load(directory))
    _poisoned(directory, key_of(directory))
    assert _firsts(load(directory)) <= {frozenset("#"), None}  # read: the key is what protects
    for key in (
        "0" * 64,
        buildmemo.key_for((directory / "vocabulary.py").read_bytes(), "compiled"),
        buildmemo.key_for((directory / "vocabulary.py").read_bytes() + b"# edited\n", "source"),
    ):
        _poisoned(directory, key)  # the wrong results, under another key
        package = load(directory)
        assert _firsts(package) == good
        assert package.classify("I had a seizure an hour ago").urgency == "emergency"
        tables, _, _ = buildmemo.read(memo_file(directory), key_of(directory))
        assert len(tables["pair"]) > 1000  # written again, under this source's key


def test_an_edited_vocabulary_py_makes_a_new_key(tmp_path: Path) -> None:
    directory = package_copy(tmp_path / "pkg")
    before = key_of(directory)
    with open(directory / "vocabulary.py", "a", encoding="utf-8") as handle:
        handle.write("\n# an edit\n")
    assert key_of(directory) != before
    assert buildmemo.key_for(b"x", "source") != buildmemo.key_for(b"x", "compiled")


@pytest.mark.parametrize("damage", ["truncated", "flipped", "garbage", "empty"])
def test_a_damaged_memo_is_ignored(tmp_path: Path, damage: str) -> None:
    directory = package_copy(tmp_path / "pkg")
    load(directory)
    path = memo_file(directory)
    data = path.read_bytes()
    key = key_of(directory)
    damaged = {
        "truncated": data[: len(data) // 2],
        "flipped": data[:-100] + bytes([data[-100] ^ 0xFF]) + data[-99:],
        "garbage": key.encode() + b"\nnot a digest\n" + b"\x00" * 100,
        "empty": b"",
    }[damage]
    path.write_bytes(damaged)
    assert buildmemo.read(path, key) == ({}, {}, memoryview(b""))
    package = load(directory)
    assert package.classify("she is coughing up blood since this morning").urgency == "emergency"
    assert path.read_bytes() == data  # computed again, and the same file written


def test_a_directory_that_cannot_be_written_is_left_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Where ``_build`` cannot be made (here a file is in its place; a read-only install is the
    same), the build computes everything and goes on, saying so once: nothing written."""
    directory = package_copy(tmp_path / "pkg")
    (directory / "_build").write_text("not a directory", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="intake.triage"):
        package = load(directory)
    assert package.classify("I had a seizure an hour ago").urgency == "emergency"
    assert (directory / "_build").read_text(encoding="utf-8") == "not a directory"
    assert not buildmemo.write(memo_file(directory), "k", {}, {})
    said = [r.getMessage() for r in caplog.records if "build memo" in r.getMessage()]
    assert len(said) == 1 and "cannot be written" in said[0], said


def test_a_stale_temporary_file_is_removed_and_a_fresh_one_kept(tmp_path: Path) -> None:
    """A process killed while writing leaves ``.memo-*``; the next write removes it once it is
    old enough that no writer can still be at work on it."""
    stale, fresh = tmp_path / ".memo-stale", tmp_path / ".memo-fresh"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    old = time.time() - buildmemo.STALE_TEMP - 60
    os.utime(stale, (old, old))
    assert buildmemo.write(tmp_path / "memo-source.marshal", "k", {"t": {b"a": 1}}, {})
    assert not stale.exists() and fresh.exists()


def test_the_switch_turns_the_memo_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for value in ("0", "false", "No", "off"):
        assert not buildmemo.enabled({buildmemo.SWITCH: value})
    assert buildmemo.enabled({}) and buildmemo.enabled({buildmemo.SWITCH: "1"})
    monkeypatch.setenv(buildmemo.SWITCH, "off")
    directory = package_copy(tmp_path / "pkg")
    load(directory)
    assert not (directory / "_build").exists()


def test_results_are_kept_apart_by_every_argument(tmp_path: Path) -> None:
    """``anchor_pair(body, True)`` and ``(body, False)`` are different results."""
    source = tmp_path / "vocabulary.py"
    source.write_bytes(b"source")
    memo = buildmemo.Memo(source, tmp_path, "source")
    calls: list[tuple[str, bool]] = []

    def compute(body: str, boundaries: bool) -> tuple[str, bool]:
        calls.append((body, boundaries))
        return body, boundaries

    assert memo.get("pair", ("x", True), compute) == ("x", True)
    assert memo.get("pair", ("x", False), compute) == ("x", False)
    assert memo.get("pair", ("x", True), compute) == ("x", True)
    assert memo.get("other", ("x", True), lambda b, f: None) is None
    assert calls == [("x", True), ("x", False)] and memo.misses == 3
    assert memo.close()
    again = buildmemo.Memo(source, tmp_path, "source")
    assert again.get("pair", ("x", False), compute) == ("x", False)
    assert again.get("other", ("x", True), compute) is None  # a None result read back
    assert again.misses == 0 and len(calls) == 2


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![a-z0-9])(?:chest\s+pain|can'?t breathe)(?![a-z0-9])",
        r"(?P<temp>\d{2,3}(?:\.\d)?)\s*(?:f|c)\b",
        r"(?i:fever)|a.b",
        r"(?i)fever",
        r"(?x) a b  # spaced",
        r"(?a)\w+",
        r"(?s)a.b",
        r"[^a-z0-9](?=[cs])((?:(?:chest)|(?:seizure)))(?![a-z0-9])",
        r"x{2,}?|(a)(b)?\1",
        "caf\u00e9|na\u00efve",
    ],
)
def test_code_read_back_makes_the_pattern_re_compile_makes(pattern: str, tmp_path: Path) -> None:
    """Named and numbered groups, back references, inline and scoped flags, non-ASCII text:
    compiled through the memo, written, read back by another memo."""
    want = re.compile(pattern)
    source = tmp_path / "vocabulary.py"
    source.write_bytes(b"source")
    saved = vocabulary._MEMO
    try:
        vocabulary._MEMO = writer = buildmemo.Memo(source, tmp_path, "source")
        made = vocabulary._compiled(pattern)
        assert writer.misses == 1 and writer.close()
        vocabulary._MEMO = reader = buildmemo.Memo(source, tmp_path, "source")
        read = vocabulary._compiled(pattern)
        assert reader.misses == 0 and not reader.close()
    finally:
        vocabulary._MEMO = saved
    assert made == want and read == want
    assert (read.groups, read.groupindex, read.flags) == (want.groups, want.groupindex, want.flags)
    text = "a chest pain 101.5 f caf\u00e9 aab xxx FEVER a\nb ab \u00e9t\u00e9"
    assert [m.span() for m in read.finditer(text)] == [m.span() for m in want.finditer(text)]


def test_the_c_yaml_loader_reads_the_vocabulary_as_the_python_one_does() -> None:
    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML was built without libyaml: the Python loader is the only one")
    text = (SOURCE / "vocabulary.yaml").read_text(encoding="utf-8")
    assert yaml.load(text, Loader=yaml.CSafeLoader) == yaml.safe_load(text)
    assert vocabulary._yaml(text) == yaml.safe_load(text)


def _alternation_text(lines: Any, boundaries: bool = True) -> str:
    inner = "|".join(f"(?:{b})" for b in lines)
    return f"(?<![a-z0-9])(?:{inner})(?![a-z0-9])" if boundaries else inner


def test_every_alternation_compiles_and_holds_its_lines() -> None:
    """Rules' and cues' whole alternations are compiled when first asked for, not at load: each
    of the packaged vocabulary's compiles (lines that compile alone could still clash when
    combined), and holds exactly its lines (a cue's ``regex``: those not read as phrases)."""
    vocab = vocabulary.get_vocabulary()
    for rule in vocab.concepts:
        assert rule.regex is not None and rule.regex is rule.regex
        assert rule.regex.pattern == _alternation_text(rule.lines), rule.id
        if rule.exclude_lines:
            assert rule.exclude is not None, rule.id
            assert rule.exclude.pattern == _alternation_text(rule.exclude_lines), rule.id
        else:
            assert rule.exclude is None
    for combo in vocab.combos:
        assert combo.regex is None and not combo.lines
    for cue in vocab.cues:
        assert cue.full_regex is not None
        assert cue.full_regex.pattern == _alternation_text(cue.lines, cue.boundaries), cue.id
        regex_lines = [b for k, b in enumerate(cue.lines) if cue.regex_mask >> k & 1]
        if regex_lines:
            assert cue.regex is not None, cue.id
            assert cue.regex.pattern == _alternation_text(regex_lines, cue.boundaries), cue.id
        else:
            assert cue.regex is None


@pytest.mark.parametrize(
    ("where", "line"),
    [("patterns", "(fit|seizure) now"), ("patterns", "(?P<x>fit) now"), ("exclude", "(old) fits")],
)
def test_a_capturing_group_in_a_line_is_refused_at_load(where: str, line: str) -> None:
    """Lines are combined into alternations compiled later (when first needed): a group there
    would be renumbered, a named one could clash; the load says so, naming the line."""
    raw: dict[str, Any] = {
        "id": "rf.seizure.9",
        "label": "emergency",
        "flag": "seizure",
        "patterns": ["seizure now"],
    }
    raw[where] = [*raw.get(where, []), line]
    data = {"version": "2026.11.1", "rules": [raw]}
    with pytest.raises(vocabulary.VocabularyError, match="capturing group"):
        vocabulary.build(data)
