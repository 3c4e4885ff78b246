"""Wordings changed in vocabulary 2026.11.116: red flags told in other words (a reviewer's probes).

The gap (a reviewer's probes on 2026.11.112): red flags told without the words the rules knew were
routine or priority: a seizure told only by its movements ("she is doing the shaking attack, body
is jumping"), blue around the mouth, "my heart hurts", "a pain in my ribs/chest", half the vision
lost, a mini-stroke told as "arm went weak and speech went", no fluids kept down told as "sick every
time he drinks", no urine told as "bladder has produced nothing", an allergic reaction to an
infusion named without the throat or the breathing, indirect suicidal talk ("I'd rather die than
have more chemo", "I've had enough of living", letters to the children beside "I can't do this any
more"), confusion shown by behaviour ("losing track of where I am", "mumbling nonsense"), a swoon,
black tarry stools with dizziness; and a false alarm, "the fever of fundraising". New rules
rf.seizure.5, rf.confusion.3, rf.chest_pain.4, rf.breathing.9, rf.bleeding.4, rf.stroke.8,
rf.dehydration.4-5, rf.collapse.5, rf.infusion_reaction.3, rf.self_harm.8-9 and the cue
ctx.figurative.fever. Each is dated, negated, asked about, assessed and attributed like any
finding; each remover (exclude, unless, a narrowed pattern) is checked with the red flag said now
in a like message still flagged.
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
    """These wordings arrived in 2026.11.116; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 116)


# M1: a seizure told only by its movements


@pytest.mark.parametrize(
    "message",
    [
        "Sorry my english. My father he is doing shaking attack on the floor, now",
        "my wife is having a jerking attack right now and her eyes are open",
        "his whole body is jolting and he is not talking to me",
        "her arms and legs keep jumping, started 5 minutes ago",
        "jerking and twitching wont stop, right hand and face, 5 mins now",
        "Mum's face and hand keep twitching on the right side and it won't stop",
        # the panic exclude: a shaking attack told without panic still flags
        "she is having a shaking attack and not answering me, no history of panic",
    ],
)
def test_a_seizure_told_by_movements_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "she had a shaking attack in 2015 and nothing since",
        "Can Ibrance cause shaking attacks?",
        "I get shaking attacks from anxiety before every scan",
        "my eyelid keeps twitching and won't stop, is that the letrozole?",
        "my face keeps twitching when I'm tired but it doesn't stop me working",
        "my legs jump at night when I'm falling asleep",
        "her arms and legs are jumping again with her restless legs at night",
        "the kids are jumping on the bed and my body is jumping with joy at the news",
        "my neighbour is having a shaking attack, should she call her doctor?",
    ],
)
def test_movements_not_a_seizure_now(message: str) -> None:
    assert_not_emergency(message)


# M2: blue around the mouth or the lips


@pytest.mark.parametrize(
    "message",
    [
        "my husband has gone a bit blue round his lips and he's puffing",
        "Dad looks grey around the mouth this evening",
        "the baby-sitter says Mum is bluish around the lips since lunch",
        "around her mouth is going blue",
        # the cold exclude: blue round the mouth said now without a cause still flags
        "she came in from the cold an hour ago and is still blue around the lips now",
    ],
)
def test_blue_around_the_mouth_flagged(message: str) -> None:
    assert_flagged(message, "breathing")
    assert {"rf.breathing.9", "rf.breathing.2"} & emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "his lips were blue around the edges from the blueberries",
        "she was blue around the mouth from the popsicle",
        "I went blue around the lips from the cold swimming in the lake",
        "he was blue around the mouth in 2019 when he had pneumonia",
        "I wasn't blue around the mouth, just pale",
        "What does it mean if someone looks blue around the mouth?",
    ],
)
def test_blue_around_the_mouth_explained_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# M3: the heart hurting, the chest second in a pair


