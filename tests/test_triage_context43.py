"""Wordings added in vocabulary 2026.11.52, from the errors of blind60 and blind61 on first sight.

blind60 (writers who describe what they feel rather than name it; numbers and times; lists and
fragments) and blind61 (a realistic week where a message carries two or three topics, the red
flag, its time and any assessment in different sentences) were written blind and scored once,
unseen, on 2026.11.51 (0.979 / 0.825 / 1.000 and 0.964 / 0.902 / 0.902). Their misses: pressure
behind the "breast bone" (two words); red streaks spat up with no word for sputum; vomiting
everything "since lunchtime yesterday" read as since lunch today; pins and needles creeping up
both legs with a new ache between the shoulder blades; "the idea of ending it"; a nosebleed
"still going even pinching"; a hand that cannot grip and a leg dragging, side first; a swollen
purple face with breathing "getting harder"; feeling hot and shaking with no thermometer; breathing
"like I ran a marathon" while sitting; "just had another fit" after a month dating the diagnosis.
Their false alarms: snoring and gasping at night told by a bed partner; a fever five years out,
off treatment since last spring; slurred speech left by a stroke years ago, "my baseline". Each
class is tested in fresh wordings, both ways; each remover beside the writer's own red flag told
as now.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.52; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 52)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # pressure behind the breast bone, two words
        ("A heavy feeling behind my breast bone since lunch, it won't ease off", "chest_pain"),
        ("Tightness under her breast bone for the last hour, she looks grey", "chest_pain"),
        ("pain behind the breast bone when I sit still, started tonight", "chest_pain"),
        # red streaks brought up, no word for sputum
        ("Coughing up red streaks since Monday, I have lung mets", "haemoptysis"),
        ("He's been hacking up flecks of blood this morning", "haemoptysis"),
        ("I keep bringing up red flecks when I clear my throat today", "haemoptysis"),
        # nothing kept down since a meal time yesterday
        ("Can't keep anything down since breakfast yesterday, not even water", "dehydration"),
        ("She hasn't kept a sip down since about lunch yesterday", "dehydration"),
        ("throwing up everything since lunchtime on Sunday", "dehydration"),
        # numbness rising up both legs, with back pain
        ("Tingling spreading up both my legs today and my back aches", "cord_compression"),
        ("Numbness climbing up her legs today, and new low back pain", "cord_compression"),
        ("pins and needles moving up both thighs, plus a new backache", "cord_compression"),
        # the idea of ending it
        ("The idea of ending it has been in my head all week", "self_harm"),
        ("I keep having ideas about ending things", "self_harm"),
        ("the idea of ending my life won't leave me alone", "self_harm"),
        # a bleed still going despite pressure
        ("My gums started bleeding at 6, still going even with pressure", "bleeding"),
        ("The nosebleed began an hour ago and it's still running, even pinching hard", "bleeding"),
        ("Blood from the port site, still coming despite pressing on it", "bleeding"),
        # a leg dragging, side first; a hand that cannot grip
        ("His left leg is dragging since he got up this morning", "stroke"),
        ("She can't hold a cup in her left hand since breakfast", "stroke"),
        ("couldn't grip a pen with my right hand this morning", "stroke"),
        # a swollen face with breathing getting harder
        ("Her face and neck are swollen since yesterday and her breathing is getting worse", "svc"),
        ("My face is puffy and my breathing has become more difficult this week", "svc"),
        ("neck swollen since Friday and his breathing is getting heavier", "svc"),
        # feeling hot and shaking, no reading
        ("Dad feels hot and he is shivering, no thermometer here; chemo on Monday", "fever"),
        ("I'm burning hot and shaking, had my infusion three days ago", "fever"),
        ("She was very hot and trembling all evening, she is on chemo", "fever"),
        # breathing as after a race while sitting
        ("Panting like I'd just run a race while just lying in bed", "breathing"),
        ("She's breathing like she ran up the stairs even sitting on the couch", "breathing"),
        ("breathing hard as if I had climbed a mountain just sitting in my chair", "breathing"),
        # "just had another fit" after a month dating something else
        ("Dad (diagnosed in June) just had another seizure in the bathroom", "seizure"),
        ("My son, brain tumour found in January, just had a fit at school", "seizure"),
        ("Her scan in April showed mets and she just had another convulsion", "seizure"),
    ],
)
def test_red_flags_in_new_wordings(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "I had a sore breast bone last year after the surgery, it's fine now",
        "My breast bone scan came back clear",
        "Spitting up a bit of clear phlegm this morning",
        "I cough up red wine-coloured nothing, just clear mucus",
        "Vomiting since lunch today, but I can keep sips down",
        "Threw up once since lunchtime, keeping water down fine",
        "Pins and needles in my toes from chemo, same as always",
        "tingling in my fingers and feet since chemo",
        "I had an idea about ending my treatment early, can we talk?",
        "Thinking about ending things with my old oncologist and moving to you",
        "A small cut on my finger, still bleeding a little but stopped with a plaster",
        "He can't grip the steering wheel well since his shoulder surgery, it's getting better",
        "My face is swollen from the steroids, breathing fine",
        "Breathing is getting easier every day since the drain",
        "I felt hot and flushed at my son's game, hot flashes as usual",
        "I'm shaking with nerves about my scan tomorrow",
        "I'm breathing like I ran a marathon after the stairs, normal with anemia?",
        "Her last seizure was in March, just had a check-up and all is fine",
    ],
)
def test_counterparts_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- removers: each scoped, each beside the red flag told as now ------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My wife says I snore and gasp in my sleep, could it be the tumour?",
        "he says I've been snoring and gasping for air at night, any link with the cancer?",
    ],
)
def test_snoring_and_gasping_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "My husband says I snore, but right now I'm gasping for air sitting up",
        "I'm gasping and can't get a breath tonight",
    ],
)
def test_gasping_now_still_fires(message: str) -> None:
    assert_flagged(message, "breathing")


@pytest.mark.parametrize(
    "message",
    [
        "I'm 4 years out and not on anything, had a fever of 101 with a cold",
        "I stopped anastrozole last summer. Temperature 38.4 tonight with the flu",
    ],
)
def test_fever_long_off_treatment_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "I'm on chemo every two weeks. Fever of 101 tonight",
        "I stopped tamoxifen last spring but I'm on chemo now, temperature 38.5 tonight",
    ],
)
def test_fever_on_treatment_still_fires(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "She had a stroke in 2019 and her speech is still a bit slurred, that's her normal",
        "He had a mild stroke 6 years ago and still slurs a little, that's his baseline",
    ],
)
def test_old_stroke_baseline_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "She had a stroke in 2019 and her speech is still slurred but much worse today",
        "He had a mild stroke 6 years ago, and since this morning his speech is slurred again",
    ],
)
def test_stroke_sign_new_still_fires(message: str) -> None:
    assert_flagged(message, "stroke")
