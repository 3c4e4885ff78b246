"""Rule-level tests of the triage vocabulary and its context handling (no Flask needed)."""

from __future__ import annotations

import re

import pytest

from intake.triage import (
    TAGS,
    URGENCIES,
    VOCABULARY_VERSION,
    Reason,
    TriageResult,
    classify,
    explain,
)
from intake.triage.engine import normalise, sentences
from intake.triage.vocabulary import (
    ConceptRule,
    CueRule,
    VocabularyError,
    anchors_of,
    build,
    get_vocabulary,
    iter_examples,
    phrases_of,
)

VOCAB = get_vocabulary()


# ------------------------------------------------------------------ every rule id has a test


def _cue_fires(cue: CueRule, text: str) -> bool:
    low = normalise(text)
    if cue.full_regex is not None and cue.full_regex.search(low):
        return True
    words = " ".join(re.findall(r"[a-z0-9']+", low))
    return any(re.search(rf"(?<![a-z0-9']){re.escape(p)}(?![a-z0-9'])", words) for p in cue.phrases)


@pytest.mark.parametrize(("rule_id", "example"), list(iter_examples(VOCAB)))
def test_every_rule_fires_on_its_examples(rule_id: str, example: str) -> None:
    """Each rule and cue id in vocabulary.yaml fires on the examples written next to it."""
    rule = VOCAB.rule(rule_id)
    if isinstance(rule, CueRule):
        assert _cue_fires(rule, example), f"{rule_id} did not match {example!r}"
        return
    if rule.all_of:
        fired = {r.rule for r in classify(example).reasons}
    else:
        fired = {e["rule"] for e in explain(example)}
    assert rule_id in fired, f"{rule_id} did not fire on {example!r}: {sorted(fired)}"


def test_rule_ids_are_unique_and_stable_looking() -> None:
    ids = VOCAB.rule_ids
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"(?:rf|tag|ctx)(?:\.[a-z0-9_]+){1,3}", i) for i in ids)


def test_every_concept_rule_has_gate_anchors() -> None:
    """Without anchors a rule would run on every sentence: keep the vocabulary fast."""
    for rule in VOCAB.concepts:
        assert rule.regex is not None
        assert anchors_of(rule.regex), rule.id


def test_version_present_and_carried_by_results() -> None:
    assert re.fullmatch(r"\d{4}\.\d{1,2}\.\d+", VOCABULARY_VERSION)
    assert classify("hello").version == VOCABULARY_VERSION


# ------------------------------------------------------------------ red flags: 4 variants each

