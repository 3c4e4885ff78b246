"""Wordings changed in vocabulary 2026.11.108, from the errors of blind178 and blind179.

Both sets were written unseen at the start of the sixteenth session and scored once on 2026.11.104
(blind178 0.984 / 1.000 / 0.953, blind179 0.972 / 0.976 / 0.889), then used for development here.
Rows: b178-094 (a fever with no treatment since a named month), b178-102 (lips swollen with no
infusion for over a month), b179-148 (a friend who "isn't a patient at your clinic"), b179-121 (the
mood, not old suicidal thoughts, "dipping again"), b179-142 (an ECG at a named clinic told normal),
b179-139 (out of breath after a handful of steps, the one miss), b179-124 (a seizure had at a
hospital), b179-126 (a lymphedema leaflet), b179-076 (how long the cancer stays away), b178-141
("not my heart, maybe the rib met"), b178-005 and b178-052 (fluid off the lung, nodules "from the
cancer"), b178-006 (skin breaking open and weeping), b179-078 (sick to my stomach, with b43-006's
"the thought ... makes me sick to my stomach" kept quiet), b179-106 (blood on wiping) and b178-151
(a stroke scare). Each class is tested with wordings that are not the sets' sentences, and with
counterparts that must not fire; every rule that takes an alarm away is tested beside a real red
flag said now, which stays an emergency.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.108; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 108)


def _tags(message: str) -> set[str]:
    return set(classify(message).tags)


# b178-094: a fever with no treatment since a named month (ctx.treatment.ended_month)


@pytest.mark.parametrize(
    "message",
    [
        "Temp 38.5 tonight, but I haven't had any chemo since April",
        "fever 101 today, not had treatment since July",
        "no chemo since May and I have a fever of 38.6",
    ],
)
def test_fever_with_no_treatment_since_a_month_long_ago_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # treatment this week, and a real red flag beside the old month
        "fever of 38.6, haven't had chemo since Monday",
        "Haven't had any treatment since March, fever 38.4, and I coughed up blood this morning",
    ],
)
def test_fever_with_recent_treatment_or_another_red_flag_stays_an_emergency(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# b178-102: lips swollen with no infusion for weeks or months (ctx.infusion.weeks_ago)


@pytest.mark.parametrize(
    "message",
    [
        "my lip is swollen today, haven't had an infusion in over a month",
        "Tongue a bit puffy this morning. Not had any Herceptin for 3 months now",
        "lips a bit swollen, haven't had an infusion for six weeks, I'm on tablets now",
    ],
)
def test_lip_swelling_long_after_the_last_infusion_is_a_symptom(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", result.reasons
    assert "symptoms" in result.tags


def test_lip_swelling_after_an_infusion_today_flagged() -> None:
    assert_flagged("Had my infusion an hour ago and my lips are swelling", "infusion_reaction")


def test_no_infusion_for_a_month_keeps_trouble_breathing_an_emergency() -> None:
    message = "Haven't had an infusion in over a month but my lips are swelling and I can't breathe"
    assert urgency_of(message) == "emergency", classify(message).reasons


# b179-148: a named person the writer says is not a patient (ctx.experiencer.not_patient)


@pytest.mark.parametrize(
    "message",
    [
        "My neighbour isn't a patient of yours, she's coughing up blood, what should she do?",
        "My cousin is not a patient here, he had a seizure today, where should he go?",
        "Our friend isn't your patient, she fainted at work today, who should she see?",
    ],
)
def test_a_named_non_patient_finding_is_not_the_patients(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", result.reasons
    assert "symptoms" not in result.tags


@pytest.mark.parametrize(
    "message",
    [
        # "not a patient yet", and the writer's own red flag beside the non-patient
        "My sister isn't a patient yet, she's coughing up blood",
        "My friend isn't a patient at your clinic but I am, and I'm coughing up blood",
    ],
)
def test_not_yet_a_patient_or_the_writers_own_red_flag_stays_an_emergency(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# b179-121: the mood low again, not the old thoughts back (ctx.time.again_pseudo)


@pytest.mark.parametrize(
    "message",
    [
        "Back in the spring I had suicidal thoughts and saw a counsellor, I'm okay now. Lately "
        "I'm feeling low again.",
        "Suicidal thoughts last year, treated, safe now. But my spirits are sinking again with "
        "the new scan.",
        "I had thoughts of self-harm two years ago and got help. My mood is dropping again this "
        "month.",
    ],
)
def test_mood_low_again_does_not_bring_old_thoughts_back(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "I had suicidal thoughts last winter. My mood is low again and I keep thinking about "
        "ending my life.",
        "I had suicidal thoughts last winter and they are back again this week",
    ],
)
def test_thoughts_said_now_or_back_again_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


# b179-142: a heart test dated and placed, told normal (ctx.assessed)


@pytest.mark.parametrize(
    "message",
    [
        "My chest feels tight when I get stressed. Had an ECG Tuesday at the Kenai clinic and it "
        "was fine.",
        "Chest pressure when I'm nervous. Got an EKG on Friday at the Homer walk-in and it came "
        "back normal.",
        "Chest tightness when I panic. I had an echo last week at my cardiologist's office and it "
        "was all normal.",
    ],
)
def test_chest_tightness_with_a_normal_heart_test_is_priority(message: str) -> None:
    assert urgency_of(message) == "priority", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # worse after the test, and no test at all
        "Had an ECG Monday at the clinic and it was normal, but today I have crushing chest pain",
        "Chest tight and hurting right now, I've never had an ECG",
    ],
)
def test_chest_pain_after_or_without_a_test_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")


# b179-139: out of breath after a handful of steps (rf.breathing.1)


@pytest.mark.parametrize(
    "message",
    [
        "I get out of breath after just five steps since yesterday",
        "she's winded walking a few steps to the kitchen, that's new",
        "Taking three steps leaves me breathless since this morning",
    ],
)
def test_breathless_after_a_few_steps_flagged(message: str) -> None:
    assert_flagged(message, "breathing")


@pytest.mark.parametrize(
    "message",
    [
        "out of breath after walking 5 miles",
        "a bit winded after 20 flights of stairs",
        "out of breath after a few laps of the pool",
    ],
)
def test_breathless_on_real_exertion_is_no_alarm(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# b179-124: a red flag had at a hospital (ctx.assessed)


@pytest.mark.parametrize(
    "message",
    [
        "Mom had a seizure at the hospital in Anchorage on Tuesday, she's home now",
        "He had a fit while in the ER yesterday",
        "she had a collapse at her hospital in Juneau this week",
    ],
)
def test_a_red_flag_had_at_a_hospital_is_priority(message: str) -> None:
    assert urgency_of(message) == "priority", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "She had a seizure at home an hour ago",
        "She had a seizure on the way to the hospital",
        # a real red flag now after the one had at the hospital
        "She had a seizure at the hospital on Monday and now at home she is coughing up blood",
    ],
)
def test_a_red_flag_not_at_a_hospital_or_new_after_it_stays_an_emergency(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# b179-126: a leaflet or video about lymphedema (tag.symptoms.swelling exclude)


@pytest.mark.parametrize(
    "message",
    [
        "Can you mail me the lymphoedema handout?",
        "Is there a lymphedema video I can watch before surgery?",
        "Where can I find the swelling leaflet in Spanish?",
    ],
)
def test_a_document_about_lymphedema_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in _tags(message)


@pytest.mark.parametrize(
    "message",
    ["My arm lymphedema is worse, can you send the leaflet?", "I have lymphedema in my left arm"],
)
def test_lymphedema_the_patient_has_is_a_symptom(message: str) -> None:
    assert "symptoms" in _tags(message)


# b179-076: how long the cancer stays away (tag.recurrence.came_back)


@pytest.mark.parametrize(
    "message",
    [
        "How long does breast cancer typically stay away after radiation?",
        "Will my cancer stay gone after surgery?",
        "does the disease usually stay in remission after the pills",
    ],
)
def test_the_cancer_staying_away_is_recurrence(message: str) -> None:
    assert "recurrence" in _tags(message)


@pytest.mark.parametrize(
    "message",
    [
        "How long should I stay away from the cancer center after a cold?",
        "how long should the rash stay away after the cream",
    ],
)
def test_other_things_staying_away_are_not_recurrence(message: str) -> None:
    assert "recurrence" not in _tags(message)


# b178-141: "not my heart" denies the heart only (ctx.negation.pseudo)


@pytest.mark.parametrize(
    "message",
    [
        "they told me it's not my heart, likely the spine met",
        "doctor thinks it's not her heart, maybe a rib met",
        "ER said not my heart, probably a met in the sternum",
    ],
)
def test_not_my_heart_leaves_the_met_affirmed(message: str) -> None:
    assert "recurrence" in _tags(message)


@pytest.mark.parametrize(
    "message",
    ["not my heart, and no chest pain at all", "the ER said not my heart, no spread to the bones"],
)
def test_a_negation_after_not_my_heart_still_denies(message: str) -> None:
    tags = _tags(message)
    assert "recurrence" not in tags and "symptoms" not in tags


# b178-005, b178-052: fluid off the lung, nodules or spots "from the cancer" (tag.recurrence.mets)


@pytest.mark.parametrize(
    "message",
    [
        "they took fluid off her lung last week, from the cancer",
        "My liver has spots from the cancer",
        "my sister's lungs have nodules from the cancer",
    ],
)
def test_organ_findings_from_the_cancer_are_recurrence(message: str) -> None:
    assert "recurrence" in _tags(message)


@pytest.mark.parametrize(
    "message",
    [
        "they drained fluid off my knee, from the fall",
        "they drained fluid off my lung from the cancer surgery site",
    ],
)
def test_fluid_from_a_fall_or_surgery_is_not_recurrence(message: str) -> None:
    assert "recurrence" not in _tags(message)


# b178-006: skin breaking open, weeping or oozing (tag.symptoms.skin)


@pytest.mark.parametrize(
    "message",
    [
        "the skin over my scar is breaking open",
        "skin on her breast where the lump is has been weeping",
        "the skin near my port is oozing",
    ],
)
def test_skin_breaking_open_is_a_symptom(message: str) -> None:
    assert "symptoms" in _tags(message)


@pytest.mark.parametrize(
    "message", ["the skin on my chest is healing nicely", "my skin cream smells nice"]
)
def test_healing_skin_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in _tags(message)


# b179-078: sick to my stomach (tag.symptoms.digestive); b43-006's dread stays quiet


@pytest.mark.parametrize(
    "message",
    [
        "sick to my tummy since the chemo",
        "she's been sick in her stomach all morning",
        "I feel sick to my stomach after my pills",
    ],
)
def test_sick_to_the_stomach_is_a_symptom(message: str) -> None:
    assert "symptoms" in _tags(message)


@pytest.mark.parametrize(
    "message",
    [
        "the thought of another scan makes me sick to my stomach",
        "I'm worried sick to my stomach about the results",
        "I'm sick of waiting for my results",
    ],
)
def test_dread_told_as_sick_to_the_stomach_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in _tags(message)


# b179-106: blood seen on wiping (tag.symptoms.other_body)


@pytest.mark.parametrize(
    "message",
    [
        "there was blood when I wiped this morning",
        "bright red blood on the paper when I wiped",
        "bled a bit after I had a bowel movement",
    ],
)
def test_blood_on_wiping_is_a_symptom(message: str) -> None:
    assert "symptoms" in _tags(message)


@pytest.mark.parametrize(
    "message",
    ["blood when I wiped my hands on the towel", "Do I need to wipe the port with alcohol?"],
)
def test_wiping_without_a_bleed_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in _tags(message)


# b178-151: a stroke or TIA scare (tag.symptoms.other_body)


@pytest.mark.parametrize(
    "message",
    [
        "Dad had a TIA scare two weeks ago",
        "she had a stroke scare last month",
        "I had a mini-stroke scare on Sunday",
    ],
)
def test_a_stroke_scare_is_a_symptom_not_an_alarm(message: str) -> None:
    result = classify(message)
    assert "symptoms" in result.tags
    assert result.urgency != "emergency", result.reasons


@pytest.mark.parametrize(
    "message",
    [
        "My friend had a stroke scare, she isn't a patient",
        "I'm scared of having a stroke on this drug",
    ],
)
def test_someone_elses_scare_or_a_fear_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in _tags(message)
