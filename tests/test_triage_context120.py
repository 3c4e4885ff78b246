"""Wordings changed in vocabulary 2026.11.130: a clinical safety reviewer's probes (reviewer W2,
cord compression and infusion reactions) that 2026.11.125 missed (32 of 44) or raised wrongly
(1 of 16).

The gaps, each read as a class (probe ids in brackets):

- back pain told as running from the back into the legs, the spine "killing" the writer, pain
  round the ribs like a belt (pw-061, pw-062, pw-069): tag.symptoms.back_pain, half of
  rf.cord_compression.1.
- leg weakness told by a lay likeness: "like cooked spaghetti", "legs r jelly", "like a rag doll",
  "like they're not his" (pw-067, pw-073, pw-079, pw-080): tag.symptoms.leg_weakness.
- legs that went or keep going "from under" the patient, will not "go where he wants", have "no
  power", whose use is lost, feet that drag (pw-062, pw-065, pw-070, pw-071, pw-075, pw-076):
  tag.symptoms.leg_weakness.
- the saddle area told unfelt in lay words: "can't feel when I wipe", "can't feel the seat" on the
  loo, "numb down there", the bum "asleep" (pw-064, pw-066, pw-077): rf.cord_compression.2.
- wetting or soiling told by what was found ("poo in my pants", sheets soaked and not felt) and
  small recurring accidents, the warning to go lost, not knowing whether one is peeing (pw-063,
  pw-068, pw-074, pw-078): rf.cord_compression.2.
- tingling from a level of the trunk down (pw-072): rf.cord_compression.5.
- a numb bum after a drive told with words between (false alarm pw-089): rf.cord_compression.21's
  look-ahead.
- an infusion told by a biosimilar or a short name (Kanjinti, Trazimera, pembro, carbo), a
  regimen's round by its letters ("2nd round of AC"), chemo with a day or the place it is given,
  the route or line in lay words ("medicine in vein", "the port was accessed", "nurse unhooked
  me") (pw-091, pw-092, pw-103, pw-106, pw-107, pw-108, pw-110): ctx.infusion.
- throat or lip swelling told as a narrow or "close" throat, lips "very big", a lump stuck,
  swallowing around something, a hoarse or croaky voice with swallowing hard, lips then "they
  look swollen" (pw-093, pw-094, pw-099, pw-101, pw-103, pw-104, pw-106):
  tag.symptoms.throat_lip_swelling, half of rf.infusion_reaction.1.
- an assessed reaction "starting again" at home ("sent me home, but now at home it's starting
  again", pw-096): "home ... again" is no longer ctx.time.again_pseudo when a subject follows.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.130; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 130)


# back pain running into the legs, the spine killing, band pain round the ribs


@pytest.mark.parametrize(
    "message",
    [
        "The pain radiates from my lower back down both legs and since this morning my "
        "legs are weak",
        "Her spine's killing her and today her legs keep giving way",
        "Pain running from his spine into his hips and he can't stand up since lunch",
        "a tight pain round her middle like a band since Sunday and her legs feel weak and wobbly",
    ],
)
def test_back_pain_running_or_band_like_with_weak_legs_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "Pain shoots from my back into my legs sometimes, legs are fine, no weakness.",
        "Had pain round my ribs like a belt and weak legs back in 2019, all treated. "
        "Question about my scan.",
        "Can pain going from the back into the legs be a sign of spinal mets?",
    ],
)
def test_back_pain_running_quiet_when_negated_old_or_asked(message: str) -> None:
    assert_not_emergency(message)


# leg weakness told by a lay likeness


@pytest.mark.parametrize(
    "message",
    [
        "My legs are like wet noodles since this morning and my back is agony",
        "mum's legs r jelly today and she has bad back pain",
        "his legs look like a rag doll's when he tries to stand, and his back has been killing him",
        "My legs feel like they aren't mine since lunch, and I have terrible back pain",
    ],
)
def test_legs_told_by_a_likeness_with_back_pain_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "My legs were like jelly when the nurse called with my good scan results!",
        "My legs felt like they weren't mine after the marathon in 2015, no back problems since.",
        "Can spine mets make your legs feel like cooked spaghetti and your back ache?",
    ],
)
def test_legs_likeness_quiet_when_happy_old_or_asked(message: str) -> None:
    assert_not_emergency(message)


# legs from under, won't go where, no power, use lost, feet drag


@pytest.mark.parametrize(
    "message",
    [
        "her legs went out from under her in the kitchen this morning and her back is sore",
        "Since yesterday his legs won't go where he tells them and his low back is agony",
        "my mother back very pain and legs no strength from today",
        "He's lost the use of both legs since lunchtime and has back pain",
        "since Tuesday his feet drag when he walks and his back has been hurting",
    ],
)
def test_legs_from_under_no_power_use_lost_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "I lost the use of my legs in 2020 from cord compression and have back pain; "
        "asking about wheelchairs.",
        "My back hurts after gardening, legs have no weakness, no power problems.",
        "In August her legs went from under her and her back was sore; she had "
        "radiotherapy then and walks fine now.",
    ],
)
def test_legs_from_under_quiet_when_old_or_negated(message: str) -> None:
    assert_not_emergency(message)


# the saddle area told unfelt in lay words


@pytest.mark.parametrize(
    "message",
    [
        "Since this morning she can't feel when she wipes",
        "I sat on the toilet and couldn't feel the seat at all, started today",
        "numb down there since last night",
        "my bottom feels like it has gone asleep since yesterday and won't wake up",
    ],
)
def test_saddle_area_unfelt_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "Numb down there after the epidural in 2012 - any advice for intimacy?",
        "I can feel when I wipe, no numbness down there, just back ache.",
        "bum went asleep from sitting on the plane, fine now",
    ],
)
def test_saddle_area_quiet_when_old_negated_or_from_sitting(message: str) -> None:
    assert_not_emergency(message)


# wetting or soiling told by what was found; small accidents; the warning lost


@pytest.mark.parametrize(
    "message",
    [
        "Found pee in her knickers twice today and she hadn't noticed",
        "Woke this morning and the bed was soaked, I didn't feel anything, and my back hurts",
        "Dad keeps having small accidents since Monday",
        "She doesn't get the warning that she needs to go anymore, since yesterday",
        "He can't tell whether he's peeing or not since this morning",
    ],
)
def test_soiling_found_and_warning_lost_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "Woke up and the sheets were soaked with sweat, I didn't feel a thing, night sweats again",
        "I had little accidents after my prostate surgery years ago, all sorted now.",
        "Is it normal to not get the warning you need to go after radiation? Just "
        "wondering in general.",
    ],
)
def test_soiling_quiet_when_sweat_old_or_asked(message: str) -> None:
    assert_not_emergency(message)


# tingling from a level down


@pytest.mark.parametrize(
    "message",
    [
        "pins and needles from my waist down since this morning",
        "Tingling from the bra line down since lunch",
        "She has tingling from her ribs downwards today",
    ],
)
def test_tingling_from_a_level_down_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "No tingling from my waist down, just sore feet from the Taxol.",
        "I had tingling from my belly button down in 2018, fully recovered after radiotherapy.",
    ],
)
def test_tingling_level_quiet_when_negated_or_old(message: str) -> None:
    assert_not_emergency(message)


# a numb bum after a drive with words between: quiet; a numb bum now still fires


@pytest.mark.parametrize(
    "message",
    [
        "Numb bum after the 8 hour drive down from Fairbanks, fine now after a walk",
        "numb bottom after a long bus ride, gone now",
        "numb backside after the three hour flight yesterday, all good now",
    ],
)
def test_numb_bum_after_a_journey_quiet(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Numb bum since this morning and my legs are weak",
        "numb bum today, no long drive or anything, and my back is killing me",
    ],
)
def test_numb_bum_now_still_flagged(message: str) -> None:
    assert "rf.cord_compression.21" in emergency_rules(message), classify(message).reasons


# an infusion told by a biosimilar, a short name, a regimen, a day or place, the route


@pytest.mark.parametrize(
    "message",
    [
        "Had my Ogivri this morning and now my lips are swelling",
        "She had carbo on Wednesday and tonight her throat is tight",
        "first cycle of EC today, now my tongue feels too big for my mouth",
        "Had chemo on Thursday and now his lips are swollen",
        "They put the medicine into my port at 10 and now my lips are puffy",
        "The nurse just unhooked her and her throat is closing",
    ],
)
def test_infusion_told_otherwise_with_swelling_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        "My last Kanjinti was 3 weeks ago. Today my lips are dry and cracked, no swelling.",
        "Had chemo yesterday, lips not swollen, throat fine, just tired.",
        "The AC is broken at the cancer center and my lips are dry, can you fix it?",
    ],
)
def test_infusion_told_otherwise_quiet_without_a_reaction_now(message: str) -> None:
    assert_not_emergency(message)


# throat or lip swelling told otherwise, after an infusion


@pytest.mark.parametrize(
    "message",
    [
        "After the Herceptin infusion today her throat is getting narrower",
        "After my infusion this morning my throat feels like there's a lump stuck in it",
        "Since the Enhertu infusion an hour ago my voice is hoarse and it's difficult to swallow",
        "Perjeta drip at noon, now I feel like I'm swallowing past a lump",
        "Taxol infusion this morning, my lips started itching and now they look puffy",
        "after the drip today the lip is so big",
    ],
)
def test_throat_lip_swelling_told_otherwise_after_infusion_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        "My throat felt narrow during my infusion last year, the nurses gave Benadryl. "
        "Next cycle questions.",
        "My infusion is on Monday; my voice is a bit hoarse from a cold but swallowing is fine.",
        "Can Herceptin make your throat feel like there is a golf ball stuck in it?",
    ],
)
def test_throat_lip_swelling_quiet_when_old_negated_or_asked(message: str) -> None:
    assert_not_emergency(message)


# an assessed reaction starting again at home


@pytest.mark.parametrize(
    "message",
    [
        "my breathing went funny during the Herceptin drip, they treated it and sent me "
        "home, but now at home it's starting again",
        "her throat got tight during the infusion, the nurses gave her Benadryl and sent "
        "her home, now at home it's happening again",
        "wheezy in the chemo chair, they sorted it and sent me home, but back home it's "
        "started again",
    ],
)
def test_assessed_reaction_starting_again_at_home_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        "my breathing went funny during the Herceptin drip, they treated it and sent me "
        "home, I'm fine at home now",
        "her throat got tight during the infusion, they gave Benadryl and sent her home, "
        "then she drove home again",
    ],
)
def test_assessed_reaction_at_home_quiet_when_settled(message: str) -> None:
    assert_not_emergency(message)
