"""Wordings changed in vocabulary 2026.11.142: errors of the blind sets blind208-211 on first sight
(2026.11.141), each fixed as a class of wordings rather than as its sentence.

The classes (sources are the blind rows):

- sudden loss of sight in one eye told by an eye word and a loss word a few words apart, in either
  order, in second-language English too ("her right eye she cannot see since one hour, all black",
  "Sudden dark curtain over my right eye", b209-131, b210-148): new rf.stroke.180.
- a seizure told by what it looked like: a limb or the face jerking, shaking or twitching, and the
  person not responding, staring or zoned out, in either order (b208-105 "arm started jerking and
  she stopped responding"): new rf.seizure.180 with the UNRESP macro; "stopped responding" is
  rf.confusion.2's unresponsiveness as well.
- an infusion reaction told by its signs in the throat, voice and face: something stuck or caught
  in the throat, hoarse or croaky beside a red or puffy face (b209-087):
  tag.symptoms.throat_lip_swelling, so rf.infusion_reaction.1.
- "I am" after "but" that only takes up the verb before it ("Grandpa says not to write but I am",
  b210-038) is not the writer saying she is the patient: ctx.experiencer.self.
- a past event dated more than 7 days back by a weekday or a week "before last", a weekday counted
  back twice, or a part of a past month ("Friday before last", "at the end of October", b209-022,
  b209-019): ctx.time.weeks, and ctx.time.recent's "on <day>" not before "the week before last".
- a relative's past symptom on her own treatment, then the writer asking about her own risk ("My
  cousin had fainting spells on her chemo. Is fainting something I should watch out for?",
  b210-042): ctx.experiencer.self, read across the sentence break, so the relative's finding is
  hers (ctx.experiencer.third_party).
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.142; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 142)


# (1) sudden loss of sight in one eye


@pytest.mark.parametrize(
    "message",
    [
        "my left eye i cant see nothing since lunch",
        "She no see from the left eye since this morning",
        "out of my right eye everything is black since an hour ago",
        "there's a shadow coming down over my left eye and now I can't see with it",
        "my husband's eye, the right one, he says it went black about 20 minutes ago",
        "like a black veil across her right eye since 7am, she can't see through it",
    ],
)
def test_sight_lost_in_one_eye(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "I can't see my eye doctor until March, is that ok?",
        "She has a black eye from the fall last week",
        "I can't see the small print with my left eye anymore, need new glasses",
        "I've been blind in my left eye since I was a child",
        "dark circles under my eyes from no sleep",
    ],
)
def test_eye_lookalikes_stay(message: str) -> None:
    assert "rf.stroke.180" not in emergency_rules(message)
    assert_not_emergency(message)


# (2) a seizure told by what it looked like


@pytest.mark.parametrize(
    "message",
    [
        "My husband stopped responding and his arm was jerking, happened just now",
        "mum's hand kept twitching and she was staring at nothing, not answering me",
        "She stopped responding to us at lunch and her arm was shaking",
        "His leg was shaking and he wasn't responding to us for a minute or so",
    ],
)
def test_seizure_told_by_its_signs(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "She stopped responding to the chemo so they switched her to Enhertu",
        "Any studies for ER+ cancer that has stopped responding to everything?",
        "My legs jerk when I'm falling asleep, is that the chemo?",
        "If it gets into the brain, would I start jerking, or staring into space?",
    ],
)
def test_seizure_lookalikes_stay(message: str) -> None:
    assert_not_emergency(message)


# (3) an infusion reaction told by the throat, the voice and the face


@pytest.mark.parametrize(
    "message",
    [
        "Had Herceptin today, now feels like there's a lump stuck in my throat",
        "Since the Taxol drip this afternoon it feels like something is caught in my throat",
        "Got home from chemo an hour ago, my face is flushed and puffy and I sound hoarse",
        "after today's infusion I'm hoarse and my cheeks are red and swollen",
    ],
)
def test_infusion_reaction_by_throat_and_voice(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        "I had a piece of chicken stuck in my throat at dinner, fine now, infusion is Thursday",
        "Can an infusion make your throat feel like something is stuck in it?",
        "My infusion was 3 weeks ago, since then I've had a lump in my throat feeling on and off",
    ],
)
def test_throat_lookalikes_stay(message: str) -> None:
    assert_not_emergency(message)


# (4) "but I am" taking up the verb before it is not "I am the patient"


@pytest.mark.parametrize(
    "message",
    [
        "Mom told me not to bother you but I am. She fainted in the kitchen last night.",
        "She told me not to worry but I am, she blacked out this morning in the shower",
        "Dad says don't fuss but I am. He keeled over this morning, was out maybe 30 seconds.",
    ],
)
def test_but_i_am_is_not_the_patient(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "My husband fainted yesterday. He's not your patient, but I am.",
        "My sister-in-law passed out yesterday. She isn't a patient here but I am.",
        "My husband fainted yesterday. He is not your patient. I am.",
    ],
)
def test_writer_who_is_the_patient_stays(message: str) -> None:
    assert_not_emergency(message)


# (5) dated more than 7 days back: "before last", twice back, a part of a past month


@pytest.mark.usefixtures("triage_nov28")
@pytest.mark.parametrize(
    "message",
    [
        "I passed out Tuesday before last, nothing since.",
        "I fainted two Fridays ago, fine since then.",
        "I had chest pain the week before last, gone now.",
        "I blacked out on Monday the week before last, none since.",
        "I had a seizure towards the end of October, nothing since. Can I drive?",
        "I coughed up some blood at the beginning of October, none since.",
        "I fainted in mid-October, nothing since.",
    ],
)
def test_dated_more_than_a_week_back(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.usefixtures("triage_nov28")
@pytest.mark.parametrize(
    "message",
    [
        "I fainted last Friday, should I mention it?",
        "I had a seizure this Tuesday, nothing since.",
        "I fainted at the end of my walk this morning",
        "I passed out yesterday, the end of a long week.",
    ],
)
def test_recent_dates_stay_emergencies(message: str) -> None:
    assert_flagged(message, "collapse" if "seizure" not in message else "seizure")


# (6) a relative's past on her own treatment, then the writer's own risk


@pytest.mark.parametrize(
    "message",
    [
        "My aunt had seizures during her treatment. Could that happen to me?",
        "My brother-in-law got chest pain on his chemo. Could that happen to me as well?",
        "my uncle used to get blackouts from his radiation, is that something I should expect?",
    ],
)
def test_relatives_past_beside_own_risk(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "My mum had fainting spells on her chemo. Is fainting something I should watch out for?",
        "My aunt fainted yesterday on her chemo. What should I watch out for?",
        "My mum fainted on her chemo this morning, should I watch out for more?",
        (
            "My cousin had fainting spells on her chemo. Is fainting something I should watch out "
            "for? I fainted this morning."
        ),
    ],
)
def test_patient_or_writer_still_fires(message: str) -> None:
    assert_flagged(message, "collapse")
