"""Wordings and scopes added in vocabulary 2026.11.32, from ``triage_blind39.jsonl`` (long
messages with several concerns, the deciding red flag buried mid-message or told in passing),
scored once, unseen, on 2026.11.30.

Each class is tested on sentences written for these tests, never the set's own: a positive (the
new wording fires) and a counterpart (a near-miss stays quiet). Every cue that takes a red flag
away is scoped to its phrase, span or clause, and is tested with the same writer's real red flag
in a neighbouring clause or sentence, which must still be an emergency.
"""

from __future__ import annotations

import pytest

from intake.triage import classify, explain
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.32; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 32)


def _not_emergency(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", result.reasons


# ----------------------------------------------------- lay wording of red flags (new lines)

LAY_WORDING = [
    # rigors made stronger, teeth rattling without "together" (rf.fever.2)
    ("Chemo was Monday and tonight I'm shivering so badly the whole bed shakes", "fever"),
    ("On Enhertu. My teeth keep rattling and I can't get warm under three blankets", "fever"),
    # a head pain never had before; the blow told with its weapon (tag.symptoms.headache_severe)
    (
        "Never had a headache like this before, it came on at lunch and I've been sick twice",
        "headache",
    ),
    (
        "It felt like somebody whacked me with a hammer across the back of my head and I threw up",
        "headache",
    ),
    # legs "made of" rubber or jelly (tag.symptoms.leg_weakness, with back pain: cord compression)
    (
        "Back pain since Tuesday and today my legs feel like they're made of jelly",
        "cord_compression",
    ),
    # a sensation of pressure in the chest; its spread to the jaw or arm (rf.chest_pain.1)
    ("There's a squeezing sensation in the centre of my chest since I woke up", "chest_pain"),
    (
        "a tight band in my chest since lunch and now it's going down my left arm and into my jaw",
        "chest_pain",
    ),
    # one hand letting go, one foot catching the floor (rf.stroke.2)
    ("His left hand keeps losing its grip on his cup since this morning", "stroke"),
    ("Her right foot keeps catching on the carpet since lunch", "stroke"),
    # a blade taken to a part of the body; pills laid out and counted (rf.self_harm.1)
    ("I've been slicing the inside of my arm with a blade at night", "self_harm"),
    ("She cut the backs of her legs with scissors last night", "self_harm"),
    (
        "Last night I laid out all my sleeping pills and worked out how many would be enough",
        "self_harm",
    ),
    # disoriented in place or time (rf.confusion.2)
    ("Mum didn't know which room she was in this morning", "confusion"),
    ("Since last night he doesn't know it's December", "confusion"),
    ("She keeps asking me to take her home and she's sitting in her own armchair", "confusion"),
    # the saddle area told as dead or "like a shot at the dentist" (rf.cord_compression.2)
    ("My groin and bottom feel dead since this morning", "cord_compression"),
    (
        "Since yesterday my inner thighs feel like they've had an injection at the dentist",
        "cord_compression",
    ),
    # red after a cough, a mouthful that came up (rf.haemoptysis.1)
    ("Every time he coughs there's fresh blood on the hanky", "haemoptysis"),
    ("A big mouthful of blood came up in the sink this morning", "haemoptysis"),
    # lips that ballooned, a tongue that feels big, after an infusion (infusion reaction)
    ("After my Herceptin today my lips ballooned", "infusion_reaction"),
    ("During the infusion my tongue feels really big", "infusion_reaction"),
    ("Since the drip this afternoon my bottom lip is twice its normal size", "infusion_reaction"),
]


@pytest.mark.parametrize(("message", "flag"), LAY_WORDING)
def test_lay_wording_of_red_flags(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        # a road, not rigors; rigors long after treatment ended
        "The gravel road to the clinic makes my teeth rattle, can I get a ride instead?",
        "I finished chemo two years ago and now I'm shivering so hard, I think it's the flu",
        # a toothache never had before; a new headache without vomiting or a stiff neck
        "I've never had a toothache like this, can the dentist see me before chemo?",
        "Never had a headache like this, no vomiting or stiff neck, just tired",
        # rubbery legs without back pain
        "My legs feel like they're made of rubber after my first 5k run, anything to worry about?",
        # a chest feeling denied
        "No heavy feeling in my chest at all, just tired after chemo",
        # both hands (neuropathy), not one side
        "Both hands keep letting go of things with the neuropathy, it's been months",
        # a blade while shaving; pills counted for refills
        "I cut the back of my leg with a razor while shaving, it stopped bleeding",
        "I laid out all my pills in the weekly organiser and counted how many refills I need",
        # going home from hospital; which hospital the writer is booked into; a holiday's hours
        "He keeps asking when he can go home from the hospital, he's bored",
        "I don't know which hospital I'm booked into for the scan",
        "Dad didn't know it was Christmas hours at the pharmacy",
        # tingly after a bike ride (a symptom, not the saddle red flag)
        "My inner thighs felt tingly after the long bike ride",
        # red in the face when coughing
        "When she coughs her face goes red and she gets tired",
        # lips after a bee sting, no infusion
        "After a bee sting my lips blew up, they're back to normal now",
    ],
)
def test_lay_wording_near_misses(message: str) -> None:
    _not_emergency(message)