RED_FLAG_CASES = {
    # flag: (positive, negated, historical, already assessed)
    "seizure": (
        "My daughter had a siezure a few minutes ago.",
        "No seizures since she started the new medicine.",
        "I had a seizure as a teenager, nothing since.",
        "He had a seizure on Sunday and was seen in the ER, they kept him overnight.",
    ),
    "confusion": (
        "My mom is suddenly confused and doesn't know where she is.",
        "He is not confused, just tired.",
        "She had an episode of confusion two years ago from low sodium.",
        "Dad was confused last night, we took him to the ER and they found an infection.",
    ),
    "chest_pain": (
        "I can feel a crushing pain in my chest right now.",
        "No chest pain, no cough.",
        "I had chest pain years ago from a heart issue, that's resolved.",
        "Chest pain on Monday, went to urgent care and the ECG was normal.",
    ),
    "breathing": (
        "I can't breathe properly since this morning.",
        "No shortness of breath at all.",
        "Years ago I was very short of breath with a clot, fine now.",
        "I was really breathless on Saturday and got admitted, they drained fluid.",
    ),
    "svc": (
        "My face and neck have swollen up and I get breathless lying down.",
        "My face is swollen from the steroids but no trouble breathing and no breathlessness.",
        "Last year I had swelling in my neck and breathlessness from a clot.",
        "My neck swelled and I was breathless on Tuesday; the ER did a CT and said it was fine.",
    ),
    "haemoptysis": (
        "I'm coughing up bright red blood since this morning.",
        "I have a cough but I'm not coughing up any blood.",
        "I coughed up blood years ago with pneumonia.",
        "Coughed up some blood yesterday, the on-call doctor saw me and ordered a CT.",
    ),
    "bleeding": (
        "My nose has been bleeding for an hour and it won't stop.",
        "There's no bleeding from the wound.",
        "I had a bleed that wouldn't stop after surgery in 2018.",
        "A nosebleed that wouldn't stop on Friday, they cauterised it at urgent care.",
    ),
    "cord_compression": (
        "My legs went numb this afternoon and I have terrible back pain.",
        "Some back pain but no numbness or weakness in my legs.",
        "I had back pain and leg numbness from a slipped disc ten years ago.",
        "Back pain and leg weakness yesterday, went to the ER and had an MRI.",
    ),
    "stroke": (
        "Her face is drooping on one side and her speech is slurred.",
        "No slurred speech or weakness.",
        "My dad had slurred speech years ago from a stroke.",
        "Mum had slurred speech yesterday; the stroke team saw her and did a scan.",
    ),
    "fever": (
        "I'm on chemo and tonight I have a fever of 101 F.",
        "No fever or chills.",
        "I had a high fever during chemo back in 2019.",
        "I had a fever of 38.9 on Saturday after chemo and was admitted for antibiotics.",
    ),
    "dehydration": (
        "I can't keep any water down and I haven't peed all day.",
        "Some nausea but I'm drinking fine.",
        "Years ago on chemo I couldn't keep anything down.",
        "I couldn't keep fluids down Monday, got IV fluids at the infusion centre.",
    ),
    "collapse": (
        "My wife passed out in the bathroom.",
        "I felt dizzy but didn't faint.",
        "I used to faint as a child when I saw blood.",
        "He collapsed on Saturday, paramedics checked him and he was discharged.",
    ),
    "headache": (
        "Worst headache of my life and I've been vomiting.",
        "Mild headache, no vomiting, no stiff neck.",
        "I had migraines with vomiting as a teenager.",
        "Severe headache and vomiting on Wednesday, was seen in the ER and the MRI was clear.",
    ),
    "infusion_reaction": (
        "During my Herceptin infusion today my lips started swelling.",
        "Infusion went fine today, no swelling of my lips.",
        "I had lip swelling during a paclitaxel infusion in 2021.",
        "Lip swelling during my infusion Tuesday, the nurses stopped it and gave me steroids.",
    ),
    "self_harm": (
        "I've been thinking about ending my life.",
        "I'm not suicidal and have no thoughts of hurting myself.",
        "I attempted suicide in my twenties and have been well for years.",
        "Thoughts of hurting myself last week; I saw my therapist and we made a safety plan.",
    ),
    # one of the clinic's red-flag symptoms said to be present, not named (2026.11.69)
    "stated": (
        "I have one of the symptoms on your red list right now.",
        "I do not have any of the red flag symptoms, just a cold.",
        "I had one of the symptoms on your red list years ago, nothing since.",
        "I had one of the red flag symptoms on Monday, went to the ER and they said it was fine.",
    ),
}


def test_every_red_flag_category_is_covered() -> None:
    flags = {r.flag for r in (*VOCAB.concepts, *VOCAB.combos) if r.flag}
    assert flags == set(RED_FLAG_CASES)


@pytest.mark.parametrize("flag", sorted(RED_FLAG_CASES))
def test_red_flag_positive_is_emergency(flag: str) -> None:
    result = classify(RED_FLAG_CASES[flag][0])
    assert result.urgency == "emergency"
    assert flag in result.red_flags
    assert "symptoms" in result.tags


@pytest.mark.parametrize("flag", sorted(RED_FLAG_CASES))
def test_red_flag_negated_is_not_emergency(flag: str) -> None:
    result = classify(RED_FLAG_CASES[flag][1])
    assert result.urgency != "emergency"
    assert flag not in result.red_flags


@pytest.mark.parametrize("flag", sorted(RED_FLAG_CASES))
def test_red_flag_in_remote_history_does_not_count(flag: str) -> None:
    result = classify(RED_FLAG_CASES[flag][2])
    assert result.urgency != "emergency"
    assert flag not in result.red_flags


@pytest.mark.parametrize("flag", sorted(RED_FLAG_CASES))
def test_red_flag_already_assessed_is_priority(flag: str) -> None:
    result = classify(RED_FLAG_CASES[flag][3])
    assert result.urgency == "priority"
    assert flag in result.red_flags  # still listed for staff, but no 911 message


# ------------------------------------------------------------------ context rules


@pytest.mark.parametrize(
    "message",
    [
        "Can bone metastases cause seizures?",
        "What if I get a fever over the weekend?",
        "Should I worry about seizures with brain mets?",
        "Is it normal to have shaking chills after Herceptin?",
        "Is chest pain a side effect of Ibrance?",
    ],
)
def test_questions_about_symptoms_are_symptoms_but_never_emergency(message: str) -> None:
    result = classify(message)
    assert "symptoms" in result.tags
    assert result.urgency == "routine"


def test_worry_alone_is_recurrence_not_symptoms() -> None:
    result = classify("I'm so scared it has spread, I can't sleep.")
    assert result.tags == ("recurrence",)
    assert result.urgency == "routine"


def test_negation_scope_stops_at_but() -> None:
    result = classify("No fever, no cough. But I've been coughing up blood since this morning")
    assert result.urgency == "emergency"
    assert result.red_flags == ("haemoptysis",)