@pytest.mark.parametrize(
    "message",
    [
        "my heart really hurts right now and I feel sick",
        "Mum says her heart is hurting since she woke up",
        "pain across my back and chest since this morning",
        "sharp pain under my left rib/chest, started an hour ago",
        "side/chest pain since last night when I breathe",
        # the grief exclude: the heart hurting said now without a loss still flags
        "my heart hurts and my left arm is numb, since dinner",
    ],
)
def test_heart_hurts_or_chest_in_a_pair_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")


@pytest.mark.parametrize(
    "message",
    [
        "My heart hurts for my sister, she was just diagnosed",
        "my heart hurts when I think about leaving my kids",
        "Since my mum died my heart hurts every day",
        "my heart hurts reading about the cuts to the service",
        "my heart hurt last year for weeks, they did an angiogram and it was fine",
        "I don't have any pain in my back or chest",
        "sore back and chest wall since my reconstruction in 2021",
    ],
)
def test_heart_hurting_as_emotion_or_past_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# M7: half the vision lost; a mini-stroke told as weakness and speech that went


@pytest.mark.parametrize(
    "message",
    [
        "my husband has lost the sight in the left half of his vision since breakfast",
        "half of my vision went black about twenty minutes ago",
        "her arm went weak and her speech went for a few minutes today",
        "my face went numb and my words just stopped, this morning, fine now",
        "speech suddenly went and then my right hand went weak, an hour ago",
    ],
)
def test_half_vision_or_a_mini_stroke_flagged(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "I lost half my vision in one eye in 2012 from glaucoma",
        "Can Enhertu make you lose half your vision?",
        "my voice went with the cold and my legs feel weak from the chemo",
        "my arm went weak in 2020 and my speech went too, it was a TIA, all fine since",
        "I haven't lost any vision in half of my sight, just floaters",
    ],
)
def test_vision_or_speech_not_a_stroke_now(message: str) -> None:
    assert_not_emergency(message)


# M8: no fluids kept down and no urine in other words


@pytest.mark.parametrize(
    "message",
    [
        "she throws up every time she drinks anything, since yesterday morning",
        "Dad vomits as soon as he has a sip of water, all day yesterday and today",
        "every time I drink anything I bring it straight back up, 2 days now",
        "my kidneys have made nothing since yesterday lunchtime",
        "not a drop of urine since yesterday evening",
        # the alcohol exclude: sick every time anything is drunk said now still flags
        "I used to be sick when I drank wine, but now I'm sick every time I drink anything, "
        "30 hours",
        # ctx.fluids.short_drink counts only hours under 24
        "he is sick every time he drinks anything for 30 hours now",
    ],
)
def test_fluids_or_urine_in_other_words_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "I'm sick every time I drink alcohol since starting letrozole",
        "she throws up every time she drinks milk, has for years",
        "he was sick every time he drank anything for about 6 hours this morning",
        "my bladder has produced nothing unusual, the urine test was clear",
        "I was sick every time I drank in March during chemo, fine now",
        "What if I'm sick every time I drink after my next cycle?",
    ],
)
def test_fluids_or_urine_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# M10: an infusion reaction named or told with hives and trouble swallowing


@pytest.mark.parametrize(
    "message",
    [
        "I think I'm having an allergic reaction, I had my Herceptin infusion an hour ago",
        "having a bad allergic reaction to today's Taxol, my face is red and puffy",
        "got my first Enhertu dose at 10, now welts all over and it's hard to swallow",
        "after the infusion today: can't swallow properly and hives on my neck",
        # the weeks-ago unless: a reaction now after an infusion this morning still flags
        "my last infusion 3 weeks ago was fine, but I'm having an allergic reaction to today's "
        "infusion",
    ],
)
def test_infusion_reaction_named_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        "I had an allergic reaction to Taxol in 2023, will the new infusion be different?",
        "What does an allergic reaction to Herceptin look like?",
        "I'm having an allergic reaction to the plasters, no treatment for a month",
        "My last infusion was 3 weeks ago and I have hives and can't swallow pills easily",
        "I'm not having an allergic reaction to the infusion, just tired",
    ],
)
def test_infusion_reaction_not_now_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# M11: indirect suicidal talk


