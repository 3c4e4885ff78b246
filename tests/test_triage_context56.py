"""Wordings added in vocabulary 2026.11.65, from the errors of blind88, blind89, blind90 and blind91
on first sight.

blind88 (a realistic month in proportion), blind89 (red flags told with numbers, readings and
times beside near misses under the thresholds), blind90 (around care: reactions, night fevers,
urgent care, telehealth, pharmacists, 911 in progress, discharges) and blind91 (second-language
writers and relatives far away) were written blind and scored once, unseen, on 2026.11.62 (0.976 /
0.975 / 1.000, 0.976 / 0.950 / 0.950, 0.978 / 0.976 / 0.952 and 0.974 / 0.875 / 0.972). Their
misses: "the nurse said to always tell you" read as an assessment of a fever; heavy bleeding "going
through a pad every 30-40 minutes" that "isn't easing off"; a nosebleed pinched "for 35 minutes and
it's still dripping"; an urgent-care visit the writer dates before the vomiting ("I wasnt vomiting
yet then"); and second-language grammar: "she does not eat or drink nothing, everything she vomit",
"I cannot drink anything it go straight out", "I dont want live anymore ... I think to take all my
pills tonight", "have pain in chest now", "I not can breath". Their false alarms: a
mother-in-law's haemoptysis set aside as "not my question, she's under her own GP"; no fluids kept
down for "about 15 hours now" (under the README's 24); "Discharged this morning after they treated
me for an allergic reaction"; "chest pain long time ago, 2015". Their tag classes: urine, thirst,
blood on blowing the nose, a heart beating fast, breathing problems, pus, fluid under a scar, an arm
getting bigger, falling oxygen readings as symptoms; what a form asks about is not a symptom; a
drink that "comes back up" or a sense "come back a little" is not a recurrence; "does that mean it
hasnt spread" asks about one. Each class is tested in fresh wordings, both ways; each remover
beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.65; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 65)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # an instruction to report is not an assessment (b88-141)
        (
            "Temp 38.4 tonight on paclitaxel. The chemo nurse told me to report any temperature.",
            "fever",
            "rf.fever.1",
        ),
        (
            "I've got a fever of 38.3 since teatime, on docetaxel. The oncologist said I must "
            "always call you.",
            "fever",
            "rf.fever.1",
        ),
        (
            "38.7 this afternoon, two weeks after my last Enhertu. Probably a bug, but the GP "
            "said to always tell you.",
            "fever",
            "rf.fever.1",
        ),
        # heavy bleeding not easing, pads gone through against the clock (b89-075)
        (
            "Bleeding from my bottom since lunch and it's not easing at all.",
            "bleeding",
            "rf.bleeding.1",
        ),
        (
            "Bleeding down below, I am going through a pad every hour since this morning.",
            "bleeding",
            "rf.bleeding.1",
        ),
        (
            "She's been bleeding from the front passage since teatime, gone through two pads in "
            "an hour.",
            "bleeding",
            "rf.bleeding.1",
        ),
        # pressure held ten minutes or more and still dripping, once the bleeding is named (b89-118)
        (
            "My gums started bleeding at 6. I've pressed a cold flannel on them for 25 minutes "
            "and it's still oozing.",
            "bleeding",
            "rf.bleeding.2",
        ),
        (
            "Her nosebleed began at teatime. We've been squeezing her nose for half an hour and "
            "it keeps dripping.",
            "bleeding",
            "rf.bleeding.2",
        ),
        (
            "Nose bleeding since 8. Been holding pressure for 15 mins and it's still trickling.",
            "bleeding",
            "rf.bleeding.2",
        ),
        # an assessment dated before the red flag began (b90-002)
        (
            "Can't keep any fluids down since yesterday lunchtime. The GP gave me anti-sickness "
            "tablets on Friday but I wasn't vomiting yet then.",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "Fever of 39 since lunch, on chemo. We went to the ER yesterday but she wasn't "
            "shivering yet then.",
            "fever",
            "rf.fever.1",
        ),
        (
            "Nothing has stayed down since Saturday night. Urgent care gave her fluids on "
            "Saturday morning, before the vomiting started.",
            "dehydration",
            "rf.dehydration.1",
        ),
        # the object first, a double negative, a bare verb (b91-025, b91-067)
        ("Since yesterday everything I drink I vomit.", "dehydration", "rf.dehydration.1"),
        (
            "My father does not drink nothing since two days, all what he drink he throw it up.",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "The runs since 2 days, everything she drink it go right through.",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "Diarrhoea all night, I cannot drink anything it run straight through.",
            "dehydration",
            "rf.dehydration.1",
        ),
        # "to" left out, "think to take" (b91-049)
        ("My mother say she not want live more, she cry all day.", "self_harm", "rf.self_harm.1"),
        ("I am thinking to swallow all the tablets tonight.", "self_harm", "rf.self_harm.1"),
        (
            "He told me he decided to take the whole box of his sleeping pills.",
            "self_harm",
            "rf.self_harm.1",
        ),
        ("Since the diagnosis I do not want live anymore.", "self_harm", "rf.self_harm.1"),
        # chest with no article (b91-066)
        ("I have pressure on chest since one hour.", "chest_pain", "rf.chest_pain.1"),
        (
            "Strong pain in chest from this morning, going to the arm.",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        ("My husband have big pain in chest, he is sweating.", "chest_pain", "rf.chest_pain.1"),
        # the auxiliary after the negation (b91-105)
        ("She no can breathe when she lie down, since tonight.", "breathing", "rf.breathing.1"),
        ("I not can catch my breath even sitting.", "breathing", "rf.breathing.1"),
        (
            "My mother not could breathe this morning, very fast breathing.",
            "breathing",
            "rf.breathing.1",
        ),
    ],
)
def test_misses_now_emergencies(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- counterparts of the misses' classes that must not change ----------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a real assessment with a clinician's view still covers it
        "Temp of 38.5 on Tuesday, the nurse said it was a virus and took bloods.",
        "Fever 38.2 yesterday, I went to the ER and the doctor said to keep taking paracetamol.",
        # bleeding easing, a pad a day
        "I had a little bleeding after the smear, it has eased off now.",
        "I go through a pad a day with the discharge, is that normal?",
        "Some spotting, about a pad every 4 hours, no pain.",
        # pressure that worked, a nose still sore
        "I pinched my nose for twenty minutes and it stopped, just some crust now.",
        "Nosebleed last week, I pressed it for 20 minutes and it's still sore inside.",
        "Pinching my nose for 20 minutes and it's still running, I have a cold.",
        # an assessment not dated before the finding still covers it
        "I've been unable to keep anything down since Sunday morning. Urgent care gave me fluids "
        "on Monday.",
        "Vomiting since Sunday, can't keep water down. Urgent care gave me fluids on Monday, I "
        "wasn't feeling better yet then.",
        # what the vomit looks like, a double negative about food only, long ago
        "Everything I vomit is green, is that bile?",
        "She does not eat or drink nothing since 2 days, no vomiting, she is tired.",
        "I drink water and it go straight out, I pee all the time.",
        "Years ago when I drink anything it go straight out, now fine.",
        # no "to": live music, living room, a dosing plan, a wish long over
        "I don't want live music at the party.",
        "My husband don't want live in the city.",
        "I think to take all my pills with food is better?",
        "I think to take all my pills in the morning.",
        "Two years ago I not want live anymore, now I am better with the therapy.",
        # chest: negated, someone else, a scar, long ago
        "No pain in chest, only the arm.",
        "My neighbour have pain in chest, he is in hospital.",
        "I have pain in chest wall where the scar is.",
        # breathing: long ago, someone else
        "Last year I not can breathe after the surgery, now I am fine.",
        "My neighbour no can breathe well, he has asthma.",
    ],
)
def test_counterparts_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- false alarms and their classes --------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # not my question, under their own doctor (b89-013)
        "My husband fainted twice yesterday - not why I'm writing, he is under his own doctor. I "
        "need my scan results.",
        "My sister has chest pain, she's seeing her own GP, my question is about my port.",
        "My mother-in-law has been coughing up blood - not my question, she's under her own GP. "
        "Can I change my appointment?",
        # a span under 24 hours (b89-142)
        "Sick since 6am, it's 10 hours now, cannot keep anything down.",
        "Throwing up since breakfast - it's about 8 hours so far - and can't keep water down.",
        "Vomiting since 2am, it's 12 hours now, and nothing stays down.",
        # discharged after treatment, they treated me for (b90-010)
        "Got home from hospital yesterday, they treated me for a reaction to paclitaxel where my "
        "lips swelled.",
        "Discharged from the ward last night following a reaction during Herceptin, my throat "
        "had swelled up.",
        "Discharged yesterday after a reaction to my first Taxol infusion, my lips swelled. Fine "
        "now.",
        # long time ago (b91-034)
        "I had pain in chest long time ago, 2015, it was nothing.",
        "My mother had seizure long time back, now she is fine.",
        "Long time ago I cough blood, it was TB, now I am healthy.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- the writer's own red flag beside each remover still fires ---------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # the writer's own red flag beside each remover
        (
            "My mother-in-law has been coughing up blood - not my question, she's under her own "
            "GP. But I am coughing up blood too since this morning.",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        (
            "Mum has been coughing up blood since this morning, she's under her own GP for her "
            "heart.",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        (
            "My mum is coughing up blood tonight, she is under her own GP.",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        (
            "Vomiting since yesterday morning, it's 30 hours now, can't keep water down.",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "Throwing up for 2 days, can't keep water down, it's 15 hours since I peed.",
            "dehydration",
            "rf.dehydration.1",
        ),
        (
            "Discharged on Monday after a reaction to carboplatin. Tonight during the Taxol "
            "infusion my lips are swelling again.",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        (
            "They treated me for a reaction last month; today during the infusion my throat is "
            "swelling.",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        (
            "Will I be discharged after the infusion? My lips are swelling up right now during "
            "the Herceptin.",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        ("Not long time ago, only one hour, I have chest pain.", "chest_pain", "rf.chest_pain.1"),
        (
            "I had chest pain long time ago and now again since this morning.",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        (
            "The nurse said to always tell you: I had a seizure an hour ago.",
            "seizure",
            "rf.seizure.1",
        ),
        (
            "My neighbour no can breathe well, he has asthma, and tonight I can't breathe either.",
            "breathing",
            "rf.breathing.1",
        ),
    ],
)
def test_own_red_flag_still_fires(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- tags -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # urine stinging, passed far more or hardly at all, thirst; blood on blowing the nose; the
        # heart beating fast; breathing problems; pus; fluid under a scar; an arm or hand getting
        # bigger; oxygen readings falling
        "It stings when she passes urine since Monday.",
        "I've been weeing constantly and I'm always thirsty on the steroids.",
        "Only weed twice since yesterday morning.",
        "A little blood when I wiped my nose this morning.",
        "My heart is beating so fast when I lie down.",
        "She has some breathing problems on the stairs.",
        "There's pus coming from the port site.",
        "Fluid under my scar keeps building up.",
        "My hand on the surgery side is getting puffier every week.",
        "My oxygen sats have dropped to 93 this week.",
    ],
)
def test_symptoms(message: str) -> None:
    assert "symptoms" in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # denied, someone else's, and what a form asks about
        "No breathing problems at all, I just need a repeat prescription.",
        "My neighbour is always thirsty, is that the heat?",
        "The form asks about chest pain, do I need to fill that in?",
        "The pre-op questionnaire asks about fainting; I fainted once in 1990.",
        "No pus and no redness around the port, it looks fine.",
    ],
)
def test_not_symptoms(message: str) -> None:
    assert "symptoms" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a drink that comes back up, a sense or a feeling partly back
        "Everything I drink comes back up since last night.",
        "My eyesight's come back a bit since the weekend.",
        "The feeling in my toes has come back slowly.",
    ],
)
def test_not_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # come back a little bigger; asked whether a result means it has not spread
        "It's come back a little bigger on the scan.",
        "Does that mean it hasn't spread to the nodes?",
        "Would this mean the cancer has not spread?",
    ],
)
def test_recurrence(message: str) -> None:
    assert "recurrence" in classify(message).tags, classify(message).reasons