def test_cannot_stand_the_phone_is_not_leg_weakness() -> None:
    """ "I can't stand the phone" is not the leg half of cord compression (no red flag with back
    pain); "I can't stand up" still is."""
    _not_emergency("My back is sore from the chair and I can't stand the phone right now")
    assert_flagged(
        "My back is killing me and since this morning I can't stand up", "cord_compression"
    )


# ------------------------------------- a form's questions and what a class taught (span scope)


@pytest.mark.parametrize(
    "message",
    [
        "The MRI form is confusing. It asks about signs of stroke, a drooping face, weakness on "
        "one side, slurred speech. Do I tick anything?",
        "The screening questions are long. It also asks if I've ever had a seizure or fainted.",
        "I know from the class that new back pain with weak legs can mean pressure on the cord. "
        "How would I tell it from my usual backache?",
        "We were taught in the chemo class that shaking chills and a fever over 38 are an "
        "emergency, so what counts as shaking?",
    ],
)
def test_what_a_form_asks_or_a_class_taught_is_not_the_patients(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("It asks about chest pain, and I have chest pain right now.", "chest_pain"),
        ("It asks about signs of stroke. My face is drooping on the left since lunch.", "stroke"),
        ("It asks if I've had a seizure, I had one this morning.", "seizure"),
        (
            "I know from the class that back pain with weak legs is serious, and my legs went numb "
            "today with terrible back pain",
            "cord_compression",
        ),
        (
            "We were taught in the chemo class that shaking chills matter. I've had shaking chills "
            "for an hour, chemo was Friday.",
            "fever",
        ),
        (
            "I learned from the leaflet that coughing up blood is serious: my husband is coughing "
            "up blood now",
            "haemoptysis",
        ),
    ],
)
def test_the_writers_own_red_flag_beside_a_form_or_a_class(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# ----------------------------------------------- nothing kept down until a time of day (clause)


def test_nothing_kept_down_until_a_time_of_day_is_a_bounded_episode() -> None:
    message = (
        "Threw up all afternoon and couldn't keep anything down until about 8 in the evening, "
        "now sipping tea fine"
    )
    assert urgency_of(message) == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "I couldn't keep anything down until 9 last night. Since yesterday lunchtime nothing has "
        "stayed down, not even water",
        "She couldn't keep anything down until noon, and since then she can't keep even water "
        "down, that's 30 hours now",
    ],
)
def test_fluids_not_kept_down_beside_an_ended_episode(message: str) -> None:
    assert_flagged(message, "dehydration")


# -------------------------------------------------------- idioms (the idiom's own phrase only)


