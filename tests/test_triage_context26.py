"""Wordings added in vocabulary 2026.11.33, from the classes of error ``triage_blind40.jsonl``
(who writes and how they speak: older formal writers, second-language English, relatives
translating, home health and village aides, neighbours, regional expressions) showed when first
seen on 2026.11.30. Each class is tested on sentences written for these tests, never the set's
own, with a counterpart: the near miss that must stay quiet, or, for every cue that takes a red
flag away, the same writer's real red flag in a neighbouring clause or sentence, which must still
fire.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.33; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 33)


def _not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# ------------------------------- "can't hardly" (the CANT macro, rf.confusion.2)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("I can't hardly breathe tonight, even sitting in my chair", "breathing"),
        ("Mom can't hardly catch her breath this morning", "breathing"),
        ("We couldn't hardly rouse him this morning, he just mumbles", "confusion"),
        ("I can't barely wake her up since lunch", "confusion"),
        ("We can't hardly keep Dad awake since his nap", "confusion"),
    ],
)
def test_dialect_double_negative_is_cannot(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "I can't hardly wait for my last chemo on Friday!",
        "I can hardly believe the bill for the scan.",
        "I couldn't hardly sleep last night for worrying about the results.",
    ],
)
def test_dialect_double_negative_without_a_red_flag(message: str) -> None:
    _not_emergency(message)


# ------------------------------- not making a lick of sense (rf.confusion.2)


@pytest.mark.parametrize(
    "message",
    [
        "Dad's not making a lick of sense since he got up from his nap.",
        "She ain't making any sense this morning and keeps asking for her mother.",
        "Grandma isn't making one bit of sense today.",
    ],
)
def test_not_making_a_lick_of_sense_is_confusion(message: str) -> None:
    assert_flagged(message, "confusion")


@pytest.mark.parametrize(
    "message",
    [
        "This insurance letter isn't making a lick of sense to me.",
        "None of this is making any sense, who do I call about the bill?",
        "The bill isn't making any sense.",
    ],
)
def test_a_paper_that_makes_no_sense_is_not_confusion(message: str) -> None:
    _not_emergency(message)


def test_a_paper_that_makes_no_sense_beside_a_relative_who_makes_none() -> None:
    """The document exclude drops only its own match: the mother's confusion still counts."""
    assert_flagged(
        "The bill isn't making any sense and Mom isn't making a lick of sense since this morning.",
        "confusion",
    )


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("No fever and Mom says her chest hurts since lunch.", "chest_pain"),
        ("She has no cough and Dad is coughing up blood this morning.", "haemoptysis"),
    ],
)
def test_and_mom_starts_a_new_clause_so_a_denial_before_it_stops_there(
    message: str, flag: str
) -> None:
    """ "and Mom / Mum / Dad" starts a clause like ", Mom" did (ctx.boundary.clause)."""
    assert_flagged(message, flag)


def test_a_denial_in_moms_own_clause_still_counts() -> None:
    _not_emergency("I'm fine and Mom has no chest pain or fever today.")


# ------------------------------- an aside in brackets about someone else (ctx.time.ongoing)


@pytest.mark.parametrize(
    "message",
    [
        "She called me by my dad's name (he passed away in 2010) and didn't know where she was.",
        "Mum keeps calling me by my aunt's name (she died in 2015).",
    ],
)
def test_a_bracketed_year_about_someone_else_does_not_date_the_finding(message: str) -> None:
    assert_flagged(message, "confusion")


@pytest.mark.parametrize(
    "message",
    [
        "Mum had a seizure in 2012 (she was 40 then). Does that matter for the trial?",
        "I had a fit in 2009 (it was from a high fever). Should I put it on the form?",
    ],
)
def test_a_year_that_dates_the_finding_still_does(message: str) -> None:
    _not_emergency(message)


# ------------------------------- bleeding told with "it" (rf.bleeding.2)


@pytest.mark.parametrize(
    "message",
    [
        "His gums started bleeding after lunch. We've pressed a cloth on and it keeps soaking "
        "through the gauze.",
        "The biopsy site is bleeding again and it's coming through the dressing.",
        "Her nose began to bleed at 6, and it kept coming through the tissues all evening.",
    ],
)
def test_it_keeps_coming_through_the_towels_is_bleeding(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "The drain is leaking clear fluid and it keeps coming through the dressing.",
        "Her blood tests were fine. The seroma leaks and it keeps coming through the pad.",
    ],
)
def test_something_else_coming_through_a_dressing_is_not_bleeding(message: str) -> None:
    _not_emergency(message)


