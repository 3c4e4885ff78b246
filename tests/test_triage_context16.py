"""Wordings and context rules added in vocabulary 2026.11.23, prompted by the misses and false
alarms of ``triage_blind29.jsonl`` (survivors, travellers, partners writing, very formal or blunt
writers) and ``triage_blind30.jsonl`` (households and crowds: several people in one message).
Each class of error is tested in sentences written for these tests, not copied from the sets:
every fix has a positive and a counterpart that must come out the other way.

Six fixes can remove a red flag or a priority (a checklist answered "None", a "collapsed into
bed", a film that "gave me chills", a decade of someone's later life, a member of a group, a
general question about what a treatment makes "you" feel) and one removes a false confusion (a
doctor who "doesn't know the cancer side"). Each remover is scoped to its own clause or words,
never the message, and each has a test that the writer's own red flag elsewhere in the same
message still fires. The stable-symptom rule makes an unchanged plain symptom routine; it never
touches a red flag."""

from __future__ import annotations

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.23; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 23)


def tags_of(message: str) -> tuple[str, ...]:
    return classify(message).tags


# ----------------------------- a checklist answered item by item (ctx.negation.checklist)


def test_checklist_items_answered_none_are_negated() -> None:
    for message in (
        "Seizures? None. Bleeding? No. I only want to move my Friday appointment.",
        "Quick update for the nurse. Fainting? nope. Fever? none.\nCan I get a copy of my letter?",
    ):
        result = classify(message)
        assert result.urgency == "routine", result.reasons
        assert "symptoms" not in result.tags


def test_checklist_item_not_answered_no_still_fires() -> None:
    assert_flagged("Chest pain? Yes, since this morning, crushing.", "chest_pain")
    assert_flagged("Chest pain? No idea why, but it started an hour ago.", "chest_pain")


def test_checklist_answer_does_not_hide_the_writers_own_red_flag_elsewhere() -> None:
    assert_flagged(
        "Fever? None. Cough? Nope. But since lunch I have had chest pain going into my jaw.",
        "chest_pain",
    )
    assert_flagged("Bleeding? No. I passed out in the shower this morning.", "collapse")


# ------------------------------------ collapsing into bed; chills from a film (ctx.figurative)


def test_collapsing_into_bed_or_chills_from_a_story_are_figures_of_speech() -> None:
    result = classify("After the ferry and two buses I collapsed into my bed, ha. All good.")
    assert result.urgency == "routine", result.reasons
    result = classify("Your patient story video gave me goosebumps and chills. Lovely work.")
    assert result.urgency == "routine", result.reasons
    assert "symptoms" not in result.tags


def test_a_real_collapse_or_real_chills_still_count() -> None:
    assert_flagged("She collapsed on the kitchen floor an hour ago.", "collapse")
    assert urgency_of("The chemo gave me chills and shaking last night, no thermometer.") in (
        "priority",
        "emergency",
    )
    assert_flagged(
        "I collapsed into bed after work, then at 3am I collapsed in the hallway and hit my head.",
        "collapse",
    )
    assert_flagged(
        "The documentary gave me chills. Separately, I'm on Kisqali and my temperature is 38.7.",
        "fever",
    )


# ----------------------------------------- a past decade of someone's later life (ctx.time.remote)


def test_something_that_happened_in_a_past_decade_of_life_is_history() -> None:
    result = classify("Can brain mets cause confusion? My grandad was confused in his 70s.")
    assert result.urgency == "routine", result.reasons
    assert "symptoms" in result.tags  # the question about a symptom keeps its tag


def test_being_in_your_eighties_now_is_not_history() -> None:
    assert_flagged("My mum is in her 80s and since this morning she is confused.", "confusion")
    assert_flagged(
        "Grandad got forgetful in his late 70s. Today he suddenly doesn't know where he is.",
        "confusion",
    )


# --------------------------------- "on our way back": a route, not remote history (ctx.time.remote)


def test_on_our_way_back_is_not_years_ago() -> None:
    assert_flagged("I fainted on my way back from the pharmacy this morning.", "collapse")
    assert (
        urgency_of(
            "My husband (on Enhertu) passed out on our way back from the lake; paramedics checked"
            " him and said he was fine."
        )
        == "priority"
    )


def test_way_back_alone_is_still_history() -> None:
    assert urgency_of("I had a seizure way back, nothing since. Can I drive?") == "routine"


# ------------------------------------- doesn't know the subject (rf.confusion.2 exclude)


def test_not_knowing_a_subject_is_not_disorientation() -> None:
    result = classify("My GP is lovely but doesn't know the oncology side, so I'd like a referral.")
    assert result.urgency != "emergency", result.reasons
    result = classify("The pharmacist didn't know the details of my plan.")
    assert result.urgency != "emergency", result.reasons


def test_not_knowing_people_place_or_time_is_still_confusion() -> None:
    assert_flagged("Since lunch Mom doesn't know the date or where she is.", "confusion")
    assert_flagged(
        "My GP doesn't know the cancer side. Tonight my husband doesn't recognise me.", "confusion"
    )


# ------------------------ swelling of the arm, with an aside (tag.symptoms.swelling_upper)


