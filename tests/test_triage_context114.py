"""Wordings changed in vocabulary 2026.11.123: the removers of 2026.11.113-120 narrowed.

The gap (a safety reviewer's probes on 2026.11.120): seventeen removers added this session to
quiet false alarms also silenced true emergencies. A course dated years back beat a current drug
named in other words ("My last chemo was in 2024; I take anastrozole daily. Fever 38.6"); a bee
sting or the dentist denied, compared or dated long back hid lips swelling after today's infusion;
a relative's seizure, chest pain or coughed blood with "is it safe to look after her" was read as
someone else's; "the seizure she is having" and "the chest pain. Started an hour ago" were read as
an old event told back; "still knows who we are" hid confusion that began "in the last hour";
fluids kept "yesterday" or as someone says, and a short drinking span beside "since Sunday", hid
no fluids kept down; a form's list, a threshold asked and a relative "at the clinic now" hid a
red flag the writer then said was theirs now; grief, a nose, gums or a cause denied, iron stopped,
a swoon with a fall, a fever beside a jerking episode, a cough beside a tight throat and a dose
given yesterday were all read as the harmless case. Three false alarms the review saw are quiet
(shaking attacks with anxiety, the heart hurting since a death, black poo after starting iron).
Each remover still quiets what it was made for, and each is tested with the red flag said now in
the same kind of message.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, assert_not_emergency, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.123; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 123)


# #1 ctx.time.told_back and engine._told_back: a new episode told after the mention


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "My husband had a seizure in 2018. I'm messaging about the seizure he is having, "
            "what should I do?",
            "seizure",
        ),
        (
            "I had chest pain in 2019 and had a stent put in. I'm writing about the chest pain. "
            "Started 20 minutes ago and it spreads to my arm.",
            "chest_pain",
        ),
        (
            "Dad had a seizure years ago from a fever. Do I tell the paramedics about the seizure? "
            "He is still jerking on the floor.",
            "seizure",
        ),
        (
            "I had a seizure in 2016. Emailing about the seizure she's having right now.",
            "seizure",
        ),
    ],
)
def test_a_new_episode_after_the_mention_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "My wife had seizures in 2014, none since. Does her surgeon need to know about the "
        "seizures?",
        "I had chest pain in 2019 and got a stent. Should I tell the chemo nurse about the chest "
        "pain? My first cycle is next week.",
        "He had a seizure as a child. Should the radiation team be told about the seizure? I "
        "haven't had one since then either.",
    ],
)
def test_an_old_event_told_back_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #2 ctx.confusion.oriented: an onset of today never hidden (ctx.confusion.new)


@pytest.mark.parametrize(
    "message",
    [
        "She still knows who we are and where she is, but within the last hour she has become "
        "very confused.",
        "He knows us and where he is but since he woke up from his nap he's confused and seeing "
        "things.",
        "Mum recognises us and knows where she is, but she's been confused since 3pm and can't "
        "follow a conversation.",
        "Dad knows who we are and where he is, but over the past few hours he's got really "
        "confused.",
    ],
)
def test_oriented_but_confused_since_today_flagged(message: str) -> None:
    assert_flagged(message, "confusion")


@pytest.mark.parametrize(
    "message",
    [
        "A bit muddled since the painkillers went up last week, but she still knows who we are "
        "and where she is.",
        "He's been slightly confused on the higher morphine dose since Monday, still knows who we "
        "are and where he is.",
    ],
)
def test_oriented_confusion_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #3 ctx.fluids.kept: not past, not reported speech; every drink back up is none kept


@pytest.mark.parametrize(
    "message",
    [
        "I was still sipping water ok yesterday, but since then nothing stays down, 30 hours now.",
        "He claims he's drinking fluids fine, but he vomits everything he drinks and it's been "
        "since yesterday.",
        "Still sipping water okay with the anti-sickness tablets but every sip comes straight back "
        "up and it's been two days.",
        "She says she's keeping water down fine, but every drink comes back up within minutes, "
        "since Saturday.",
    ],
)
def test_fluids_kept_only_in_the_past_or_as_said_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "Can't keep any food down today, but I'm drinking water fine.",
        "I can't face food since yesterday but I'm sipping fluids ok.",
    ],
)
def test_fluids_kept_now_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #4 ctx.fluids.short_drink: not beside a day or more (except ctx.fluids.long)


@pytest.mark.parametrize(
    "message",
    [
        "She's been sick every time she drinks since last night, even sips in the last 2 hours "
        "came back up.",
        "He's sick every time he drinks, for about 5 hours now, and the same all day yesterday.",
        "I'm sick every time I drink for the last 4 hours and for two days before that.",
    ],
)
def test_sick_at_every_drink_beside_a_day_or_more_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "sick every time she drank anything for about 4 hours this afternoon, fine now",
        "He threw up every time he drank for 3 hours this morning",
    ],
)
def test_sick_at_every_drink_for_hours_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #5 ctx.treatment.ended (a course dated years back) never beats a current drug
# (ctx.treatment.current widened)


@pytest.mark.parametrize(
    "message",
    [
        "My last chemo was in 2020; I take letrozole every day. Temperature 38.4.",
        "5 years out from treatment but on Ibrance now for the mets. Fever 38.6 tonight.",
        "My last radiotherapy was in 2021. I started a trial drug last week and now my temp is "
        "38.3.",
        "2 years out from chemo. I started the new tablets on Friday, fever of 101.",
        "My last chemo was in 2019. Had my first Keytruda infusion last Thursday, temp 38.5.",
        "7 months past my radiation but she's on the oral chemo pills now, temp 38.8.",
    ],
)
def test_fever_on_a_current_drug_beside_an_old_course_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "My last chemo was in 2019 and I'm not on anything now. Temp 38.2.",
        "4 years out from treatment, I only take vitamins. Fever 38.3.",
        "My last chemo was in 2020; I started new tablets for my blood pressure last week. Temp "
        "38.2.",
        "I'm 3 years out from treatment, had my flu shot yesterday and now a temp of 38.1.",
    ],
)
def test_fever_long_after_treatment_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #6 ctx.experiencer.other: a relative and "is it safe for me to ..." only for something catching


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("My husband has had a fit this evening, is it safe to look after him at home?", "seizure"),
        (
            "My daughter has a temperature of 39 after her chemo yesterday, can I still hug her?",
            "fever",
        ),
        (
            "My wife has chest pain and is struggling to breathe, is it ok for me to stay with her "
            "until morning?",
            "chest_pain",
        ),
        ("My son is on chemo and has a fever of 38.9, is it safe for me to be near him?", "fever"),
        (
            "My husband is coughing up blood today, can I still look after him at home?",
            "haemoptysis",
        ),
    ],
)
def test_a_carer_asking_about_the_patient_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "My granddaughter has a cold, is it safe for me to visit her while I'm on chemo?",
        "My grandson has a fever of 38.5, can I still see him during my treatment?",
        "My nephew has the flu, is it ok for me to hug him on Kisqali?",
    ],
)
def test_a_relative_with_something_catching_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #7 ctx.quoted.instruction (a form's list): not when a later sentence says they are the writer's


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "The card has a list, chest pain, shortness of breath. That's what I have right now.",
            "chest_pain",
        ),
        ("The leaflet has a list: seizures, fainting. Dad had both an hour ago.", "seizure"),
        (
            "The form has a checklist of fever and chest pain, and both are happening to me right "
            "now.",
            "chest_pain",
        ),
    ],
)
def test_a_forms_list_then_owned_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "The form has a list, chest pain, seizures and so on. I don't have any of those.",
        "The leaflet has a list, fainting, chest pain. Never had any of those, I just have a rash.",
        "The card has a list: chest pain, breathlessness. I don't have them, is that ok?",
    ],
)
def test_a_forms_list_denied_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #8 ctx.hypothetical.document (a threshold asked): not when the writer says it is their reading


@pytest.mark.parametrize(
    "message",
    [
        "Does 38.3 count if it's taken in the armpit? That is my temperature right now and I'm on "
        "chemo.",
        "Would 100.8 count as a fever if I'm on Ibrance? Mine is 100.8 right now.",
        "Does 38.6 count when measured in the ear? That's what mine says now, day 7 of chemo.",
    ],
)
def test_a_threshold_asked_then_owned_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "Does 38 count if I take it under my arm? Just checking the rule before my chemo.",
        "Would 100.4 count as a fever if taken orally? Asking about the leaflet.",
    ],
)
def test_a_threshold_asked_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #9 ctx.assessed: someone else at the clinic now is no assessment of the writer or of a visitor


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "Dad is at the clinic now for his appointment, I'm home alone and I just passed out.",
            "collapse",
        ),
        (
            "She's at the hospital now visiting her mum, and I've just coughed up blood.",
            "haemoptysis",
        ),
        (
            "My wife's at the ER now with our daughter, and I'm at home with crushing chest pain.",
            "chest_pain",
        ),
    ],
)
def test_someone_else_at_the_clinic_now_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "Mum collapsed this morning, she's at the clinic now, they're checking her over.",
        "He passed out at work, he's at the hospital now.",
    ],
)
def test_the_patient_at_the_clinic_now_still_assessed(message: str) -> None:
    assert_not_emergency(message)


# #10 rf.chest_pain.4's grief exclude: not with an onset or the body's words; the loss told after


@pytest.mark.parametrize(
    "message",
    [
        "My dad died last year and since this afternoon my heart hurts, it's crushing and I'm "
        "sweating.",
        "Since the funeral my heart hurts, but this is physical, it goes down my left arm.",
        "Lost my husband in May, and my heart is hurting since an hour ago, pain into my jaw.",
        "My heart hurts since my wife passed, and it's a heavy pressure going into my jaw.",
    ],
)
def test_the_heart_hurting_in_the_body_beside_grief_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")


@pytest.mark.parametrize(
    "message",
    [
        "Since my mum died my heart hurts every day.",
        "My heart hurts since my husband passed away in the spring.",
        "My heart hurts so much since my dog died last week.",
    ],
)
def test_the_heart_hurting_with_grief_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


def test_the_heart_hurting_now_without_grief_still_flagged() -> None:
    assert_flagged("My heart hurts since this morning and it won't stop.", "chest_pain")


# #11 rf.haemoptysis.4's excludes: a nose, gums or a cause denied is no cause


@pytest.mark.parametrize(
    "message",
    [
        "It isn't coming from my nose, the phlegm she coughs up is bright red since this morning.",
        "My gums are fine but the spit I cough up is red since last night.",
        "I coughed and there was red on the tissue, it isn't from cough sweets, I haven't had any.",
        "Not from my gums, the spit I cough up is pink today.",
    ],
)
def test_coughed_blood_with_the_cause_denied_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "Blowing my nose all day and my phlegm is pink.",
        "My gums bleed when I brush, and my spit is pink.",
        "I coughed and there was red in the tissue, probably from the cough syrup I've been "
        "taking.",
    ],
)
def test_red_from_the_nose_gums_or_a_syrup_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #12 rf.bleeding.4: a faint read, iron stopped is no cause; iron started is (false alarm)


@pytest.mark.parametrize(
    "message",
    [
        "Black tarry stools and I fainted this morning, I stopped taking iron weeks ago.",
        "My poo is black and tarry and I feel faint; I quit the iron tablets last month.",
        "Black tarry poo and very dizzy, I haven't been taking the iron for weeks.",
        "Black tarry stools and she passed out in the bathroom.",
    ],
)
def test_black_stools_with_a_faint_or_iron_stopped_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "Stools black since I began iron tablets last week, slightly dizzy.",
        "Black poo and a bit lightheaded, she started ferrous sulphate a few days ago.",
        "My stool is black and I'm a little dizzy, I've just started iron tablets.",
    ],
)
def test_black_stools_after_starting_iron_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #13 rf.collapse.5: a swoon at the sight of something with a fall is a faint


@pytest.mark.parametrize(
    "message",
    [
        "Mum swooned at the sight of her wound and went down, she's still pale and clammy.",
        "He swooned at the sight of the needle and hit his head on the floor.",
        "I swooned at the sight of the blood and passed out for a minute.",
    ],
)
def test_a_swoon_with_a_fall_flagged(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "I nearly swooned at the sight of the bill.",
        "She always swoons at the sight of him.",
    ],
)
def test_a_figurative_swoon_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #14 rf.seizure.20: a fever beside a jerking episode, and a seizure's signs, do not excuse it;
# shaking attacks told after anxiety are not a seizure (false alarm)


@pytest.mark.parametrize(
    "message",
    [
        "She had a shaking episode with a fever, lasted 4 minutes and she wouldn't respond.",
        "He had a jerking episode and a temperature, lasted 2 minutes.",
        "Mum had a twitching fit and a high fever this morning, she's very drowsy now.",
        "I have anxiety, but today he had a jerking episode for 3 minutes.",
        "She's had shaking attacks since this morning and won't respond.",
    ],
)
def test_a_movement_seizure_with_a_fever_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "shaky spells with a high temperature this evening",
        "Had a shaking episode with chills after my chemo, I'm fine now",
        "My anxiety is bad and I get shaking attacks before every scan.",
        "When I panic I have trembling episodes.",
    ],
)
def test_shaking_with_chills_a_fever_or_anxiety_not_a_seizure(message: str) -> None:
    result = classify(message)
    assert "seizure" not in result.red_flags, result.reasons


# #15 tag.symptoms.throat_lip_swelling's exclude: a cough "with" a tight throat is no cause


@pytest.mark.parametrize(
    "message",
    [
        "After my infusion today I have a tight feeling in my throat with a cough, and it's "
        "getting worse.",
        "Had Herceptin this morning, tight sensation in my throat with a dry cough now and my "
        "voice is hoarse.",
        "Tight feeling in my throat with coughing since today's infusion.",
    ],
)
def test_a_tight_throat_with_a_cough_after_an_infusion_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        "tight feeling in my throat from the cough, infusion is next month",
        "I have a tight feeling in my throat from reflux, my next infusion is in 3 weeks",
    ],
)
def test_a_tight_throat_from_a_cause_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #16 ctx.swelling.other_cause: not negated, compared, dated back, nor beside today's infusion


@pytest.mark.parametrize(
    "message",
    [
        "Infusion an hour ago and now my lips are swelling, it's not from a wasp sting.",
        "My lips swelled up after today's chemo infusion, like when I got stung by a bee last "
        "summer.",
        "Had Taxol this morning; after the dentist last month my lip was fine, but now my lips and "
        "tongue are swelling.",
        "Lips and tongue swelling after my infusion, not from the dentist, I haven't been in "
        "months.",
        "My lips are swelling after my Herceptin yesterday, I was bitten by a mosquito years ago "
        "and it looked like this.",
    ],
)
def test_lips_swelling_after_an_infusion_with_another_cause_denied_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        "Swollen lip from a wasp sting at the weekend, my infusion isn't until next week.",
        "My lip swelled after the dentist on Monday, my next infusion is on Friday.",
    ],
)
def test_lips_swelling_from_another_cause_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# #17 ctx.infusion.weeks_ago on rf.infusion_reaction.3: a dose yesterday is its except too


@pytest.mark.parametrize(
    "message",
    [
        "My last infusion was 3 weeks ago, but I had my Herceptin shot yesterday and now I have "
        "hives and can't swallow.",
        "Last infusion was four weeks ago; Phesgo injection last night and now hives everywhere, "
        "can't swallow properly.",
        "My previous infusion was 2 weeks ago. After yesterday's injection I'm having an allergic "
        "reaction, my face is swelling.",
    ],
)
def test_a_reaction_after_a_dose_yesterday_flagged(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        "My last infusion was 3 weeks ago, now I'm having an allergic reaction to the new "
        "detergent, itchy hives.",
        "My last infusion was 5 weeks ago and I think I'm having an allergic reaction to the cat.",
    ],
)
def test_a_reaction_weeks_after_the_infusion_still_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)
