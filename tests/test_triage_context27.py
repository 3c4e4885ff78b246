"""Wordings added in vocabulary 2026.11.34, from the errors of ``triage_blind41.jsonl`` (a
month's inbox) and ``triage_blind42.jsonl`` (people in active treatment), scored once unseen on
2026.11.31: slurred speech the writer only compares to drink, pressure that does not stop a
wound oozing, back pain told with its onset verb and two numb parts named together, an arm
swollen with the limb named in an appositive and breathlessness told as huffing or puffing,
shaking told by the blankets or the teeth, blood mixed into the phlegm, an overdose told as what
would make things easier, a whole-number reading told without the word ("I'm at 101"); and the
false alarms: a fever threshold told as a rule (an instruction, a sheet, "anything over"), the
candidates the writer cannot remember after a threshold question, the second symptom offered as
"the side effect to call about, or only ...?", and a lifelong faint at needles or blood. Tag
classes: what should make the writer call, "make your hair fall out" asked in general, a trial
off a drug, "cause fits", broken skin, lab values that "have been low".

Each class is tested on sentences written for these tests, never the sets' own, with
counterparts; every cue that takes a red flag away is tested with the writer's own red flag in a
neighbouring clause or sentence, which must still be an emergency.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.34; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 34)


def _not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


def _urgency(message: str, want: str) -> None:
    result = classify(message)
    assert result.urgency == want, result.reasons


# ------------------------------- speech only compared to drink (ctx.stroke.not_drunk)


@pytest.mark.parametrize(
    "message",
    [
        "Since about six her words have been slurred, like she'd had a few drinks, but she "
        "doesn't drink at all.",
        "His words are coming out garbled as if he'd been drinking, and he hasn't touched a drop.",
        "my dad is slurring tonight, like hes had a couple of beers, he had chemo monday",
    ],
)
def test_slurred_speech_compared_to_drink_is_a_stroke_sign(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "He had a few drinks at the wedding and is slurring his words a bit.",
        "She's drunk and slurring lol, ignore her.",
    ],
)
def test_slurred_speech_put_down_to_drink_stays_a_symptom(message: str) -> None:
    _not_emergency(message)


# ------------------------------- pressure that does not stop it (rf.bleeding.1)


@pytest.mark.parametrize(
    "message",
    [
        "My port site has been oozing since lunch and pressing on it doesn't stop it.",
        "The biopsy spot keeps oozing, holding pressure won't stop the bleeding.",
    ],
)
def test_pressure_that_does_not_stop_it(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "Pressing on the bruise doesn't stop it hurting.",
        "My knee aches and pressing on it doesn't stop the pain.",
    ],
)
def test_pressure_that_does_not_stop_a_pain(message: str) -> None:
    _not_emergency(message)


# ------------------------------- cord compression (tag.symptoms.back_pain, .leg_weakness)


@pytest.mark.parametrize(
    "message",
    [
        "A new pain started in the middle of my back on Monday and today my legs are weak and "
        "wobbly.",
        "Low back ache for 3 days and since this morning my thighs and bottom feel numb.",
        "An ache came on across my lower back last week, now both legs and feet have gone numb.",
    ],
)
def test_back_pain_with_numb_or_weak_legs_in_new_words(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "A new pain started in the middle of my back on Monday, my legs are fine, no numbness.",
        "My thighs and calves feel heavy after the long hike yesterday.",
    ],
)
def test_back_pain_alone_or_tired_legs_alone(message: str) -> None:
    _not_emergency(message)


# ------------------------------- SVC and breathlessness (swelling_upper, breathless)


@pytest.mark.parametrize(
    "message",
    [
        "My left arm, the side with the port, has swollen up since yesterday and I'm huffing "
        "going up the hallway.",
        "Her face and neck are puffy today and she's puffing when she lies flat.",
    ],
)
def test_swollen_arm_or_face_with_huffing_or_puffing(message: str) -> None:
    result = classify(message)
    assert result.urgency == "emergency", result.reasons
    assert "svc" in result.red_flags


def test_puffing_lying_flat_is_breathless_at_rest() -> None:
    assert_flagged("Since tonight I'm puffing when I lie flat, I have to sit up.", "breathing")


@pytest.mark.parametrize(
    "message",
    [
        "My left arm, the one they took the nodes from, has swollen a bit, breathing is fine.",
        "My face is puffing up from the steroids, breathing is fine.",
        "He was huffing about the parking fees again.",
    ],
)
def test_swelling_without_breathlessness_or_huffing_about_something(message: str) -> None:
    _not_emergency(message)


# ------------------------------- shaking chills (rf.fever.2)


@pytest.mark.parametrize(
    "message",
    [
        "Chemo last Thursday. He's under three blankets and still shaking.",
        "She's shuddering so hard her teeth are rattling, on Kisqali.",
    ],
)
def test_shaking_told_by_blankets_or_teeth(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "I finished chemo two years ago, tonight I'm under two blankets and still shivering.",
        "The infusion room was cold, I was under two blankets and fine.",
    ],
)
def test_blankets_without_recent_treatment_or_without_shaking(message: str) -> None:
    _not_emergency(message)


# ------------------------------- blood mixed into the phlegm (rf.haemoptysis.1)


@pytest.mark.parametrize(
    "message",
    [
        "There's been blood mixed in with my phlegm since this morning.",
        "Phlegm mixed with bright red blood when I cough today.",
    ],
)
def test_blood_mixed_into_phlegm(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "No blood mixed in with the phlegm, just a cough.",
        "Back in 2019 there was blood mixed in with my phlegm during pneumonia.",
    ],
)
def test_blood_in_phlegm_denied_or_long_ago(message: str) -> None:
    _not_emergency(message)


# ------------------------------- an overdose as what would be easier (rf.self_harm.1)


@pytest.mark.parametrize(
    "message",
    [
        "Some days I think it would be better for everyone if I just swallowed all of them.",
        "It would be easier for my family if I took the whole bottle.",
    ],
)
def test_overdose_told_as_what_would_be_easier(message: str) -> None:
    result = classify(message)
    assert result.urgency == "emergency", result.reasons
    assert result.self_harm


@pytest.mark.parametrize(
    "message",
    [
        "Would it be easier if I took all my tablets in the morning?",
        "It'd be simpler if I took all of them with breakfast, can I?",
    ],
)
def test_taking_all_the_tablets_as_a_dosing_question(message: str) -> None:
    _not_emergency(message)


# ------------------------------- a whole-number reading without the word (rf.fever.3)


@pytest.mark.parametrize(
    "message",
    [
        "The leaflet says 100.4. I'm at 101 tonight on AC.",
        "The sheet says 100.4 and I'm at 101.",
        "My temp went up after chemo on Tuesday, it's 102 now.",
    ],
)
def test_whole_number_reading_told_without_the_word(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "The sheet says call at 100.4. I'm at 100 on AC, a bit tired.",
        "Mum is 101 years old and has no fever, can she still have the flu jab?",
        "My temperature is fine. I'm 100 percent sure I want the second opinion.",
    ],
)
def test_whole_numbers_that_are_not_a_fever(message: str) -> None:
    _not_emergency(message)


# ------------------------------- a threshold told as a rule (ctx.hypothetical.document)


@pytest.mark.parametrize(
    "message",
    [
        "They told me to call if my temperature is 38 or higher. It's 37.2 tonight, just checking.",
        "I was told to ring if my temp is 38 or higher - it's 37.4 now, all good?",
        "Phone the unit if your temperature goes above 38.0, is what my instructions say. "
        "I feel ok.",
        "Anything over 100.4 counts as a fever, right? Mine has been 99 all week.",
        "The sheet says 100.4 so I think I'm under? Feeling ok on Taxol.",
    ],
)
def test_threshold_told_as_a_rule_is_not_a_reading(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "They told me to call if my temperature is 100.4 or higher, and it's 101.2 tonight.",
        "They said ring if it's 38 or above. It's 38.6 now, on Verzenio.",
        "Call us for a temperature of 38 or more, the booklet says. Mine is 38.4 on capecitabine.",
        "The sheet says 100.4 and my temp is 100.9 tonight, on AC.",
        "Anything over 100.4 counts as a fever, right? Tonight I have a fever of 101.5 on Taxol.",
        "My daughter says to call you if I'm over 100.4 and I'm 101.3 now.",
    ],
)
def test_threshold_rule_beside_the_writers_own_fever(message: str) -> None:
    assert_flagged(message, "fever")


# ------------------------------- candidates the writer cannot remember (ctx.hypothetical.general)


def test_candidates_after_a_threshold_question() -> None:
    _urgency(
        "Which temperature means I call you on chemo? I always forget whether it's 38 or 38.5",
        "routine",
    )


def test_candidates_then_the_writers_reading() -> None:
    assert_flagged(
        "Which temperature means I call you on chemo? I always forget whether it's 38 or 38.5. "
        "Right now I'm 38.9.",
        "fever",
    )


# ------------------------------- the second symptom of a side-effect question (general)


@pytest.mark.parametrize(
    "message",
    [
        "Is a rash a side effect of Herceptin to call about, or only shortness of breath?",
        "Is nausea a common side effect of Taxol, or chest pain?",
    ],
)
def test_second_symptom_offered_in_a_side_effect_question(message: str) -> None:
    result = classify(message)
    assert result.urgency == "routine", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "Is chest pain a side effect of Herceptin, or only shortness of breath? I'm short of "
        "breath right now after my infusion.",
        "Is chest pain a side effect of Herceptin or only breathlessness, because I have been "
        "breathless since this morning?",
        "Is nausea a side effect of Taxol, or chest pain? I've had crushing chest pain since "
        "lunch.",
    ],
)
def test_side_effect_question_beside_the_writers_own_red_flag(message: str) -> None:
    _urgency(message, "emergency")


# ------------------------------- a lifelong faint at needles or blood (ctx.time.habitual)


@pytest.mark.parametrize(
    "message",
    [
        "I always pass out when they take my blood, can someone hold my hand?",
        "Whenever I get a needle I faint, so can I lie down for my port access?",
        "I've always fainted at the sight of blood, ever since I was little. Is there a quiet "
        "room?",
    ],
)
def test_lifelong_faint_at_a_trigger_is_history(message: str) -> None:
    _urgency(message, "routine")


@pytest.mark.parametrize(
    "message",
    [
        "I've always fainted at the sight of blood, but this morning I fainted in the kitchen "
        "for no reason.",
        "I always faint at the sight of needles. Yesterday I passed out on the stairs.",
        "I've always fainted at the sight of needles, and I fainted again at my blood draw an "
        "hour ago.",
        "She has fainted three times today.",
    ],
)
def test_a_faint_of_its_own_day_still_counts(message: str) -> None:
    assert_flagged(message, "collapse")


# ------------------------------- tags


@pytest.mark.parametrize(
    "message",
    [
        "What should make me call you straight away on Kisqali?",
        "Which ones mean I should call straight away?",
        "What should I keep an eye out for after my first Enhertu?",
    ],
)
def test_what_should_make_me_call_asks_about_symptoms(message: str) -> None:
    result = classify(message)
    assert "symptoms" in result.tags and result.urgency == "routine", result.reasons


def test_keeping_an_eye_out_for_recurrence_is_not_a_symptom() -> None:
    result = classify("Who will keep an eye out for recurrence now my oncologist has retired?")
    assert "symptoms" not in result.tags, result.reasons
    assert "recurrence" in result.tags


def test_hair_falling_out_asked_in_general_and_told_as_ones_own() -> None:
    general = classify("Does Verzenio make your hair fall out?")
    assert "symptoms" not in general.tags and general.urgency == "routine", general.reasons
    own = classify("The Taxol made my hair fall out this week.")
    assert "symptoms" in own.tags, own.reasons


def test_a_trial_off_a_drug_is_not_a_clinical_trial() -> None:
    off = classify("My doctor wants me to try a trial off the anastrozole this summer.")
    assert "clinical_trials" not in off.tags, off.reasons
    study = classify("Is the HER2 trial off the table now that I've had Enhertu?")
    assert "clinical_trials" in study.tags, study.reasons


def test_cause_fits_asked_and_brought_on() -> None:
    asked = classify("Can bone mets in the skull cause fits?")
    assert "symptoms" in asked.tags and asked.urgency == "routine", asked.reasons
    assert_flagged("Her new tablets brought on fits last night.", "seizure")
    _urgency("This insurance company gives me fits.", "routine")


def test_broken_skin_is_a_symptom() -> None:
    result = classify("The skin under my arm has cracked and is weeping after radiation.")
    assert "symptoms" in result.tags and result.urgency == "priority", result.reasons
    assert "symptoms" not in classify("My phone screen has cracked, can you email me?").tags


def test_lab_values_that_have_been_low_are_not_low_mood() -> None:
    labs = classify("Her platelets have been low so they delayed chemo.")
    assert "symptoms" not in labs.tags, labs.reasons
    mood = classify("I've been feeling really low since the scan.")
    assert "symptoms" in mood.tags, mood.reasons
