"""Wordings and context rules added in vocabulary 2026.11.20, prompted by the misses and false
alarms of ``triage_blind23.jsonl`` and ``triage_blind24.jsonl``: lay wording for several red
flags, confusion written in Spanish, and someone else's symptom. Each class of error is tested
in sentences written for these tests, not copied from the sets: every fix has a positive and a
counterpart that must come out the other way. The two cues that can remove a red flag (the
writer's "my own appointment" and a grandchild's febrile seizure) are scoped to the named
person's clause: each has a test that the patient's own red flag elsewhere still fires."""

from __future__ import annotations

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.20; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 20)


# --------------------------------------------------- coughing into a tissue (rf.haemoptysis.1)


def test_coughed_into_a_tissue_with_blood() -> None:
    assert_flagged(
        "I coughed into a hanky this morning and there was fresh blood on it.", "haemoptysis"
    )
    assert_flagged("Keeps coughing into tissues and they come away bloody.", "haemoptysis")


def test_coughed_into_a_tissue_without_blood() -> None:
    assert urgency_of("I coughed into a hanky this morning and it was just clear phlegm.") != (
        "emergency"
    )
    assert urgency_of("Coughing into a tissue all day, but there's no blood in it.") != (
        "emergency"
    )
    # spitting into the sink (not coughing) after red wine stays as it was
    assert urgency_of("I spat into the sink and saw bright red, then remembered the beetroot.") != (
        "emergency"
    )


# -------------------------------------------------- confusion in Spanish (rf.confusion.es)


def test_spanish_sudden_confusion() -> None:
    assert_flagged("Mi papá está confundido desde anoche, no sabe dónde está.", "confusion")
    assert_flagged("Mi esposa no nos reconoce desde hoy.", "confusion")


def test_spanish_confusion_about_paperwork_or_long_standing() -> None:
    assert urgency_of("Estoy confundida con las fechas de mis citas, ¿me pueden ayudar?") == (
        "routine"
    )
    assert urgency_of("Mi mamá tiene demencia y está confundida desde hace años.") != "emergency"


# ------------------------ cord compression: feet numb, stumbling (rf.cord_compression.1)


def test_back_pain_with_numb_feet_and_stumbling() -> None:
    assert_flagged(
        "Bad new ache low in my back this week and both my feet feel numb.", "cord_compression"
    )
    assert_flagged(
        "My spine is really sore since Monday and I keep tripping getting up the stairs.",
        "cord_compression",
    )


def test_numb_feet_without_back_pain() -> None:
    assert urgency_of("My feet feel numb since the paclitaxel started.") != "emergency"
    assert urgency_of("I have back pain but my legs and feet feel fine.") != "emergency"


# ------------------------------------------------ nothing, not even water (rf.dehydration.1)


def test_nothing_not_even_water_stays_down() -> None:
    assert_flagged(
        "Sick since Monday. Nothing, not even a sip of tea, has stayed down for two days.",
        "dehydration",
    )


def test_nothing_not_even_water_for_a_few_hours() -> None:
    assert urgency_of("Nothing, not even water, has stayed down for 5 hours.") != "emergency"


# ------------------------------------- "never used to" is not remote history (ctx.time.remote)


def test_breathless_that_never_used_to_happen_with_neck_swelling() -> None:
    assert_flagged(
        "My face and neck puffed up yesterday and I'm out of breath on the stairs, which never"
        " used to happen.",
        "svc",
    )


def test_breathless_that_used_to_happen_long_ago() -> None:
    assert urgency_of("I used to get out of breath on the stairs before my inhaler.") != (
        "emergency"
    )


# --------------------------------- "before the nurse came back" is not an assessment (ctx.assessed)


def test_reaction_that_settled_before_the_nurse_came() -> None:
    assert_flagged(
        "During my Herceptin infusion on Monday my lips swelled, but it went down before the"
        " nurse came over.",
        "infusion_reaction",
    )


def test_reaction_the_nurse_saw() -> None:
    assert (
        urgency_of(
            "During my Herceptin infusion on Monday my lips swelled and the nurse came and gave me"
            " Benadryl."
        )
        != "emergency"
    )


# --------------------------------------------- headache so bad (tag.symptoms.headache_severe)


def test_headache_so_bad_with_vomiting() -> None:
    assert_flagged("My headache is so bad today and I've been sick three times.", "headache")
    assert_flagged(
        "Headache, can't stand the light, threw up this morning. On Kisqali.", "headache"
    )


def test_headache_not_so_bad() -> None:
    assert urgency_of("The headache isn't so bad today, but I threw up after breakfast.") != (
        "emergency"
    )


# ------------------------------------- someone else's symptom (ctx.experiencer.self / .other)


def test_relatives_symptom_when_the_writer_has_their_own_appointment() -> None:
    result = classify(
        "My wife has chest pain now and then and her GP is on it. Can I move my own scan to Friday?"
    )
    assert result.urgency != "emergency", result.reasons


def test_writers_own_red_flag_still_fires_beside_a_relatives() -> None:
    assert_flagged(
        "My wife has chest pain now and then and her GP is on it. I have chest pain myself"
        " today. Can I move my own scan to Friday?",
        "chest_pain",
    )


def test_relative_writing_for_the_patient_still_fires() -> None:
    """Without the writer saying they are the patient, the named person is the patient."""
    assert_flagged("My wife has had chest pain since this morning.", "chest_pain")


def test_grandchilds_febrile_seizure_is_someone_elses() -> None:
    result = classify("My granddaughter had a febrile convulsion on Sunday so I missed my call.")
    assert result.urgency == "routine", result.reasons


def test_writers_own_red_flag_beside_a_grandchilds_febrile_seizure() -> None:
    assert_flagged(
        "My grandson had a febrile seizure yesterday. I'm on chemo and I have a fever of 38.6"
        " tonight.",
        "fever",
    )


def test_grandchilds_seizure_without_the_childhood_term_still_fires() -> None:
    """Only the childhood condition marks the grandchild as someone else: a grandparent may be
    writing for a grandchild who is the patient."""
    assert_flagged("My granddaughter had a seizure an hour ago.", "seizure")
