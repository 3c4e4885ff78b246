"""Wordings and context rules added in vocabulary 2026.11.25, prompted by the misses, false
alarms and tag errors of ``triage_blind31.jsonl`` (time: history against now, hypotheticals,
discharges, long messages with one current red flag) and ``triage_blind32.jsonl``
(administration and feelings: admin requests full of medical words, emergencies hidden in
them, grief, indirect suicide risk). Each class of error is tested in sentences written for
these tests, not copied from the sets: every fix has a positive and a counterpart that must
come out the other way.

Five fixes can remove a red flag or a tag (a part of a past year, the last weeks of someone who
died, several people "confused" by a schedule, "if I'm ...ing", a quoted trial criterion). Each
remover is scoped to its own clause or quotation, never the message, and each has a test that
the writer's own red flag elsewhere in the same message still fires."""

from __future__ import annotations

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.25; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 25)


def tags_of(message: str) -> tuple[str, ...]:
    return classify(message).tags


# ------------------------------------- self-harm told indirectly (rf.self_harm.1, blind31/32)


def test_better_off_if_i_ended_things() -> None:
    assert_flagged("My husband would be better off if I just ended things.", "self_harm")
    assert_flagged("Honestly the kids would be better off if I ended it all.", "self_harm")
    assert_flagged("It would be simpler for my family if I just ended everything.", "self_harm")


def test_ending_things_with_a_person_or_a_plan_is_not_self_harm() -> None:
    for message in (
        "It would be easier if I just ended things with my boyfriend before chemo.",
        "My sister would be better off if I had called her sooner.",
        "Would it be better if I ended the tamoxifen early?",
    ):
        assert urgency_of(message) != "emergency", message


def test_not_waiting_for_the_cancer_to_do_it() -> None:
    assert_flagged(
        "Please send my scan report. I won't wait for the cancer to take me.", "self_harm"
    )
    assert_flagged("I'm not going to wait around for this disease to finish me off.", "self_harm")


def test_waiting_for_the_cancer_wording_without_intent() -> None:
    for message in (
        "I don't want to wait for the cancer to come back before I get checked.",
        "I'd rather choose the day myself for my port removal, Tuesdays are best.",
    ):
        assert urgency_of(message) != "emergency", message


def test_not_caring_whether_i_live_or_die() -> None:
    assert_flagged(
        "You lost my referral again. I don't care anymore whether I live or die.", "self_harm"
    )
    assert_flagged(
        "I want to die and I've been figuring out how I'd do it. Also my bill is wrong.",
        "self_harm",
    )


def test_not_caring_about_other_things() -> None:
    for message in (
        "I don't care whether I see Dr Lee or the nurse, whoever is free.",
        "I've been figuring out how I'd do it, the drive to Anchorage for each infusion.",
    ):
        assert urgency_of(message) != "emergency", message


def test_sitting_in_the_car_in_the_garage_with_the_engine_running() -> None:
    assert_flagged(
        "Since she died I sit in my car in the garage with the engine running most nights.",
        "self_harm",
    )


def test_a_car_with_the_engine_running_outside() -> None:
    message = "I sat in the car in the parking lot with the engine running to stay warm."
    assert urgency_of(message) != "emergency"


def test_a_third_party_before_the_writers_own_thoughts() -> None:
    """The writer is the subject inside the finding ("better off if I ..."): "my kids" earlier
    in the clause no longer makes it someone else's."""
    assert_flagged("I keep thinking my kids would be better off if I wasn't here.", "self_harm")
    result = classify("My friend says her kids get frustrated and then she cries.")
    assert result.urgency != "emergency", result.reasons


# -------------------------------------------------- a count of fits (rf.seizure.2, blind32)


def test_a_count_of_fits() -> None:
    assert_flagged("Refill please. I had two fits yesterday though I took every dose.", "seizure")
    assert_flagged("She has had a couple of fits since lunch.", "seizure")


def test_fits_of_other_kinds() -> None:
    for message in (
        "I had two fits of coughing after the infusion.",
        "My toddler had two fits of giggles at the clinic.",
        "The new sleeves fit well, I have two that fit.",
    ):
        assert urgency_of(message) != "emergency", message