def test_negation_list_is_covered() -> None:
    msg = "Patient denies chest pain, shortness of breath, fever or bleeding. Requests refill."
    assert classify(msg).urgency == "routine"


def test_pseudo_negation_does_not_negate() -> None:
    result = classify("Not sure if this matters but my legs have gone numb and my back hurts")
    assert result.urgency == "emergency"
    hits = explain("Not sure if it matters")
    assert hits == []


def test_relative_writing_counts_as_the_patient() -> None:
    assert classify("my wife passed out in the kitchen").urgency == "emergency"
    assert classify("my mom is confused and sleepy today").urgency == "emergency"


def test_family_history_is_not_the_patient() -> None:
    result = classify("My aunt died of metastatic breast cancer. I want screening.")
    assert "recurrence" not in result.tags
    cues = [c for e in explain("My aunt died of metastatic breast cancer.") for c in e["cues"]]
    assert "ctx.experiencer.other" in cues


def test_assessment_does_not_cover_a_later_new_symptom() -> None:
    msg = "Seen in the ER last night for chest pain, but today I passed out at the store"
    result = classify(msg)
    assert result.urgency == "emergency"
    assert "collapse" in result.red_flags


def test_worse_after_assessment_is_emergency_again() -> None:
    msg = (
        "Took dad to the ER yesterday for confusion, they sent him home, but he's much worse today"
    )
    assert classify(msg).urgency == "emergency"


def test_red_flag_weeks_ago_is_priority_not_emergency() -> None:
    result = classify("Had a seizure 2 weeks ago, haven't been seen by anyone yet.")
    assert result.urgency == "priority"
    assert "symptoms" in result.tags


def test_old_red_flag_back_again_is_emergency() -> None:
    assert classify("I had seizures as a teenager but today I had another one").urgency == (
        "emergency"
    )


@pytest.mark.parametrize(
    ("message", "emergency"),
    [
        ("I'm on chemo and have a fever of 38.0", True),
        ("fever 100.4 F, on Verzenio", True),
        ("temp 37.9 after chemo", False),
        ("thermometer says 99.1, I'm on tamoxifen", False),
        ("running a temperature of 39", True),  # treatment not stated: counts
        ("I finished chemo 2 years ago and now I have a fever of 38.5", False),
        ("I'm not on any cancer treatment yet; fever 38.3 since yesterday", False),
        ("I finished chemo 2 years ago but I'm on Verzenio now, fever 38.5", True),
        ("a low grade fever today", False),
        ("shaking chills for the past hour, had Enhertu last week", True),
    ],
)
def test_fever_rule(message: str, emergency: bool) -> None:
    result = classify(message)
    assert (result.urgency == "emergency") is emergency, explain(message)
    assert "symptoms" in result.tags


# ------------------------------------------------------------------ tags and lay language


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("My cancer came back", "recurrence"),
        ("there are spots on my liver", "recurrence"),
        ("I was told it's in my bones", "recurrence"),
        ("stage IV since January", "recurrence"),
        ("I have mets", "recurrence"),
        ("it has metastisized to my lungs", "recurrence"),
        ("what are the chances it returns?", "recurrence"),
        ("Are there any trials for HER2+?", "clinical_trials"),
        ("interested in an investigational drug", "clinical_trials"),
        ("is there a phase 3 study?", "clinical_trials"),
        ("How do clinical trails work?", "clinical_trials"),
        ("a lump under my arm", "symptoms"),
        ("cough for three weeks", "symptoms"),
        ("my skin looks yellow", "symptoms"),
        ("diarrea since monday", "symptoms"),
        ("vomitting all night", "symptoms"),
        ("Do you offer targeted therapy?", "treatment"),
        ("Can I reschedule?", "other"),
    ],
)
def test_tags(message: str, tag: str) -> None:
    assert tag in classify(message).tags


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("I had a siezure", "seizure"),
        ("she had a seisure this morning", "seizure"),
        ("cant breath properly", "breathing"),
        ("I can't breathe", "breathing"),
        ("i past out this morning", "collapse"),
        ("vomitting and cant keep water down", "dehydration"),
        ("fevr of 102 and i'm on chemo", "fever"),
    ],
)
def test_misspellings(message: str, flag: str) -> None:
    assert flag in classify(message).red_flags


def test_general_side_effect_question_is_treatment_not_symptoms() -> None:
    result = classify("Does the hormone therapy you prescribe usually cause side effects?")
    assert result.tags == ("treatment",)


def test_side_effect_the_patient_has_is_symptoms() -> None:
    assert "symptoms" in classify("I'm having terrible side effects from letrozole").tags


def test_several_concerns_in_one_message() -> None:
    msg = "I have bone mets, new pain in my thigh for a week, and want info on trials"
    result = classify(msg)
    assert {"recurrence", "symptoms", "clinical_trials"} <= set(result.tags)
    assert result.urgency == "priority"