# ------------------------------- a blood count told is not an assessment (ctx.assessed)


def test_a_lab_result_told_is_not_an_assessment_of_the_bleeding() -> None:
    assert_flagged(
        "My nose has been bleeding and it keeps coming through the towels. The oncologist told me "
        "on Monday my platelets were low.",
        "bleeding",
    )


def test_a_doctor_who_checked_the_bleeding_still_assessed_it() -> None:
    message = (
        "I had a nosebleed that wouldn't stop this morning; the ER doctor checked me and said my "
        "platelets were low."
    )
    assert urgency_of(message) == "priority", classify(message).reasons


# ------------------------------- back pain in regional words (tag.symptoms.back_pain)


@pytest.mark.parametrize(
    "message",
    [
        "My back has been giving me fits since Saturday and now my legs feel weak and wobbly.",
        "Her back's been giving her what for all week, and this morning both legs went numb.",
    ],
)
def test_back_giving_me_fits_with_weak_legs_is_cord_compression(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    ("message", "urgency"),
    [
        ("The insurance forms have been giving me fits.", "routine"),
        ("My back has been giving me fits since my fall, but my legs are fine.", "priority"),
    ],
)
def test_fits_without_the_legs(message: str, urgency: str) -> None:
    assert urgency_of(message) == urgency, classify(message).reasons


# ------------------------------- fluids: "so much as a sip", "sick as a dog" (rf.dehydration.1,
# ctx.experiencer.other)


@pytest.mark.parametrize(
    "message",
    [
        "He can't keep so much as a sip of tea down since yesterday morning.",
        "Sick as a dog since Sunday and she can't keep anything down, not even water.",
        "I can't hardly keep any fluids down since Monday.",
    ],
)
def test_no_fluids_kept_down(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "Our dog has been sick and can't keep any water down since yesterday.",
        "She was sick as a dog with a cold last week, but she is drinking fine now.",
    ],
)
def test_an_animal_or_fluids_kept(message: str) -> None:
    _not_emergency(message)


# ------------------------------- the hour in words (ctx.fluids.short); "hold water down" is not
# the bladder (rf.cord_compression.2 exclude)


@pytest.mark.parametrize(
    "message",
    [
        "She's been vomiting since about six this morning and can't keep water down.",
        "I've been sick since first thing this morning and can't hold water down.",
    ],
)
def test_nothing_kept_down_since_this_morning_is_a_symptom(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority", result.reasons
    assert not result.red_flags


def test_since_this_morning_beside_a_real_red_flag() -> None:
    """The short-time cue reads its own clause: no urine since last night still fires."""
    assert_flagged(
        "She's been vomiting since about six this morning and can't keep water down. She "
        "hasn't passed any urine since last night.",
        "dehydration",
    )


def test_cannot_hold_my_water_is_still_the_bladder() -> None:
    assert_flagged("I can't hold my water and wet myself twice today.", "cord_compression")


# ------------------------------- "If Mom runs a fever" (ctx.hypothetical.pre)


@pytest.mark.parametrize(
    "message",
    [
        "If Dad gets a fever on the Kisqali, should we call you or the ER?",
        "If Grandma runs a temperature at night, who do we ring first?",
    ],
)
def test_a_relative_in_a_conditional_question_is_hypothetical(message: str) -> None:
    result = classify(message)
    assert result.urgency == "routine", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("If Mom runs a fever do we call you first? She is burning up, 39.1 right now.", "fever"),
        ("If Dad gets chest pain do we call 911, but he has chest pain right now.", "chest_pain"),
        ("If Mom is running a fever of 38.6 right now, what do we do?", "fever"),
    ],
)
def test_the_relatives_red_flag_now_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# ------------------------------- an old stroke's lasting sign (ctx.stroke.old / ctx.stroke.new)