@pytest.mark.parametrize(
    "message",
    [
        "honestly I would rather be dead than do another cycle of this",
        "I'd sooner die than carry on like this",
        "I have had enough of life",
        "I'm done with living, nothing helps",
        "I can't go on any more. I've been writing letters to my children.",
    ],
)
def test_indirect_suicidal_talk_flagged(message: str) -> None:
    result = classify(message)
    assert result.urgency == "emergency", result.reasons
    assert result.self_harm


@pytest.mark.parametrize(
    "message",
    [
        "I'd rather die than lose my hair again, ha, is the cold cap available?",
        "I would rather die than wear that wig",
        "I've had enough of this rain",
        "I'm writing letters to my kids for when they're older, the counsellor suggested it",
        "Years ago I said I'd rather be dead than have more chemo, but I'm fine now",
        "My friend told me she'd rather die than go through chemo",
    ],
)
def test_indirect_talk_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# M12: confusion shown by behaviour


@pytest.mark.parametrize(
    "message",
    [
        "Dad keeps losing track of where he is today",
        "she got lost walking back from her own street this afternoon",
        "he is muttering gibberish and I can't get through to him",
        "Is it normal to be this tired on morphine? She can't stay awake long enough to finish a "
        "sentence",
        "Mum keeps nodding off mid-sentence since this morning",
    ],
)
def test_confusion_by_behaviour_flagged(message: str) -> None:
    assert_flagged(message, "confusion")


@pytest.mark.parametrize(
    "message",
    [
        "I keep losing track of time on chemo days",
        "I got lost driving to your new building last week",
        "he mumbles in his sleep, always has",
        "I can't stay awake in the afternoons since starting Kisqali",
        "Mum has been losing track of where she is for months with her dementia",
    ],
)
def test_behaviour_not_confusion_now(message: str) -> None:
    assert_not_emergency(message)


# M14: a swoon; black tarry stools with dizziness


@pytest.mark.parametrize(
    "message",
    [
        "My mother swooned at church this morning",
        "I swooned in the shower an hour ago",
        "he swoons when he stands up, twice today",
    ],
)
def test_a_swoon_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "I nearly swooned when I saw the bill",
        "the nurses all swoon over Dr Patel",
        "that new scarf made me swoon",
        "I swooned once in 1998 at a wedding",
    ],
)
def test_a_swoon_figure_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "My poo has been black and tarry since last night and I feel lightheaded",
        "dizzy when I stand and black sticky stools today",
        "Mum has tarry black diarrhoea and is woozy",
        # the iron exclude: black stools told with dizziness and no iron taken still flag
        "black tarry stools and dizzy since this morning, I'm not on iron or Pepto",
    ],
)
def test_black_tarry_stools_with_dizziness_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "Black tarry poo yesterday, just the once. Feel ok otherwise.",
        "black stools since starting iron tablets, and a bit dizzy on chemo days",
        "I had black tarry stools and dizziness in 2019 from an ulcer",
        "Can Xeloda cause black tarry stools and dizziness?",
    ],
)
def test_black_stools_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# F1: fever as a figure of speech; the fever flag stays


@pytest.mark.parametrize(
    "message",
    [
        "The fever of fundraising has got me: can I run the 5k?",
        "Mum has a real fever for knitting these days, can she knit during chemo?",
        "a fever for baking has taken over our house, any diet advice on Ibrance?",
    ],
)
def test_fever_as_a_passion_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        # the figurative cue never takes a reading, a time or a true fever
        "I have had a fever for two days on chemo",
        "a fever of 38.6 this morning, on Taxol",
        "fever for the past morning and shivering, I'm on Enhertu",
        "the fever of gardening is over, now I have a real fever of 39 on chemo",
        "I have a fever since gardening yesterday, during radiotherapy",
    ],
)
def test_a_fever_still_flagged(message: str) -> None:
    assert_flagged(message, "fever")
