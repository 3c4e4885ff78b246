"""Context rules and wordings added in vocabulary 2026.11.11, prompted by the misses of
``triage_blind9.jsonl`` (each a class of error, tested here in sentences written for these tests,
not copied from the set): every fix has positives and a negated, historical, hypothetical or
someone-else counterpart that must stay below emergency."""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of

# ------------------------------------------------------------------ formal and older wordings


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # chest tightness in older words
        ("A tightness in the bosom has troubled me since this morning.", "chest_pain"),
        ("It feels as if a band is being pulled round my chest.", "chest_pain"),
        ("There is a heaviness about my chest this evening.", "chest_pain"),
        # breathlessness: "short of wind", a dropped possessive
        ("I am short of wind even when seated in my chair.", "breathing"),
        ("Mother is terribly short of wind tonight.", "breathing"),
        ("arm swollen and cant catch breath", "breathing"),
        # cyanosis: "taken on a bluish cast"
        ("His lips have taken on a greyish tinge since lunch.", "breathing"),
        # no urine: "waterworks have given up"
        ("Her waterworks have completely stopped since last night.", "dehydration"),
        ("Not a drop of urine since yesterday morning.", "dehydration"),
        # loss of bowel control in euphemism
        (
            "My bladder has had a mind of its own since Saturday and my back aches.",
            "cord_compression",
        ),
        ("Her bowels let go without any warning twice today.", "cord_compression"),
    ],
)
def test_formal_and_euphemistic_red_flags(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "No tightness in the bosom, only a sore throat.",
        "I was short of wind on the hill years ago, nothing since.",
        "What if I can't catch breath after the infusion?",
        "Her lips have not taken on any bluish tinge, just dry.",
        "His waterworks gave up years ago after the prostate surgery, he has a catheter.",
        "I haven't had a drop to drink since New Year, doctor's orders.",
        "No accidents, my bladder behaves itself; it just stings a little.",
    ],
)
def test_formal_wordings_negated_historical_or_asked_are_not(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------------------------ stroke: text-speak


@pytest.mark.parametrize(
    "message",
    [
        "lost vision right eye 20 min ago",
        "sudden vision loss in one eye this morning",
        "she lost the strength in her right arm and leg an hour ago",
        "I've lost all power down my left side tonight",
    ],
)
def test_vision_loss_and_one_sided_weakness(message: str) -> None:
    assert_flagged(message, "stroke")


@pytest.mark.parametrize(
    "message",
    [
        "Lost vision left eye in 2012 from glaucoma, so I drive only in daylight.",
        "No loss of power in either arm, just tired.",
        "If I lose the strength in my left arm, is that a stroke sign?",
        "My neighbour lost vision in her left eye, she is not a patient here.",
    ],
)
def test_vision_and_weakness_counterparts(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------------------------ coughing up an amount of blood


def test_an_amount_between_cough_and_blood() -> None:
    assert_flagged("Coughed up about half a teaspoon of dark red blood an hour ago.", "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "I have not coughed up a teaspoon of anything, let alone blood.",
        "Coughed up a spoonful of blood in 2019 with pneumonia; fine since.",
    ],
)
def test_amount_counterparts(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------------------------ not the patient


@pytest.mark.parametrize(
    "message",
    [
        # animals and objects that collapse
        "Our old husky collapsed on the trail so I'm at the vet; can we move Tuesday?",
        "The shed roof collapsed under the snow, I'll be late for my appointment.",
        "The porch of our cabin partly collapsed, so I'm staying in town; refill please.",
        # a named person whom the writer says is not a patient
        "My sister-in-law fainted at church and the bleeding from her head won't stop. She is "
        "not a patient of yours. I am, and I need my letrozole refilled.",
        "My dear husband passed out in the yard this morning. He is not your patient; I am, and I "
        "have a question about my scan.",
        # said right between the person and the finding, no claim by the writer is needed
        "My son (he is not a patient, he plays hockey) passed out at practice; please move my "
        "appointment.",
        # Spanish and Tagalog neighbours and friends
        "Mi amiga tiene dolor de pecho, pero no es paciente. Yo necesito una cita.",
        "Yung kaibigan ko po, nag-collapse kahapon, hindi po siya patient ninyo.",
        "Sin dolor y sin fiebre, solo necesito cambiar la cita.",
    ],
)
def test_animals_objects_and_non_patients_are_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own collapse stays one, whoever else is named
        "I collapsed in the kitchen an hour ago, my husband found me.",
        "My daughter says I passed out for a minute this morning.",
        # a relative writing for the patient: the patient's finding counts
        "My mom collapsed at the store this afternoon.",
        "My husband is your patient and he passed out an hour ago.",
        # "not a patient" about someone else does not take the writer's own flag away
        "My husband is not a patient. I fainted twice today.",
        # "pet" and "cat" are also scans, not animals
        "After my CAT scan I fainted in the car park an hour ago.",
        "My pet scan was this morning and now I'm coughing up blood.",
        # "not a patient yet", or no claim by the writer to be the patient: still the patient's
        "My mom is not a patient yet but she fainted today.",
        "My husband fainted and the bleeding from his head won't stop. He is not a patient.",
        # a "mine" after a denial starts a new clause
        "He has no fever at all, mine is 39.1 and I had chemo on Monday.",
    ],
)
def test_own_or_relative_red_flags_still_count(message: str) -> None:
    assert urgency_of(message) == "emergency"


