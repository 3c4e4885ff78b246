"""Wordings added in vocabulary 2026.11.95, from the errors of blind156-157 on first sight.

blind156 and blind157, written blind on 2026-11-27, were held out and scored once, unseen, on
2026.11.94: blind156 found all its emergencies with one false alarm (0.990 / 1.000 / 0.976),
blind157 missed two and raised two false alarms (0.989 / 0.951 / 0.951). The misses: "My aunt
has stiff neck and very bad pain in head and vomit since last night" (b157-121, the headache told
as "pain in head", the article left out); "Is it normal to feel like your heart is being
squeezed? It's been on and off since Sunday and worse today" (b157-122, a question followed by
"on and off since Sunday"). The false alarms: "My husband says the bills give him chest pain,
ha" (b156-036) and "Joke first: my husband claims my cooking gives him chest pain" (b157-097),
a joke that money, cooking or the like gives someone chest pain; "A little blood in my spit after
brushing my teeth, my gums bleed" (b157-105), blood from the gums, not coughed up. Each class is
tested in fresh wordings, both ways; the removers with the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.95; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 95)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a severe pain "in (the) head", the article often left out, with vomiting or a stiff neck
        "My mum has very strong pain in head and she vomited twice this morning",
        "Bad pain in head since last night and neck is stiff",
        "Severe head pain and I have thrown up three times today",
        "He has terrible pain in the head and keeps being sick since lunch",
        "She has pain in head and neck is stiff since yesterday",
    ],
)
def test_pain_in_head_flagged(message: str) -> None:
    assert_flagged(message, "headache")


@pytest.mark.parametrize(
    "message",
    [
        # an "is it normal" question, then "on and off" or "coming and going" since a recent day
        "Is it normal to have chest pain? It's been coming and going since Sunday.",
        "Is it normal to have chest pain on Kisqali? It comes and goes since yesterday.",
        "Is it normal to feel like my chest is being crushed? It's been on and off for two days",
        "Is it normal to feel like my heart is being squeezed? It's much worse this morning.",
        "Is it normal to feel a tight chest after Enhertu? It has been on and off all day",
    ],
)
def test_question_then_on_and_off_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")
    assert "rf.chest_pain.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # a mild pain in the head, or head and neck cancer, is not the headache red flag
        "A little pain in the head, no vomiting, neck fine.",
        "Pain in head and neck cancer patients: is it common? I vomited today",
        "I had a bad pain in head last year with vomiting, all fine since",
        # an "is it normal" question about a finding on and off for months or years
        "Is it normal to have chest pain? It's been on and off since 2019.",
        "Is it normal to have chest pain? It's been on and off for years.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a joke that money, cooking, the kids or sport give someone chest pain
        "My wife says the kids give her chest pain, lol. Can I move my appointment to Friday?",
        "Our insurance gives me chest pain, haha. Do you take Premera?",
        "He jokes that my baking gives him chest pain. Is the cafeteria open on Sundays?",
        "Mom always says the hockey team gives her chest pains. Is parking free on weekends?",
        # blood in the spit from the gums, told with brushing or flossing
        "A little blood in my spit when I brush my teeth, is that the chemo?",
        "Some blood in the sink after flossing, gums bleeding a bit.",
        "When I brush my teeth I spit out a bit of blood.",
        "pink spit after brushing, my gums bleed since chemo",
        "spitting blood after brushing my teeth, is that the Xeloda?",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the blood from the gums keeps the symptoms tag
        "When I brush my teeth I spit out a bit of blood.",
        "Blood-tinged saliva every time she flosses",
    ],
)
def test_gum_blood_keeps_symptoms(message: str) -> None:
    assert "symptoms" in classify(message).tags


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer's own red flag told as now beside the same words
        (
            "My husband says the bills give him chest pain, ha. Today he has real chest pain and"
            " is sweaty",
            "chest_pain",
        ),
        ("My husband says the stairs give him chest pain.", "chest_pain"),
        ("My husband says his new tablets give him chest pain since yesterday.", "chest_pain"),
        ("The bills give him chest pain.", "chest_pain"),
        ("Blood in my spit when I cough, worse after brushing my teeth", "haemoptysis"),
        ("I'm coughing up blood in my spit, not from my gums", "haemoptysis"),
        ("Blood in my spit since this morning, not from brushing", "haemoptysis"),
        (
            "I've been coughing up blood since yesterday. My gums bleed too when I brush.",
            "haemoptysis",
        ),
    ],
)
def test_red_flags_told_as_now_still_fire(message: str, flag: str) -> None:
    assert_flagged(message, flag)
