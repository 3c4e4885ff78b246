"""Red-flag families added in vocabulary 2026.11.2: each family in several lay wordings, and the
same family negated, in remote history, already assessed, asked about, or as a word trap.

The sentences here are written for these tests (not copied from the held-out set); the labelled
rows in ``tests/data/triage_labelled.jsonl`` (ids ``g*``) cover the same families in context.
"""

from __future__ import annotations

import pytest

from intake.triage import classify


def _urgency(message: str) -> str:
    return classify(message).urgency


# ------------------------------------------------------------------ positives: every wording

FAMILIES: dict[str, list[str]] = {
    "seizure": [
        "she took a fit in the bath about 30 mins ago",
        "my son found me fitting on the floor this morning",
        "he went stiff and shook all over for a minute tonight",
        "had 2 seizers today, first time ever",
        "I had a fit in my sleep last night",
        "his arms and legs were jerking and he wasn't answering us",
    ],
    "confusion": [
        "cant wake my mom up properly, she just mumbles",
        "we can't get my wife to wake up properly",
        "dad is very hard to wake and barely responding",
        "she's suddenly talking nonsense and doesn't know what year it is",
        "grandpa is suddenly very muddled and disoriented tonight",
    ],
    "chest_pain": [
        "a pressure in the middle of my chest since this morning",
        "feels like an elephant is sitting on my chest",
        "tight band around my chest for the last hour",
        "squeezing feeling in the centre of my chest",
        "crushing pain behind my breastbone since lunch",
    ],
    "breathing": [
        "gasping for air just sitting in my chair",
        "can't catch my breath even lying down",
        "my mom is breathing really fast and her lips have gone grey",
        "I can't get a full breath, feels like breathing through a straw",
        "so breathless I can't get a sentence out",
        "her lips look purple",
    ],
    "haemoptysis": [
        "On Monday I coughed up bright red streaks of blood",
        "spat out some blood when I was coughing this morning",
        "hacking up phlegm with red streaks in it since yesterday",
        "There's blood in what I'm coughing up",
        "bringing up blood-tinged mucus since Tuesday",
    ],
    "bleeding": [
        "her gums are bleeding and we can't get it to stop",
        "nosebleed for over an hour, can't get it to stop",
        "my port site is bleeding through the bandage and won't stop",
        "I've been throwing up blood since this morning",
    ],
    "cord_compression": [
        "new pain in the middle of my back for 2 days and now my legs feel weak",
        "sore back between my shoulder blades and numbness in both thighs since Sunday",
        "backache plus I peed myself without realising this afternoon",
        "lower back agony for 3 days and since this morning my legs feel like jelly",
        "back pain and I've started leaking pee without knowing",
        "my back has hurt all week and now I can't feel when I need to go",
    ],
    "stroke": [
        "her face suddenly looks lopsided and she's talking funny",
        "my husband's words are coming out all wrong",
        "his smile is crooked on one side since 4pm",
        "Suddenly can't see out of my left eye",
        "it's like a curtain came down over my right eye",
    ],
    "fever": [
        "running a temp of 38.2 since lunch, had Taxol on Thursday",
        "temp went up to 101 tonight, I'm 6 days after my AC",
        "I'm shivering and boiling hot at the same time, chemo on Tuesday",
        "feeling hot and shivery, on Verzenio",
        "high temp 39C after my carboplatin",
        "tempature of 38.6 on Kisqali",
    ],
    "dehydration": [
        "cant keep anything down since yesterday, even water comes straight back up",
        "throwing up everything I drink for a whole day now",
        "haven't had a wee since last night",
        "she hasn't passed urine since last night and is vomiting",
    ],
    "collapse": [
        "my mum blacked out in the kitchen this morning",
        "I keeled over at the store yesterday",
        "Dad went down in the hallway and was out cold for a few seconds",
        "I went down like a sack of potatoes earlier and was out for a few seconds",
    ],
    "headache": [
        "thumping headache since this morning and I've thrown up twice",
        "really bad pain in my head and my neck is so stiff I can't look down",
        "agonising headache came on suddenly and I've been sick",
    ],
    "infusion_reaction": [
        "after the Keytruda today my throat feels like it's closing up",
        "During my Taxol this morning my lips puffed up",
        "20 minutes into my Kadcyla my tongue felt thick and swollen",
        "Had Herceptin today and now I'm wheezing and struggling to breathe",
    ],
    "self_harm": [
        "I keep thinking it would be easier if I just didn't wake up",
        "I just want to go to sleep and never wake up",
        "I've thought about taking all my pain pills at once",
        "I don't see the point in going on anymore",
        "part of me wants to just end it",
        "I've looked up how many of my oxycodone it would take",
        "I've started cutting again",
        "I feel like there's nothing left to live for",
        "I can't go on living like this",
    ],
}


@pytest.mark.parametrize(("flag", "message"), [(f, m) for f, ms in FAMILIES.items() for m in ms])
def test_family_wording_is_an_emergency(flag: str, message: str) -> None:
    result = classify(message)
    assert result.urgency == "emergency", (message, result.reasons)
    assert flag in result.red_flags
    assert "symptoms" in result.tags


