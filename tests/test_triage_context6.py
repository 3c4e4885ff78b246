"""Context rules and wordings added in vocabulary 2026.11.13, prompted by the misses of
``triage_blind11.jsonl`` (each a class of error, tested here in sentences written for these
tests, not copied from the set): every fix has positives and a counterpart (the literal
meaning, a negation, a question, history or someone else) that must come out the other way."""

from __future__ import annotations

import pytest

from intake.triage import classify, explain
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.13; later versions keep them (the tests below check how)."""
    assert vocabulary_version() >= (2026, 11, 13)


# ------------------------------------------------------------------ passive voice


@pytest.mark.parametrize(
    "message",
    [
        "Some blood was coughed up this morning, dark red.",
        "A couple of clots were coughed up after breakfast today.",
        "Bright red blood has been coughed up three times since last night.",
        "Blood got hacked up when she woke this morning.",
    ],
)
def test_coughing_up_blood_in_the_passive_voice(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "No blood was coughed up at all, just clear phlegm.",
        "Blood was coughed up once, years ago, during pneumonia.",
        "Blood work was brought up at the visit; when are the results back?",
    ],
)
def test_passive_voice_counterparts(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------------------------ reported speech


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("My neighbour says Dad has been coughing up blood since last night.", "haemoptysis"),
        ("My coworker noticed I was confused and disoriented at lunch today.", "confusion"),
        (
            "My brother says Mum can't get through a sentence without stopping for breath, "
            "even lying in bed.",
            "breathing",
        ),
    ],
)
def test_someone_else_reporting_the_patients_red_flag(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "My neighbour had a seizure last night; does that affect my appointment?",
        "My neighbour says she has been coughing up blood since last night.",
        "My friend had chest pain at the gym yesterday, so scary.",
    ],
)
def test_the_other_persons_own_finding_stays_theirs(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_short_of_breath_mid_sentence_and_its_counterpart() -> None:
    assert_flagged("She can't finish a sentence without stopping for breath today.", "breathing")
    assert urgency_of("She can finish a whole sentence now without stopping for breath.") != (
        "emergency"
    )


# ------------------------------------------------------------------ list items


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Questions: 1) no fever so far 2) she is coughing up blood today", "haemoptysis"),
        ("(a) No problems with the port (b) my face is drooping on one side today", "stroke"),
        (
            "Three things:\n1. refill\n2. parking\n"
            "3. back pain since Sunday and my thighs are numb",
            "cord_compression",
        ),
        (
            "Quick list: a) no chest pain b) my legs are weak and my back is killing me since "
            "yesterday",
            "cord_compression",
        ),
    ],
)
def test_list_items_are_separate_scopes(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "Questions: 1) no fever, no coughing up blood 2) can I move my appointment?",
        "(a) my legs are not weak (b) parking pass please",
    ],
)
def test_list_items_negated_in_their_own_item(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------------------------ nothing stays down


def test_nothing_has_stayed_down() -> None:
    assert_flagged("No fever, but nothing has stayed down since yesterday morning.", "dehydration")
    assert urgency_of("I was sick once but everything has stayed down since.") != "emergency"


# ------------------------------------------------------------------ figurative idioms


@pytest.mark.parametrize(
    "message",
    [
        "Missing that meeting would be political suicide. Can I get a 7am slot?",
        "Our childcare plans collapsed this week; can I move Thursday's appointment?",
        "I'm burning up with anticipation about the scan results. Any news?",
        "The insurance paperwork has been a total headache. Who can help with billing?",
        "Parking fees are bleeding us dry. Is there validation?",
    ],
)
def test_curated_idioms_are_not_findings(message: str) -> None:
    result = classify(message)
    assert result.urgency == "routine", result.reasons
    assert "symptoms" not in result.tags


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("Our plans were fine but then she collapsed in the kitchen an hour ago.", "collapse"),
        ("I'm burning up, 38.9, on Kisqali.", "fever"),
        ("Career suicide aside, I keep thinking about suicide this week.", "self_harm"),
    ],
)
def test_the_literal_meaning_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


def test_an_idiom_hit_is_explained() -> None:
    rows = explain("My trip plans collapsed last night.")
    assert any(r["status"] == "figurative" for r in rows)


# ------------------------------------------------------------------ timeline years


def test_a_past_year_heading_dates_its_entry() -> None:
    message = "2016: lumpectomy, one ER visit for chest pain. 2019: all clear. Can I get records?"
    assert urgency_of(message) != "emergency"


def test_a_timeline_entry_for_now_still_fires() -> None:
    assert_flagged("2019: finished chemo. Now: on Kisqali, fever 38.8 since last night.", "fever")


# ------------------------------------------------------------------ pure questions, forms


@pytest.mark.parametrize(
    "message",
    [
        "Is a seizure ever a sign of brain mets? Just asking, I'm fine.",
        "The intake form asks about chest pain; what counts?",
        "Why does the after-hours card say to call 911 for fainting but the clinic for a fever?",
        "Our class handout says to report 'coughing up blood'. What does that mean?",
    ],
)
def test_questions_about_red_flags_stay_below_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "Is coughing up blood ever a sign of spread? I coughed up blood this morning.",
            "haemoptysis",
        ),
        (
            "The teaching sheet says to call for a fever and I have a fever of 39 on Ibrance.",
            "fever",
        ),
        ("The handout says to call 911 for chest pain, I'm having chest pain now.", "chest_pain"),
        ("Why does the sheet say to call for a fever but I have a fever of 38.9 now?", "fever"),
    ],
)
def test_a_question_or_document_then_the_writers_own_finding(message: str, flag: str) -> None:
    assert_flagged(message, flag)


def test_a_word_inside_a_longer_asked_finding_is_asked_too() -> None:
    result = classify("Is coughing up blood ever a sign of lung metastasis?")
    assert result.urgency == "routine", result.reasons
