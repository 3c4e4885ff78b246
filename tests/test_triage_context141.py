"""Wordings changed in vocabulary 2026.11.153: the writer's own finding inside a question.

``ctx.hypothetical.document``'s "which number / what temperature ...?" line read the whole
question as one about a threshold, so "Which number do I call, I'm having chest pain?" lost the
pain the writer has now. The line no longer covers a question that tells the writer's own finding
("I'm having", "I've got", "now", "my temp is").

``ctx.hypothetical.asserted_time``: a thermometer reading told as now or with how long it has
lasted ("I was told to watch for new symptoms: fever 38.9 since lunch", "If she has a fever of
39 right now, should I bring her in?") is the patient's, even after "watch for" or "if".

``ctx.hypothetical.pre``: "if" before a named relative ("If Mum got a temp of 38.5 on Taxol, would
she need the ER?", "If my husband has a fever of 39, ...") poses a what-if, as it does before
"she" or "he".

``ctx.hypothetical.asserted``: a bare "now" after "asking about my husband" says when the
question is asked, not that he has the sign ("What should we do if he gets a fever on chemo? I'm
asking about my husband now." was an emergency in 2026.11.152). "Now" set apart ("Asking for
me. Now.", "asking for me, now") and "right now" still make the question the writer's own.
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    vocabulary_version,
)


def test_version() -> None:
    """This arrived in 2026.11.153; later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 153)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Which number do I call, I'm having chest pain?", "chest_pain"),
        ("What number do I ring? My wife's having a seizure right now?", "seizure"),
        ("Which number do I call, I've got a fever of 39 tonight?", "fever"),
        ("I was told to watch for new symptoms: fever 38.9 since lunch", "fever"),
        ("They said look out for infection. Temp 38.6 since this morning.", "fever"),
        ("What if I get a fever? Temp 38.6 since this morning.", "fever"),
        # a reading told as its own finding after the instruction (b16-019's wording)
        ("The nurse said if I get a fever over 38 to go straight to the ER. It's 38.2 now.", "fever"),
        # "if" that means "given that": the reading is now
        ("If she has a fever of 39 right now, should I bring her in?", "fever"),
        ("If mum has a fever of 39 now what do I do", "fever"),
    ],
)
def test_the_writers_own_finding_inside_a_question_is_read(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        # the threshold asked about, nobody's reading
        "What temperature should I call at? 38 or 38.5?",
        "What temperature do I call you at if I have a fever?",
        "Which number should I call if I get chest pain at night?",
        "They said to watch for a fever of 38.5 or more, and to call the line.",
        "watch for fever over 38 and chills",
        # the question asked now, about someone else's what-if
        "What should we do if he gets a fever on chemo? I'm asking about my husband now.",
        # the relative named as well as "she" in a what-if
        "If Mum got a temp of 38.5 on Taxol, would she need the ER? Asking for my mum now that"
        " she's started.",
        "If my husband has a fever of 39, should I bring him in?",
    ],
)
def test_a_question_without_the_writers_own_finding_stays_a_question(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "what if someone on chemo has a fever of 102? asking for me, now",
        "What should we do if he gets a fever on chemo? I'm asking about my husband right now.",
        "What would a fever of 39 on chemo mean? Asking for my dad - right now.",
    ],
)
def test_now_set_apart_still_makes_the_question_the_writers_own(message: str) -> None:
    assert_flagged(message, "fever")