# ------------------------------------------------------------------ a corrected alarm


@pytest.mark.parametrize(
    "message",
    [
        "I thought I was coughing up blood last night. Turned out it was red wine. All fine.",
        "She was sure she had passed out, but it turned out she had just dozed off in her chair.",
        "Please ignore my earlier message: I thought I had a seizure but I'd only fallen asleep.",
    ],
)
def test_corrected_belief_is_not_a_finding(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # the belief alone may be right
        "I thought I was coughing up blood this morning, it was bright red.",
        # a finding outside the belief's clause stays
        "I thought I was having a stroke, my face was drooping on one side.",
        # what it turned out to be counts
        "I thought it was a cold. Turned out I've been coughing up blood since Tuesday.",
    ],
)
def test_uncorrected_or_other_findings_still_count(message: str) -> None:
    assert urgency_of(message) == "emergency"


# ------------------------------------------------------------------ temperatures and tags


@pytest.mark.parametrize(
    "message", ["Temp 98.2 and all well, just need a refill.", "temp was 36.8 this morning"]
)
def test_a_normal_reading_is_no_symptom(message: str) -> None:
    result = classify(message)
    assert result.urgency == "routine"
    assert "symptoms" not in result.tags


@pytest.mark.parametrize(
    ("message", "urgency"),
    [
        ("temp 99.7 tonight on Ibrance", "priority"),
        ("temp 37.8 after chemo", "priority"),
        ("temp 38.1 after chemo", "emergency"),
        ("Temp 98.4 this morning, now 101.3 on Taxol", "emergency"),
    ],
)
def test_readings_above_normal_still_count(message: str, urgency: str) -> None:
    assert urgency_of(message) == urgency


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("Could the illness have returned? My ribs ache.", "recurrence"),
        ("I fear the malady is liable to come back.", "recurrence"),
        ("There's a small hard bump along my lumpectomy scar.", "symptoms"),
        ("I cannot face food and I'm down 8 pounds.", "symptoms"),
        ("Pulse 118 at rest since the infusion.", "symptoms"),
        ("Stinging when I pass water since Friday.", "symptoms"),
        ("Got the sniffles and a runny nose since yesterday.", "symptoms"),
        ("What kind of symptoms should I report after radiation?", "symptoms"),
        ("My pet scan showed possible metastasis to the liver.", "recurrence"),
    ],
)
def test_new_tag_wordings(message: str, tag: str) -> None:
    assert tag in classify(message).tags


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("My temp went away and it's back up to 37.1 only, no fever.", "recurrence"),
        ("Pulse 72, blood pressure fine, just want my results.", "symptoms"),
        ("No runny nose, no cough, just booking my mammogram.", "symptoms"),
        ("I'm down 2 pounds on purpose with my walking group, all good.", "recurrence"),
    ],
)
def test_tag_word_traps(message: str, tag: str) -> None:
    assert tag not in classify(message).tags


def test_a_question_about_what_mets_can_make_numb_is_routine() -> None:
    result = classify("Could bone mets make my feet numb?")
    assert result.urgency == "routine"
    assert "symptoms" in result.tags
