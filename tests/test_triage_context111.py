"""Wordings changed in vocabulary 2026.11.120: red flags in everyday words (a second reviewer).

The gap (a second reviewer's probes, on 2026.11.116): a faint told as "went down at her desk",
"flaked out", "out for the count", "lights out", "passt out", "went limp and wouldn't respond", "a
little faint", "my legs buckled and I went down" or "a vasovagal" (rf.collapse.20); a seizure told
by movement only, a jerking or shaking episode, "had a turn and went rigid", a staring spell, an
arm flapping on its own, small shakes of one side of the face every few minutes (rf.seizure.20);
no urine told as "make water", "been to the loo for a wee", "not weeing", "last had a wee at 8pm
last night", a dribble "and nothing since" (rf.dehydration.21); no fluids kept down told as every
drink coming back up or nothing drunk with vomiting (rf.dehydration.20); a headache told as
banging or "like never before", vomiting as "sickness" (tag.symptoms.headache_severe_lay,
tag.symptoms.vomiting_lay, so rf.headache.1 reads them); "can't be roused", "out of it, not
answering" (rf.confusion.20); "lost vision suddenly" (rf.stroke.20); feeling lost in both legs
today and a numb bum (rf.cord_compression.20, .21); an infusion named as the chemo suite
(ctx.infusion); an oxygen reading without "%", vomit that looks like coffee grounds, a sharp pain
on breathing in, double vision or a clumsy arm told as sudden (rf.breathing.20, rf.bleeding.20,
rf.chest_pain.20, rf.stroke.21). False alarms quieted: a friend "on it" or a grandchild who has
the symptom (ctx.experiencer.other), a drug taken "for seizures" (rf.seizure.1 exclude), "will
have a fit when she sees" (rf.seizure.2 exclude), a lip swelling put down to a bee sting
(ctx.swelling.other_cause on rf.infusion_reaction.1). Each remover is tested with the red flag
said now in a message of the same kind still an emergency.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.120; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 120)


# M6: a faint or collapse in everyday words


@pytest.mark.parametrize(
    "message",
    [
        "my husband went down at his desk about twenty minutes ago",
        "Mum went down at work this morning, her boss rang me",
        "Dad flaked out in the hallway an hour ago",
        "she was out for the count for a few seconds in the bathroom",
        "I went all woozy and then it was lights out",
        "came to with my head on the kitchen tiles",
        "she passt out in the car park",
        "Gran went floppy in her chair and wouldn't answer us for a bit",
        "I had a small faint at the bus stop today",
        "her legs gave way and she went down in the shower",
        "had a vasovagal episode after my bloods today and hit my head",
        # "flaked out" on the floor is a collapse, not the sofa sleep excluded below
        "my wife flaked out on the kitchen floor tonight",
    ],
)
def test_a_faint_in_everyday_words_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "He flaked out on the sofa after dinner, he's shattered from the chemo",
        "my friend flaked out on me at the last minute so I need a lift to the infusion",
        "the kids were out for the count by 8 so I finally had time to write",
        "I feel a little faint when I stand up too fast",
        "I have a history of vasovagal reactions to needles, can I lie down for my bloods?",
        "I didn't go down at my desk, I just felt a little faint and sat",
        "Did you go down at work when you fainted last year?",
    ],
)
def test_everyday_words_that_are_not_a_faint_now_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_the_new_collapse_rule_named() -> None:
    assert "rf.collapse.20" in emergency_rules("she went down at her desk ten minutes ago")


# M7: a seizure told by movement only


@pytest.mark.parametrize(
    "message",
    [
        "Dad had a jerking episode in bed an hour ago",
        "she had a shaking episode and then wet herself, about an hour ago",
        "she had a shaking spell at tea time and is very sleepy now",
        "mum had a funny turn and went all stiff",
        "my husband just went rigid on the sofa and his eyes rolled",
        "my daughter had a blank spell this morning and didn't know where she was",
        "his right hand keeps flailing about on its own",
        "little twitches in the left side of her face every couple of minutes since lunch",
        "Mum's mouth keeps twitching on one side every few minutes",
    ],
)
def test_a_seizure_told_by_movement_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "I went rigid with fear when they said the word scan",
        "Had a shaking spell with chills on Monday, no fever, fine now",
        "I get shaking attacks from anxiety before every scan",
        "I had jerking episodes years ago as a teenager, nothing since",
        "Could the new tablets cause a shaking episode?",
        "my eyelid has been twitching for a week, annoying",
        "no jerking episodes since the dose went up",
    ],
)
def test_movement_words_that_are_not_a_seizure_now_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# M8: no urine told by clock times or lay words


@pytest.mark.parametrize(
    "message",
    [
        "My husband hasn't been able to make water since yesterday teatime",
        "I haven't been to the toilet for a wee since last night",
        "Mum isn't weeing at all, not since yesterday morning",
        "she last had a pee at 7pm yesterday and nothing since",
        "just a few drops of dark wee at breakfast and nothing since, that's 14 hours",
        "his bladder is full but nothing will come out since yesterday",
    ],
)
def test_no_urine_in_lay_words_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "I'm weeing fine now, thanks for asking",
        "Why do I not make much water on the tablets?",
        "What if I haven't been to the loo for a wee for 12 hours?",
        "a dribble of urine this morning and nothing since, it's only 2 hours",
        "my mum isn't peeing as much as usual",
    ],
)
def test_urine_words_that_are_not_no_urine_now_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# M9: no fluids kept down without "keep down"


@pytest.mark.parametrize(
    "message",
    [
        "every drink she has comes straight back up, it's been two days",
        "each sip goes straight through me, diarrhoea since Wednesday",
        "Dad hasn't drunk anything since Thursday, he brings it all back up",
        "vomiting all yesterday and today and I haven't managed to drink anything",
    ],
)
def test_no_fluids_in_other_words_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "Last month every drink came straight back up for a day, all fine since",
        "I haven't drunk anything since breakfast, no vomiting, just busy",
        "What if every drink comes back up over the weekend?",
        "I was sick once last night but I'm drinking fine now",
    ],
)
def test_drink_words_that_are_not_no_fluids_now_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# M10: a severe headache told with a severity word the list lacked, vomiting as "sickness"


@pytest.mark.parametrize(
    "message",
    [
        "Hammering headache and I've been sick three times",
        "banging headache and throwing up since lunch",
        "migraine like nothing I've ever had and I'm being sick",
        "a splitting headache with sickness since this morning",
        "terrible headache and sickness since last night",
    ],
)
def test_a_severe_headache_with_vomiting_flagged(message: str) -> None:
    assert_flagged(message, "headache")


@pytest.mark.parametrize(
    "message",
    [
        "Banging headache this morning, no sickness, took paracetamol and it's eased",
        "is it like normal chemo with the hair and sickness?",
        "I had a banging headache and sickness after the party last month",
        "a headache like never before? what should I watch for on this drug",
        "morning sickness and headaches in my first pregnancy years ago",
    ],
)
def test_headache_words_without_the_red_flag_now_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# M11: unresponsive in passive or lay words


@pytest.mark.parametrize(
    "message",
    [
        "my wife can't be woken up, she's breathing but floppy",
        "Dad cannot be roused since his nap this afternoon",
        "mum is completely out of it and not responding to us",
        "the carer says he's unrousable",
        "Dad isn't responding to us and is totally out of it since tea",
    ],
)
def test_unresponsive_in_lay_words_flagged(message: str) -> None:
    assert_flagged(message, "confusion")


@pytest.mark.parametrize(
    "message",
    [
        "I can't be bothered to cook, so tired",
        "the hospital isn't answering my calls and I'm a bit out of it with worry",
        "I feel a bit out of it on the new tablets but I'm answering emails fine",
        "she couldn't be woken last year after the seizure, that was a long time ago",
    ],
)
def test_lay_words_that_are_not_unresponsive_now_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# M12: sudden loss of vision, "suddenly" after it


@pytest.mark.parametrize(
    "message",
    [
        "I lost my vision suddenly an hour ago",
        "Mum lost the sight in her right eye all of a sudden this morning",
        "lost vision in one eye out of nowhere at lunch",
    ],
)
def test_vision_lost_suddenly_flagged(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "I lost my glasses suddenly this morning, can I collect the letter?",
        "Can you lose vision suddenly on tamoxifen?",
        "I haven't lost vision suddenly, it's just blurry when I read",
    ],
)
def test_vision_words_not_a_sudden_loss_now_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# M13: feeling lost in both legs today, a numb bum


@pytest.mark.parametrize(
    "message",
    [
        "lost all feeling in both legs this morning",
        "Dad's lost the feeling in his legs since lunch, he has bone mets in his spine",
        "she has no feeling in her legs suddenly",
        "numb bum and my back is agony since yesterday",
        "I've got a numb groin since Tuesday and back pain",
    ],
)
def test_cord_compression_in_other_words_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "numb bum from sitting in the clinic chair for 4 hours, lol",
        "I lost feeling in my feet years ago from the taxol",
        "Could spine mets make me lose feeling in my legs?",
        "I haven't lost feeling in my legs, just tired",
    ],
)
def test_leg_and_saddle_words_not_the_red_flag_now_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# M14: an infusion named as the place it is given


@pytest.mark.parametrize(
    "message",
    [
        "Just left the chemo suite and my lips are swelling",
        "in the chemo unit now and my tongue feels swollen",
        "got back from the oncology day unit and my throat is swelling up",
    ],
)
def test_an_infusion_told_as_a_place_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        "The chemo suite was lovely today, the nurses were great",
        "what time does the chemo unit open on Monday?",
        "at the chemo suite last month my lips swelled, they gave me an antihistamine, fine",
    ],
)
def test_a_chemo_suite_without_a_reaction_now_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# M15 (labels the reviewer was unsure of, read for recall as said now)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("my oxygen level is 85 on the home monitor", "breathing"),
        ("sats 88 and I'm struggling", "breathing"),
        ("throwing up what looks like coffee grounds this morning", "bleeding"),
        ("she's bringing up something that looks like old blood", "bleeding"),
        ("stabbing pain whenever I take a deep breath, since an hour ago", "chest_pain"),
        ("sharp pain when I breathe in, came on this morning, I'm on tamoxifen", "chest_pain"),
        ("I'm seeing double, it started all of a sudden after dinner", "stroke"),
        ("my right hand went clumsy and it came on suddenly", "stroke"),
    ],
)
def test_unsure_labels_read_for_recall_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "oxygen level 98, pulse 88, all fine",
        "what does coffee grounds vomit mean?",
        "sharp pain in my scar when I breathe in",
        "I've had double vision on and off for years, optician knows",
        "my hands are clumsy from the neuropathy, same as before",
        "my resting heart rate is 86 and my oxygen is fine",
    ],
)
def test_unsure_label_words_not_a_red_flag_now_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


# FA1: someone else's symptom; the writer's own still counts


@pytest.mark.parametrize(
    "message",
    [
        "Can Kisqali cause fainting? My friend on it fainted but I'm fine",
        "My neighbour on the same tablets collapsed at bingo, should I stop mine?",
        "my granddaughter has a fever of 38.9, can I still babysit on chemo?",
        "My husband has a fever of 39.5, can I still be around him while on chemo?",
    ],
)
def test_someone_elses_symptom_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("My friend on it fainted last week and now I fainted this morning", "collapse"),
        ("My grandson has a cold and I have a fever of 39 today", "fever"),
        ("my granddaughter is writing this for me, I fainted an hour ago", "collapse"),
        ("My friend fainted in the kitchen an hour ago, she's on Verzenio", "collapse"),
        ("My granddaughter has a fever of 39 and she's on Enhertu", "fever"),
        ("my grandson has a fever of 39, can I visit? I also have a fever of 38.6 now", "fever"),
    ],
)
def test_the_writers_own_or_the_patients_red_flag_still_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# FA2: a drug taken for seizures; a seizure now still counts


@pytest.mark.parametrize(
    "message",
    [
        "I take levetiracetam for seizures, none for three years, need a repeat",
        "She's on keppra to prevent seizures after the radiotherapy, refill please",
    ],
)
def test_a_drug_for_seizures_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "I'm on keppra for seizures and I had a seizure this morning",
        "on keppra for seizures but she is seizing right now",
        "I'm on keppra for seizures, seizure free for a year, and just had a jerking episode",
    ],
)
def test_a_seizure_now_beside_the_drug_still_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


# FA3: "will have a fit when she sees"; a fit told now still counts


@pytest.mark.parametrize(
    "message",
    [
        "Dad will have a fit when he finds out I've booked a holiday mid-chemo",
        "my sister is going to have a fit when she hears the scan was clear!",
        "Will my dad have a fit when he sees my new wig?",
    ],
)
def test_the_fit_idiom_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Mum had a fit this morning when she saw the flashing lights",
        "she has a fit when she sees bright lights and she is having one now",
        "I think my husband is having a fit, he's shaking all over",
    ],
)
def test_a_fit_now_still_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


# FA4: a lip swelling put down to a sting; an infusion reaction now still counts


@pytest.mark.parametrize(
    "message",
    [
        "Swollen lip after a wasp sting on Sunday, gone now, Herceptin on Thursday",
        "my lip is swollen from the dentist yesterday, is my infusion still on?",
    ],
)
def test_a_sting_swelling_not_flagged(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Had a bee sting last week. Today during my Herceptin infusion my lips started swelling",
        "my lips are swelling up after my infusion this afternoon, no bites or stings",
    ],
)
def test_an_infusion_reaction_now_still_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")