@pytest.mark.parametrize(
    "message",
    [
        "Dad's left arm has been weak since his stroke in 2015, no change. Can he park near the "
        "door?",
        "Her speech has been slurred ever since her stroke years ago. Could the interpreter "
        "speak slowly?",
        "His smile is crooked from his old stroke, same as always.",
    ],
)
def test_an_old_strokes_lasting_sign_is_not_the_red_flag(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Her speech has been slurred since her stroke in 2016, but this morning her face is "
        "drooping.",
        "His speech has been slurred since his stroke years ago and it got much worse an hour ago.",
        "Her speech has been slurred since her stroke on Monday.",
        "Mum's words have been slurred since her stroke in 2019. Today her left arm suddenly "
        "went weak.",
    ],
)
def test_a_new_or_worse_sign_still_fires(message: str) -> None:
    assert_flagged(message, "stroke")


# ------------------------------- thoughts of not wanting to be alive (rf.self_harm.1); dark
# thoughts (tag.symptoms.mental)


@pytest.mark.parametrize(
    "message",
    [
        "I keep having thoughts about not wanting to be alive.",
        "He talks about no longer wanting to live like this.",
        "Lately she's had thoughts of not wanting to be here.",
    ],
)
def test_not_wanting_to_be_alive_is_self_harm(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I'm not wanting to be here for the 8am slot, can I come later?",
        "Years ago, in my twenties, I had dark thoughts about not wanting to be alive. "
        "I'm well now.",
    ],
)
def test_not_wanting_to_be_here_for_an_appointment_or_long_ago(message: str) -> None:
    _not_emergency(message)


def test_dark_thoughts_are_a_symptom() -> None:
    result = classify("I've been having dark thoughts since the scan.")
    assert result.urgency == "priority", result.reasons
    assert "symptoms" in result.tags


# ------------------------------- "more than I used to" (ctx.time.remote)


def test_more_than_i_used_to_is_now() -> None:
    result = classify("I get breathless on the hill to the post office more than I used to.")
    assert result.urgency == "priority", result.reasons
    assert "symptoms" in result.tags


def test_used_to_alone_is_still_history() -> None:
    assert urgency_of("I used to get breathless on the hill, years back.") == "routine"


# ------------------------------- "make a person" in a question (ctx.experiencer.other,
# ctx.hypothetical.pre)


def test_can_it_make_a_person_faint_asks_about_a_symptom() -> None:
    result = classify("Can bone mets make a person faint?")
    assert result.urgency == "routine", result.reasons
    assert {"recurrence", "symptoms"} <= set(result.tags)


def test_the_writers_own_faint_after_the_question_still_fires() -> None:
    assert_flagged("Can bone mets make a person pass out? I passed out an hour ago.", "collapse")


def test_a_person_who_fainted_is_still_someone_else() -> None:
    _not_emergency("A person at church fainted during the service yesterday.")


# ------------------------------- the cancer named by where it started (tag.recurrence.in_organ)


def test_the_cancer_from_my_breast_is_in_the_lung() -> None:
    assert (
        "recurrence"
        in classify("The doctor says the cancer from my breast is now in my bones.").tags
    )


def test_the_cancer_from_my_breast_was_removed() -> None:
    message = "The cancer from my breast was removed and the scan of my lungs was clear."
    assert "recurrence" not in classify(message).tags


# ------------------------------- how high a temperature must be (ctx.hypothetical.pre)


def test_how_high_does_a_temperature_have_to_be_is_a_question() -> None:
    result = classify("How high does a temperature have to be before I call, on Ibrance?")
    assert result.urgency == "routine", result.reasons


def test_how_high_then_the_writers_fever() -> None:
    assert_flagged(
        "How high does a fever have to be before we call? I have a fever of 38.9 now, on chemo.",
        "fever",
    )


# ------------------------------- "when she is tired" (tag.symptoms.fatigue exclude)


def test_when_she_is_tired_is_a_condition() -> None:
    message = (
        "She speaks English but prefers Tagalog when she is tired. Can you book an interpreter?"
    )
    assert "symptoms" not in classify(message).tags


def test_tired_since_chemo_is_a_symptom() -> None:
    assert urgency_of("She has been very tired since her chemo on Monday.") == "priority"


# ------------------------------- "took a turn" (tag.symptoms.neuro)


def test_took_a_turn_overnight_is_a_symptom() -> None:
    result = classify("Mom took a turn overnight and is weaker this morning.")
    assert result.urgency == "priority", result.reasons


def test_took_a_turn_for_the_better_is_not() -> None:
    assert (
        urgency_of("Things took a turn for the better, can we cancel the extra visit?") == "routine"
    )
