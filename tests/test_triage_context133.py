"""Wordings changed in vocabulary 2026.11.143: blind208-211's errors on first sight (2026.11.141),
each read as a class of wordings and widened to the whole class, not to the source message.

The classes (sources are the blind ids):

- rigors without a thermometer: shaking told any way ("the shakes", shivers, chills, shaky,
  trembling) beside no getting warm told any way ("can't warm up", "nothing warms him up"), in
  either order in the sentence (b208-092): rf.fever.2 with the SHAKEW and WARMNO macros.
- a fever told by its reading alone beside a medicine that brought it down ("ran 101 last night
  took tylenol now its normal", b211-105): rf.fever.1 with the ANTIPYRETIC macro; and the
  writer's own reading told "I'm at 101" (beside b209-030's exclude).
- numbness of the feet or legs in lay words ("feel like they're asleep", "like cotton wool",
  "feet r dead", "both feet have pins and needles") with back pain (b210-046):
  tag.symptoms.leg_weakness, so rf.cord_compression.1.
- a leg that cannot be moved, lifted, used or weighted, one leg or both, any "not able" form
  ("I have not been able to move my left leg properly", "my leg won't move properly", b210-048):
  tag.symptoms.leg_weakness, so rf.cord_compression.1.
- a doctor's past news of the cancer is not an assessment of today's symptom ("Dr said the cancer
  is in my bones", "told me it had spread to my spine", "said I have mets", b211-018): the
  CANCERNEWS macro that ctx.assessed's "said" / "told" read; hopes or dreams that collapsed are
  figurative (ctx.figurative, d237, which the widened news exposed).
- swelling told first with the limb's side ("Swelling in my right arm and face", "swelling to his
  right arm"), and the face and arm pair with a side word, beside breathlessness (b211-022):
  tag.symptoms.swelling_upper, so rf.svc.1.
- a clinician's advice to call is not an assessment ("Her diabetes nurse said call you guys
  first", "told us ring the cancer centre", "said I should message you", b210-083): ctx.assessed's
  "said" / "told" look-aheads.
- the writer is the patient when driven or taken to treatment ("he's my ride to chemo", "drives me
  to my infusions", "someone else to drive me"), so a named person's fever is theirs; a person named
  bare at a sentence start ("Husband has a fever", b208-084): ctx.experiencer.self,
  ctx.experiencer.third_party.
- assessed: the patient checked or looked over by staff or "they" ("they checked him over and kept
  him 3 hours", "your nurse brought me back in and checked me over"), a clinician placed by a phrase
  ("The doctor at the clinic in Bethel looked at me"), kept some hours (b208-132, b209-028,
  b209-134): ctx.assessed.
- a question about the fever threshold with no reading of the patient's ("Is 100.4 the number I'm
  supposed to call at? The handout says 100.4 but my neighbor said 101.", b209-030):
  ctx.hypothetical.document (still a symptom asked about), not when the writer's own reading
  follows; the writer's own reading told "I'm at 101" (rf.fever.1).
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_emergency,
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.143; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 143)


# (1) rigors without a thermometer


@pytest.mark.parametrize(
    "message",
    [
        "Shivering like mad and can't get warm even under 2 duvets, AC chemo on Wednesday",
        "my wife is freezing and shaking, nothing will warm her up, she had taxotere friday",
        "Can't warm up, shaking all over, had chemo tuesday",
        "I no can get warm, my body shaking. chemo Friday.",
    ],
)
def test_shaking_and_no_getting_warm_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "My kitchen is freezing and I can't get warm, no shivers or anything, on tamoxifen",
        "No shaking or chills, I just can't get warm in this house. On chemo.",
        "I had the shakes and couldn't get warm back in 2019 during chemo, fine now",
    ],
)
def test_cold_without_shaking_or_long_ago_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (2) a reading beside a medicine that brought it down


@pytest.mark.parametrize(
    "message",
    [
        "Dad hit 38.7 around midnight, we gave paracetamol and he's settled now, chemo last week",
        "gave her motrin for 38.9 last night, better this morning, she's on ibrance",
        "after the tylenol it went from 102 to 99, on taxol",
        "I'm at 101 tonight, on xeloda",
    ],
)
def test_reading_brought_down_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "ran 10 miles last night took tylenol for my knees. on xeloda",
        "I take 2 tylenol every 6 hours for the bone pain, temp 98.4, on xeloda",
        "she's 101 years old and on letrozole, doing fine",
    ],
)
def test_no_fever_reading_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (3) numbness of the feet or legs in lay words, with back pain


@pytest.mark.parametrize(
    "message",
    [
        "My back's been agony for days and today my feet feel funny like they went to sleep",
        "lower back agony, and my feet feel like cotton wool since this morning",
        "back pain 3 days, now my feet r dead",
        "both feet have pins and needles since this morning and my back pain is much worse",
    ],
)
def test_lay_numbness_with_back_pain_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "my foot fell asleep sitting on the couch last night, otherwise fine",
        "my feet tingle from the taxol, have done for months. back is fine.",
        "numb feet from taxol for months, and a backache from gardening last year",
    ],
)
def test_numb_feet_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (4) a leg that cannot be moved, with back pain


@pytest.mark.parametrize(
    "message",
    [
        "haven't been able to use my right leg properly since yesterday, back hurts",
        "My left leg won't work properly since yesterday and my spine aches terribly",
        "She has back pain and can't lift her right leg off the bed today",
        "Since yesterday I'm having trouble moving my right leg and my mid back is really sore",
    ],
)
def test_leg_not_moving_with_back_pain_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "back pain from gardening, I can move my legs fine",
        "I couldn't move my leg for a week after my hip surgery in 2019, back fine now",
        "can't move the legs of the table on my own, my back hurts from trying",
    ],
)
def test_legs_moving_or_old_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (5) a doctor's past news of the cancer is not an assessment


@pytest.mark.parametrize(
    "message",
    [
        "Back pain since yesterday and now my legs are numb. Doctor said I have mets in my spine.",
        "Coughing blood since yesterday evening. My doctor told me it's in my lungs now.",
        (
            "Her face is drooping since an hour and she can't talk properly. The doctors said it "
            "spread to her brain."
        ),
    ],
)
def test_cancer_news_is_no_assessment(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "Can't feel my feet properly and my back aches. The doctor examined me today and said "
            "it's sciatica."
        ),
        "The oncologist said the cancer is in my bones. Should I start zometa?",
        # the news read as no assessment leaves a figurative collapse to ctx.figurative (d237)
        "My hopes collapsed when they said it's in my liver. What are my options now?",
    ],
)
def test_assessment_or_news_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (6) swelling told first with the limb's side, with breathlessness


@pytest.mark.parametrize(
    "message",
    [
        "he has swelling to his right arm and his neck, and gets winded talking",
        "Swelling of the left side of my face and my left arm, breathless since yesterday",
        "my moms face n arm r swollen and she cant breathe good",
    ],
)
def test_upper_swelling_with_breathlessness_flagged(message: str) -> None:
    assert_flagged(message, "svc")


@pytest.mark.parametrize(
    "message",
    [
        "swelling in my right arm since surgery, no shortness of breath",
        "My right arm has been swollen from lymphoedema since 2019, breathing is fine",
    ],
)
def test_upper_swelling_without_breathlessness_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (7) a clinician's advice to call is not an assessment


@pytest.mark.parametrize(
    "message",
    [
        "Dad's been coughing up blood since this morning. His nurse said ring you first.",
        (
            "My wife's arm went weak and her speech is slurred since 20 minutes ago, her "
            "doctor told us call the cancer centre"
        ),
        "Crushing chest pain since lunch. my home health nurse said I should message you first",
    ],
)
def test_advice_to_call_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "I fainted on Saturday, the ER checked me over and said it was dehydration, they told "
            "me call you Monday"
        ),
        (
            "I fainted last week and was seen in the ER, they did an ECG and said to call you if "
            "it happens again"
        ),
    ],
)
def test_assessed_then_advice_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (8) the writer is the patient when driven to treatment


@pytest.mark.parametrize(
    "message",
    [
        "My daughter has a temp of 38.5 and she's my driver to radiation tomorrow. What do I do?",
        "Partner's got a fever, he usually takes me to my infusions. Can I get a volunteer driver?",
        "Husband has a fever and chills, I'm the one on Ibrance. Is it safe to be around him?",
        "my wife is running a temp, she normally takes me to treatment. who else can take me?",
    ],
)
def test_drivers_fever_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I have a fever of 101 and my husband drives me to chemo, what should I do?",
        "Mom has a fever of 101 tonight, I take her to chemo every week",
        "My husband has a fever of 38.5. He's the patient, on Kisqali.",
    ],
)
def test_patients_own_fever_flagged(message: str) -> None:
    assert_flagged(message, "fever")


# (9) checked over, looked at, kept some hours


@pytest.mark.parametrize(
    "message",
    [
        (
            "I fainted in the lobby after my infusion yesterday, the nurses checked me over and "
            "kept me a couple of hours, fine now"
        ),
        (
            "Mom fainted at the clinic yesterday, the doctor on duty looked her over and kept her "
            "an hour"
        ),
        (
            "Coughed up some blood yesterday. The PA at the village clinic looked me over this "
            "morning and sent pictures to you."
        ),
    ],
)
def test_checked_over_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I fainted at the store an hour ago, a lady there checked me over",
        "My husband fainted this morning. My sister checked him over and he seems ok.",
        "the doctor will look at me tomorrow but I coughed up blood an hour ago",
        "They checked me over last week after I fainted and now I have chest pain today",
    ],
)
def test_not_checked_by_clinicians_flagged(message: str) -> None:
    assert_emergency(message)


# (10) a question about the threshold, no reading


@pytest.mark.parametrize(
    "message",
    [
        "Is it 38 or 38.5 that counts as a fever on chemo?",
        "Do I call at 100.4 or at 101? My friend says 101.",
        "At what point do I call - 100.4? 101? Asking before my first chemo.",
        "Is 38.0 the temperature I call at or is it 38.3? I'm starting chemo next week.",
    ],
)
def test_threshold_question_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Is 100.4 the number to call at? Because I'm 100.6 right now on chemo.",
        "The handout says 100.4 and I'm at 101 tonight, on chemo.",
        "Is 38 the cut off? Mine is 38.4 now, on taxol.",
    ],
)
def test_threshold_question_with_own_reading_flagged(message: str) -> None:
    assert_flagged(message, "fever")


def test_literal_collapse_at_the_news_flagged() -> None:
    """The person collapsing at the news is still a collapse (beside the hopes that collapsed)."""
    assert_flagged(
        "I collapsed when they said it's in my liver, 20 minutes ago, still dizzy", "collapse"
    )


def test_rules_named_in_reasons() -> None:
    """The widened rules are named in the reasons (staff corrections count against them)."""
    assert "rf.fever.2" in emergency_rules("Can't warm up, shivering all over, on taxol")
    assert "rf.fever.1" in emergency_rules("hit 101 last night but the advil fixed it, on taxol")
    assert "rf.svc.1" in emergency_rules(
        "Swollen left arm and face, struggling to breathe since yesterday"
    )
