"""Wordings changed in vocabulary 2026.11.153: the writer's own finding inside a question.

``ctx.hypothetical.document``'s "which number / what temperature ...?" line read the whole
question as one about a threshold, so "Which number do I call, I'm having chest pain?" lost the
pain the writer has now. The line no longer covers a question that tells the writer's own finding
("I'm having", "I've got", "now", "my temp is").

``ctx.hypothetical.asserted_time``: a thermometer reading told as now or with how long it has
lasted ("I was told to watch for new symptoms: fever 38.9 since lunch", "If she has a fever of
39 right now, should I bring her in?") is the patient's, even after "watch for" or "if".

``ctx.hypothetical.pre``: "if" that means "given that", with a time of now in its clause ("If my
husband has chest pain now, do I call you or 911?", "If my dad had a fit this morning, do we still
come?") tells the finding; "If she gets a fever tonight" and "If I ever ran a fever now" still pose
one.

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
        (
            "The nurse said if I get a fever over 38 to go straight to the ER. It's 38.2 now.",
            "fever",
        ),
        # "if" that means "given that": the finding is now
        ("If she has a fever of 39 right now, should I bring her in?", "fever"),
        ("If mum has a fever of 39 now what do I do", "fever"),
        ("If my husband has chest pain now, do I call you or 911?", "chest_pain"),
        ("If my wife has a seizure right now should I call 911", "seizure"),
        ("If my dad had a fit this morning, do we still come to his appointment?", "seizure"),
        (
            "If my husband got up this morning with one side of his face drooping, is that a"
            " stroke?",
            "stroke",
        ),
        ("If my mom has trouble breathing like she does now what should we do", "breathing"),
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
        "If my husband has a fever of 39, should I bring him in?",
        "If I get a fever now that I'm on chemo, what do I do?",
        "If she gets a fever tonight, should we go to the ER?",
        "If I ever ran a fever now, would it still count as an emergency? I finished chemo 8 years"
        " ago and feel fine.",
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


# The second part of 2026.11.153: false alarms of held-out sets (blind223-235), each fixed as
# narrowly as it needed, beside the real emergencies that must stay.


@pytest.mark.parametrize(
    "message",
    [
        # the basketball team (b235-042)
        "The Fever game last night had me on my feet the whole 4th quarter lol. Anyway, can someone"
        " confirm my appointment on Thursday?",
        "Got Indiana Fever tickets for my birthday! Can I move my infusion to Friday?",
        # a labrador called "lab" (b230-028)
        "Our old lab had a seizure this morning and I'm a mess. Sorry, I need to move my mammogram"
        " to next week.",
        # "ever" after a named relative (b226-048, b230-114)
        "If mom's lips ever go blue, is that a 911 thing or a call-the-clinic thing? Just want to"
        " be ready.",
        "My son is a paramedic and he says if Mom ever slurs or her face droops we go straight to"
        " the ER, not to you. Is that right? She's fine now.",
        "if my husband ever has a seizure what do I do",
        # the fear of a return (b223-151)
        "Three weeks ago I had a fever of 101 during chemo and was admitted for neutropenia. I'm"
        " home now, but I'm terrified of it happening again. When are my next bloods?",
    ],
)
def test_held_out_false_alarms_are_not_emergencies(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("The fever came back last night, 38.6, I'm on chemo", "fever"),
        ("My lab results came back and I had a seizure this morning", "seizure"),
        ("Took our lab out for a walk and had a seizure on the path", "seizure"),
        (
            "What would you do if your lips started swelling during an infusion? Mine are swelling"
            " right now",
            "infusion_reaction",
        ),
        # "what would you do if" is not posed: the writer may be telling their own state (b231-076)
        (
            "What would you do if your back was screaming and your legs felt like they belonged to"
            " somebody else? Asking because that's me since lunch. I have mets in my spine.",
            "cord_compression",
        ),
        ("If her face droops like it is doing now, do we call 911?", "stroke"),
        ("If Mum's face droops like it is doing now, do we call 911?", "stroke"),
        ("If mom ever slurs her words like she is doing now, call 911?", "stroke"),
        ("if my husband ever has a seizure like he is having now what do I do", "seizure"),
        (
            "I had a seizure last year and I'm terrified of it happening again, and it is, she's"
            " jerking now",
            "seizure",
        ),
        (
            "I had a fever last week and was scared of it happening again and it has, 38.7 tonight",
            "fever",
        ),
    ],
)
def test_beside_them_real_emergencies_stay(message: str, flag: str) -> None:
    assert_flagged(message, flag)
