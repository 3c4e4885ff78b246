"""Wordings changed in vocabulary 2026.11.137: true emergencies a clinical safety reviewer's probes
of who writes and how they play it down found silenced or missed (reviewer Z, ids pz-).

The gaps, each read as a class (sources are the probe ids):

- the patient's own wish not to be fussed over, a refusal to go in, or no device at home, told
  before the red flag and read as its negation (pz-003, pz-021, pz-025, pz-031, pz-043, pz-076,
  pz-077, pz-100, pz-121): "told me not to make a fuss, shook all over", "doesn't want to go to
  the ER, chest pain", "No thermometer, shaking chills", "doesn't see the point"
  (ctx.negation.pseudo).
- the patient's own shrug or a bystander's act read as a clinician's assessment (pz-055, pz-127 to
  pz-134, pz-136, pz-137): a bare "she said it's nothing / she thinks it's indigestion / she said
  I'm overreacting" now needs a clinician or a clinician's act named before it in the sentence;
  "they found her on the floor", "they put her on a pew", "the ambulance took 2 hours last time",
  "our team at work checked on her", "she's treated by Dr. Park ... for breast cancer"
  (ctx.assessed).
- a friend, colleague, church member or neighbour said to be the clinic's patient in lay words, or
  the finder who found her down (pz-007, pz-023, pz-054, pz-075, pz-105, pz-121, pz-122, pz-130,
  pz-140): "who is one of your patients", "one of your ladies", "(your patient)", "has chemo in
  your clinic", "goes to you", "is seen at your clinic", "Her neighbour found her on the kitchen
  floor shaking" (ctx.experiencer.named_patient, engine _named_patient, ctx.experiencer.reported).
- red flags in lay words the vocabulary lacked (pz-014, pz-021, pz-036, pz-054, pz-061, pz-063,
  pz-075, pz-089, pz-117, pz-122): "chest been hurting" (rf.chest_pain.1), legs "asleep" with back
  pain (tag.symptoms.leg_weakness), "words slur" (rf.stroke.3), "bleeding from gums and nose ...
  not stopping" (rf.bleeding.140), "out of breath ... sitting still" (rf.breathing.140), "can not
  control her poo" (rf.cord_compression.140), "'where am i'" (rf.confusion.140), a farewell "tell
  the kids I love them" or "going to drive into the inlet" (rf.self_harm.140, .141), "no water
  stay in" (rf.dehydration.1).
- two false alarms quiet: an old stroke's weakness "ever since, unchanged" (pz-172,
  ctx.stroke.old) and a cousin's bleed asked about by a writer "asking for myself" (pz-168,
  ctx.experiencer.self).
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
    """These wordings arrived in 2026.11.137; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 137)


# (1) a minimiser, a refusal or no device before the red flag


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("She asked us not to fuss, she passed out in the bathroom an hour ago.", "collapse"),
        ("Mum told me not to bother you, she's coughing up blood this morning.", "haemoptysis"),
        ("He won't go to the hospital, chest pain since last night. My husband.", "chest_pain"),
        ("Dad refuses to go to the ER, he had a seizure twenty minutes ago.", "seizure"),
        ("No thermometer at home, she has shaking chills, chemo on Monday.", "fever"),
        ("No pulse ox here, mum is breathless sitting in her chair.", "breathing"),
    ],
)
def test_minimiser_refusal_or_no_device_then_the_flag_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "She told me not to fuss, no fever and no chills, just tired.",
        "No thermometer, but she has no chills or shaking at all.",
        "She doesn't want to go to the ER, the chest pain was three years ago and never came back.",
        "Mum didn't go to hospital for the seizure in 2019, none since.",
        "What happens if she doesn't want to go to the ER with chest pain?",
    ],
)
def test_minimiser_beside_a_negated_old_or_asked_flag_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


def test_a_past_refusal_still_leaves_the_flag_unassessed() -> None:
    """ "didn't go to hospital" is not covered by the refusal pseudo-negation: it says she was not
    seen, so a recent seizure stays an emergency."""
    assert_emergency(
        "had a seizure on sat at home, didnt go to hospital cos it stopped. feel ok now"
    )


# (2) the patient's shrug or a bystander's act is no assessment


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "Her lips have gone blue and she's gasping in her chair, she says it's just nerves.",
            "breathing",
        ),
        ("Dad is coughing up blood since lunch, he told us it's nothing.", "haemoptysis"),
        ("My mother has crushing chest pain, she thinks it's just heartburn.", "chest_pain"),
        ("Temp 38.9 and shivering after chemo Tuesday. She said I'm being dramatic.", "fever"),
        (
            "They found him on the garage floor this morning, he can't remember falling. On chemo.",
            "collapse",
        ),
        ("She passed out at the shop, they put her on a chair and she's still grey.", "collapse"),
        (
            "Mum's face is drooping since lunch. She's treated by Dr. Ames there for breast "
            "cancer.",
            "stroke",
        ),
        (
            "Chest pain for an hour. The ambulance took 3 hours last time, should I drive her?",
            "chest_pain",
        ),
        (
            "Our team at the office checked on her after she fainted at her desk. She's on chemo.",
            "collapse",
        ),
    ],
)
def test_shrug_or_bystander_is_no_assessment(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "Mum was gasping earlier, the nurse came out and checked her, she said it's just anxiety.",
        (
            "Dr. Lee saw me this morning about the chest pain and did an ECG, she thinks it's "
            "muscular."
        ),
        "Mum fainted yesterday. The ER doctor examined her and he said it was a simple faint.",
        "They admitted her last night for the chest pain and did a CT.",
        "She was seen at your clinic this morning for the chest pain, they did an ECG.",
        "The paramedics came and checked her after she collapsed, she was fine by then.",
    ],
)
def test_a_clinicians_assessment_still_assesses(message: str) -> None:
    assert_not_emergency(message)


