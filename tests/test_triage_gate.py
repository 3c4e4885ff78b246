"""The speed machinery must never change a result: the gate, line subsets and fast finders.

* the gate (per-line anchors, word anchors) never drops a line that can match a sentence;
* a finder returns exactly what ``regex.finditer`` returns;
* every concept line has a selective anchor (so the gate keeps triage fast).
"""

from __future__ import annotations

import random
import re

import pytest

from intake.triage.engine import normalise, sentences
from intake.triage.vocabulary import (
    WORD,
    ConceptRule,
    CueRule,
    Finder,
    TokenGate,
    _rank,
    anchors_of,
    get_vocabulary,
)
from tests.triage_support import gate_messages

VOCAB = get_vocabulary()


MESSAGES = gate_messages()


def _gated_lines(scanner: int, sc: CueRule | ConceptRule) -> list[int]:
    """Lines the gate indexes (eager cues' phrase lines are found by the word trie instead)."""
    if isinstance(sc, CueRule) and sc.kind not in {
        "marker",
        "hypothetical_message",
        "assessed",
        "worse",
        "new_episode",
        "again",
        "again_pseudo",
    }:
        return [k for k in range(len(sc.lines)) if sc.regex_mask >> k & 1]
    return list(range(len(sc.lines)))


def test_gate_never_drops_a_line_that_matches() -> None:
    """Soundness: whenever a pattern line matches inside a sentence, the gate woke it up there."""
    line_rx = {
        (i, k): re.compile(rf"(?<![a-z0-9])(?:{body})(?![a-z0-9])" if sc.boundaries else body)
        for i, sc in enumerate(VOCAB.scanners)
        for k, body in enumerate(sc.lines)
    }
    checked = 0
    for message in MESSAGES:
        text = normalise(message)
        spans = sentences(text)
        gate = VOCAB.gate.by_span(text, spans)
        woken = {(i, si): m for i, entries in gate.items() for si, m in entries}
        for i, sc in enumerate(VOCAB.scanners):
            for k in _gated_lines(i, sc):
                for si, (lo, hi) in enumerate(spans):
                    if line_rx[i, k].search(text, lo, hi):
                        checked += 1
                        assert woken.get((i, si), 0) >> k & 1, (sc.id, k, text[lo:hi])
    assert checked > 1000


def test_word_anchors_need_the_whole_word() -> None:
    gate = TokenGate([[frozenset({WORD + "er"})], [frozenset({"er"})]])
    assert gate.candidates("to the er,") == {0, 1}
    assert gate.candidates("i never did") == {1}


@pytest.mark.parametrize(
    # about 7 s per seed: one in make test, two more in make test-slow
    "seed",
    [0, *(pytest.param(seed, marks=pytest.mark.slow) for seed in (1, 2))],
)
def test_finder_equals_finditer(seed: int) -> None:
    rng = random.Random(seed)
    for sc in VOCAB.scanners:
        every = (1 << len(sc.lines)) - 1
        masks = {every, *(rng.randrange(1, every + 1) for _ in range(3))}
        for mask in masks:
            bodies = [b for k, b in enumerate(sc.lines) if mask >> k & 1]
            finder = Finder(bodies, sc.boundaries)
            for message in rng.sample(MESSAGES, 40):
                text = normalise(message)
                padded = " " + text
                lo = rng.randrange(0, len(text) + 1)
                hi = rng.randrange(lo, len(text) + 1)
                want = [m.span() for m in finder.regex.finditer(text, lo, hi)]
                assert finder.spans(text, padded, lo, hi) == want, (sc.id, text[lo:hi])
                assert finder.first(text, padded, lo, hi) == bool(want)


def test_every_concept_line_has_a_selective_anchor() -> None:
    """A line anchored only on a very common string would wake its rule in most sentences."""
    weak = []
    for rule in VOCAB.concepts:
        for body in rule.lines:
            anchors = anchors_of(body, rule.boundaries)
            assert anchors, (rule.id, body)
            if _rank(anchors)[0] < 3 and not all(a.removeprefix(WORD).isdigit() for a in anchors):
                weak.append((rule.id, sorted(anchors), body))
    assert weak == []


def test_other_rules_must_come_last() -> None:
    from intake.triage.vocabulary import VocabularyError, build

    doc = {
        "version": "2026.1.1",
        "rules": [
            {"id": "tag.other.x", "label": "other", "patterns": "foo", "examples": ["foo"]},
            {"id": "tag.symptoms.y", "label": "symptoms", "patterns": "bar", "examples": ["bar"]},
        ],
    }
    with pytest.raises(VocabularyError, match="after all the other rules"):
        build(doc)
