"""Wordings changed in vocabulary 2026.11.122: a third reviewer's probes (misses first).

The gaps (a reviewer's 390 probes on 2026.11.120, 27 missed emergencies): a short negated opening
("I don't feel right, temp 38.9, on chemo", "Not like her, face drooping") negated the red flag
after the comma, so a fever on chemo was routine; not wanting to live told as doubt ("not sure I
want to be alive anymore"); an oxygen saturation as "my oxygen is 85%"; "I'm not getting a full
breath"; chest pain placed at the heart or as a tight band round the ribs; stroke speech as
"saying her words strangely" and a face "numb and droopy"; a seizure as a "funny turn" with
twitching or "an absence" with a bitten tongue; "head is banging" with vomiting; "red streaks in
what I coughed up"; shaking chills in lay words on treatment. Pseudo-negations in
ctx.negation.pseudo, rules rf.self_harm.30, rf.breathing.30, rf.chest_pain.30, rf.stroke.30,
rf.seizure.30, rf.haemoptysis.30, rf.fever.30 and tag.symptoms.headache_banging read them. Then
false alarms: someone who is not the patient (a relative with the writer's own appointment to
move, a classmate, a vet's reading, a dog by its breed), "no chemo, only surgery in 2021", a
"fever dream", "the pharmacy had a fit", blood on the paper after wiping, incontinence since the
menopause. Each remover is tested with the red flag said now in a like message still flagged.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.122; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 122)


# 1. a short negated opening does not negate the red flag after the comma (ctx.negation.pseudo)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("I don't feel good, temperature 38.6, had chemo Tuesday", "fever"),
        ("Doesn't look right, his face is drooping on one side", "stroke"),
        ("She doesn't seem herself, can't breathe properly", "breathing"),
        ("Not like himself, slurred speech since lunch", "stroke"),
        ("I am not able to take the air, very hard to breathe since yesterday night", "breathing"),
    ],
)
def test_negated_opening_does_not_reach_the_red_flag(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "I don't feel well, no fever",
        "Not like her, but no fever and no chest pain",
        "I don't feel right, no temperature, not breathless, just tired",
    ],
)
def test_negated_opening_still_lets_a_later_denial_deny(message: str) -> None:
    assert urgency_of(message) != "emergency"


# 2. not wanting to live told as doubt (rf.self_harm.30)


@pytest.mark.parametrize(
    "message",
    [
        "I'm not sure I want to be here anymore",
        "Not sure I want to go on like this",
        "She says she's not sure she wants to live any longer",
        "Don't know if I want to be alive anymore.",
    ],
)
def test_doubt_about_wanting_to_live_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")
    assert "rf.self_harm.30" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "Not sure I want to live in a care home",
        "My friend said she's not sure she wants to live anymore",
        "I'm not sure I want to be here at 9 on Monday",
    ],
)
def test_doubt_about_a_place_or_someone_else_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# 3 and 4. a low oxygen reading with words between; a breath that will not fill (rf.breathing.30)


@pytest.mark.parametrize(
    "message",
    [
        "oxygen on the finger clip is 86%",
        "Mum's oxygen dropped to 84 percent",
        "O2 on the monitor says 89%",
        "She's not getting enough air even sitting",
        "I can't seem to get a full breath",
        "He keeps not getting a proper breath",
    ],
)
def test_low_oxygen_and_unfilled_breath_flagged(message: str) -> None:
    assert_flagged(message, "breathing")
    assert "rf.breathing.30" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "My oxygen was 85% in 2019",
        "My oxygen is 96%",
        "I'm not getting a full breath when I run up the hill",
        "I can't seem to get out for a breath of fresh air",
    ],
)
def test_old_or_normal_reading_or_exertion_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# 5. chest pain at the heart or a band round the ribs (rf.chest_pain.30)


@pytest.mark.parametrize(
    "message",
    [
        "Stabbing pain over my heart right now",
        "aching pressure in my heart area since an hour ago",
        "heart area pain since lunch",
        "It feels like a tight band squeezing around my chest",
    ],
)
def test_pain_at_the_heart_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")


@pytest.mark.parametrize(
    "message",
    [
        "Such a pain in my heart since my mum died",
        "my sports bra feels like a tight band around my ribs",
        "no pain in my heart area",
        "pain over my heart in 2019, checked, fine",
    ],
)
def test_grief_a_garment_denied_or_old_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_the_band_said_now_after_a_garment_is_excluded_still_flagged() -> None:
    """The garment exclude takes only a band the garment is likened to."""
    message = "Took my bra off but it still feels like a tight band squeezing round my ribs"
    assert_flagged(message, "chest_pain")


# 6. stroke speech said wrongly, a face numb and droopy (rf.stroke.30)


@pytest.mark.parametrize(
    "message",
    [
        "Dad is saying his words all wrong since lunch",
        "she's pronouncing her words oddly since an hour ago",
        "my mouth feels heavy and droopy since I woke",
        "her face looks numb and lopsided right now",
    ],
)
def test_stroke_speech_and_face_flagged(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "she was saying her words strangely after the stroke in 2018",
        "her words have been pronounced oddly for months, getting slowly worse",
        "he's not saying his words strangely at all, he's fine",
    ],
)
def test_old_gradual_or_denied_speech_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# 7. a seizure as a funny turn, an episode or an absence with its signs (rf.seizure.30)


@pytest.mark.parametrize(
    "message",
    [
        "He had a funny turn, his leg was jerking for a minute",
        "she had an episode this morning, bit her tongue and wet herself",
        "I had one of those blank spells, lost about ten minutes and my hand was twitching",
    ],
)
def test_lay_seizure_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "Our dog had a funny turn and was twitching",
        "Our spaniel had a funny turn last night, went stiff, vet thinks epilepsy",
        "I had an absence from work last week and my eye was twitching",
        "she had a funny turn in 2015 and was jerking, nothing since",
    ],
)
def test_animal_absence_from_work_or_old_turn_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_a_relative_writing_about_a_funny_turn_still_flagged() -> None:
    """The dog-breed experiencer takes only an animal: mum's turn is the patient's."""
    message = "Mum had a funny turn just now, her arm was jerking, we have a spaniel"
    assert_flagged(message, "seizure")


# 8. the head banging with vomiting (tag.symptoms.headache_banging -> rf.headache.1)


@pytest.mark.parametrize(
    "message",
    [
        "my head is hammering and I keep vomiting",
        "Hammering head, been sick twice",
        "Head's been banging since lunch and I threw up",
    ],
)
def test_banging_head_with_vomiting_flagged(message: str) -> None:
    assert_flagged(message, "headache")


@pytest.mark.parametrize(
    "message",
    [
        "I keep banging my head on the cupboard and I was sick",
        "head is banging a bit, no vomiting",
    ],
)
def test_knocked_head_or_no_vomiting_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# 9. blood in sputum by its colour (rf.haemoptysis.30)


@pytest.mark.parametrize(
    "message",
    [
        "I cough up pink specks in the mornings",
        "coughed up red streaky mucus today",
        "pink flecks in the phlegm I coughed up",
    ],
)
def test_red_or_pink_in_sputum_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "red streaks on my arm since the PICC",
        "coughed up yellow streaky phlegm",
        "red streaks in what I coughed up in 2019",
    ],
)
def test_skin_streaks_yellow_or_old_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# 10. shaking chills in lay words on treatment (rf.fever.30)


@pytest.mark.parametrize(
    "message",
    [
        "shivering and shaking all evening, chemo on Wednesday",
        "he's shaking even in bed under two blankets, on Kadcyla",
        "getting the chills and sweats since this morning, on Ibrance",
    ],
)
def test_lay_shaking_chills_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "I get night sweats and chills on tamoxifen",
        "had the sweats and chills last month on chemo, fine now",
        "sweats and chills today, but I finished chemo three years ago",
        "a bit shivery and shaking, on chemo",
    ],
)
def test_night_sweats_past_off_treatment_or_mild_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# false alarms: someone who is not the patient (ctx.experiencer.other)


@pytest.mark.parametrize(
    "message",
    [
        "My daughter has a temperature of 39 so I need to reschedule my appointment",
        "My grandson has a fever of 38.9, I'm looking after him today",
        "My dog's vet said 40.1, poor thing",
        "A boy in my grandson's class had a fit today",
        "one of the kids at my son's nursery had a seizure",
    ],
)
def test_someone_else_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the relative with "his appointment" is the patient
        ("my son has a fever of 39, can you move his appointment?", "fever"),
        # the writer's own fever said now, beside a relative's
        (
            "My son has a fever of 39, I have to cancel my appointment, "
            "and I have a fever of 38.8 myself and I'm on chemo",
            "fever",
        ),
        ("The vet saw the dog today. I'm on chemo with a fever of 38.9", "fever"),
        ("my son's teacher says he had a fit in class today", "seizure"),
    ],
)
def test_the_patient_said_now_beside_someone_else_still_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# false alarms: off treatment, idioms, the bottom, long-standing incontinence


@pytest.mark.parametrize(
    "message",
    [
        "I had no chemo, just surgery back in 2019. Temp 38.4 with a cold",
        "My only treatment was a lumpectomy in 2018, no chemo. Fever of 38.5",
        "had a fever dream, on chemo",
        "the bank had a fit about my overdraft",
        "blood on the toilet paper after I wipe",
        "Can't control my bladder when I sneeze since the menopause",
    ],
)
def test_benign_readings_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("No chemo, only surgery in 2020, but I'm on letrozole now and my temp is 38.6", "fever"),
        ("I had fever dreams and my temp is 38.9, on chemo", "fever"),
        ("I've got a fever, on chemo", "fever"),
        ("the pharmacist says mum had a fit this morning", "seizure"),
        ("My husband had a fit an hour ago", "seizure"),
        ("I'm coughing and there's blood on the tissue", "haemoptysis"),
        ("I can't control my bladder since this morning and my back hurts", "cord_compression"),
    ],
)
def test_the_red_flag_said_now_in_a_like_message_still_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)