# ------------------------------- a blank spell with a jerking limb (rf.seizure.2, blind32)


def test_blanked_out_with_a_jerking_arm() -> None:
    assert_flagged(
        "On Sunday I blanked out at lunch and my sister said my left arm was jerking.", "seizure"
    )
    assert_flagged("Mum went blank for a minute and her hand kept twitching.", "seizure")
    assert_flagged("His leg started jerking and then he zoned out.", "seizure")


def test_zoning_out_or_a_twitch_alone() -> None:
    for message in (
        "I zoned out in the waiting room, sorry if I missed my name being called.",
        "My eyelid has been twitching since the new tablets.",
    ):
        assert urgency_of(message) != "emergency", message


def test_a_quoted_criterion_beside_a_real_seizure() -> None:
    """The trial's "no history of seizures" is negated where it stands; the writer's own blank
    spell with a jerking arm after it still fires (ctx.quoted.instruction, negation)."""
    assert_flagged(
        "The trial form says 'no history of seizures'. I've never had one, but yesterday I"
        " blanked out and my husband said my arm was jerking.",
        "seizure",
    )


# ------------------------- bladder and legs: cord compression (rf.cord_compression.*, blind31/32)


def test_not_reaching_the_toilet_in_time() -> None:
    assert_flagged("This morning I didn't make it to the toilet in time.", "cord_compression")
    assert_flagged("Dad couldn't get to the bathroom in time twice today.", "cord_compression")


def test_not_reaching_the_toilet_with_diarrhoea() -> None:
    result = classify("With the diarrhoea I didn't make it to the loo in time once.")
    assert result.urgency != "emergency", result.reasons


def test_a_real_bladder_lapse_beside_the_diarrhoea() -> None:
    assert_flagged(
        "With the diarrhoea I didn't make it to the loo in time. Today I wet myself without"
        " warning and my legs feel heavy.",
        "cord_compression",
    )


def test_cannot_really_feel_my_legs_with_back_pain() -> None:
    assert_flagged(
        "Can you move my appointment? I can't really feel my legs today and my back is agony.",
        "cord_compression",
    )


def test_cannot_really_feel_my_legs_alone() -> None:
    assert urgency_of("I can't really feel my feet since the paclitaxel.") == "priority"


def test_worse_after_an_assessment_with_a_new_bladder_flag() -> None:
    assert_flagged(
        "The ER said my back pain was a strain on Monday. Since then my legs are heavy and this"
        " morning I couldn't get to the toilet in time.",
        "cord_compression",
    )


def test_a_question_then_it_has_happened() -> None:
    """A question about a finding, then "it's happened twice": the writer has it."""
    assert_flagged(
        "Is it normal to wet yourself without warning? It's happened twice since Monday.",
        "cord_compression",
    )
    assert_flagged(
        "Can Enhertu make you lose control of your bladder? This has happened three times.",
        "cord_compression",
    )


def test_a_question_alone() -> None:
    result = classify("Is it normal to wet yourself without warning on these tablets?")
    assert result.urgency != "emergency", result.reasons


# ------------------------------------------ time: a part of a past year (ctx.time.remote)


def test_a_part_of_a_past_year_is_history() -> None:
    for message in (
        "Late 2019 I had a seizure from a brain met. No seizures since. Can I transfer my care?",
        "In early 2018 I coughed up blood, it was pneumonia. Could I get my records sent?",
        "Summer 2021 I collapsed at work and they found a heart block. Parking question please.",
    ):
        assert urgency_of(message) != "emergency", message


def test_a_part_of_a_past_year_beside_a_current_red_flag() -> None:
    assert_flagged(
        "Late 2019 I had a seizure. This morning I had another seizure in the kitchen.", "seizure"
    )
    assert_flagged(
        "Mid-2020 I coughed up blood. Today I am coughing up blood again.", "haemoptysis"
    )


# ------------------------------- the last weeks of a patient who died (ctx.time.remote)


def test_the_last_weeks_of_someone_who_died() -> None:
    for message in (
        "By his last fortnight he was having seizures every day. He died in June. I want to"
        " complain about the hospice referral.",
        "In her final weeks of life she was coughing up blood. Thank you for your care of her.",
    ):
        assert urgency_of(message) != "emergency", message


