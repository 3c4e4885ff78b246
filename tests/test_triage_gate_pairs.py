"""The gate's second anchor set per line (``anchor_pair``, ``TokenGate.pairs`` / ``thin``).

The gate wakes a line in a sentence by its first anchor set; the engine then drops the line from
a searched range (a window of woken sentences, or a lazily searched span) whose text lacks the
line's second set. Both sets are necessary conditions of a match, so this must change no result:

* every match of every gated line of the shipped vocabulary, in its examples and the labelled
  messages, holds its second set (``thin`` over the match's own span keeps the line);
* a range without the second set (or with it only inside a longer word) drops the line; one with
  it, or with a whole-word string cut by the range's edge, keeps it;
* the concept hits and the cues are the same with the check and without it.
"""

from __future__ import annotations

from intake.triage.engine import _concepts, _Doc, normalise, sentences
from intake.triage.vocabulary import (
    LAZY_KINDS,
    WORD,
    TokenGate,
    anchor_pair,
    anchors_of,
    get_vocabulary,
)
from tests.triage_support import gate_messages

VOCAB = get_vocabulary()
TEXTS = [normalise(m) for m in gate_messages()]


def test_anchor_pair_finds_a_second_required_set() -> None:
    body = r"(?:thinking|thought)\s+about\s+(?:ending|end)\s+it"
    first, second = anchor_pair(body, True)
    assert first == anchors_of(body, True)  # the gate's own set, unchanged
    assert first is not None and second is not None and first != second
    sets = [{"thinking", "thought"}, {"about"}, {"ending", "end"}]
    assert {a.removeprefix(WORD) for a in first} in sets
    assert {a.removeprefix(WORD) for a in second} in sets
    # a set only one alternative holds is not required of every match
    assert anchor_pair(r"(?:chest\s+pain|pain\s+in\s+my\s+chest)", True)[1] != {WORD + "in"}
    # one literal word: no second set
    assert anchor_pair(r"seizure", True) == (frozenset({WORD + "seizure"}), None)


def test_a_second_set_implied_by_the_first_is_left_out() -> None:
    # "bleeding" holds "bleed": a range with the first always has the second
    first, second = anchor_pair(r"bleeding(?:bleed)?", False)
    assert first == {"bleeding"} and second is None


def test_thin_drops_a_line_whose_second_set_is_absent() -> None:
    gate = TokenGate(
        [[frozenset({"alpha"}), frozenset({"beta"}), frozenset({"gamma"})]],
        [[frozenset({WORD + "end"}), frozenset({"mark%"}), None]],
    )
    pairs = gate.pairs[0]
    assert set(pairs) == {1, 2}  # the third line has no second set: always kept
    text = "alpha friend beta mark% gamma. alpha end. alpha endx"
    # the first sentence: "end" only inside "friend" (not a whole word), "mark%" present
    lo, hi = 0, text.index(".") + 1
    assert gate.thin(0b111, pairs, text, lo, hi) == 0b110
    # the second sentence: "end" as a whole word
    lo2 = hi
    hi2 = text.index(".", lo2) + 1
    assert gate.thin(0b001, pairs, text, lo2, hi2) == 0b001
    assert gate.thin(0b010, pairs, text, lo2, hi2) == 0  # no "mark%" there
    # a window of both sentences holds both
    assert gate.thin(0b011, pairs, text, lo, hi2) == 0b011
    # "endx": not a whole word, unless the range ends inside it (the search's end then stands
    # for the non-letter after it)
    at = text.index("endx")
    assert gate.thin(1, pairs, text, hi2, len(text)) == 0
    assert gate.thin(1, pairs, text, hi2, at + 3) == 1
    # a range starting inside a word: the range's edge stands for the non-letter before it
    assert gate.thin(1, pairs, "xend y", 1, 6) == 1
    assert gate.thin(1, pairs, "xend y", 0, 6) == 0
    assert gate.thin(0, pairs, text, 0, len(text)) == 0


def test_every_match_of_a_gated_line_holds_its_second_set() -> None:
    gate = VOCAB.gate
    checked = 0
    for text in TEXTS:
        whole = [(0, len(text))]
        for si, entries in gate.by_span(text, whole).items():
            pairs = gate.pairs.get(si)
            if pairs is None:
                continue
            mask = entries[0][1]
            for bit in pairs:
                if not mask & bit:
                    continue
                line = VOCAB.finder(si, bit)  # the line's own finder
                for s, e in line.spans(text, " " + text, 0, len(text)):
                    checked += 1
                    assert gate.thin(bit, pairs, text, s, e) == bit, (
                        VOCAB.scanners[si].id,
                        bit.bit_length() - 1,
                        text[s:e],
                    )
    assert checked > 1000


def _lazy(doc: _Doc, text: str, sents: list[tuple[int, int]]) -> list[object]:
    """The lazily found cues (``_Doc._finder``): over the text and over each sentence."""
    spans = [(0, len(text)), *sents]
    return [doc.local(k, lo, hi) for k in sorted(LAZY_KINDS) for lo, hi in spans]


def test_results_equal_without_the_pair_check() -> None:
    gate = VOCAB.gate
    pairs = gate.pairs
    try:
        for text in TEXTS:
            sents = sentences(text)
            by_span = gate.by_span(text, sents)
            gate.pairs = {}
            want = [(h.rule.id, h.start, h.end) for h in _concepts(VOCAB, text, sents, by_span)]
            doc = _Doc(text, VOCAB, sents, by_span, set(range(len(sents))))
            cues = sorted(c for cs in doc.by_kind.values() for c in cs)
            lazy = _lazy(doc, text, sents)
            gate.pairs = pairs
            got = [(h.rule.id, h.start, h.end) for h in _concepts(VOCAB, text, sents, by_span)]
            assert got == want, text
            doc = _Doc(text, VOCAB, sents, by_span, set(range(len(sents))))
            assert sorted(c for cs in doc.by_kind.values() for c in cs) == cues, text
            assert _lazy(doc, text, sents) == lazy, text
    finally:
        gate.pairs = pairs