def test_arm_swelling_with_an_aside_and_breathlessness_is_the_svc_flag() -> None:
    assert_flagged(
        "My right arm (the side they took the nodes) has ballooned since Friday and I'm out of"
        " breath just getting dressed.",
        "svc",
    )
    assert_flagged(
        "Her arm is suddenly twice its normal size and she is breathless sitting in her chair.",
        "svc",
    )


def test_arm_swelling_without_breathlessness_is_priority() -> None:
    assert urgency_of("My left arm (surgery side) has swollen up a bit this week.") == "priority"
    assert urgency_of("My arm (the port side) is twice the size but my breathing is fine.") == (
        "priority"
    )


# ----------------------------------------------- low mood in lay words (tag.symptoms.mental)


def test_tearful_is_low_mood() -> None:
    result = classify("I've been weepy and tearful for three weeks, no thoughts of self-harm.")
    assert "symptoms" in result.tags
    assert result.urgency == "priority", result.reasons


def test_tearful_at_good_news_is_still_a_mood_word_but_thoughts_of_self_harm_fire() -> None:
    assert_flagged(
        "I've been tearful all week and last night I thought about ending my life.", "self_harm"
    )


# -------------------------------------- an unchanged plain symptom is routine (ctx.symptoms.stable)


def test_an_unchanged_long_term_symptom_is_tagged_but_routine() -> None:
    for message in (
        "Tingling in my fingertips since docetaxel, unchanged for two years. Can I take up piano?",
        "My joint aches on exemestane are the same as they've been since March. Refill please.",
        "Dry mouth from radiotherapy, no change at all, just asking about mouthwash.",
    ):
        result = classify(message)
        assert "symptoms" in result.tags, message
        assert result.urgency == "routine", (message, result.reasons)


def test_a_new_or_worse_symptom_beside_a_stable_one_is_still_priority() -> None:
    for message in (
        "My neuropathy is the same as always, but there is a new lump in my armpit.",
        "Hot flushes unchanged, new pain in my hip.",
        "The tingling was unchanged for years and now it is much worse.",
        "My cough has had no change with the antibiotics.",
    ):
        assert urgency_of(message) == "priority", message


def test_a_red_flag_said_to_be_unchanged_is_still_a_red_flag() -> None:
    assert_flagged("Chest pain since this morning, unchanged by rest.", "chest_pain")
    assert_flagged(
        "My hot flushes are the same as always. I coughed up blood an hour ago.", "haemoptysis"
    )


# ---------------------------------- a member of a group, "I'm the patient" (ctx.experiencer.*)


def test_a_member_of_the_group_is_someone_else() -> None:
    result = classify("Two of our choir members fainted at practice; can you send a speaker?")
    assert result.urgency == "routine", result.reasons
    assert "symptoms" not in result.tags


def test_the_group_member_writing_about_herself_still_fires() -> None:
    assert_flagged(
        "One of our group members fainted last month. Today I fainted too, on the stairs.",
        "collapse",
    )


def test_im_the_patient_makes_a_named_relatives_cold_theirs() -> None:
    result = classify("My daughter has a fever and a cough. I'm the patient, chemo on Monday.")
    assert result.urgency == "routine", result.reasons
    assert "symptoms" not in result.tags


def test_im_the_patient_keeps_the_writers_own_red_flag() -> None:
    assert_flagged(
        "My son has a cold. I'm the patient and I have a temperature of 38.9 tonight.", "fever"
    )


# --------------------------------- a general question about side effects (ctx.experiencer.group)


def test_does_a_treatment_make_you_feel_x_is_a_treatment_question() -> None:
    result = classify("Does hormone therapy make you gain weight?")
    assert "symptoms" not in result.tags
    result = classify("Can radiotherapy give you a sore throat?")
    assert "symptoms" not in result.tags


def test_the_writers_own_symptom_after_the_question_still_counts() -> None:
    result = classify("Does chemo make you tired? I've been exhausted since Monday.")
    assert "symptoms" in result.tags
    assert result.urgency == "priority", result.reasons
    assert_flagged("Can chemo make you dizzy? I fainted at the sink this morning.", "collapse")


def test_a_question_about_a_red_flag_side_effect_stays_a_symptoms_question() -> None:
    result = classify("Can Kadcyla make you cough up blood?")
    assert "symptoms" in result.tags
    assert result.urgency == "routine", result.reasons


# ------------------------------------------- recurrence and research wordings (tags)


def test_likely_to_come_back_with_a_contraction_is_recurrence() -> None:
    assert "recurrence" in tags_of("With a grade 3 tumour, is it's likely to come back sooner?")
    assert "recurrence" in tags_of("Does a high Ki-67 mean it's more likely to return?")
    assert "recurrence" not in tags_of("My energy is likely to come back after radiation, right?")


def test_taking_part_in_described_research_or_a_named_study_is_clinical_trials() -> None:
    assert "clinical_trials" in tags_of("Can men take part in NIH-funded research here?")
    assert "clinical_trials" in tags_of("I'd like to volunteer for quality-of-life research.")
    assert "clinical_trials" in tags_of("My oncologist mentioned the SERENA study, is it open?")


def test_a_bible_study_or_research_i_did_is_not_a_trial() -> None:
    assert "clinical_trials" not in tags_of("Can I leave early for the Tuesday bible study?")
    assert "clinical_trials" not in tags_of("I did my own reading before my appointment.")
