"""Wordings added in vocabulary 2026.11.92, from the errors of blind150-151 on first sight.

blind150 (living with metastatic disease for years, some second-language writers) and blind151
(a realistic mix, a third short phone messages), written blind, were scored once, unseen, on
2026.11.90: 0.987 / 0.951 (39/41) / 1.000 and 0.983 / 0.976 (40/41) / 0.952 (40/42). Their
misses: "Sudden blurry blackness over my left eye this morning, half my vision gone" (b150-021);
"my chest has felt tight and painful since this morning when I breathe in" (b150-123); "today I
got lost driving home from Costco, a route I've done a hundred times, and for a minute couldn't
remember what year it is" (b151-121). Their false alarms: "The fainting goats video on the
waiting room TV" (b151-039); a tight scar and "I can't lift my arm as high" (b151-115). Tag
classes: the bone cancer "from the breast", nodes in the chest "from the cancer", an insurer that
"denied" a drug, the emergency symptoms asked about, restless and on edge, blood on brushing the
teeth, a pounding heartbeat. Each class is tested in fresh wordings, both ways; the removers with
the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.92; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 92)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # a sudden blackness or darkness over one eye, half the sight gone
        ("Mum had a sudden darkness over her right eye an hour ago", "stroke", "rf.stroke.4"),
        (
            "Suddenly there's a black patch over my left eye and it hasn't cleared",
            "stroke",
            "rf.stroke.4",
        ),
        ("Half of my sight in my right eye has gone since lunch", "stroke", "rf.stroke.4"),
        ("About an hour ago half her vision just went", "stroke", "rf.stroke.4"),
        # the chest told in the perfect tense
        ("My chest's been sore and tight since last night", "chest_pain", "rf.chest_pain.1"),
        (
            "Her chest has become really heavy this afternoon and she's sweating",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        ("My chest has gotten tight since I woke up this morning", "chest_pain", "rf.chest_pain.1"),
        # lost on a route known for years, told after a comma; the year not remembered
        (
            "Dad got lost driving back from the store today, the road he's driven every day for"
            " years",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "she got lost walking home from church, a route she has walked a thousand times",
            "confusion",
            "rf.confusion.2",
        ),
        ("Mom can't remember what year it is since she woke up", "confusion", "rf.confusion.2"),
        ("He didn't even know which year it was at lunch today", "confusion", "rf.confusion.2"),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # half the sight blurry, a dark mark under the eye, half the tests
        "Half my vision is blurry when I read, is it the tamoxifen?",
        "Sudden darkness under my left eye, is it a bruise from the fall?",
        "Half of the vision tests I've had were normal, can I get a copy?",
        # the chest that has felt fine, or felt tight years ago
        "My chest has felt fine since the port came out, can I swim?",
        "My chest had felt tight for a day back in 2019 with a chest infection, all fine since",
        # a year not remembered for a date, a route never driven, the day in a tired joke
        "I can't remember what year I had my surgery, can you check?",
        "I don't know what year it was that I started letrozole",
        "We got lost driving to Anchorage, a route I've never done before",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # the goat breed in a video or on a farm
        "My grandson showed me the fainting goat clip and I laughed so hard",
        "We visited a farm with fainting goats last weekend. Can I reschedule Tuesday?",
        "Watching fainting goats on YouTube got me through chemo lol",
        # a stiff arm that will not go as high or as far
        "Since the mastectomy I can't lift my arm as far as before, is that normal?",
        "She can't raise her arm any higher than her shoulder since surgery",
        "I can't lift my left arm very high after the lymph node surgery",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "My grandson showed me the fainting goat clip and I laughed so hard",
        "We visited a farm with fainting goats last weekend. Can I reschedule Tuesday?",
    ],
)
def test_fainting_goats_are_no_symptom(message: str) -> None:
    assert "symptoms" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer's own red flag told as now beside the same words
        ("Fainting goats aside, I fainted at home this morning and hit my head", "collapse"),
        ("After the fainting goats video I stood up and fainted myself an hour ago", "collapse"),
        ("She suddenly can't lift her arm at all and her speech is slurred", "stroke"),
        (
            "I can't lift my right arm since this morning, it's gone weak and my face is drooping",
            "stroke",
        ),
        ("Since lunch he can't lift his arm and his face looks droopy", "stroke"),
    ],
)
def test_red_flags_told_as_now_still_fire(message: str, flag: str) -> None:
    assert_flagged(message, flag)


def test_arm_that_cannot_be_lifted_still_fires() -> None:
    message = "Since lunch he can't lift his arm and his face looks droopy"
    assert "rf.stroke.2" in emergency_rules(message)


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        # a second site named as cancer from the breast; nodes from the cancer
        ("My aunt has liver cancer that spread from her breast, what can we expect?", "recurrence"),
        ("He was told it's lung cancer from the breast cancer, not a new one", "recurrence"),
        ("Mum has the bone cancer from her breast, can she fly?", "recurrence"),
        ("They found lymph nodes in her neck from the breast cancer last month", "recurrence"),
        ("Nodes in my chest from the cancer are shrinking on the new drug", "recurrence"),
        ("I have nodes in my liver from the cancer, what diet helps?", "recurrence"),
        # an insurer that denied a drug does not negate the stage named after it
        ("Medicare denied the scan for my bone mets, who do I talk to?", "recurrence"),
        ("The insurance company rejected the claim for my stage 4 treatment", "recurrence"),
        ("My insurer has denied Enhertu for my metastatic cancer", "recurrence"),
        # the emergency symptoms asked about
        ("Which are the urgent symptoms I should call about on Kisqali?", "symptoms"),
        ("What would be the serious signs after a mastectomy?", "symptoms"),
        ("What are the emergency signs for someone on capecitabine?", "symptoms"),
        # restless and on edge, jittery
        ("Since the steroids I've been so jittery and restless at night", "symptoms"),
        ("She's agitated and can't sit still since Tuesday", "symptoms"),
        ("He's been restless and agitated all week on the steroids", "symptoms"),
        # blood on brushing the teeth, bleeding gums
        ("My gums bleed every time I brush since chemo", "symptoms"),
        ("There's some bleeding when she flosses, is that the low platelets?", "symptoms"),
        ("bit of blood whenever I brush, is it the platelets", "symptoms"),
        # a pounding or racing heartbeat named with its adjective first
        ("I keep getting a racing pulse at night since starting Enhertu", "symptoms"),
        ("Thumping heart when I climb the stairs, is it the anaemia?", "symptoms"),
        ("I notice an irregular heartbeat in the evenings since the new tablets", "symptoms"),
    ],
)
def test_tags_found(message: str, tag: str) -> None:
    assert tag in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("My mum had breast cancer and my uncle had lung cancer, are we at risk?", "recurrence"),
        ("Lymph nodes in my neck were clear after surgery, from the report", "recurrence"),
        ("My insurance denied the parking refund, who do I talk to?", "recurrence"),
        ("The emergency room was busy but fine. Can I reschedule?", "symptoms"),
        ("Is there an emergency number for the weekend?", "symptoms"),
        ("I'm on edge waiting for my scan results", "symptoms"),
        ("My sister is restless to get home from college for the holidays", "symptoms"),
        ("Should I brush my teeth before the infusion?", "symptoms"),
        ("Do I need a heart rate monitor on this drug?", "symptoms"),
    ],
)
def test_tags_not_found(message: str, tag: str) -> None:
    assert tag not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # an insurer's refusal negates nothing, but the patient's own denial still does
        "My mum denies any pain, she just wants to reschedule",
        "She has no pain and denies any fever, booking her follow-up",
    ],
)
def test_patient_denial_still_negates(message: str) -> None:
    assert "symptoms" not in classify(message).tags, classify(message).reasons