# ------------------------------------------------------------------ the same families, not now


NOT_EMERGENCY = [
    # negated
    "No more fits since they upped her Keppra",
    "she is drowsy but knows who we are and is making sense",
    "no chest pain, just a tickly cough",
    "coughing a lot at night but no blood",
    "back pain from gardening, legs are fine, no problems peeing",
    "no slurring or weakness, just a headache",
    "feeling sick but keeping fluids down and peeing normally",
    "I'm not going to hurt myself, I just need to talk to someone",
    # remote history or weeks ago
    "I had a fit as a kid, never since",
    "I fainted when I was pregnant 10 years ago",
    "coughed up blood back in 2017 with pneumonia",
    "In 2018 my mom passed out on chemo. Now she's starting again, what should we watch for?",
    "3 weeks ago I coughed up blood once, fine since then",
    # already assessed
    "Mom had a seizure Saturday, the ambulance took her to Providence and she's home now",
    "was in the ER last night with a fever of 101.5 on chemo, they gave IV antibiotics",
    "Was really short of breath on Wednesday, they admitted me and drained fluid",
    "My wife collapsed on Friday, the ambulance took her to Fairbanks Memorial",
    "her speech was slurred on Sunday, the ambulance took her to ANMC",
    # mild, exertional or long-standing
    "I get a little winded going up the stairs since starting herceptin",
    "I get really out of breath climbing the stairs to my flat",
    "my dad has been confused for months with his dementia, nothing new",
    "tightness across my chest from my expanders",
    # questions
    "what should I do if I get breathless on Enhertu?",
    "Is it normal to get a tight throat during infusions?",
    "if she has a seizure at home what should we do?",
    # word traps
    "the nurse passed out leaflets at the support group about a study",
    "My mom will have a fit when she sees this bill",
    "can you fit me in this week?",
    "the waiting is killing me",
    "I'm dying to know if the trial accepted me",
    "my blood test results came back normal",
    "I can't wake up in the mornings since starting tamoxifen",
    "I can't hold down a job with all these appointments",
    "the doctor is not responding to my emails",
    "my husband is drunk and talking funny lol",
    "can I spread my radiation appointments out?",
]


@pytest.mark.parametrize("message", NOT_EMERGENCY)
def test_not_an_emergency(message: str) -> None:
    assert _urgency(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "Mom had a seizure Saturday, the ambulance took her to Providence",
        "was in the ER last night with a fever of 101.5 on chemo, they gave IV antibiotics",
        "He collapsed yesterday and we drove him to the ER where they kept him overnight",
        "I coughed up blood on Saturday and the ER did a CT scan",
    ],
)
def test_assessed_red_flag_is_priority_and_still_listed(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority"
    assert result.red_flags


def test_infusion_breathlessness_must_not_be_mild() -> None:
    mild = "I get a bit breathless walking to the car since starting Kadcyla, fine at rest"
    assert _urgency(mild) == "priority"
    acute = "after my first Enhertu infusion today I'm wheezy and struggling to breathe"
    assert classify(acute).red_flags[:1] in (("breathing",), ("infusion_reaction",))
    assert _urgency(acute) == "emergency"


def test_again_about_treatment_does_not_revive_an_old_flag() -> None:
    assert _urgency("In 2018 I passed out on chemo. Now I'm starting chemo again.") != "emergency"
    assert _urgency("I fainted as a teenager. Thanks again for your help.") != "emergency"
    assert _urgency("I fainted as a teenager. Today it happened again.") == "emergency"


def test_a_run_on_sentence_keeps_the_present_tense_finding_current() -> None:
    msg = "my legs went numb today and my back is killing me I had a mastectomy in 2013"
    assert _urgency(msg) == "emergency"
    assert _urgency("When I had chemo in 2020 I couldn't keep anything down.") != "emergency"


def test_relative_clause_date_belongs_to_the_relative_clause() -> None:
    result = classify("pain in my breast where they did radiation 3 years ago, started last week")
    assert "symptoms" in result.tags
    assert result.urgency == "priority"


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("the lump is back in the same spot, right where they did my lumpectomy", "recurrence"),
        ("does triple neg come back more often than other types?", "recurrence"),
        ("I'd like to take part in research to help other women", "clinical_trials"),
        ("Are there immunotherapy studies recruiting in Alaska?", "clinical_trials"),
        ("My heart flutters now and then since starting Herceptin", "symptoms"),
        ("my nipple has started leaking a little blood tinged fluid", "symptoms"),
        ("In 2020 my mom had a seizure from a brain met", "recurrence"),
    ],
)
def test_new_tag_wordings(message: str, tag: str) -> None:
    assert tag in classify(message).tags


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("she does not use email and the number changed", "symptoms"),  # "number" is not numb
        ("can I spread my radiation appointments out?", "recurrence"),
        ("there's a heavy pressure on my chest and it's spreading down my left arm", "recurrence"),
        ("what does 'innumerable nodules' mean on my report", "symptoms"),
        ("I'm on pins and needles waiting for my scan results", "symptoms"),
    ],
)
def test_tag_word_traps(message: str, tag: str) -> None:
    assert tag not in classify(message).tags
