"""Wordings and context rules added in vocabulary 2026.11.24, prompted by the lead engineer's
probe sentences (lay wordings of red flags that were missed, and three false alarms). Each class
of error is tested in sentences written for these tests, not copied from the probes: every fix
has a positive and a counterpart (negated, historical, assessed, someone else's, a figure of
speech) that must come out the other way.

Three fixes can remove a red flag: an animal is not the patient (``ctx.experiencer.other``), a
collapse onto the sofa after a long shift is a figure of speech (``ctx.figurative``), and the
writer coming to their own appointment is the patient, so a named relative's symptoms are the
relative's (``ctx.experiencer.self`` with a clause break before ", can I ..."). Each is scoped to
its own clause or words, never the message, and each has a test that the writer's own red flag
elsewhere in the same message still fires. One fix narrows a remover: an ambulance called and
refused is no assessment (``ctx.assessed.refused``)."""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.24; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 24)


def not_emergency(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", (message, result.reasons)


# ---------------------------------------- self-harm told as an act, and indirectly (rf.self_harm.1)


@pytest.mark.parametrize(
    "message",
    [
        "Last night I swallowed a handful of my morphine tablets.",
        "She took the whole packet of paracetamol this afternoon.",
        "I've taken all my sleeping pills at once, I'm sorry.",
        "I tried to hang myself yesterday.",
    ],
)
def test_an_overdose_or_attempt_told_as_an_act(message: str) -> None:
    assert_flagged(message, "self_harm")


def test_an_act_years_ago_or_a_bottle_of_water_is_not_a_red_flag() -> None:
    old = "I took a whole bottle of sleeping pills when I was 19. I'm well now, can I join a trial?"
    assert urgency_of(old) == "routine"
    assert urgency_of("I took a whole bottle of water to my infusion, is that allowed?") == (
        "routine"
    )
    not_emergency("I tried to hang myself in 2015 and I'm in therapy now, can I book a scan?")


@pytest.mark.parametrize(
    "message",
    [
        "I've been thinking about jumping off the bridge near my house.",
        "Some days I picture walking into the sea.",
        "He keeps thinking about stepping in front of a train.",
        "I keep wanting to drive my car into a wall and make it all stop.",
        "I've worked out how I would do it if the results are bad.",
    ],
)
def test_ideation_told_by_a_method_or_a_plan(message: str) -> None:
    assert_flagged(message, "self_harm")


def test_ordinary_trips_and_plans_are_not_ideation() -> None:
    assert urgency_of("I keep thinking about driving into town to see you.") == "routine"
    assert urgency_of("We are thinking about walking into the clinic together.") == "routine"
    assert urgency_of("I have a plan for how I'll get to my appointment.") == "routine"
    not_emergency("I don't have a plan for how I'd do it, I just feel low.")


# ----------------------------- a spell of lost awareness (rf.seizure.2: blanked / zoned out)


def test_blanked_out_for_seconds_or_at_the_wheel() -> None:
    assert_flagged("She blanked out for about ten seconds while we were talking.", "seizure")
    assert_flagged("Dad zoned out while driving this morning and nearly hit a post.", "seizure")
    assert_flagged("I zoned out and my hand kept twitching, it happened an hour ago.", "seizure")


def test_a_blank_mind_or_daydreaming_is_not_a_seizure() -> None:
    assert urgency_of("My mind went blank for a few seconds in the meeting.") == "routine"
    assert urgency_of("I blanked on her name for a few seconds, so embarrassing.") == "routine"
    assert urgency_of("I zoned out during the TV show last night lol.") == "routine"


# ---------------------------------- a fall the writer does not remember (rf.collapse.1)


def test_a_fall_with_no_memory_of_it() -> None:
    assert_flagged("I fell in the kitchen and can't remember hitting the floor.", "collapse")
    assert_flagged("My husband fell last night, he doesn't remember going down.", "collapse")
    assert_flagged("Next thing I knew, I was lying on the bathroom floor.", "collapse")


def test_falling_asleep_or_an_old_fall_is_not_a_collapse() -> None:
    assert urgency_of("I don't remember falling asleep on the couch.") == "routine"
    assert (
        urgency_of(
            "I fell on the ice in 2019 and don't remember hitting the ground. Can I see my records?"
        )
        == "routine"
    )


# ------------------------------- an ambulance called and refused (ctx.assessed.refused)


def test_an_ambulance_refused_is_no_assessment() -> None:
    assert_flagged(
        "Passed out at the pharmacy today, they called me an ambulance but I said no.", "collapse"
    )
    assert_flagged("I fainted this morning, the paramedics came but I sent them away.", "collapse")


def test_an_ambulance_that_assessed_still_counts() -> None:
    checked = "I fainted this morning, the paramedics came and checked me, said no need to go in."
    assert urgency_of(checked) == "priority"
    result = classify(
        "Had back pain and leg weakness yesterday, went to the ER and had an MRI, they said no"
        " cord compression."
    )
    assert result.urgency == "priority", result.reasons


# ----------------------------------- lost on a familiar route (rf.confusion.2)


def test_lost_on_a_familiar_route_or_in_the_own_home() -> None:
    assert_flagged("Mom got lost in her own street today.", "confusion")
    assert_flagged(
        "He keeps getting lost on walks he's done for years, started on Monday.", "confusion"
    )
    assert_flagged("He couldn't find his way back to the bedroom last night.", "confusion")


def test_lost_on_the_way_to_a_new_place_is_not_confusion() -> None:
    assert urgency_of("We got lost driving to the new cancer center.") == "routine"
    assert urgency_of("I couldn't find my way to your new building, can you send directions?") == (
        "routine"
    )
    # "way back" still dates an event when it means long ago
    assert urgency_of("Way back in 2010 I had a seizure. Can I join a trial?") == "routine"


# --------------------------- breathless from talking or lying flat (rf.breathing.1)


def test_breathless_from_talking_or_lying_flat() -> None:
    assert_flagged("Talking on the phone makes her breathless tonight.", "breathing")
    assert_flagged("Lying flat makes me short of breath since Sunday.", "breathing")
    assert_flagged("I'm puffed out just from saying a few words.", "breathing")


def test_breathless_on_exertion_or_with_excitement_is_not_the_red_flag() -> None:
    not_emergency("Walking up the hill makes me puffed.")
    not_emergency("Talking about the trip makes me breathless with excitement!")
    not_emergency("I no longer get out of breath just talking, it has settled.")


# ------------------------ face, neck or arm swelling on one side (tag.symptoms.swelling_upper)


def test_swelling_on_one_side_with_breathlessness() -> None:
    assert_flagged("My arm on the port side is swollen and I feel breathless.", "svc")
    assert_flagged("Neck and face on the left side are puffy and I'm short of breath.", "svc")


def test_swelling_on_one_side_without_breathlessness() -> None:
    assert urgency_of("My arm on the surgery side is swollen, no breathing problems.") == (
        "priority"
    )


# ----------------------------- coughing up "red" (rf.haemoptysis.1)


def test_coughing_up_red() -> None:
    assert_flagged("Coughing up red since this morning.", "haemoptysis")
    assert_flagged("Bringing up bright red when I cough, since yesterday.", "haemoptysis")


def test_red_wine_or_a_denial_is_not_haemoptysis() -> None:
    not_emergency("I coughed up red wine this morning lol, it went down the wrong way.")
    assert urgency_of("No blood, I'm not coughing up red or anything. When is my scan?") == (
        "routine"
    )


# ---------------------- numb from the waist down, two leg words (rf.cord_compression.5, .1)


def test_numb_from_the_waist_down_or_legs_weak_and_tingling() -> None:
    assert_flagged("Numb from the hips down since lunch, I have spine mets.", "cord_compression")
    assert_flagged("I can't feel anything below my waist since this morning.", "cord_compression")
    assert_flagged(
        "Legs heavy and numb since this morning, and my back is killing me.", "cord_compression"
    )


def test_no_numbness_or_old_leg_weakness_is_not_cord_compression() -> None:
    not_emergency("No numbness from the waist down, just back ache.")
    not_emergency("My legs were weak and numb two years ago during chemo, fine now.")


# ------------------- "running 101", and a treatment date that is not the fever's (rf.fever.1)


def test_running_a_number_is_a_temperature() -> None:
    assert_flagged("Running 38.9 since lunch, I'm on Enhertu.", "fever")
    assert_flagged("She's been running 102 all night, she's on chemo.", "fever")


def test_running_a_race_or_late_or_after_treatment_ended_is_not_a_fever() -> None:
    assert urgency_of("I'm running 10k on Saturday for charity.") == "routine"
    assert urgency_of("I was running 40 minutes late to my appointment.") == "routine"
    not_emergency("Running 101 tonight, but I finished chemo in 2019.")
    not_emergency("Running 99.5, had chemo last week.")


def test_a_treatment_date_dates_the_treatment_not_the_fever() -> None:
    assert_flagged("Fever and the shivers, chemo was 5 days ago.", "fever")
    assert_flagged("Feeling feverish with rigors, started Ibrance last month.", "fever")


def test_a_fever_weeks_ago_or_after_treatment_ended_is_not_the_red_flag() -> None:
    not_emergency("I had a fever of 38.5 three weeks ago, chemo was 5 days before that.")
    not_emergency("Fever of 38.5, I finished chemo 3 months ago.")


# ------------------------------------ fluids not kept in (rf.dehydration.1)


def test_no_fluids_kept_in() -> None:
    assert_flagged("Can't keep anything in, diarrhoea every hour since last night.", "dehydration")


def test_fluids_kept_in_or_nothing_in_mind_is_not_dehydration() -> None:
    not_emergency("I'm keeping fluids in fine, just loose stools.")
    not_emergency("I can't keep anything in mind these days, chemo brain.")


# --------------------------- an animal is not the patient (ctx.experiencer.other)


def test_an_animals_red_flag_is_not_the_patients() -> None:
    assert urgency_of("Our cat had a seizure this morning, can I move my scan?") == "routine"
    assert urgency_of("My old cat collapsed yesterday, so I need to rebook.") == "routine"


def test_the_writers_own_red_flag_beside_an_animal_still_fires() -> None:
    assert_flagged(
        "My cat had a seizure last night and this morning I had a seizure too.", "seizure"
    )
    assert_flagged(
        "Our old cat collapsed yesterday. I collapsed in the shower an hour ago.", "collapse"
    )
    # a CAT scan is not an animal
    assert_flagged("My CAT scan showed a shadow and I had a seizure last night.", "seizure")


# ----------------------- collapsed on the sofa after a long shift (ctx.figurative)


def test_collapsing_on_the_sofa_after_a_long_shift_is_a_figure_of_speech() -> None:
    assert urgency_of("I collapsed on the sofa after a long shift, lol, can I move my visit?") == (
        "routine"
    )
    assert urgency_of("Collapsed into bed exhausted after the wedding, need a new date.") == (
        "routine"
    )


def test_a_real_collapse_beside_or_after_the_figure_still_fires() -> None:
    assert_flagged(
        "I collapsed on the sofa after a long shift lol. This morning I collapsed in the shower.",
        "collapse",
    )
    assert_flagged(
        "I collapsed on the sofa after a long shift and couldn't get up again.", "collapse"
    )
    assert_flagged(
        "Mum collapsed on the sofa after chemo today and isn't responding properly.", "collapse"
    )


# --------------- a relative's symptoms when the writer is the patient (ctx.experiencer.self)


def test_a_relatives_cold_is_not_the_patients_when_the_writer_comes_to_their_appointment() -> None:
    assert (
        urgency_of(
            "My wife has a cough and a temperature, can I still come to my appointment on Friday?"
        )
        == "routine"
    )


def test_the_writers_own_fever_or_a_relative_who_is_the_patient_still_fires() -> None:
    assert_flagged(
        "My wife has a cough and a temperature, can I still come to my appointment? I've had a"
        " fever of 38.9 since lunch and I'm on chemo.",
        "fever",
    )
    assert_flagged(
        "My husband has a fever of 39 and he's on chemo, can I move his appointment?", "fever"
    )
    assert_flagged(
        "My wife is coughing up blood, can I still come to my appointment with her?",
        "haemoptysis",
    )


def test_a_question_after_a_comma_does_not_undo_a_hypothetical() -> None:
    assert urgency_of("If I get a fever, should I take tylenol?") != "emergency"
    assert_flagged("I have a fever of 39, should I still come to my chemo tomorrow?", "fever")
