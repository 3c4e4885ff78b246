"""Wordings changed in vocabulary 2026.11.133: true emergencies a clinical safety reviewer's probes
of the removers of 2026.11.121-125 found silenced (reviewer X2, ids px-).

The gaps, each read as a class (sources are the probe ids):

- a question about a symptom on a drug or as a reason to stop it, then the symptom told as
  happening now in words the rescue lacked (px-drugq#1-#4, #9, #11, px-reasonstop#2, #4, #6, #7):
  an amount of blood seen today, a collapse minutes ago, "come round from one", the reading
  "took it twice tonight", "mine has been going for two hours", "had it for about an hour"
  (ctx.hypothetical.asserted, ctx.hypothetical.asserted_time).
- a red flag told back after remote history but as a new event (px-toldback#1-#5, #7): "the
  seizure she had at the dinner table" (ctx.time.told_back), "It's back and crushing", "there's a
  lot in the bowl" (ctx.hypothetical.asserted), "about the fainting" (rf.collapse.1's "about to
  faint" exclude), "went over in the bathroom" (rf.collapse.1).
- "fever dreams" told with the body signs of a fever (px-feverdream#1, #3): ctx.figurative.fever.
- incontinence beside "been years since" or "since the menopause", with a new onset by the clock,
  a meal or a nap (px-cordold#1-#3, #5): ctx.cord.longstanding, ctx.stroke.new.
- slurred or jumbled speech someone else puts down to the person's accent (px-accent#1-#4, #6):
  ctx.stroke.accent, now only the writer's own accent.
- a person at a bank or an office who had a fit (px-fitplace#1-#4, #6): rf.seizure's exclude of a
  place that "had a fit"; and sent home after a bystander's first aid (ctx.assessed).
- a shaking or trembling episode beside a worry word, with a new onset or what follows a seizure
  (px-anxshake#1, #3, #6): rf.seizure.20's exclude, rf.seizure.100.
- the heart hurting or aching "since I went / left home / lost my breath" (px-heartloss#1-#5, #7):
  rf.chest_pain.4.
- black tarry stools with faintness or marked dizziness beside iron (px-ironstool#2, #3,
  unsure labels): rf.bleeding.4's iron exclude.
- shivery and shaking "a bit / kind of" with a sign of rigors (px-fever30#1, #2, #4): rf.fever.30.
- lay seizures "at lunch" (px-seiz30#1): rf.seizure.30; a head "banging the worst it's ever been",
  "banging it's unbearable" (px-headbang#1, #2, #4): tag.symptoms.headache_banging; not wanting
  to "wake up in the morning", "carry on with life" (px-sh30#1, #2, #4): rf.self_harm.30; "has
  lost bladder control" before a sign word (px-cordnoun#1, #3): rf.cord_compression.2; a listed
  item referred back to as "the first two", "the top one" (px-checklist#1, #2, #4):
  ctx.quoted.instruction, ctx.hypothetical.asserted.
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_emergency,
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.133; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 133)


# (1) a drug question, then the symptom told as happening now


@pytest.mark.parametrize(
    "message",
    [
        (
            "My mum wants to know if coughing up blood is normal on Enhertu. There's a lot in the "
            "sink."
        ),
        (
            "Is coughing blood a reason to stop Herceptin? There was a streak of it on my hanky "
            "just now."
        ),
        (
            "Dad asks whether passing out is common on Kisqali, he collapsed in the hall ten "
            "minutes ago."
        ),
        "Would a seizure be grounds to stop Enhertu? My husband has just come round from one.",
        "Is a temp of 38.6 a reason to skip chemo? Checked it again twice tonight.",
        "Is there any info about chest pain on Herceptin? Mine has been going for an hour.",
        "My wife asks if chest pain is expected after Enhertu. She's had it for about two hours.",
    ],
)
def test_drug_question_then_the_symptom_now_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "My patient asks whether coughing up blood is a side effect of Enhertu.",
        "Would fainting be a reason to stop Kisqali? Asking before I start in January.",
        "Is there any info on chest pain after Herceptin? I start next month.",
        (
            "Is coughing up blood a reason to stop Enhertu? There was a lot of it last year with "
            "pneumonia."
        ),
    ],
)
def test_drug_question_alone_or_in_the_past_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (2) a red flag told back as a new event


@pytest.mark.parametrize(
    "message",
    [
        (
            "Mum had a seizure in 2018, none since. I'm writing about the seizure she had in the "
            "kitchen, she's still drowsy."
        ),
        (
            "Dad had a fit as a boy. I'm emailing about the fit he had at the table, he's not "
            "making sense."
        ),
        (
            "I had chest pain years ago, fine since. I'm writing about the chest pain. It's back "
            "and tight."
        ),
        "My husband fainted in 2019. This is about the fainting he had in the shop, he's grey.",
        (
            "She fainted once in 2020. I'm writing about the fainting. She went over in the hall "
            "five minutes ago."
        ),
        (
            "He coughed up blood in 2021. I'm writing about the coughing up blood, there's loads "
            "in the basin."
        ),
    ],
)
def test_told_back_as_a_new_event_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "I had a seizure in 2019 from a medication reaction, nothing since. Do I need to tell "
            "the radiation team about the seizure?"
        ),
        (
            "Mum had a seizure in 2017. Should I mention the seizure she had in 2017 to the new "
            "oncologist?"
        ),
        "I fainted once in 2015 at a concert. Is the form asking about the fainting?",
        "I'm about to faint with relief, the scan was clear!",
    ],
)
def test_told_back_old_events_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


def test_went_over_in_a_place_is_a_collapse() -> None:
    assert "rf.collapse.1" in emergency_rules(
        "Mum went over in the kitchen a few minutes ago and is on the floor."
    )


# (3) fever dreams with the signs of a fever


@pytest.mark.parametrize(
    "message",
    [
        "Fever dreams all night and I'm shivering so hard my teeth rattle, I'm on Enhertu.",
        "She's on docetaxel and having fever dreams, sweating buckets then freezing.",
        "Fever-dream sort of night, boiling hot and shaking, on Kisqali.",
    ],
)
def test_fever_dreams_with_body_signs_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "Had a fever dream about my surgery, on chemo.",
        "Fever dreams since I started tamoxifen, about being lost at the airport.",
        "What a fever dream of a week with the move, anyway can I rebook?",
    ],
)
def test_fever_dream_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (4) incontinence beside an old one, with a new onset


@pytest.mark.parametrize(
    "message",
    [
        (
            "It's been years since she had any leaks, and since about 3pm she's wet herself "
            "twice. Spine mets."
        ),
        (
            "Since the menopause I leak when I cough, but since teatime I've lost control of my "
            "bowels. Bone mets in my spine."
        ),
        (
            "She's been years in remission until the spine mets, and since her nap she has wet "
            "the bed twice without knowing."
        ),
        (
            "Since 6 pm he can't control his bladder at all, it's been years since any trouble. "
            "He has spinal mets."
        ),
    ],
)
def test_incontinence_new_beside_an_old_one_flagged(message: str) -> None:
    assert_flagged(message, "cord_compression")


@pytest.mark.parametrize(
    "message",
    [
        "Can't control my bladder when I laugh since menopause, been years. Is there a physio?",
        "I leak a bit when I sneeze, it's been like this for years since the kids.",
        (
            "Wet myself a little when coughing, been years, nothing new. Can I get pads on "
            "prescription?"
        ),
    ],
)
def test_incontinence_years_old_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (5) someone else's speech put down to an accent by another person


@pytest.mark.parametrize(
    "message",
    [
        "Mum is slurring and my brother says it's just her accent, but she never sounds like this.",
        "His words are jumbled and the nurse on the phone thought it was only his accent.",
        (
            "My wife's speech is thick and my son reckons that's her Welsh accent, she's never "
            "been like this."
        ),
    ],
)
def test_someone_elses_accent_as_an_explanation_flagged(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "People say I talk funny, it's just my Glasgow accent. Can I get large print letters?",
        "Talking funny is what my kids call my accent, anyway about my appointment",
        "my husband says I sound funny because of my accent",
    ],
)
def test_the_writers_own_accent_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (6) a person at a bank or an office who had a fit; sent home after a bystander's first aid


@pytest.mark.parametrize(
    "message",
    [
        "Mum was at the post office and had a fit, she's very sleepy now.",
        "I was in the bank and had a fit by the counter this morning.",
        "Dad was at his office and had a fit at his desk, they drove him home.",
        (
            "My sister was at our bank and had a fit in the queue, they gave her a cup of tea and "
            "sent her home."
        ),
    ],
)
def test_a_person_at_a_place_had_a_fit_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "The pharmacy had a fit when they saw the prescription, can you resend it?",
        "the bank had a fit about my overdraft",
        "Mum had a fit this morning, the ER checked her and sent her home.",
    ],
)
def test_a_place_that_had_a_fit_or_assessed_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (7) a shaking or trembling episode beside a worry word


@pytest.mark.parametrize(
    "message",
    [
        (
            "I'm so worried, Dad had a shaking episode this afternoon and he's sleepy and muddled "
            "since."
        ),
        (
            "She was nervous about the scan and had a trembling spell, then she was out of it for "
            "ages."
        ),
        (
            "My husband's been stressed all week and tonight he had a shaking attack and can't "
            "remember it."
        ),
        "Mum had a trembling episode at lunch and afterwards we couldn't rouse her.",
    ],
)
def test_shaking_episode_with_a_sign_of_a_seizure_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "I get anxiety and then shaking attacks when I think about my scan results.",
        "When I'm stressed I have trembling spells, my GP says it's panic. Any support groups?",
        "Had a shaking episode with the chills last month, fine now.",
    ],
)
def test_anxiety_shaking_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (8) the heart hurting or aching since an ordinary event


@pytest.mark.parametrize(
    "message",
    [
        "My heart has been hurting since I went to bed and I'm on Herceptin.",
        "Her heart is aching since she went up the stairs an hour ago.",
        "My heart hurts since I left home this morning and it won't settle.",
        "My heart has been aching since I passed out in the garden.",
        "My heart is aching since I went back on Herceptin, much worse tonight.",
    ],
)
def test_heart_hurting_since_an_ordinary_event_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")


@pytest.mark.parametrize(
    "message",
    [
        "My heart hurts since my mum passed away last month. Is there a counsellor?",
        "My heart is aching since my husband left me.",
        "My heart hurts since I lost my dog in the summer.",
    ],
)
def test_heart_hurting_from_grief_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (9) black stools with faintness beside iron


@pytest.mark.parametrize(
    "message",
    [
        "Black tarry stools today and I feel faint, I take iron tablets.",
        (
            "Her poo is black and tarry and she's so dizzy she can't stand up, she's on ferrous "
            "sulphate."
        ),
        "Black sticky poo since yesterday and very lightheaded, I started iron last week.",
    ],
)
def test_black_stools_with_faintness_beside_iron_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        (
            "My stools have gone black since I started iron tablets last week, no dizziness. Is "
            "that normal?"
        ),
        "My poo is black and I'm a bit dizzy, I started iron tablets last week.",
    ],
)
def test_black_stools_from_iron_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (10) a bit shivery and shaking, with a sign of rigors


@pytest.mark.parametrize(
    "message",
    [
        "A bit shivery and shaking even in bed with three blankets, had Taxotere on Monday.",
        "Kind of shaky and trembling and I can't stay warm, on Kisqali.",
        "Sort of shivery and shaking, my teeth keep chattering, chemo on Friday.",
    ],
)
def test_shivery_with_signs_of_rigors_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "a bit shivery and shaking, on chemo",
        "A bit shivery this evening after my flu jab, no temperature, finished chemo in 2019.",
    ],
)
def test_a_bit_shivery_alone_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (11) lookaheads inside rules: a lay seizure at a meal, a banging head, doubt about living,
# bladder control lost, a listed item referred back to


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "Dad had a funny turn at dinner, his hand was jerking and he lost a few minutes.",
            "seizure",
        ),
        ("She had an episode at breakfast, her arm twitching, now very tired.", "seizure"),
        ("Mum had a blank spell at the table and was twitching.", "seizure"),
        ("Head is banging the worst ever and I've vomited twice.", "headache"),
        ("My head's been banging the whole afternoon and I keep being sick.", "headache"),
        ("head banging it's awful and throwing up since lunch", "headache"),
        ("Most days I'm not sure I want to wake up tomorrow.", "self_harm"),
        ("I don't know if I want to carry on with this, I've been saving my tablets.", "self_harm"),
        ("Not sure I want to keep going through all this any longer.", "self_harm"),
        ("Husband has lost bladder control is that a sign of the spine mets?", "cord_compression"),
        (
            (
                "She's lost all bowel control can be a sign of cord compression they say, she has "
                "bone mets."
            ),
            "cord_compression",
        ),
        (
            (
                "The card has a list of red flags like chest pain, fever. I've got the first one "
                "right now."
            ),
            "chest_pain",
        ),
        (
            (
                "The leaflet has a list, fever, chills, chest pain. Mum has the top two since "
                "this morning."
            ),
            "fever",
        ),
    ],
)
def test_lookahead_classes_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "I had an absence from work last week because of the chemo tiredness.",
        "Had a funny turn at work in 2015, nothing since.",
        "I banged my head on the cupboard door, small bump, no headache.",
        "My son keeps banging the drum and it gives me a headache.",
        "I'm not sure I want to live in Anchorage after treatment.",
        "Not sure I want to wake up early for the 8am slot, can I have a later one?",
        "I've just read that losing bladder control can be a sign of cancer in the spine.",
        "The form has a list, chest pain, seizures and so on. I've never had any of those.",
        "The card has a list of red flags, chest pain and fever. I don't have the first two.",
    ],
)
def test_lookahead_counterparts_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)
