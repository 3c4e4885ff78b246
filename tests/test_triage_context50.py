"""Wordings added in vocabulary 2026.11.59, from the errors of blind74 and blind75 on first sight.

blind74 (a realistic month of this clinic's contact form in proportion, emergencies written as
real Alaskan patients would, terse and understated, mixed with logistics) and blind75 (symptoms
told through numbers, devices and timelines, emergencies described without any of the usual
words) were written blind and scored once, unseen, on 2026.11.58 (0.975 / 0.976 / 0.953 and
0.967 / 0.732 / 0.909). Their misses: a face "getting puffier" with breathlessness lying down;
"two tea towels soaked through" of a nosebleed; gums "oozing" since 6am with "nothing stops it";
"out for maybe 20 seconds"; a hand twitching "and then her whole arm"; a headache "a 10/10, worst
ever" with vomiting; 58 oxycodone "counted out ... in a jar by the bed"; "looking at the bridge
... thinking how quick it would be"; letters to the kids, the will, "I won't be here for it";
one side of the mouth "wasn't moving when I smiled"; the last pee "7 this morning and it's gone
9 at night"; "bright red in the tissue every time I cough". Their false alarms: "Seen at ANMC",
"Xray fine" (assessed); "my friend's mum" (someone else); "..., but that was over Thanksgiving,
almost 3 weeks ago" and "nothing since - that was 3 weeks ago" (dated after the fact). Each class
is tested in fresh wordings, both ways; each remover beside the writer's own red flag told as
now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.59; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 59)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # a face, neck or arm "puffier" with breathlessness (SVC obstruction)
        (
            "Her neck looks puffier every day and she gets breathless just sitting there.",
            "svc",
            "rf.svc.1",
        ),
        (
            "My face is puffier since the weekend and I'm short of breath walking to the bathroom.",
            "svc",
            "rf.svc.1",
        ),
        (
            "My face keeps getting puffier and I'm short of breath when I lie flat.",
            "svc",
            "rf.svc.1",
        ),
        # towels counted and soaked through, once the bleeding is named
        (
            "Her nose has been bleeding since tea, three hand towels are soaked through.",
            "bleeding",
            "rf.bleeding.2",
        ),
        (
            "The cut on my shin bled through, 2 dressings soaked through already.",
            "bleeding",
            "rf.bleeding.2",
        ),
        (
            "Nosebleed again tonight, a couple of washcloths are soaked with blood.",
            "bleeding",
            "rf.bleeding.2",
        ),
        # gums or a nose that ooze, with first aid that does not stop it
        (
            "My gums keep oozing, I've held gauze on them for ages and nothing stops it.",
            "bleeding",
            "rf.bleeding.2",
        ),
        (
            "Her gums have been oozing all afternoon, pressing gauze, nothing works.",
            "bleeding",
            "rf.bleeding.2",
        ),
        (
            "My nose is oozing again, pinched it for twenty minutes and nothing is helping.",
            "bleeding",
            "rf.bleeding.2",
        ),
        # out for a hedged number of seconds or minutes
        (
            "She was out for like a minute after she stood up from the toilet.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "Dad went down, out for maybe half a minute, now he's sitting up.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "He was out for about thirty seconds on the kitchen floor.",
            "collapse",
            "rf.collapse.1",
        ),
        # twitching that spreads from a hand or foot to the whole limb, or a bitten tongue
        (
            "His left foot began jerking, then his whole leg, for a minute or so.",
            "seizure",
            "rf.seizure.2",
        ),
        (
            "Her fingers started twitching and it spread up her whole arm.",
            "seizure",
            "rf.seizure.2",
        ),
        (
            "My arm was jerking and I bit my tongue, I'm so tired now.",
            "seizure",
            "rf.seizure.2",
        ),
        # a headache scored 9 or 10 out of 10, or "worst ever", with vomiting
        ("My headache is 9/10 since lunch and I've thrown up twice.", "headache", "rf.headache.1"),
        ("Head pain at 10 out of 10 tonight, been sick three times.", "headache", "rf.headache.1"),
        (
            "Her headache, since this morning, is the worst ever and she keeps vomiting.",
            "headache",
            "rf.headache.1",
        ),
        # a store of tablets counted out by the bed or into a jar
        (
            "I tipped out all my sleeping pills into a bowl on the nightstand, and the morphine.",
            "self_harm",
            "rf.self_harm.1",
        ),
        ("I've lined up 40 of my tramadol by my bed.", "self_harm", "rf.self_harm.1"),
        (
            "Counted out 60 of her tablets and put them in an envelope under her pillow.",
            "self_harm",
            "rf.self_harm.1",
        ),
        # a means looked at and "how quick / easy it would be"
        (
            "Every time I pass the train tracks I keep thinking how easy it would be.",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "I stand on the balcony at night and wonder how quick it would be.",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "I look at the rifle in the cupboard and think about how quick it would be.",
            "self_harm",
            "rf.self_harm.1",
        ),
        # affairs put in order and "I won't be here for it / by then"
        (
            "I've written letters to my grandkids and I won't be around for Christmas, I know it.",
            "self_harm",
            "rf.self_harm.4",
        ),
        (
            "Told my husband where the life insurance papers are. I won't be here by then anyway.",
            "self_harm",
            "rf.self_harm.4",
        ),
        (
            "Finished letters for my daughters today. Cancel the scan, I won't be alive for it.",
            "self_harm",
            "rf.self_harm.4",
        ),
        # one side of the mouth or face that does not move
        (
            "The right side of her face isn't moving when she talks, since about an hour ago.",
            "stroke",
            "rf.stroke.1",
        ),
        (
            "One side of his mouth didn't lift when he tried to smile at lunch.",
            "stroke",
            "rf.stroke.1",
        ),
        (
            "Since breakfast the left corner of my mouth has stopped moving.",
            "stroke",
            "rf.stroke.1",
        ),
        # the last pee at 5-9 in the morning and now 9, 10, 11 at night or midnight
        (
            "The last time Mum had a wee was 6 this morning and it's now 10pm.",
            "dehydration",
            "rf.dehydration.3",
        ),
        (
            "I last peed at 8am this morning, it's now after 11 at night.",
            "dehydration",
            "rf.dehydration.3",
        ),
        (
            "He last urinated early this morning and it's midnight now.",
            "dehydration",
            "rf.dehydration.3",
        ),
        # red in the tissue told with the cough
        ("Fresh red on my hanky when I cough this morning.", "haemoptysis", "rf.haemoptysis.1"),
        (
            "Every time she coughs there's red in the tissue, since yesterday.",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        (
            "Dark red on the tissue each time I cough today.",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
    ],
)
def test_missed_wordings_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # puffier without breathlessness, or asked about
        "My face is puffier since I started the steroids, breathing is fine.",
        "Is a puffier face with breathlessness a sign of something serious?",
        # towels soaked with something else, or no bleeding named
        "Two tea towels soaked from washing the dog, no bleeding anywhere.",
        "I had a nosebleed yesterday, it stopped after ten minutes. Two tea towels soaked from the "
        "spilled tea.",
        # gums that ooze a little and stop
        "My gums ooze a bit when I brush, it stops after a minute.",
        # "out for" that is not a faint
        "The power went out for maybe 20 minutes last night.",
        "I was out for about an hour at the shops, can someone call me back?",
        # twitching that does not spread, a tongue bitten eating
        "My eyelid keeps twitching, and my hand shakes a bit from the tamoxifen.",
        "I bit my tongue eating toast, and my hand twitches a bit sometimes.",
        # a headache scored low, long ago, or without vomiting
        "Headache about 4/10 and I threw up once after the chemo.",
        "My headache was 10/10 in 2019 when I had meningitis and I vomited all night.",
        "Headache 10/10 this afternoon but no vomiting and no stiff neck.",
        # a week's tablets put into an organiser
        "Counted out 28 of my letrozole into the weekly pill organiser for the month.",
        "Can I count out 30 of my tablets for the trip?",
        # "how quick it would be" to get somewhere
        "The bridge is closed, I keep thinking how quick it would be to get to you if they "
        "fixed it.",
        "Driving over the river bridge I wonder how quick it would be to get to Anchorage by "
        "plane.",
        # "won't be here" for travel; letters on a counsellor's advice
        "I won't be here for the scan on the 14th, I'll be at fish camp. Can we move it?",
        "I wrote letters to my kids like the counsellor suggested and told my husband where the "
        "will is. Feeling more settled.",
        # a mouth not moving after the dentist, or from an old palsy
        "The left side of my mouth wasn't moving properly after the dentist's injection "
        "yesterday, it wore off.",
        "The left side of my face is not moving much since the Bell's palsy in 2019.",
        # the last pee too recent for 12 hours, or not a clock time this safe
        "Last time I peed was 10 this morning and it's 9pm now.",
        "Last time I peed was 7 this morning and it's 2pm.",
        # red in the tissue from the nose, or weeks ago
        "Bright red in the tissue when I blow my nose, the air is so dry.",
        "Last month there was red in the tissue when I coughed, it cleared up with antibiotics "
        "weeks ago.",
    ],
)
def test_counterparts_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- false alarms -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # seen at a hospital named by its name
        "My face drooped this morning. Seen at Providence.",
        "My face drooped for ten minutes on Monday, seen at Fairbanks Memorial and they kept me "
        "overnight.",
        "She fainted on Sunday, seen at Bartlett and sent home.",
        # an x-ray told as fine
        "I'd coughed up some blood on Tuesday. Xray fine.",
        "Coughed up a streak of blood last night, chest x-ray was clear.",
        "I coughed up blood yesterday. X-ray came back normal.",
        # a friend's relative
        "My best friend's husband collapsed at work last night, he's on chemo at another hospital.",
        "A friend's dad coughed up blood before they found his lung cancer. Should I worry?",
        "My friend's daughter had a seizure at school today, can stress cause that?",
        # dated after the fact
        "I fainted at the grocery store. That was about a month ago and I've been fine.",
        "She couldn't keep any fluids down for two days, that was back in October, 5 weeks ago.",
        "Coughed up a bit of blood, this was over Christmas, six weeks ago.",
    ],
)
def test_assessed_other_person_dated_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer's own red flag beside the remover, told as now
        ("Dad's face drooped this morning, we're taking him to ANMC now.", "stroke"),
        ("I coughed up blood this morning. My chest x-ray last month was clear.", "haemoptysis"),
        ("My chest x-ray in March was fine, but today I coughed up blood.", "haemoptysis"),
        (
            "She fainted in the kitchen an hour ago, seen at Providence last year for her hip.",
            "collapse",
        ),
        ("My friend's dad fainted last week. I fainted an hour ago in the shower.", "collapse"),
        (
            "My friend's mum had a seizure last year, and this morning I had a seizure myself.",
            "seizure",
        ),
        (
            "Threw up all night and haven't kept anything down since yesterday morning.",
            "dehydration",
        ),
        (
            "I couldn't keep water down, that was 3 weeks ago, and since yesterday I can't keep "
            "anything down again.",
            "dehydration",
        ),
        ("I have chest pain, it started 3 weeks ago.", "chest_pain"),
        # seven days is not over the README's seven
        ("I couldn't keep water down for two days, but that was 1 week ago.", "dehydration"),
        ("My last chemo, that was 3 weeks ago. I fainted this morning.", "collapse"),
        ("I fainted this morning. My last infusion, that was 3 weeks ago.", "collapse"),
    ],
)
def test_own_flag_beside_remover_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


def test_symptom_question_about_someone_else_tags_symptoms() -> None:
    """A friend's relative's symptom is not the writer's, but asking whether it is a sign of
    the writer's cancer asks what a symptom means (tag, no urgency)."""
    result = classify(
        "My neighbour's wife was coughing up blood and it was lung cancer. Is that a breast "
        "cancer symptom too?"
    )
    assert "symptoms" in result.tags
    assert result.urgency == "routine"
