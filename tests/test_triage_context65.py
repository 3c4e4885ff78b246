"""Wordings added in vocabulary 2026.11.74, from the errors of blind114-115 on first sight.

blind114 (people living with metastatic breast cancer for years, told by patients, relatives, a
friend, a home-care agency and a pharmacist) and blind115 (a realistic mix, a third of it short
phone messages) were written blind and scored once, unseen, on 2026.11.72 (0.979 / 0.950 / 0.927
and 0.998 / 0.951 / 1.000). Their misses: a home-care agency's client "(metastatic breast cancer,
known to your team)" hard to rouse (a client said to have breast cancer is the patient); "another
one of her fits yesterday evening"; "short of breath since yesterday, even sitting still"; "blood
in my cough again today". Their false alarms: a fever "admitted on Friday ... and sent home
yesterday" (the day sent home is not the fever's onset); a fever on "a treatment break since
June"; a faint "once in his life, at our wedding 30 years ago". Their tag errors: vision "getting
a bit blurry", "forgetting which days to take" a drug, "bone-only disease", bones "full of it",
pain medicines that "aren't holding the pain", "bladder problems". Each class is tested in fresh
wordings, both ways; each remover with the writer's own red flag told as now.
"""

from __future__ import annotations

from datetime import date

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.74; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 74)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # a carer's client (or a care home's resident) said to have breast cancer is the patient
        (
            "Our client Mrs K (secondary breast cancer) has had a seizure this morning.",
            "seizure",
            "rf.seizure.1",
        ),
        (
            "One of our clients, Mr P, known to your team, collapsed in his kitchen an hour ago.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "One of our residents collapsed today, she has breast cancer.",
            "collapse",
            "rf.collapse.1",
        ),
        # a fit told as one of a known run
        (
            "Mum had another one of her fits this morning, she's still drowsy.",
            "seizure",
            "rf.seizure.2",
        ),
        ("he had one of his fits last night", "seizure", "rf.seizure.2"),
        ("She's had two of her fits since Sunday", "seizure", "rf.seizure.2"),
        # blood told as in the cough itself
        (
            "coughing, and there was blood in my cough this morning",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        ("there's blood in her cough today", "haemoptysis", "rf.haemoptysis.1"),
        ("saw blood in his morning cough just now", "haemoptysis", "rf.haemoptysis.1"),
        # at rest told after a time phrase and a comma
        ("breathless for two days now, even lying in bed", "breathing", "rf.breathing.1"),
        (
            "she's been out of breath since Sunday, even when sitting down",
            "breathing",
            "rf.breathing.1",
        ),
        (
            "short of breath since this morning, even sitting still in my chair",
            "breathing",
            "rf.breathing.1",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # a client not said to have breast cancer, or the writer the one on treatment
        "One of our clients collapsed today. Can we refer her to your team?",
        "one of my clients fainted at the salon today, I'm on chemo with you",
        # a tantrum, or fits of laughter
        "my daughter threw another one of her fits about bedtime",
        "the toddler is throwing another one of his fits",
        "she had one of her fits of giggles in the waiting room",
        # no blood, or a cough medicine
        "no blood in my cough, just a tickle",
        "there was blood in her cough syrup bottle, she cut her finger on the lid",
        # breathless on exertion after a time phrase
        "short of breath since yesterday, even on the stairs",
        "short of breath since yesterday when walking up hills",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # sent home after an admission: the discharge's date is not the fever's
        "I was admitted on Sunday with a high fever and sent home this morning.",
        "Admitted Tuesday with a temp of 39, then discharged home last night",
        "she was admitted on Monday with neutropenic fever, and sent home yesterday",
        # a faint once in a lifetime, years back
        "My dad has fainted once in his life, at a funeral 20 years ago, can he drive me in?",
        "I fainted once in my life, about 20 years ago at a concert, what do I tell the nurse?",
        "she's only fainted once in her whole life, at school 40 years ago",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the fever again, told as now, after the admission
        "She was admitted on Sunday with a fever and sent home today, temp 38.7 again tonight",
        # sent home from work or school, not by a hospital
        "I had a temp of 38.5 at work and was sent home yesterday",
        "fever of 38.6 on chemo, felt awful and then sent home from school yesterday",
        # a faint today, whatever the lifetime
        "I fainted for the first time in my life this morning",
        "I've only fainted once in my life and it was an hour ago",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


@pytest.mark.parametrize(
    ("message", "emergency"),
    [
        (
            "I've been on a treatment break since June after 5 years of chemo. Temp 38.1 today.",
            False,
        ),
        ("chemo holiday since March, temp 38.4 tonight", False),
        (
            "my treatment break from early July has been lovely but I have a fever of 38.6 now",
            False,
        ),
        # a break of days, a break begun this month, or a drug restarted since: still treated
        ("on a chemo break since last week, temp 38.5", True),
        ("on a treatment break since November, temp 38.5 tonight", True),
        ("on a treatment break since June but restarted Ibrance last week, temp 38.3 today", True),
    ],
)
def test_treatment_break_since_a_month(
    monkeypatch: pytest.MonkeyPatch, message: str, emergency: bool
) -> None:
    """A break since a named month is read against today, as "finished chemo back in June"."""
    from intake.triage import engine

    monkeypatch.setattr(engine, "clock", lambda: date(2026, 11, 15))
    assert (classify(message).urgency == "emergency") is emergency, classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "tag", "rule"),
    [
        ("her eyesight is getting fuzzier on the new tablets", "symptoms", "tag.symptoms.neuro"),
        ("my sight has gone a bit misty since the new drops", "symptoms", "tag.symptoms.neuro"),
        ("my vision is getting blurrier on tucatinib", "symptoms", "tag.symptoms.neuro"),
        ("liver-only mets, stable for a year", "recurrence", "tag.recurrence.mets"),
        ("I've had bone only disease since 2021", "recurrence", "tag.recurrence.mets"),
        ("the scan says her bones are riddled with it", "recurrence", "tag.recurrence.mets"),
        (
            "the painkillers aren't touching the pain in my back",
            "symptoms",
            "tag.symptoms.back_pain",
        ),
        ("my meds don't control the pain anymore", "symptoms", "tag.symptoms.pain"),
        ("oxycodone isn't even touching her headache", "symptoms", "tag.symptoms.headache"),
        ("I have bladder problems since the surgery", "symptoms", "tag.symptoms.other_body"),
        ("waterworks trouble again, up 5 times a night", "symptoms", "tag.symptoms.other_body"),
        (
            "Can bone mets cause bladder issues? I'm fine, just asking",
            "symptoms",
            "tag.symptoms.other_body",
        ),
    ],
)
def test_tags_now_found(message: str, tag: str, rule: str) -> None:
    result = classify(message)
    assert tag in result.tags, result.reasons
    assert rule in {r.rule for r in result.reasons if r.label == tag}


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("she keeps forgetting which days to take her tablets, any app?", "symptoms"),
        ("I forget which times I take my pills, is there a chart?", "symptoms"),
        ("my vision is fine, not blurry", "symptoms"),
        ("my bones are full of calcium, the dexa said", "recurrence"),
        ("osteoporosis - my bones are full of holes", "recurrence"),
        ("my aunt had bladder cancer", "symptoms"),
        ("booked for a bladder scan on Monday", "symptoms"),
        ("no bladder problems at all", "symptoms"),
        ("No pain at all now, the meds control it", "symptoms"),
    ],
)
def test_tags_not_found(message: str, tag: str) -> None:
    assert tag not in classify(message).tags, classify(message).reasons