def test_the_writers_own_red_flag_after_a_bereavement() -> None:
    assert_flagged(
        "By her last fortnight she was confused most days. She died in May. Now I keep"
        " coughing up blood myself since yesterday.",
        "haemoptysis",
    )
    assert_flagged("In the last few days he has had two seizures.", "seizure")


# ---------------------- several people confused by a schedule (rf.confusion.1 exclude)


def test_we_are_getting_confused_about_dates() -> None:
    for message in (
        "Mum has three appointments and we're getting confused: the letter says the 7th.",
        "We are all a bit confused by the new portal, which date is right?",
    ):
        assert urgency_of(message) != "emergency", message


def test_the_patient_confused_beside_the_familys_muddle() -> None:
    assert_flagged(
        "We're getting confused about her dates, and since lunch Mum is suddenly confused and"
        " doesn't know where she is.",
        "confusion",
    )
    assert_flagged("She's getting confused since this morning.", "confusion")


# ------------------------------------ "if I'm ...ing" is a hypothetical (ctx.hypothetical.pre)


def test_if_i_am_vomiting_is_a_question() -> None:
    for message in (
        "If I'm vomiting and can't keep my tablets down, when do I call?",
        "If she's bleeding from the port site and it won't stop, is that 911?",
    ):
        assert urgency_of(message) != "emergency", message


def test_a_real_report_after_if_i_am() -> None:
    assert_flagged(
        "If I'm being honest, I can't keep anything down since yesterday morning.", "dehydration"
    )
    assert_flagged(
        "If I'm vomiting, do I call you? Because right now I can't keep any fluids down since"
        " Sunday.",
        "dehydration",
    )
    assert_flagged("It feels as if I'm choking and I can't breathe.", "breathing")


# --------------------------------------------------------------------------- tags


def test_named_study_and_research_wordings() -> None:
    assert "clinical_trials" in tags_of("The criteria for the HER2 study say no active mets.")
    assert "clinical_trials" in tags_of("Are there studies using vaccines for TNBC?")
    assert "clinical_trials" in tags_of("I'd like to leave my body to medical research.")


def test_studies_show_is_not_a_trial() -> None:
    assert "clinical_trials" not in tags_of("Studies show walking helps with fatigue, right?")
    assert "clinical_trials" not in tags_of("A new study says coffee is fine. Is it?")
    assert "clinical_trials" not in tags_of("Can I leave my car in the research park lot?")


def test_cancer_had_spread_told_over_the_phone() -> None:
    assert "recurrence" in tags_of("I was told the cancer had spread over the phone. Unfair.")
    assert "recurrence" not in tags_of("Can the copays be spread over three months?")


def test_a_spreading_rash_is_not_spread_of_the_cancer() -> None:
    assert "recurrence" not in tags_of(
        "I've had an itchy rash on my back since the second dose and it's spreading."
    )
    assert "recurrence" in tags_of("I have a rash, and I'm scared the cancer is spreading.")


def test_a_quoted_trial_criterion_is_not_a_symptom() -> None:
    assert "symptoms" not in tags_of(
        "The study excludes 'uncontrolled bleeding disorders'. I take warfarin, am I out?"
    )
    assert "symptoms" in tags_of(
        "The study excludes 'uncontrolled bleeding disorders'. My gums bleed every day now."
    )


def test_a_carers_own_tiredness() -> None:
    assert "symptoms" not in tags_of("I'm exhausted from looking after Mum. Is there respite?")
    assert "symptoms" not in tags_of("I'm his only carer and honestly I'm worn out.")
    assert "symptoms" in tags_of("I'm exhausted since my second cycle of chemo.")


def test_knows_who_i_am_is_no_claim_to_be_the_patient() -> None:
    assert "symptoms" in tags_of(
        "My wife has been sleeping most of the day. She knows who I am and what day it is."
    )


def test_low_mood_wordings() -> None:
    assert "symptoms" in tags_of("Since the surgery I don't enjoy anything anymore.")
    assert "symptoms" in tags_of("I've stopped seeing my friends and can barely function.")
    assert "symptoms" not in tags_of("Do you have a list of things patients enjoy doing here?")
