"""Wordings added in vocabulary 2026.11.66, from the errors of blind92-95 on first sight.

blind92 (a realistic fortnight in proportion), blind93 (red flags hidden behind practical requests:
parking, billing, records, travel letters, told in an aside or a postscript), blind94 (living with
metastatic disease for years: scans, drug changes, hospice, carers) and blind95 (the hardest near
misses beside true emergencies told indirectly) were written blind and scored once, unseen, on
2026.11.64 (0.967 / 0.951 / 0.951, 0.957 / 0.951 / 0.907, 0.978 / 0.975 / 0.951 and 0.969 / 0.829 /
0.850). Their misses: a fever with cancer treatment in the last six weeks told beside "not on chemo
anymore" or "haven't started chemo yet" (a last round three weeks ago, a lumpectomy two weeks ago);
a temperature "just took" after an older start date; "can't lie down without gasping"; blood "still
going 40 min later, keeps soaking through tissues"; a leg that can't be felt, a foot that flops,
"can't feel much when I wipe"; "not been able to pee since yesterday"; "the shakes so bad I couldn't
hold my phone", "boiling hot then freezing ... under two duvets"; "the world keeps going black in my
right eye"; "brought up a small clot". Their false alarms: a seizure disorder "well controlled", a
seizure workup, "not coming to the Tuesday appointment", assessments told as "they said my confusion
was from ...", "they said no compression", "my ER visit last night", "the GP saw Mum today about
...", "my GP listened to my chest", "taken to hospital this morning because ...", a friend's story
of her sister, "What does 'febrile neutropenia' mean?", "Is chest pain really that common?", a
sister who died "coughing up blood at the end", breathless going upstairs after an infusion, and a
seizure "last Thursday evening, 8 days ago now". Each class is tested in fresh wordings, both ways;
each remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.66; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 66)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # a fever with cancer treatment (a course or the operation) in the last six weeks, beside
        # "not on chemo any more" or "none yet"
        (
            "Temperature 38.6 tonight. I'm not on chemo any more, my last cycle was 2 weeks ago.",
            "fever",
            "rf.fever.1",
        ),
        (
            "I'm running 38.9. Haven't started chemo yet but I had my mastectomy 10 days ago.",
            "fever",
            "rf.fever.1",
        ),
        (
            "Fever of 101 since this afternoon; not on any treatment now, I finished my final "
            "dose of paclitaxel four weeks ago.",
            "fever",
            "rf.fever.1",
        ),
        # a temperature just taken, after an older start date
        (
            "Mum's on AC (first cycle in October) and I just checked her temperature, it's 38.9.",
            "fever",
            "rf.fever.1",
        ),
        (
            "He's been on docetaxel since March and he just took his temp: 38.7.",
            "fever",
            "rf.fever.1",
        ),
        (
            "On Ibrance (started in January). I just took my temperature and it's 38.5.",
            "fever",
            "rf.fever.1",
        ),
        # breathless lying down, told through "can't ... without"
        ("I can't lie flat without gasping since yesterday.", "breathing", "rf.breathing.1"),
        (
            "He's unable to lie down without fighting for breath tonight.",
            "breathing",
            "rf.breathing.1",
        ),
        ("She can't lay down without choking for air.", "breathing", "rf.breathing.1"),
        # a bleed still going a stated time later, or soaking the tissues
        (
            "My gums started bleeding after brushing and it's still going 30 minutes later.",
            "bleeding",
            "rf.bleeding.1",
        ),
        (
            "Blood from a small cut on my finger, it is still bleeding an hour later.",
            "bleeding",
            "rf.bleeding.1",
        ),
        (
            "Her nose is bleeding and the blood keeps soaking through the towels.",
            "bleeding",
            "rf.bleeding.1",
        ),
        # a leg that can't be felt or a foot that flops, with back pain; the saddle area
        (
            "Since this morning I can't feel my right leg properly and my lower back is agony.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "New back pain for a week and now he can't feel his legs.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "Her foot drags when she walks since yesterday and her back has been really sore.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        ("She can't feel a thing when she wipes.", "cord_compression", "rf.cord_compression.2"),
        (
            "Since yesterday I can't feel much when I wipe.",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        # no urine, told as "not been able to"
        ("She's not been able to pee since last night.", "dehydration", "rf.dehydration.2"),
        (
            "He's not managed to pass any urine since breakfast yesterday.",
            "dehydration",
            "rf.dehydration.2",
        ),
        ("I've not been able to wee all day.", "dehydration", "rf.dehydration.2"),
        # rigors told by what they stopped, and hot then cold
        (
            "Shivering so hard I couldn't hold my tea, on chemo since Tuesday.",
            "fever",
            "rf.fever.2",
        ),
        (
            "He had the shakes so badly he couldn't stand, Enhertu last week.",
            "fever",
            "rf.fever.2",
        ),
        ("I'm boiling hot then freezing cold, AC on Friday.", "fever", "rf.fever.2"),
        (
            "Roasting one minute then shivering the next, started docetaxel last week.",
            "fever",
            "rf.fever.2",
        ),
        ("She's shaking under three duvets, chemo was on Monday.", "fever", "rf.fever.2"),
        # sight going in one eye
        ("Everything keeps going dark in her left eye.", "stroke", "rf.stroke.4"),
        ("The world went black in his right eye this morning.", "stroke", "rf.stroke.4"),
        ("Things keep turning grey in my left eye since lunch.", "stroke", "rf.stroke.4"),
        # a clot brought up
        ("Coughed up a dark clot this morning.", "haemoptysis", "rf.haemoptysis.1"),
        ("She's bringing up little clots since last night.", "haemoptysis", "rf.haemoptysis.1"),
        (
            "He brought up two clots when coughing an hour ago.",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
    ],
)
def test_misses_now_emergencies(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- false alarms and counterparts ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # treatment long over, or none yet and no operation: the fever rule does not apply
        "Temp 38.5. I finished chemo four months ago and I'm not on anything.",
        "Fever 38.3; haven't started chemo yet, my surgery is booked for next week.",
        "Had my lumpectomy 3 months ago and haven't started any treatment since; temp 38.4 today.",
        # a normal temperature just taken, or an old fever
        "I just took my temp, it's 36.9, I'm on taxol.",
        "She just took her temp and it's normal, 37.1.",
        # lying down without trouble, or long ago
        "I can lie down without gasping now, much better since the drain.",
        "Back in March I couldn't lie flat without gasping, the fluid was drained and I'm fine.",
        # a bleed that stopped
        "I had a nosebleed this morning but it stopped after ten minutes, it's not still going.",
        "A little bleeding from my gums this morning, it stopped after five minutes.",
        # numb feet from chemo beside back pain; legs felt fine
        "I can't feel my feet properly from the chemo neuropathy, no back pain.",
        "Back pain from gardening; I can feel my legs fine.",
        "I can feel it when I wipe, no numbness down there.",
        # a short span without urine, or a sample
        "She's not been able to pee for two hours, otherwise fine.",
        # shaking from nerves; hot then cold long after treatment
        "Had the shakes so bad from nerves before the scan that I couldn't hold the pen.",
        "I finished chemo two years ago; boiling hot then freezing at night, I think it's the "
        "menopause.",
        # the world going black without an eye (and not on standing), the cinema
        "Everything went dark in the cinema when the film started.",
        # a clot found, a clot of phlegm, the clot results
        "Can you bring up the clot results on the portal?",
        "They found a clot in my lung last week and I'm on blood thinners.",
        # a seizure disorder told as controlled, seizure tests or a clinic
        "My son has a seizure disorder, well controlled on Keppra, can he come to my appointment?",
        "Her seizure condition is stable and she's doing well.",
        "My husband is having seizure tests next week, can I move my scan?",
        "Dad has a seizure clinic appointment on the 5th.",
        # not coming to an appointment
        "She's not coming to the clinic on Friday, please cancel.",
        "He's not coming to see you this week, he's away.",
        # assessed: what they said it was from, a negative finding, the visit, the GP who saw her
        "They said my dizziness and confusion yesterday was due to low sugar.",
        "The hospital said her confusion is from an infection, she's on antibiotics.",
        "They said there was no clot after I coughed up blood on Monday.",
        "The on-call doctor saw Dad this afternoon about his confusion.",
        "My GP listened to my chest after I coughed up blood yesterday.",
        "He was admitted this afternoon because he couldn't catch his breath.",
        "She went to A&E today with chest pain and they kept her in.",
        # a friend's relative
        "My friend said her mum collapsed during chemo.",
        "A friend told me his wife couldn't breathe during the infusion, will that happen to me?",
        # a term or how common asked about
        "What does 'febrile convulsion' mean?",
        "Is coughing up blood very common?",
        "Is chest pain rare?",
        # someone who died coughing up blood at the end
        "My aunt passed away from lung mets, she was coughing up blood towards the end.",
        # breathless going upstairs after an infusion
        "Since my third Kadcyla I get breathless walking upstairs.",
        "After my infusion on Monday I'm short of breath going upstairs.",
        # a weekday told with a count of more than seven days
        "She had a seizure last Monday morning, 9 days ago, nothing since.",
        "I fainted last Saturday, which was ten days ago now.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- the writer's own red flag beside each remover still fires ---------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        (
            "My daughter has a seizure disorder (well controlled) but I had a seizure this "
            "morning myself.",
            "seizure",
            "rf.seizure.1",
        ),
        (
            "I'm booked for seizure tests but I had another seizure an hour ago.",
            "seizure",
            "rf.seizure.1",
        ),
        (
            "Mum isn't coming to the appointment; she's unresponsive since lunch.",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "They said my confusion was from low sodium, but now she is much worse and "
            "unresponsive.",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "They said no compression on Saturday's MRI, but since this morning I've wet myself "
            "twice.",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "She went to A&E yesterday and today she has chest pain again.",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        (
            "My friend told me her sister couldn't breathe on Herceptin, and I can't breathe "
            "either after my infusion today.",
            "breathing",
            "rf.breathing.1",
        ),
        (
            "Is chest pain really that common? I've had crushing chest pain for the last hour.",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        (
            "What does 'febrile neutropenia' mean? My temperature is 38.6 right now, on chemo.",
            "fever",
            "rf.fever.1",
        ),
        (
            "My mum died of it and she was coughing up blood at the end; I've been coughing up "
            "blood since this morning.",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        (
            "I had a seizure last Thursday, 8 days ago, and another one this morning.",
            "seizure",
            "rf.seizure.1",
        ),
        (
            "After my infusion an hour ago my throat feels tight and I'm wheezing, even resting.",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
    ],
)
def test_own_red_flag_still_fires(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- tags ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # a yellow tinge in the eyes or skin
        "There's a yellow tint to her skin since Friday.",
        "I've noticed a yellowish colour in my eyes this week.",
        "Dad has a yellowy tinge in the whites since yesterday.",
        # a wound that leaks, weeps or opens
        "The scar from my mastectomy has opened up at one end.",
        "Her incision keeps oozing clear fluid onto the dressing.",
        "My drain site is leaking and smells odd.",
        # hiccups that go on, a burning wee, nails darkening or lifting
        "I've had constant hiccups for two days on the dex.",
        "Mum has hiccups that keep coming back every hour.",
        "It stings when I wee since Tuesday.",
        "Two of my toenails are coming off since the docetaxel.",
        "My fingernails have gone darker and one is lifting.",
        # a nipple turning in, told after a long subject
        "The nipple on the breast that wasn't treated has begun pulling inwards.",
        # a small hard lump named by its size
        "A hard marble-sized thing under my arm since last week.",
    ],
)
def test_symptoms_tagged(message: str) -> None:
    assert "symptoms" in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "A few hiccups with the billing this month, can you check my invoice?",
        "No yellow tinge to my skin any more, the jaundice cleared last year.",
        "The wound has healed, nothing leaking any more.",
    ],
)
def test_not_symptoms(message: str) -> None:
    assert "symptoms" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "They found a blood clot in my lung and I'm on injections now.",
        "Mum has clots in both lungs, the hospital is treating them.",
    ],
)
def test_lung_clot_not_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "The cancer is in her lung now and she has a clot in her leg.",
        "They found a clot in my lung and the scan also shows spots on my liver.",
    ],
)
def test_recurrence_beside_lung_clot(message: str) -> None:
    assert "recurrence" in classify(message).tags, classify(message).reasons
