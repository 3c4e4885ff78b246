"""Context rules and wordings added in vocabulary 2026.11.15, prompted by the misses of
``triage_blind13.jsonl`` and ``triage_blind14.jsonl`` (each a class of error, tested here in
sentences written for these tests, not copied from the sets): every fix has positives and a
counterpart (a negation, a question, history, an assessment or the literal reading) that must
come out the other way."""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.15; later versions keep them (the tests below check how)."""
    assert vocabulary_version() >= (2026, 11, 15)


def tags_of(message: str) -> tuple[str, ...]:
    return classify(message).tags


# ------------------------------------------- an assessment dated in an earlier season


@pytest.mark.parametrize(
    "message",
    [
        "I'm out of breath just sitting in my chair since last night. They drained my lung in "
        "the spring because of the fluid.",
        "Can't finish a sentence without stopping since this morning; the hospital drained fluid "
        "off her lung back in the summer.",
    ],
)
def test_assessment_in_an_earlier_season_does_not_cover_a_new_red_flag(message: str) -> None:
    assert_flagged(message, "breathing")


def test_assessment_today_still_covers_it() -> None:
    message = (
        "I'm out of breath just sitting in my chair since last night. They drained my lung "
        "in the ER this morning."
    )
    assert urgency_of(message) == "priority"


# ------------------------------------------- sudden breathlessness


@pytest.mark.parametrize(
    "message",
    [
        "Sudden breathlessness about twenty minutes ago, I had surgery last week.",
        "Severe breathlessness tonight and my heart is racing.",
        "The shortness of breath came on out of nowhere an hour ago.",
    ],
)
def test_sudden_breathlessness(message: str) -> None:
    assert_flagged(message, "breathing")


@pytest.mark.parametrize(
    "message",
    [
        "No sudden breathlessness, just tired after chemo.",
        "What should I do if I get sudden breathlessness on Enhertu?",
        "I had sudden breathlessness in 2019 from a clot, nothing since.",
    ],
)
def test_sudden_breathlessness_counterparts(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------- a fit described in plain or second-language words


@pytest.mark.parametrize(
    "message",
    [
        "My mother today have shaking of whole body and eyes go up, not talking for few minute.",
        "His eyes went up and his whole body was shaking for about a minute this afternoon.",
    ],
)
def test_fit_in_plain_words(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "My whole body was shaking with cold after the swim, I'm fine now, not on treatment.",
        "Her eyes went up to the ceiling when I told her the parking price.",
    ],
)
def test_fit_counterparts(message: str) -> None:
    assert "seizure" not in classify(message).red_flags


# ------------------------------------------- "couldn't keep ... down" inside a dated history


def test_couldnt_keep_fluids_down_in_a_dated_when_clause_is_history() -> None:
    message = (
        "She's been great since the hospital put her on a drip back in 2021 when she "
        "couldn't keep any fluids down. We need a form signed."
    )
    assert urgency_of(message) == "routine"


@pytest.mark.parametrize(
    "message",
    [
        "I can't keep any fluids down since yesterday morning.",
        "She couldn't keep any fluids down yesterday or today.",
        "i hadnt kept any fluids down since yesterday",
    ],
)
def test_fluids_not_kept_down_now(message: str) -> None:
    assert_flagged(message, "dehydration")


def test_fluids_given_on_the_day_unit_is_an_assessment() -> None:
    message = (
        "I hadnt kept any fluids down for a day, they had me come in and gave me 2 bags of "
        "fluid on the day unit. Better now."
    )
    assert urgency_of(message) == "priority"


# ------------------------------------------- treatment ended in a year, with a list between


def test_treatment_ended_in_a_year_with_a_list_between() -> None:
    message = (
        "I finished all my treatment (surgery, chemo, radiotherapy) in 2021. Since yesterday "
        "I've had a temp of 38.6 and a cough."
    )
    assert urgency_of(message) == "priority"


def test_treatment_ended_then_restarted_keeps_the_fever_flag() -> None:
    message = (
        "I finished my treatment (surgery, chemo) in 2021 but restarted on Kisqali last month. "
        "Since yesterday I've had a temp of 38.6."
    )
    assert_flagged(message, "fever")


# ------------------------------------------- the writer does not know who is in charge


@pytest.mark.parametrize(
    "message",
    [
        "We honestly don't know who is in charge of his follow up since his consultant retired.",
        "I don't know where to send the form for my mum's blue badge.",
    ],
)
def test_writer_not_knowing_who_or_where_is_not_confusion(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Mom doesn't know who we are since this morning.",
        "I woke up an hour ago and I don't know where I am.",
    ],
)
def test_not_knowing_who_or_where_is_still_confusion(message: str) -> None:
    assert_flagged(message, "confusion")


# ------------------------------------------- university years as history


def test_illness_at_uni_is_history() -> None:
    message = (
        "I had meningitis at uni (terrible headache, stiff neck, vomiting) and recovered fully. "
        "Can I join the trial?"
    )
    assert urgency_of(message) == "routine"


def test_at_uni_today_is_now() -> None:
    message = "I'm at uni today with a terrible headache and a stiff neck."
    assert_flagged(message, "headache")


# ------------------------------------------- a dash after a dated event gives its details


def test_details_after_a_dash_belong_to_the_dated_event() -> None:
    message = (
        "I reacted to docetaxel back in 2019 - my lips swelled and I couldn't breathe for a "
        "minute. Will you give me premeds for the new drug?"
    )
    assert urgency_of(message) == "routine"


@pytest.mark.parametrize(
    "message",
    [
        "I started paclitaxel this morning - my lips swelled and I can't breathe properly.",
        "Diagnosed in 2018 - now my lips are swelling during the Herceptin infusion.",
        "No problems since 2019 - chest pain since lunch.",
    ],
)
def test_a_dash_without_an_old_date_or_with_a_new_one_is_now(message: str) -> None:
    assert urgency_of(message) == "emergency"


# ------------------------------------------- an assessment is not undone by a denial


@pytest.mark.parametrize(
    "message",
    [
        "Coughed up a little blood on Monday, the clinic did an x-ray and sent me home. It "
        "hasn't happened again.",
        "Coughed up blood on Monday, the ER did an x-ray and sent me home. It is no worse.",
    ],
)
def test_assessed_red_flag_with_a_denied_recurrence_stays_assessed(message: str) -> None:
    assert urgency_of(message) == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "Coughed up blood on Monday, the ER did an x-ray and sent me home. It happened again "
        "this morning.",
        "Coughed up blood on Monday, the ER did an x-ray and sent me home, but it's much worse.",
    ],
)
def test_assessed_red_flag_that_is_back_or_worse(message: str) -> None:
    assert_flagged(message, "haemoptysis")


# ------------------------------------------- how the breathing sounds, with a swollen face


def test_swollen_face_with_tight_noisy_breathing_is_svc() -> None:
    message = "Auntie's face is swollen up since yesterday and her breathing sounds tight."
    assert_flagged(message, "svc")


def test_tight_breathing_alone_is_a_symptom() -> None:
    assert urgency_of("My breathing feels a bit tight in the mornings this week.") == "priority"


# ------------------------------------------- a device that slurs the words


@pytest.mark.parametrize(
    "message",
    [
        "Sorry for the typos, my phone's voice typing slurs my words together. What time is "
        "the lab open?",
        "The dictation app garbled my words in the last message, please ignore it.",
    ],
)
def test_a_device_slurring_words_is_not_a_stroke(message: str) -> None:
    assert urgency_of(message) == "routine"


def test_slurring_his_words_is_a_stroke() -> None:
    assert_flagged("Since this morning he slurs his words and his face looks odd.", "stroke")


# ------------------------------------------- seizures controlled on medication


@pytest.mark.parametrize(
    "message",
    [
        "My seizures have been completely controlled on Keppra for three years. Can I drive?",
        "Her seizures are well under control on levetiracetam; who signs the DVLA form?",
    ],
)
def test_controlled_seizures_are_not_a_seizure(message: str) -> None:
    assert urgency_of(message) == "routine"


def test_a_seizure_despite_control_is_one() -> None:
    message = "My seizures were controlled on Keppra but I had another seizure today."
    assert_flagged(message, "seizure")


# ------------------------------------------- tag wordings


@pytest.mark.parametrize(
    "message",
    [
        "I'm so worried it's come back, I can't sleep.",
        "Do I need scans to check it hasn't spread?",
        "PET scan lit up in my left hip last week.",
        "She was told 'no evidence of disease' after treatment for stage IV.",
    ],
)
def test_recurrence_wordings(message: str) -> None:
    assert "recurrence" in tags_of(message)


@pytest.mark.parametrize(
    "message",
    [
        "Everything went dark in my right eye and it has not come back.",
        "The CT showed it hasn't spread, what a relief.",
    ],
)
def test_recurrence_counterparts(message: str) -> None:
    assert "recurrence" not in tags_of(message)


@pytest.mark.parametrize(
    "message",
    [
        "I've been called for a jury trial next month, can I get a letter?",
        "It was a real trial finding change for the parking machine.",
        "My GP has me on a two-week trial of a new blood pressure pill.",
    ],
)
def test_trial_that_is_not_research(message: str) -> None:
    assert "clinical_trials" not in tags_of(message)


def test_clinical_trial_is_still_one() -> None:
    assert "clinical_trials" in tags_of("Is there a clinical trial for HER2-low disease?")


@pytest.mark.parametrize(
    "message",
    [
        "The sores in my mouth from chemo are getting worse.",
        "Been peeing less than usual the last couple of days.",
        "There's a bit of pink in my urine the last few days.",
        "Dad's memory has been slipping bit by bit over the winter.",
        "My scar has gone red and warm in the last 2 days.",
        "That's not why I'm writing: my scar is red and warm since Monday.",
        "Could you send me a list of symptoms that mean I should go to the ER?",
        "My hair started falling out this week.",
        "Her breathing sounds tight and noisy.",
    ],
)
def test_symptom_wordings(message: str) -> None:
    assert "symptoms" in tags_of(message)


@pytest.mark.parametrize(
    "message",
    [
        "That SOB at the insurance company denied my scan again.",
        "Is the cold cap available to stop my hair falling out during chemo?",
    ],
)
def test_symptom_counterparts(message: str) -> None:
    assert "symptoms" not in tags_of(message)


def test_sob_at_rest_is_still_breathlessness() -> None:
    assert "symptoms" in tags_of("SOB at rest since last night")


def test_will_chemo_make_me_throw_up_is_a_question() -> None:
    assert urgency_of("Will the chemo make me throw up? I start next week.") == "routine"