@pytest.mark.parametrize(
    "message",
    [
        "My grandson had me laughing so hard I couldn't breathe at dinner",
        "Dad passed out in his recliner after lunch and slept till four, he's so tired on chemo",
        "She passed out on the sofa at nine and slept straight through until the alarm",
    ],
)
def test_laughing_breathless_and_passing_out_asleep_are_idioms(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "We laughed so hard we couldn't breathe at the party, but tonight I can't breathe "
            "even sitting still",
            "breathing",
        ),
        (
            "I laughed so hard I couldn't breathe yesterday. Today my lips are blue, I'm gasping.",
            "breathing",
        ),
        (
            "He passed out on the couch and slept till noon. Then he fainted in the shower.",
            "collapse",
        ),
        ("She passed out on the kitchen floor and we couldn't wake her", "collapse"),
        (
            "She passed out on the couch and slept for a minute and then we couldn't wake her up",
            "confusion",
        ),
    ],
)
def test_the_literal_red_flag_beside_the_idiom(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# --------------------------------------------- "on a Friday": a day of the week, not this week


def test_a_weekday_with_a_dates_nothing() -> None:
    """ "Twelve days ago, on a Sunday morning": the weekday names the day of an event dated by the
    other cue, so the event is more than 7 days ago (a symptom, not an emergency)."""
    message = (
        "Twelve days ago, on a Sunday morning, my speech went slurred for ten minutes; fine since."
    )
    assert urgency_of(message) == "priority"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("On Friday evening my words came out jumbled for twenty minutes", "stroke"),
        ("She had a seizure on Saturday evening", "seizure"),
        (
            "Ten days ago, on a Friday, I had a seizure, and I had another one this morning",
            "seizure",
        ),
    ],
)
def test_a_weekday_of_this_week_is_still_recent(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# -------------------------------------------- "not on any cancer medicine": treatment has ended


def test_not_on_any_cancer_medicine_ends_the_fever_rule() -> None:
    message = (
        "I'm not on any cancer medication now, finished everything in 2023. Temp 38.4 with a cold."
    )
    assert urgency_of(message) == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "I'm not on any medication except the Ibrance, temp 38.6 tonight",
        "I'm not on any medication for my blood pressure. Chemo was Tuesday and my temp is 38.5",
        "I'm not on any cancer medicine yet but I started chemo on Monday and my temp is 38.7",
    ],
)
def test_a_fever_on_current_treatment_still_counts(message: str) -> None:
    assert_flagged(message, "fever")


# ------------------------------------------------ scratching an itch is not self-harm (phrase)


def test_scratching_an_itch_is_not_self_harm() -> None:
    message = "Mum's jaundiced and itchy, she keeps scratching her arms, should she be seen sooner?"
    assert urgency_of(message) == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "He's itchy all over and scratching his arms with a razor blade",
        "She's itchy from the rash. Last night I found fresh cuts on her forearm.",
        "He's not itchy but he's been scratching his arms till they bleed and says he wants to die",
    ],
)
def test_self_harm_beside_an_itch(message: str) -> None:
    assert_flagged(message, "self_harm")


# ----------------------------------- habitual disorientation (dementia) is not sudden (phrase)


def test_often_does_not_know_the_year_is_a_habit() -> None:
    _not_emergency("She often doesn't know the year since her dementia diagnosis")


def test_sudden_disorientation_beside_a_habitual_one() -> None:
    assert_flagged(
        "She often doesn't know the year, but since this morning she doesn't know who I am",
        "confusion",
    )


# ------------------------------------------------------ "that sounds strange" (phrase only)


def test_that_sounds_strange_is_a_remark_not_speech() -> None:
    _not_emergency("I know this sounds strange, but can my husband pick up my prescription?")


@pytest.mark.parametrize(
    "message",
    [
        "I know that sounds strange, but his speech is slurred tonight",
        "This might sound weird but his words are coming out jumbled since lunch",
        "Since lunch she sounds strange, like she's drunk, and she hasn't had a drink",
        "My daughter says that he sounds strange on the phone since lunch",
    ],
)
def test_speech_beside_the_remark(message: str) -> None:
    assert_flagged(message, "stroke")


# --------------------------- engine: an aside after a named person ("my mother, who ..., fainted")


def test_an_aside_about_the_person_keeps_the_person_the_subject() -> None:
    """The writer is the patient ("my infusion"); the mother, described by a relative clause that
    names the writer, is the one who fainted: someone else's faint (engine._third_party)."""
    message = (
        "At my infusion last week my mother, who came to keep me company, fainted when she saw "
        "the needle. Can she wait in the lobby next time?"
    )
    assert urgency_of(message) != "emergency"
    assert any(h["rule"] == "rf.collapse.1" and h["status"] == "other" for h in explain(message))


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer is the subject after the aside
        ("My husband, who drives me to chemo, says I was confused this morning", "confusion"),
        # the writer as the object of the person's verb, after the aside
        (
            "I'm on chemo. My mother, who lives with me, found me on the floor this morning",
            "collapse",
        ),
        # the writer's own finding after the aside
        (
            "I'm on Enhertu. My daughter, who is 16, says my lips are blue and I can't catch my "
            "breath",
            "breathing",
        ),
        # a relative writing for the patient (no claim to be the patient): the relative's patient
        ("My mother, who is your patient, fainted in the kitchen an hour ago", "collapse"),
    ],
)
def test_the_writers_red_flag_after_an_aside(message: str, flag: str) -> None:
    assert_flagged(message, flag)
