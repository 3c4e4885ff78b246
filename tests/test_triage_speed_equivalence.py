"""The speed-ups of the 2026-11-26 session must not change what triage reads.

* ``normalise`` skips the quote translation only when there is nothing to translate;
* the plan's list of eagerly scanned cues is exactly the cues the scan used to pick out of the
  gate's answer (not lazy, with at least one regex line), in file order, with the same scopes.
"""

from __future__ import annotations

import random

from intake.triage.engine import (
    _FORWARD_KINDS,
    _LAZY_KINDS,
    _QUOTES,
    _RECURRENCE_CUE_KINDS,
    _plan,
    normalise,
)
from intake.triage.vocabulary import get_vocabulary

VOCAB = get_vocabulary()


def _reference_normalise(message: str) -> str:
    low = message.lower()
    if len(low) != len(message):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in message)
    return low.translate(_QUOTES)


def test_normalise_equals_the_plain_translation() -> None:
    rng = random.Random(20261126)
    alphabet = list("abcXYZ '.,\n") + ["\u2019", "\u2018", "\u02bc", "`", "\u00b4", "İ", "é"]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 20)))
        assert normalise(text) == _reference_normalise(text), repr(text)


def test_eager_cues_are_the_cues_scanned_before() -> None:
    plan = _plan(VOCAB)
    want = [
        (
            i,
            c.id,
            c.kind,
            c.regex_mask,
            (c.kind in _FORWARD_KINDS, c.kind in _RECURRENCE_CUE_KINDS),
        )
        for i, c in enumerate(VOCAB.cues)
        if c.kind not in _LAZY_KINDS and c.regex_mask
    ]
    assert list(plan.eager) == want
    assert [e[0] for e in plan.eager] == sorted(e[0] for e in plan.eager)
