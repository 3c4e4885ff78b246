"""Context rules added in vocabulary 2026.11.3: whose finding it is, when it happened, and
whether an assessment can have covered it."""

from __future__ import annotations

import pytest

from intake.triage import classify


@pytest.mark.parametrize(
    "message",
    [
        # the writer is the patient; the finding is a named other person's
        "My husband has the flu with a fever of 102. I'm starting chemo Monday, should I go?",
        "My son has a fever of 103. Can I still come to my infusion? I'm on Ibrance.",
        "My 3 year old has a fever of 103, can I reschedule tomorrow's consult?",
        "My coworker collapsed at work today and it scared me. I'm on chemo.",
        # a "when" clause dates the event
        "I fainted when they drew my blood at diagnosis three years ago. Can I lie down this time?",
        "Back then I had a seizure during surgery, it never happened again.",
        # quoted instructions, explanations, the article
        "The discharge papers say call 911 for chest pain or seizure. I don't have any of that.",
        "Can you explain the difference between fainting from anaemia and from dehydration?",
        "Your article lists seizures under brain spread. How often does that happen?",
        # a surgical site named in a following "where" clause
        "my chest is a bit sore where the port went in last week, looks fine otherwise",
        "zero pain, zero fever, breathing fine; can my port flush be done in Wasilla?",
    ],
)
def test_not_an_emergency(message: str) -> None:
    assert classify(message).urgency != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # a relative writing for the patient: the patient's own finding
        "My mom is confused since this morning, she is on chemo.",
        # first person after the named person: the writer's own finding
        "I'm on tamoxifen. My husband found me on the floor this morning, I had passed out.",
        "My husband says I had a fit in my sleep last night. I'm on Enhertu.",
        # the assessment was before the finding began
        "My nose started bleeding tonight and it won't stop. The nurse said my platelets were "
        "low at last week's chemo.",
        # lay wordings
        "Dad is slumped in his chair and we can't get him to respond",
        "my chest feels crushed like someone's sitting on it",
        "my right arm and leg have been weak and heavy since I woke up",
        "I burned myself on purpose last night",
        "some days everyone would be better off if I just ended it all",
        "bleeding from my gums for 2 hours now and it wont stop",
        "I haven't kept even a sip of water down since yesterday morning",
        "her neck looks puffy, her arm swelled up and she's puffing for air sitting down",
    ],
)
def test_emergency(message: str) -> None:
    assert classify(message).urgency == "emergency"


@pytest.mark.parametrize(
    ("month", "emergency"),
    [(11, False), (2, False), (10, True), (9, True)],
)
def test_treatment_ended_in_a_named_month_is_read_against_today(
    monkeypatch: pytest.MonkeyPatch, month: int, emergency: bool
) -> None:
    """'Finished chemo back in August': surely more than six weeks ago in November or February,
    perhaps not in September or October (recall first: those count as recent treatment)."""
    from datetime import date

    from intake.triage import engine

    monkeypatch.setattr(engine, "clock", lambda: date(2026, month, 15))
    result = classify("I finished chemo back in August. Now I have a fever of 38.6 since lunch.")
    assert (result.urgency == "emergency") is emergency
