"""Wordings added in vocabulary 2026.11.63, from the errors of blind85 and blind86 on first sight.

blind85 (messages that carry several concerns at once: recurrence, scans, trials, treatment
choices, logistics, a symptom near the end) and blind86 (emotional distress: suicidal thoughts or
self-harm told directly, indirectly or as a passive wish, beside figurative talk, thoughts that
are over, someone else's) were written blind and scored once, unseen, on 2026.11.61 (0.985 /
0.975 / 0.951 and 0.980 / 0.732 / 0.938). Their misses: ending it "myself" or "on my own terms",
a part of the body burned on purpose, the head banged against a wall with a bruise left, praying
God takes me, thinking about dying as a relief (after a question), a goodbye text and then no
answer, a bare plan or "how I'd do it" or ways looked up beside distress, more sleeping pills than
meant with "I don't know if I meant it", the will sorted and the follow-up given away, a chest
that "goes tight". Their false alarms: a dead sister's seizures "at the end", "it makes you
confused" told as what a condition does, a bra "fitting". Each class is tested in fresh
wordings, both ways; each remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.63; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 63)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # ending it "myself", "on my own terms", "before I become a burden"
        ("Some days I think I should just end it myself and spare everyone.", "self_harm",
         "rf.self_harm.1"),
        ("She keeps saying she wants to end things on her own terms, before the pain gets worse.",
         "self_harm", "rf.self_harm.1"),
        ("Honestly it would be simpler to end everything before I become a burden to the kids.",
         "self_harm", "rf.self_harm.1"),
        # a part of the body hurt on purpose
        ("I cut my thigh with scissors on purpose last night, it wasn't an accident.", "self_harm",
         "rf.self_harm.1"),
        ("She's been scratching her forearms until they bleed, deliberately, since the news.",
         "self_harm", "rf.self_harm.1"),
        ("I hit my legs with a hairbrush intentionally when it gets too much.", "self_harm",
         "rf.self_harm.1"),
        # the head banged against a wall, a mark left or when the panic comes
        ("He's been hitting his head against the wall and there's a lump on it now.", "self_harm",
         "rf.self_harm.1"),
        ("I keep banging my head on the door when the anxiety gets too much.", "self_harm",
         "rf.self_harm.1"),
        ("Mum was smashing her head against the wall last night, her forehead is bruised.",
         "self_harm", "rf.self_harm.1"),
        # a passive wish told as a prayer
        ("Every night I ask God to take me so this can be over.", "self_harm", "rf.self_harm.1"),
        ("I keep praying the Lord will take me soon, I'm so tired.", "self_harm",
         "rf.self_harm.1"),
        ("Dad told me he prays God calls him home tonight.", "self_harm", "rf.self_harm.1"),
        # thinking about death as a relief
        ("I think about death a lot these days and honestly it would be a relief.", "self_harm",
         "rf.self_harm.1"),
        ("I keep thinking of dying, and honestly it would be a release.", "self_harm",
         "rf.self_harm.1"),
        ("She says she thinks about not waking up and that it would be a blessing.", "self_harm",
         "rf.self_harm.1"),
        # a goodbye sent and then no answer
        ("My brother sent me a goodbye message this morning and he isn't picking up.",
         "self_harm", "rf.self_harm.1"),
        ("Mum rang to say goodbye and thank us all, and now she won't answer the door.",
         "self_harm", "rf.self_harm.1"),
        ("She left me a voicemail saying goodbye and hasn't replied to any texts since.",
         "self_harm", "rf.self_harm.1"),
        # a bare plan, how I'd do it, ways looked up, beside distress
        ("I feel hopeless and I've made a plan.", "self_harm", "rf.self_harm.5"),
        ("He's been so depressed. Last night he said he'd worked out how he would do it.",
         "self_harm", "rf.self_harm.5"),
        ("Can't go on anymore. I've researched methods.", "self_harm", "rf.self_harm.5"),
        # more pills than meant, not sure it was meant
        ("I swallowed too many of my oxycodone on Saturday and I'm not sure if I meant it.",
         "self_harm", "rf.self_harm.6"),
        ("She took extra sleeping pills last night, she says part of her wanted to not wake up.",
         "self_harm", "rf.self_harm.6"),
        ("Took more of the diazepam than I was supposed to. I didn't care if I woke up.",
         "self_harm", "rf.self_harm.6"),
        # affairs in order and the care given up
        ("Sorted out my will and gave the cats to my sister. Please cancel the scan, I won't "
         "need it any more.", "self_harm", "rf.self_harm.4"),
        ("I've updated my will and rehomed the dog to a friend. I won't be needing my "
         "appointments.", "self_harm", "rf.self_harm.4"),
        ("Mum has made her will and given her parrot to the neighbours. She says she won't be "
         "needing the chemo.", "self_harm", "rf.self_harm.4"),
        # the chest that goes tight
        ("Whenever I climb the stairs my chest goes tight and aches.", "chest_pain",
         "rf.chest_pain.1"),
        ("Her chest gets tight when she lies down tonight.", "chest_pain", "rf.chest_pain.1"),
        ("His chest went tight an hour ago and it hasn't eased.", "chest_pain",
         "rf.chest_pain.1"),
    ],
)
def test_misses_now_emergencies(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- false alarms and counterparts ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # ending a relationship or a treatment, or told as not done
        "I had to end it myself with him after the diagnosis, he wasn't supportive.",
        "Can I end the chemo on my own terms if the side effects get worse?",
        # accidents and "not on purpose"
        "I burned my hand on the oven tray, not on purpose obviously, it's blistered.",
        "I cut my finger slicing onions, is it ok with my low platelets?",
        # the figure of speech, and an accident with a bump
        "Getting through to billing is like banging my head against a brick wall.",
        "It feels like banging my head against the wall with the insurance company.",
        "I hit my head on the cupboard door yesterday and there's a bump, nothing else.",
        # faith and acceptance, not a wish to die now
        "I pray God takes me through this treatment and gives me strength.",
        "I hope God takes me peacefully when the time comes, but not yet!",
        # fear of dying, grief, a past relief
        "I think about dying all the time and it terrifies me. Is that normal?",
        "Mum thought about death a lot at the end, and when it came it was a relief for her.",
        "I used to think about dying and that it would be a relief, but those thoughts are "
        "long gone.",
        # goodbyes to someone who died, and an unanswered question
        "We said goodbye to Dad on Sunday and now Mum won't answer her phone, she's grieving.",
        "She said goodbye at the door and didn't answer my question about the scan.",
        # a plan and "how I'd do it" as logistics, with no distress
        "My ride fell through but I have a plan.",
        "Re the self-injections: I've thought about how I'd do it.",
        "I'm so low on iron. I've looked up ways.",
        # an extra dose by mistake, no doubt about intent
        "I took more of my letrozole than I should have by mistake. Is that dangerous?",
        "She took an extra tamoxifen tablet this morning by accident.",
        # the will alone, or moving care
        "I've sorted my will now that I've been diagnosed, it felt sensible.",
        "I've updated my will and given the dog to my sister as we're moving. I won't be "
        "needing the follow up because I'm transferring to Seattle.",
        # the chest tight told as negated, long ago, someone else's
        "My chest doesn't go tight any more since the inhaler.",
        "Years ago my chest went tight with asthma, fine now.",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # a relative who died, seizures "at the end"
        "My aunt passed away from brain mets, she had a few seizures at the very end. What is "
        "my risk?",
        "Dad died of lung cancer in 2019 and he had convulsions near the end. Is it genetic?",
        # what a condition does to anyone
        "The nurse said high calcium makes people confused. I feel fine, just asking.",
        "My neighbour read that it can make someone disoriented. I'm not, just curious.",
        # a fitting for a bra, a prosthesis or a wig
        "Could I book a prosthesis fitting and a wig fitting before my next cycle?",
        "Is the compression sleeve fitting and the physio on the same day?",
        # thoughts told as over, years ago
        "I had suicidal thoughts after my divorce, that was ten years ago. Sleep is my problem "
        "now.",
        "I had thoughts of suicide, that was many years ago. Can I talk to the social worker?",
    ],
)
def test_removers(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- the writer's own red flag beside each remover still fires ---------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        (
            "My sister died of cancer and she had seizures at the end. I had a seizure this "
            "morning.",
            "seizure",
            "rf.seizure.1",
        ),
        (
            "Dad passed away last year and he had seizures at the end of the infusion day, and "
            "now my wife had a seizure an hour ago.",
            "seizure",
            "rf.seizure.1",
        ),
        (
            "My friend said it makes you confused. Mum is suddenly confused this afternoon and "
            "doesn't know where she is.",
            "confusion",
            "rf.confusion.1",
        ),
        (
            "Can we move the bra fitting? She had a seizure an hour ago.",
            "seizure",
            "rf.seizure.1",
        ),
        (
            "I had suicidal thoughts, that was two years ago. This week I've been thinking about "
            "ending my life.",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "I had suicidal thoughts two years ago and now they're back, I want to kill myself.",
            "self_harm",
            "rf.self_harm.1",
        ),
    ],
)
def test_own_red_flag_still_fires(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)