# (3) a friend, colleague or church member said to be the clinic's patient


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "A man from our choir, who is one of your patients, collapsed at practice tonight.",
            "collapse",
        ),
        (
            "My coworker has crushing chest pain since noon, she has chemo in your clinic.",
            "chest_pain",
        ),
        ("My roommate had a fit twenty minutes ago. She is seen at your clinic.", "seizure"),
        ("My neighbour (your patient) is coughing up blood this evening.", "haemoptysis"),
        ("My friend has had a seizure, she goes to you for her chemo.", "seizure"),
        (
            "Her neighbour found her on the floor shaking all over an hour ago. Mum has breast "
            "cancer.",
            "seizure",
        ),
        (
            "A lady from our church had a seizure during the service. She's one of your ladies.",
            "seizure",
        ),
    ],
)
def test_acquaintance_said_to_be_the_clinics_patient_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "A friend from my support group had a seizure today, she has breast cancer too.",
        "My coworker (gets her chemo at another hospital) had a fit at work, I'm just worried.",
        (
            "My neighbour had a seizure last night. She is not one of your patients, I am, my "
            "appointment is Monday."
        ),
        "My neighbour found her cat on the floor shaking.",
        "A lady from our church had a seizure in 2015, she is your patient, asking about driving.",
    ],
)
def test_someone_else_or_old_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (4) red flags in lay words


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Her chest been hurting since breakfast and she's sweaty.", "chest_pain"),
        ("chest's been aching bad all afternoon, on Herceptin", "chest_pain"),
        (
            "His legs have gone to sleep since this morning and his back is killing him.",
            "cord_compression",
        ),
        ("her legs feel asleep all day and she has bad back pain, bone mets", "cord_compression"),
        ("Dad's speech slurs since lunch and his face looks odd.", "stroke"),
        ("Since an hour her words slur and she is confused.", "stroke"),
        ("He is bleeding from his nose and gums since noon, not stopping.", "bleeding"),
        ("Bleeding from her port site for two hours, it keeps coming.", "bleeding"),
        ("She gets short of breath even sitting still since yesterday.", "breathing"),
        ("Mum is out of breath at rest today, on chemo.", "breathing"),
        (
            "My husband cannot control his pee since yesterday and his back hurts.",
            "cord_compression",
        ),
        ("She can't hold her bowels since this morning, spine mets.", "cord_compression"),
        ("She keeps asking where she is, since she woke up this morning.", "confusion"),
        ("Mum texted 'where am i' from the car park and won't answer now.", "confusion"),
        ("He texted 'tell my kids I love them' tonight and won't pick up.", "self_harm"),
        ("She said tonight she's going to drive off the bridge.", "self_harm"),
        ("My father vomit since yesterday morning, no water stays down, on chemo.", "dehydration"),
    ],
)
def test_lay_red_flags_fire(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "Her chest was hurting after the fall in 2019, fine since.",
        "My foot goes to sleep when I sit cross-legged, is that the chemo?",
        "Is it normal for words to slur on chemo?",
        "She had a nosebleed last month that wouldn't stop, it was cauterised at urgent care.",
        "I get out of breath on the stairs, fine sitting still.",
        "She has not been able to control her bladder since her hysterectomy in 2009, nothing new.",
        "Our dog keeps asking where his ball is, lol. Booking my scan.",
        "My sister texted me 'I'm home. Tell the kids I love them' this afternoon.",
        (
            "Back in 2012, before her surgery, she wrote a note saying tell the kids I love them. "
            "She's doing well now."
        ),
        "She vomited twice this morning, no water stayed down for about two hours, fine now.",
    ],
)
def test_lay_red_flag_counterparts_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (5) false alarms quiet; the removers still let a red flag said now fire


@pytest.mark.parametrize(
    "message",
    [
        "Dad had a stroke 8 years ago and his left arm has been weak ever since, unchanged.",
        "She had a stroke years ago, weakness on her right side ever since. Booking a scan.",
        (
            "My aunt had bleeding that wouldn't stop after surgery. Could chemo do that? Asking "
            "for myself."
        ),
    ],
)
def test_old_stroke_and_asking_for_myself_quiet(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "Mom had a stroke 10 years ago and her right side has been weak ever since, but today "
            "her face is drooping."
        ),
        "Had a stroke years ago, weak ever since, and since this morning my speech is slurred.",
        "Asking for myself: I'm coughing up blood since this morning.",
        "Asking for myself, I fainted an hour ago and hit my head.",
    ],
)
def test_removers_leave_a_flag_said_now(message: str) -> None:
    assert_emergency(message)


def test_new_rules_named() -> None:
    """The new rules are what fire on their source wordings."""
    assert "rf.bleeding.140" in emergency_rules(
        "bleeding from gums and nose since morning, not stopping"
    )
    assert "rf.cord_compression.140" in emergency_rules(
        "she can not control her poo since two days"
    )
