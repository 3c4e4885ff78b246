"""Wordings changed in vocabulary 2026.11.126: the errors of blind196 and blind197 (scored once
unseen on 2026.11.125), each read as a class.

Emergencies missed:

- a relative who says she is "the patient's wife" (b196-004, "Sorry I'm the patient's wife, HE is
  the patient"): the possessive is no claim by the writer to be the patient
  (ctx.experiencer.self), and "he is the patient" names the patient
  (ctx.experiencer.named_patient), so the husband's seizure is the patient's.
- "shes / hes one of your patients" written without the apostrophe (b197-072, "shes one of
  your patients, Im not family"): ctx.experiencer.named_patient; the roommate is the patient.
- the person said to take a breast-cancer drug ("She takes tamoxifen", b197-105):
  ctx.experiencer.named_patient; the neighbour's chest pain is the patient's.
- a spoon or a cup of blood that came up with a cough (b196-145, "Last night I coughed and
  about a tablespoon of blood came up"): rf.haemoptysis.1.
- a farewell quoted without the word goodbye, the person not answering (b197-032, "She texted me
  'I can't do this anymore, I'm done, tell my kids I love them' and now she isn't answering her
  phone"): rf.self_harm.23; "won't answer the phone" is now ctx.self_harm.no_answer too.

False alarms:

- a friend's own case told by the possessive with its noun left out (b196-028, "Can bone mets
  cause high calcium? My friend's did and she got really confused"): ctx.experiencer.event.
- the swelling word of the glands named right after it (b196-042, "a bad sore throat and
  swollen glands in my neck"): not a throat swelling (tag.symptoms.throat_lip_swelling), so not
  rf.infusion_reaction.1.
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.126; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 126)


# a relative who says she is "the patient's wife": the one she writes about is the patient


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "My wife had a fit half an hour ago and is very drowsy now. "
            "I'm the patient's husband, she is the patient.",
            "seizure",
        ),
        (
            "I'm the patient's daughter. Mum collapsed in the kitchen this morning "
            "and won't wake up properly.",
            "collapse",
        ),
        (
            "Writing as the patient's son: dad is coughing up blood since last night.",
            "haemoptysis",
        ),
        (
            "Dad has been confused since this morning, he's the patient, I'm just his daughter.",
            "confusion",
        ),
    ],
)
def test_the_patients_relative_writing_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        # the writer is the patient and the husband someone else
        "I'm the patient. My husband had a seizure this morning, he doesn't have cancer.",
        "I am the patient, on Kadcyla. My husband fainted at work today, he isn't a patient.",
        # the relative writing, the red flag old or asked about
        "I'm the patient's wife. He had a seizure in 2020 and none since, can he drive again?",
        "I'm the patient's daughter. Is confusion a side effect of Verzenio?",
    ],
)
def test_the_writer_as_the_patient_or_an_old_or_asked_flag_not_an_emergency(
    message: str,
) -> None:
    assert_not_emergency(message)


# "shes / hes one of your patients" without the apostrophe


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("my friend has had chest pain since last night, shes one of your patients", "chest_pain"),
        (
            "My neighbour collapsed an hour ago and isn't making sense, "
            "hes one of your patients on Herceptin.",
            "collapse",
        ),
        ("my flatmate has been vomiting blood since this morning, shes your patient", "bleeding"),
    ],
)
def test_shes_one_of_your_patients_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        # the red flag weeks or years old
        "my roommate had a bad headache last month and vomited, shes one of your patients",
        "hes one of your patients, he had a seizure in 2019 and wants to know if he can drive now",
        # a general question
        "Is chest pain a side effect of Herceptin? Asking for a friend, shes one of your patients.",
        # said not to be a patient, the writer on treatment
        "My friend fainted this morning, she is not one of your patients. I'm on chemo.",
    ],
)
def test_shes_one_of_your_patients_old_asked_or_denied_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# the person said to take a breast-cancer drug


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "My friend collapsed at work an hour ago and is hard to wake. He takes letrozole.",
            "collapse",
        ),
        (
            "My neighbour says she's had crushing chest pain since this morning. "
            "She is taking anastrozole.",
            "chest_pain",
        ),
        ("My colleague had a seizure at her desk today. She takes Ibrance.", "seizure"),
    ],
)
def test_a_person_who_takes_a_cancer_drug_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        # a fellow patient elsewhere: the writer is the one on treatment here
        "My neighbour had a seizure at work today. She takes tamoxifen too, like me, I'm on it.",
        # in the past, the writer on treatment
        "My friend fainted today. She took tamoxifen years ago. I'm on Kisqali myself.",
        # the red flag years old, or asked about
        "My friend had chest pain years ago, she takes tamoxifen now and wonders about her heart.",
        "My neighbour asked whether seizures happen on Ibrance. She takes Ibrance.",
    ],
)
def test_a_person_who_takes_a_drug_too_or_in_the_past_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# a spoon or a cup of blood that came up with a cough


@pytest.mark.parametrize(
    "message",
    [
        "Coughed this morning and a teaspoon of bright red blood came up.",
        "She coughed and half a cup of blood came out, an hour ago.",
        "Two teaspoons of dark red blood came up when he coughed tonight.",
        "I've been coughing since Sunday and about a tablespoon of blood came up today.",
    ],
)
def test_a_spoon_of_blood_coughed_up_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")
    assert "rf.haemoptysis.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "A tablespoon of blood came up when I coughed three weeks ago, nothing since.",
        "No blood came up when I coughed this morning, just clear phlegm.",
        "Is a teaspoon of blood when you cough a reason to go to the ER?",
        "My dad coughed up a teaspoon of blood in 2019 when he had pneumonia.",
    ],
)
def test_a_spoon_of_blood_weeks_ago_denied_or_asked_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# a farewell quoted without the word goodbye, the person not answering


@pytest.mark.parametrize(
    "message",
    [
        "My wife texted me 'tell the kids I love them, I'm sorry' an hour ago and isn't answering.",
        "My brother sent us a message: 'look after my boys for me' and his phone is off.",
        "Dad texted me to tell his grandkids he loves them and now he won't answer the phone.",
    ],
)
def test_a_quoted_farewell_and_no_answer_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        # nothing says the person cannot be reached
        "My sister texted me 'tell the kids I love them, home by 6' this afternoon.",
        "She wrote 'tell my kids I love them' in a card for their birthdays last year.",
        "Should I worry if a friend on chemo texts me 'look after the dog for me' before a trip?",
    ],
)
def test_a_farewell_with_no_silence_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# a friend's own case told by the possessive with its noun left out


@pytest.mark.parametrize(
    "message",
    [
        "Can bone mets cause high calcium? My friend's did and she got really confused.",
        "Does Enhertu cause lung problems? My friend's did and she was breathless for weeks.",
        "Can chemo cause confusion? My neighbour's did, she got really confused.",
        "Can bone mets affect the spine? A colleague's did, and she lost feeling in her legs.",
    ],
)
def test_a_friends_own_case_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer's own red flag now beside the friend's case
        (
            "Can bone mets cause high calcium? My friend's did and now I'm confused "
            "since this morning.",
            "confusion",
        ),
        (
            "Can Enhertu cause lung problems? My friend's did and since this morning "
            "I can't breathe.",
            "breathing",
        ),
        # the patient's red flag in the next sentence
        ("Can chemo cause fits? My friend's did. My mum had a seizure an hour ago.", "seizure"),
        # a relative's possessive: the patient the relative writes about
        (
            "Can bone mets cause high calcium? My mum's did and she got really confused "
            "this morning.",
            "confusion",
        ),
    ],
)
def test_a_red_flag_now_beside_a_friends_case_still_fires(message: str, flag: str) -> None:
    """The remover: the writer's or the patient's red flag said now still fires beside it."""
    assert_flagged(message, flag)


# the swelling word of the glands named right after it


@pytest.mark.parametrize(
    "message",
    [
        "Since yesterday I have a sore throat and swollen glands. I have my Phesgo shot Friday.",
        "Sore throat and swollen glands since Monday, my next infusion is next week.",
        "Scratchy throat and swollen neck glands after my Phesgo shot last week.",
        "My throat and swollen lymph nodes are sore, had Phesgo today.",
    ],
)
def test_a_sore_throat_with_swollen_glands_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "After my Herceptin infusion today my throat is swollen and I have swollen glands too.",
        "Had Taxol today, now my throat feels tight and swollen, and my glands are up.",
        "Sore throat and swollen glands, and my lips are swelling since my infusion today.",
        "During the infusion my throat and swollen tongue made it hard to swallow.",
    ],
)
def test_a_throat_swelling_now_beside_swollen_glands_still_fires(message: str) -> None:
    """The narrowing: a throat, lip or tongue swelling after an infusion still fires."""
    assert_flagged(message, "infusion_reaction")
