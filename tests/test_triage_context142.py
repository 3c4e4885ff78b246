"""Wordings changed in vocabulary 2026.11.154: the first-sight errors of blind236-239.

The one miss: nails dug into the skin until it bleeds, when the anxiety gets bad, is self-harm
(``rf.self_harm.1``: "When the scan anxiety gets bad I dig my nails into my wrists until they
bleed", b239-034). Not nails pressed into a palm for a blood draw.

A message-wide "for my class" (``ctx.hypothetical.message``) no longer covers the writer's own
self-harm words ("I'm writing a paper on suicide risk for my class but honestly I've been
thinking of killing myself" was routine): engine.py ``_OWN_HARM``.

False alarms, each fixed as narrowly as it needed, beside the emergencies that must stay: a fever
with its reading asked about as an emergency (b236-017), suicide as the topic of a paper (b236-138),
a sign named as one in general (b237-028), "if I'm on chemo and get a fever" (b237-086), "if
someone faint" (b238-052), a seizure alert dog (b239-060), feeling hot against a thermometer that
says normal (b239-049). The backstop's new limit (a reading under the threshold, b238-011) is tested
with the backstop on, in tests/test_triage_review_probes154.py: this file, like every rules' test,
runs with it off (tests/conftest.py).
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    vocabulary_version,
)


def test_version() -> None:
    """This arrived in 2026.11.154; later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 154)


@pytest.mark.parametrize(
    "message",
    [
        "When the scan anxiety gets bad I dig my nails into my wrists until they bleed. It's been"
        " most nights this week.",
        "i keep digging my nails into my arms till they bleed when the thoughts get loud",
        "She digs her nails into her thighs when she panics, there are marks all over",
        "I'm writing a paper on suicide risk for my class but honestly I've been thinking of"
        " killing myself.",
        "For my nursing course project - and also I want to end my life, I can't do this anymore.",
    ],
)
def test_the_writers_own_self_harm_is_an_emergency(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I dig my nails into my palms when I get blood drawn, is that normal?",
        "I'm writing a nursing school paper on suicide risk in cancer patients. Could I interview"
        " one of your social workers?",
        "Our church runs a talk on suicide prevention next month, could the clinic send a leaflet?",
        "Is suicide ideation among breast cancer survivors common? I read an article about it.",
    ],
)
def test_self_harm_look_alikes_are_not_emergencies(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Is a fever of 100.4 an emergency on chemo? Asking so I know for next cycle, I'm fine right"
        " now.",
        "Is a temperature of 38 dangerous when you're on Taxol?",
        "My brother's girlfriend says blue lips are a bad sign in cancer patients. Is that true?",
        "If I'm on chemo and get a fever from the covid booster, does that count as a reason to"
        " call?",
        "sorry if stupid question, if someone faint during chemo is it from the chemo or from the"
        " nerves?",
        "My husband has epilepsy (not cancer) and his seizure alert dog goes everywhere with us."
        " Can the dog come into the waiting room with me on Thursday?",
        "The tamoxifen hot flashes wake me up 6 times a night and it's getting worse. I feel like"
        " I'm burning up but the thermometer always says normal.",
        "I'm burning up but the thermometer says normal, I'm on chemo",
    ],
)
def test_blind236_239_false_alarms_are_not_emergencies(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Is a fever of 100.4 an emergency on chemo? Because I have one right now.", "fever"),
        ("I have a fever of 38.6, is that dangerous on chemo?", "fever"),
        ("Mum's lips are blue, that's a bad sign isn't it?", "breathing"),
        (
            "Her lips are blue right now. Blue lips are a bad sign in cancer patients, right?",
            "breathing",
        ),
        ("If I'm on chemo and get a fever right now from the booster, do I call?", "fever"),
        (
            "I fainted during chemo today, sorry if stupid question, if someone faint is it the"
            " chemo?",
            "collapse",
        ),
        ("His seizure alert dog went crazy and then he had a seizure 10 minutes ago", "seizure"),
        ("I'm burning up and the thermometer says 38.9, I'm on chemo", "fever"),
        (
            "I was burning up but the thermometer said normal, now it says 39.1 and I'm shaking",
            "fever",
        ),
    ],
)
def test_beside_them_real_emergencies_stay(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# A reviewer's probes of 2026.11.153 (201 messages against 2026.11.152): what it silenced or
# raised, fixed in 2026.11.154, each kept here both ways.


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # "the fever won't" is not the basketball team's "the Fever won"
        ("I'm on taxol and the fever won't go away", "fever"),
        ("the fever won't come down, it's been 2 days, she had chemo last week", "fever"),
        # the fear of a return, then the return told
        (
            "he had a seizure last month and im terrified of it happening again, he's jerking and"
            " drooling",
            "seizure",
        ),
        (
            "Mom had a seizure in March. I'm terrified of it happening again, she's doing the same"
            " thing with her arm and staring",
            "seizure",
        ),
        (
            "My husband had a seizure in the spring and we're scared of it happening again, his arm"
            " is twitching and he can't speak",
            "seizure",
        ),
        # "ever had" asks about history, it poses nothing
        ("can't remember if mom ever had a seizure before she's shaking all over now", "seizure"),
        ("Nobody told us if dad ever had seizures he is jerking all over and blue", "seizure"),
        (
            "If mum's breathing ever got this bad we were told to call 911 she cant breathe now",
            "breathing",
        ),
        ("If mom's lips ever go blue like now call 911?", "breathing"),
        # "asking for my mom now" typed without a comma is still now
        (
            "what should you do if someone with cancer has a fever of 102 asking for my mom now",
            "fever",
        ),
        ("what do you do if someone on chemo has a seizure asking about my husband now", "seizure"),
        ("is it normal to be this confused on morphine asking for my dad now", "confusion"),
        ("If I have chest pain right now should I come in or call 911", "chest_pain"),
    ],
)
def test_what_the_reviewer_found_silenced_is_an_emergency(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        # a plan for later today
        "If she gets a fever this evening, who do we call?",
        "If my temp goes over 38 this evening do I call you or 911?",
        "If he gets confused this evening after the morphine, what should we do?",
        "If I get chest pain this afternoon during the infusion, do the nurses handle it?",
        # "now" of the treatment, not of the finding
        "If I get a fever now I'm on chemo, do I go to the ER or call you?",
        "If she gets a fever now she's started chemo, do we go straight to ER?",
        "If he has a seizure now he's off the keppra, do we call 911?",
        "If I get a fever (I'm currently on AC chemo), do I go to the ER or call you?",
        "If i get a fever atm im on chemo what should i do",
        "If she gets a fever between now and her next chemo, do we call you or go to the ER?",
        "If I get a fever anytime from now until Friday, what do I do?",
        # "I'm asking ... now" says when the question is asked
        "What should we do if he gets a fever on chemo? I'm asking about my husband now.",
    ],
)
def test_what_the_reviewer_found_raised_stays_a_question(message: str) -> None:
    assert_not_emergency(message)
