"""Wordings added in vocabulary 2026.11.96, from the errors of blind158-159 on first sight.

blind158 (living with metastatic disease for years, some second-language writers) and blind159 (a
realistic mix, a third short phone messages with slips), written blind, were held out and scored
once, unseen, on 2026.11.94: 0.993 / 0.951 (39/41) / 0.975 (39/40) and 0.955 / 0.927 (38/41) /
0.927 (38/41). Their misses: "Is it normal to be this out of breath ...? ... now I'm wheezing
even lying in bed" (b158-052); "legs weak since this morning cant climb stairs back killing me"
(b158-082); "bleedin around my port site, pressing 30 min still soakin thru the gauze"
(b159-011); "had a funny shaking turn on tuesday, lost a few minutes" (b159-107); "tonight I
can't even finish a sentence sitting on the couch without gasping" (b159-124). Their false
alarms: "My kids say I'm confused all the time but that's just parenting teenagers" (b158-068);
"Old me would have fainted at this bill, ha" (b159-092); "Watched a show where a cancer patient
coughed up blood and collapsed" (b159-120); "my cooking could give anyone a seizure lol"
(b159-137). Each class is tested in fresh wordings, both ways; the removers with the writer's own
red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.96; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 96)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # wheezing at rest
        ("She is wheezing even sitting in her chair tonight", "breathing", "rf.breathing.1"),
        ("I'm wheezy just lying on the sofa since this afternoon", "breathing", "rf.breathing.1"),
        ("my husband wheezes at rest now, since yesterday", "breathing", "rf.breathing.1"),
        # "even" before the verb, where or how between the sentence and "without"
        (
            "I can't even get through a sentence on the phone without gasping",
            "breathing",
            "rf.breathing.4",
        ),
        (
            "Mum can barely finish a sentence lying in bed without stopping for breath",
            "breathing",
            "rf.breathing.4",
        ),
        (
            "he cant even say a whole sentence today without running out of breath",
            "breathing",
            "rf.breathing.4",
        ),
        # pressure held for minutes, "for" left out or the g dropped
        (
            "bleeding from the picc line, held pressure 20 mins and it's still bleeding",
            "bleeding",
            "rf.bleeding.1",
        ),
        (
            "her port is bleedin, pressin on it 45 minutes still comin thru",
            "bleeding",
            "rf.bleeding.1",
        ),
        (
            "blood from the drain site, pressed an hour and still drippin",
            "bleeding",
            "rf.bleeding.1",
        ),
        # a shaking turn, spell or episode with time lost
        (
            "Dad had a jerking spell yesterday and lost a couple of minutes, seems ok now",
            "seizure",
            "rf.seizure.2",
        ),
        (
            "She had a shaking episode this morning, can't remember about five minutes of it",
            "seizure",
            "rf.seizure.2",
        ),
        (
            "I lost some time on Monday, my wife says it was a shaking fit",
            "seizure",
            "rf.seizure.2",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # leg weakness told without a verb, beside back pain
        "her legs weak since lunch and her back pain is terrible",
        "Back killing him today, legs so wobbly he can't stand",
        "my back is agony and my legs numb since I woke up",
    ],
)
def test_leg_weakness_without_a_verb_and_back_pain_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        # wheezing on exertion or with a cold, not at rest
        "I get a bit wheezy on the stairs since the new tablets",
        "wheezing in bed with a cold this week, otherwise fine",
        # a sentence cut short by something other than breath
        "I can't even finish a sentence at home without the kids interrupting",
        # pressure held and the bleeding stopped
        "port site bled a little, pressed 10 minutes and it stopped, still sore",
        # shivers with no time lost, a jerk falling asleep
        "Had a shaking spell with chills on Tuesday, no fever, fine now",
        # legs weak without back pain: a symptom, not an emergency
        "legs weak since chemo started, is that normal?",
        "My back is sore but my legs weak point is my knees, they ache",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a faint that "would have" happened at a bill or a price
        "Ten years ago I would have passed out at that invoice. Can I pay monthly?",
        "I'd have fainted at the price of the wig, honestly. Is it covered?",
        "my mum would've collapsed seeing these parking charges lol",
        # cooking, singing or driving that could give anyone a finding, or a named person with lol
        "My son says my driving could give anyone a heart attack. Can he drive me to chemo?",
        "my wife's singing would give the neighbours a stroke, haha. Anyway, what time is my scan?",
        "My kids say my cooking gives them chest pain lol. Is there a cafe at the clinic?",
        # confused put down to parenting or the children
        "I'm confused half the time but that's just being a mum of three. When is my MRI?",
        "My husband says I'm always confused, it's just having twin toddlers!",
        "Confused most days - that's only motherhood. Can I move my appointment?",
        # a show, film or book told with "where / in which"
        "Saw a movie where the mother had a seizure and fainted. Can chemo do that?",
        "We watched a documentary last night about a man who couldn't breathe after chemo",
        "Reading a novel in which the heroine coughs up blood, is that realistic for lung mets?",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer's own red flag told as now beside the same words
        ("I fainted when I saw the bill an hour ago and hit my head", "collapse"),
        ("My cooking is a joke, but I had a seizure this morning", "seizure"),
        (
            "My kids say it's just parenting, but I've been suddenly confused since lunch",
            "confusion",
        ),
        (
            "She has been confused since this morning but that's just the kids, she says",
            "confusion",
        ),
        (
            "Watched a show where a patient collapsed. Then I coughed up blood an hour ago",
            "haemoptysis",
        ),
        ("I was watching a movie when I had a seizure this evening", "seizure"),
    ],
)
def test_red_flags_told_as_now_still_fire(message: str, flag: str) -> None:
    assert_flagged(message, flag)
