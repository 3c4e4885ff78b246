"""Wordings added in vocabulary 2026.11.37, from the errors of `triage_blind44.jsonl` (messages
typed fast on a phone: lowercase or all caps, no punctuation, text abbreviations).

Each class is tested on sentences written for these tests (never the set's own), with
counterparts that must not fire: a reading told inside a question and then said to be the
writer's own ("... does that count? bc thats what it is rn"); no treatment yet ("i dont have any
treatment rn", "havent started chemo yet", "my chemo doesnt start till next month"); a decimal
told in words ("100 point 8"); a headache that is "way worse" now, with vomiting; a person who
"just went down" (on the floor); breathlessness that "came on sudden", or severe on the few steps
to the bathroom; "if my legs go numb" asked, not told; hair that "doesnt fall out"; "after the
fit"; sleeplessness the patient has (not from worry); "same as ever, is there anything new for
them?" as a stable symptom.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.37; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 37)


# --------------------------------------------------------- a reading asked about, then owned


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "is 38.6 too high to wait till morning? cause thats what mine is right now, on taxol",
            "fever",
        ),
        ("what if her temp is 101.2, does that count? bc that's what it is now", "fever"),
        ("can chemo make you cough up blood? thats exactly what i have rn", "haemoptysis"),
    ],
)
def test_a_reading_asked_about_then_said_to_be_the_writers(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "what if the fever is 38.4 does that count? thats what it is like for lots of people",
        "what if my temp hits 38.5, do i call? thats what i have to know before the weekend",
        "what if the fever is 38.4 does that count? thats what i was told to ask",
    ],
)
def test_that_is_what_it_is_like_or_what_i_have_to_know_still_asks(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --------------------------------------------------------------------- no treatment yet


@pytest.mark.parametrize(
    "message",
    [
        "fever 38.9 tonight. no treatment yet, still waiting on my biopsy",
        "havent started chemo yet, first one is the 12th. temp 101 tonight",
        "my chemo doesnt start until next month, temp is 38.4",
        "she doesnt get any treatment at all yet, temp 100.9",
        "I haven't started chemo yet, temp 38.5",
        "im not starting chemo until may, temp 38.6",
    ],
)
def test_a_fever_with_no_treatment_yet_is_priority(message: str) -> None:
    assert urgency_of(message) == "priority"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # a week off within a course, a current drug beside it, a start told of another course
        ("i dont have any treatment this week, my next taxol is monday. temp 38.6", "fever"),
        ("havent started chemo yet but im on ibrance, temp 38.9", "fever"),
        ("started chemo last week, havent started the pills yet, temp 38.5", "fever"),
        # a cycle that starts on a date is current treatment, and its denial no fever's
        ("my next cycle doesnt start till monday, temp 38.9", "fever"),
        ("im not starting the pills till my scan, im on taxol. temp 38.6", "fever"),
        # the writer's own other red flag in another clause still counts
        (
            "i dont have any treatment rn, temp 38.5, and i coughed up blood this morning",
            "haemoptysis",
        ),
    ],
)
def test_treatment_current_or_another_red_flag_still_counts(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# ------------------------------------------------------------------- a decimal in words


@pytest.mark.parametrize(
    "message", ["temp is 100 point 8 and im on xeloda", "fever 38 point 5 since lunch, on chemo"]
)
def test_a_decimal_told_in_words_is_read(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message", ["temp 99 point 8 on chemo, feel ok", "temp is 37 point 9 after my infusion"]
)
def test_a_decimal_in_words_under_the_threshold(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------------ a headache much worse, with vomiting


@pytest.mark.parametrize(
    "message",
    [
        "the er said migraine on monday but its 10x worse now and i cant stop throwing up",
        "headaches all week, today its way worse and im vomiting",
        "mom has had a headache since sat, its getting worse and worse and she threw up twice",
    ],
)
def test_a_headache_much_worse_with_vomiting(message: str) -> None:
    assert_flagged(message, "headache")


@pytest.mark.parametrize(
    "message",
    [
        "headache and threw up once, its a bit worse than yesterday",
        "my headache is gone, the nausea is way worse and im throwing up",
        "no headache. the back pain, its way worse and i threw up",
    ],
)
def test_a_little_worse_or_something_else_worse(message: str) -> None:
    assert urgency_of(message) == "priority"


# ----------------------------------------------------------------- a person who went down


@pytest.mark.parametrize(
    "message",
    [
        "MUM JUST WENT DOWN ON THE KITCHEN FLOOR, ON CHEMO",
        "dad went down and isnt moving",
        "grandma went down onto the ground outside the store",
    ],
)
def test_a_person_who_went_down(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "she went down on the floor to find her earring",
        "I tripped and went down, scraped my knee",
        "we went down to the 2nd floor for the scan",
        "he went down to the lobby for a coffee",
        "the swelling in my arm went down.",
    ],
)
def test_going_down_somewhere_or_after_a_trip(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------ breathlessness sudden, or on a few steps


@pytest.mark.parametrize(
    "message",
    [
        "cant stop puffing, it came on out of nowhere an hour ago",
        "out of breath walking to the mailbox, it started all of a sudden after dinner",
        "im really short of breath walking to the kitchen",
        "so out of breath when i walk to the bathroom",
    ],
)
def test_breathless_suddenly_or_badly_on_a_few_steps(message: str) -> None:
    assert_flagged(message, "breathing")


@pytest.mark.parametrize(
    "message",
    [
        "a little out of breath walking to the bathroom since my last cycle",
        "really out of breath climbing the stairs",
        "winded on the stairs, the rash came on suddenly",
        "winded on the stairs and my knee pain came on suddenly",
    ],
)
def test_mild_or_exertional_or_something_else_sudden(message: str) -> None:
    assert urgency_of(message) == "priority"


# ------------------------------------------------------------------- "if my legs go numb"


@pytest.mark.parametrize(
    "message",
    [
        "if her arm goes numb again what do we do?",
        "if my lips swell up during the infusion is that bad",
        "If my legs go weak, who do I call?",
    ],
)
def test_a_finding_inside_the_if_clause_is_asked(message: str) -> None:
    assert urgency_of(message) == "routine"


def test_an_if_after_the_writers_red_flag_does_not_reach_back() -> None:
    assert_flagged(
        "my legs went numb an hour ago and my back is agony, what if its the cancer",
        "cord_compression",
    )


# ----------------------------------------------------------------- hair, a fit, sleep


def test_hair_that_does_not_fall_out_is_not_a_symptom() -> None:
    result = classify("can i wear the cold cap so my hair wont fall out")
    assert "symptoms" not in result.tags and result.urgency == "routine"
    assert "symptoms" in classify("my hair is falling out in clumps").tags


def test_hair_remover_leaves_a_red_flag_in_the_next_clause() -> None:
    assert_flagged(
        "so my hair doesnt fall out i did the cold cap, and my lips swelled up after the infusion",
        "infusion_reaction",
    )


@pytest.mark.parametrize(
    "message",
    [
        "shes been drowsy since the fit this afternoon",
        "after his fit at lunch he cant find his words",
        "she hasnt been right since the fit on sunday",
    ],
)
def test_the_fit_as_the_event_something_followed(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "after the fit of my new prosthesis it rubs",
        "the fit was adjusted at the sleeve clinic",
        "since the fit is too tight can i swap the bra",
        "she hasnt had a seizure since june",
    ],
)
def test_the_fit_of_a_thing_or_a_denied_seizure(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "cant sleep since the dex, up all night",
        "only sleeping 3 hrs a night on the steroids",
        "I have so many questions about the trial, and I can't sleep since the steroids started",
    ],
)
def test_sleeplessness_the_patient_has(message: str) -> None:
    result = classify(message)
    assert "symptoms" in result.tags and result.urgency == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "so worried about the scan i cant sleep",
        "I lie awake worrying about the results",
        "no trouble sleeping, can i move my appt",
        # found when this round was merged (2026.11.37): questions on the mind are worry too
        "There is so much on my mind about the move that I can't sleep.",
        "I have too many questions, I'm barely sleeping. When can I talk to the navigator?",
    ],
)
def test_sleeplessness_from_worry_or_denied(message: str) -> None:
    assert "symptoms" not in classify(message).tags


def test_sleep_remover_leaves_a_red_flag_in_the_next_clause() -> None:
    assert_flagged("so worried i cant sleep, and im coughing up blood", "haemoptysis")


def test_same_as_ever_with_a_question_about_something_new_is_stable() -> None:
    result = classify(
        "neuropathy in my feet for years, same as ever, is there anything new for it?"
    )
    assert "symptoms" in result.tags and result.urgency == "routine"
    assert urgency_of("neuropathy same as ever but now a new numb patch on my chin") == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "3 yrs out and no sign of it coming back!! can my checkups be yearly now",
        "Five years and no evidence of the cancer returning. Still need mammograms twice a year?",
    ],
)
def test_no_sign_of_it_coming_back_is_about_recurrence(message: str) -> None:
    result = classify(message)
    assert "recurrence" in result.tags and "symptoms" not in result.tags
    assert result.urgency == "routine"


def test_no_sign_of_spread_on_a_scan_is_not_made_a_recurrence() -> None:
    assert "recurrence" not in classify("Clear scan, no sign of spread. Can I get the report?").tags


def test_the_signs_of_it_coming_back_are_still_asked_about() -> None:
    result = classify("what are the signs of it coming back")
    assert {"recurrence", "symptoms"} <= set(result.tags)
