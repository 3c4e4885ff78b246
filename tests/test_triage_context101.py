"""Wordings changed in vocabulary 2026.11.110: a red flag named once, then referred back to.

The gap (a reviewer's, on 2026.11.108): "Last seizure was in 2015, and I had one today" was
routine. The red flag is named once, in the past, and the event of now refers back to it with a
pronoun ("one", "another", "another one", "a bad one", "the same thing"), so no finding was read
now. New rules rf.seizure.4, rf.collapse.3 and rf.chest_pain.2 read the back-reference itself as
the flag named in the message (markers ctx.backref.seizure, .collapse, .chest_pain), dated,
negated, assessed and attributed by its own clause like any finding. A back-reference dated in
the past, assessed, someone else's, asked about, or standing for a thing ("one glass", "one more
scan", "an EEG ... I had one today") is not an emergency.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.110; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 110)


# a seizure named in the past, then "one" / "another" now


@pytest.mark.parametrize(
    "message",
    [
        "Last seizure was in 2015, and I had one today",
        "I had a seizure back in 2018. Had another this morning",
        "My last fit was years ago but I just had another one",
        "I used to have convulsions as a teenager. Had one today at work",
        "My last seizure was 2015. Had one today.",
        "I had epilepsy as a kid, no seizures for 20 years, but I had one this morning",
        "Mum had a fit in 2016. She had a bad one an hour ago and is very sleepy",
        "My last fit was 2016. Another one today.",
        "Last seizure was 2015, I just had one",
        "I had a seizure in 2015 and I have just had another",
        # a test or an infusion that only sets the old seizure's scene is not what "one" stands for
        "I had a seizure in 2019 during an infusion and today I had another one",
        "I had a seizure in 2017 after a scan, and I had one today",
    ],
)
def test_a_seizure_referred_back_to_now_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


# a faint, blackout or collapse named in the past, then "one" / "another" now


@pytest.mark.parametrize(
    "message",
    [
        "I collapsed back in 2016 and just now had another",
        "I had a blackout years ago, and this morning I had one in the kitchen",
        "I blacked out once in my 20s. I think I had one in the car today",
        "My dad fainted at his wedding decades ago, he had another one an hour ago",
        "I fainted at my appointment in 2018 and had another",
        "I fainted in 2019 during my chemo infusion and had one today at home",
    ],
)
def test_a_collapse_referred_back_to_now_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


# chest pain (an attack, an episode, angina) named in the past, then "one" now


@pytest.mark.parametrize(
    "message",
    [
        "I had a chest pain attack in 2018, and I had one today",
        "I had an angina attack years ago and had another this morning",
        "chest pain episode last year, and I'm having one right now",
        "angina years ago, I am having one now",
        "had a chest pain attack in 2021 and had a really bad one last night",
    ],
)
def test_chest_pain_referred_back_to_now_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")


def test_the_reason_points_at_the_back_reference() -> None:
    message = "Last seizure was in 2015, and I had one today"
    result = classify(message)
    reasons = [r for r in result.reasons if r.label == "emergency"]
    assert [(r.rule, r.phrase) for r in reasons] == [("rf.seizure.4", "one")]
    assert all(message[r.start : r.end] == r.phrase for r in reasons)
    message = "I had a chest pain attack in 2021 and had a really bad one last night"
    assert "rf.chest_pain.2" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # the back-reference in the past too
        "Last seizure was in 2015, and I had one in 2019 too",
        "I had a seizure in 2017 and had one last year too",
        "I had a seizure in 2010 and another one last year",
        "I had a blackout in 2019, and another one in 2021",
        "I had a seizure in 2010 and had another one in 2011",
        # someone else's, not a patient
        "I had a seizure years ago. My friend had one today",
        "I fainted once years ago. My coworker had one today",
        "I had chest pain in 2016, it was reflux. My coworker had one today",
        # "one" that is a thing
        "I had a seizure in 2015. I had one glass of wine today",
        "I had a seizure in 2015. I just had one glass of wine",
        "seizure back in 2014. had one chemo today, all fine",
        "I had a seizure in 2016, one more scan next week",
        "I fainted in 2019; had one coffee this morning",
        "chest pain episode in 2018, I have one appointment today",
        "I had a seizure in 2015 so the neurologist ordered an EEG and I had one today",
        "I'm on seizure pills and had one with lunch today",
        "We had a power blackout last week and another one today",
        # a question, a wish, a fear
        "I had a seizure in 2017, what if I have one today?",
        "Had a seizure in 2015. Could I have another one?",
        "I had a seizure years ago, I hope I never have another one",
        "I had a seizure in 2015. I'm scared of having one today at the wedding",
        # history told with "when"
        "Can mets to the brain cause seizures? My sister had one when hers spread, years before "
        "she died.",
    ],
)
def test_a_back_reference_not_of_now_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # assessed: a red flag of the last days already seen by a clinician is priority
        "I had a seizure in 2018, had another yesterday, the ER checked me and sent me home",
        "Last seizure was 2015, and I had one today, paramedics checked me and I'm fine now",
    ],
)
def test_an_assessed_back_reference_is_priority(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority", result.reasons
    assert "seizure" in result.red_flags
