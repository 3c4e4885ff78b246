"""Typing slips are re-spelled before matching, and reasons still point at what was written."""

from __future__ import annotations

import pytest

from intake.triage import classify
from intake.triage.spelling import original_span, parse, respell
from intake.triage.vocabulary import get_vocabulary


def test_nothing_to_fix_returns_the_text_itself() -> None:
    text = "chest pain since this morning"
    fixed, where = respell(text, {"pian": "pain"})
    assert fixed is text and where is None


def test_a_longer_word_maps_back_to_the_slip() -> None:
    text = "short of breth now"
    fixed, where = respell(text, {"breth": "breath"})
    assert fixed == "short of breath now"
    s = fixed.index("breath")
    assert original_span(where, s, s + len("breath")) == (9, 14)
    assert text[slice(*original_span(where, 0, len(fixed)))] == text
    # text after the fix keeps its own offsets
    n = fixed.index("now")
    assert original_span(where, n, n + 3) == (15, 18)


def test_a_shorter_word_maps_back_too() -> None:
    fixed, where = respell("had a siezure today", {"siezure": "seizure", "xx": "x"})
    assert fixed == "had a seizure today"
    fixed, where = respell("diarreah all day", {"diarreah": "diarrhea"})
    assert fixed == "diarrhea all day" and where is not None
    assert original_span(where, 0, 8) == (0, 8)


def test_parse_rejects_a_malformed_line() -> None:
    with pytest.raises(ValueError, match="line 2"):
        parse("# comment\npian pain\n")


def test_the_packaged_table_never_rewrites_a_word_into_itself() -> None:
    table = get_vocabulary().spelling
    assert len(table) > 1000
    assert all(slip != word for slip, word in table.items())
    # common English words must never be "corrected" into a symptom
    for word in ("pan", "pin", "stoke", "selling", "chess", "then", "wont", "best"):
        assert word not in table


@pytest.mark.parametrize(
    ("message", "flag_phrase"),
    [
        ("chest pian and short of breth since this morning", "chest pian"),
        ("my wife had a sezure an hour ago", "sezure"),
        ("I've been vommiting blood tonight", "vommiting blood"),
    ],
)
def test_slips_are_found_and_reasons_quote_the_writer(message: str, flag_phrase: str) -> None:
    result = classify(message)
    assert result.urgency == "emergency"
    phrases = [r.phrase for r in result.reasons if r.label == "emergency"]
    assert any(flag_phrase in p or p in flag_phrase for p in phrases), phrases
    for r in result.reasons:
        assert message[r.start : r.end] == r.phrase