# ------------------------------------------------------------------ form inputs and `other`


def test_symptoms_now_forces_emergency() -> None:
    result = classify("Please call me back.", symptoms_now=True)
    assert result.urgency == "emergency"
    assert "symptoms" in result.tags
    assert Reason("emergency", "form.symptoms_now", "", 0, 0) in result.reasons


def test_ticked_concern_is_kept_and_unknown_ignored() -> None:
    result = classify("Just booking a consult.", ["clinical_trials", "nonsense"])
    assert result.tags == ("clinical_trials",)
    assert result.rule_tags == ("other",)
    assert Reason("clinical_trials", "form.concern.clinical_trials", "", 0, 0) in result.reasons


def test_ticked_symptoms_makes_priority() -> None:
    assert classify("see my message", ["symptoms"]).urgency == "priority"


def test_other_only_when_nothing_else() -> None:
    assert classify("Can I change my appointment?").tags == ("other",)
    assert classify("Can I change my appointment? I have a lump.").tags == ("symptoms",)
    hello = classify("hello")
    assert hello.tags == ("other",)
    assert hello.reasons == (Reason("other", "tag.other.default", "", 0, 0),)


def test_ticked_other_is_always_kept() -> None:
    assert classify("I have a lump", ["other"]).tags == ("symptoms", "other")


def test_tags_are_in_canonical_order() -> None:
    result = classify("any trials? it has spread and I have a cough", ["other"])
    assert list(result.tags) == [t for t in TAGS if t in result.tags]


# ------------------------------------------------------------------ result shape and offsets


@pytest.mark.parametrize(
    "message",
    [
        "My legs went numb this afternoon and I have terrible back pain. I have bone metastases.",
        "I’m coughing up bright red blood since this morning.",  # curly apostrophe
        "İstanbul trip: chest pain since İ landed",  # lower() changes length for İ
        "",
    ],
)
def test_reason_offsets_point_at_the_words(message: str) -> None:
    for r in classify(message).reasons:
        assert message[r.start : r.end] == r.phrase


def test_reason_phrase_is_the_matched_words() -> None:
    result = classify("Hello. I'm coughing up bright red blood.")
    emergency = [r for r in result.reasons if r.label == "emergency"]
    assert [(r.rule, r.phrase) for r in emergency] == [
        ("rf.haemoptysis.1", "coughing up bright red blood")
    ]


def test_to_dict_contract() -> None:
    d = classify("I fainted today").to_dict()
    assert set(d) == {"tags", "urgency", "reasons", "version", "red_flags"}
    assert d["urgency"] in URGENCIES
    assert set(d["reasons"][0]) == {"label", "rule", "phrase", "start", "end"}


def test_result_is_frozen_and_self_harm_property() -> None:
    result = classify("i want to kill myself")
    assert isinstance(result, TriageResult)
    assert result.self_harm
    with pytest.raises(AttributeError):
        result.urgency = "routine"  # type: ignore[misc]
    assert not classify("I fainted").self_harm


def test_sentences_do_not_split_decimals() -> None:
    assert sentences("temp is 38.6. ok") == [(0, 13), (13, 16)]


# ------------------------------------------------------------------ vocabulary loading


def _minimal(**rule: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "tag.other.x",
        "label": "other",
        "patterns": "foo",
        "examples": ["foo"],
    }
    base.update(rule)
    return {"version": "2026.1.1", "rules": [base]}


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ({"version": "latest", "rules": []}, "version"),
        (_minimal(label="nope"), "unknown label"),
        (_minimal(patterns="(unclosed"), "bad pattern"),
        (_minimal(examples=[]), "example"),
        (_minimal(id="tag.symptoms.x"), "must start with tag.other."),
        (_minimal(label="emergency"), "flag"),
        (_minimal(patterns="<NOPE>"), "unknown macro"),
    ],
)
def test_bad_vocabulary_is_rejected_with_a_clear_error(
    doc: dict[str, object], message: str
) -> None:
    with pytest.raises(VocabularyError, match=message):
        build(doc)


def test_duplicate_ids_are_rejected() -> None:
    doc = _minimal()
    doc["rules"] = [*doc["rules"], *doc["rules"]]  # type: ignore[misc]
    with pytest.raises(VocabularyError, match="duplicate"):
        build(doc)


def test_finite_patterns_become_phrases() -> None:
    assert phrases_of(r"(?:don't|do\s+not)\s+have") == {"don't have", "do not have"}
    assert phrases_of(r"seiz\w*") is None


def test_concept_rules_are_concept_rules() -> None:
    assert all(isinstance(r, ConceptRule) for r in VOCAB.concepts)
