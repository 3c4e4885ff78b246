"""Wordings and context rules added in vocabulary 2026.11.19, prompted by the misses and false
alarms of ``triage_blind21.jsonl`` (side effects of named breast-cancer drugs) and
``triage_blind22.jsonl`` (pasted emails, forwarded messages, quoted clinic instructions, portal
copies, written dates). Each class of error is tested in sentences written for these tests, not
copied from the sets: every fix has a positive and a counterpart that must come out the other
way. The quoted-text cue (``ctx.quoted.instruction``) removes findings, so it is scoped to the
quoted span: each of its forms has a test that the patient's own red flag after the quote still
fires."""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.19; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 19)


# --------------------------------------- text quoted from the clinic (ctx.quoted.instruction)

QUOTED = [
    # an email reply line starting with ">" with instruction wording
    "> Call 911 straight away for a seizure, chest pain or coughing up blood.\n",
    # a quotation copied from a discharge paper / a portal message
    "Copied from my discharge instructions: 'Seek emergency care for chest pain or fainting.'\n",
    "Portal message copied below:\n'Please report any fever of 100.4 or shaking chills.'\n",
    # a forwarded clinic message, up to the dashed line that ends it
    "---------- Forwarded message ---------\nFrom: Infusion Unit\n\nIf you faint or cannot keep"
    " fluids down for 24 hours, call us or 911.\n-----\n",
    # what the clinic's last message said, in quotes
    "Your last message said 'If you have chest pain or sudden confusion, call 911.' ",
    # an email footer
    "Thanks\nDISCLAIMER: if you have chest pain or difficulty breathing, call 911.\n",
]


@pytest.mark.parametrize("quote", QUOTED)
def test_quoted_clinic_text_is_not_the_patients(quote: str) -> None:
    result = classify(quote + "Can you resend my appointment letter?")
    assert result.urgency == "routine", result.reasons
    assert "symptoms" not in result.tags


@pytest.mark.parametrize(
    ("own", "flag"),
    [
        ("And now I am coughing up blood.", "haemoptysis"),
        ("Well, I fainted in the kitchen an hour ago.", "collapse"),
        ("I have chest pain right now.", "chest_pain"),
    ],
)
@pytest.mark.parametrize("quote", QUOTED)
def test_patients_own_red_flag_after_a_quote_still_fires(quote: str, own: str, flag: str) -> None:
    assert_flagged(quote + own, flag)


def test_patients_own_words_on_the_quoted_line_after_the_closing_quote_still_count() -> None:
    assert_flagged(
        "Copied from my discharge paper: 'Seek care for chest pain.' I have chest pain now.",
        "chest_pain",
    )


def test_a_footer_covers_its_own_sentence_only() -> None:
    """A footer pasted on one line with the patient's words: only the footer's sentence is
    covered (the whole line once hid "I am coughing up blood", found on review)."""
    assert_flagged(
        "Confidentiality: this email may contain private information. I am coughing up blood.",
        "haemoptysis",
    )


def test_a_quoted_line_without_instruction_wording_is_not_covered() -> None:
    """A ">" line that is not the clinic's advice (the patient quoting their own earlier
    message) is read as the patient's words."""
    assert_flagged(
        "> I have been coughing up blood since this morning.\nPlease call me.", "haemoptysis"
    )


def test_lay_wording_blood_with_every_cough() -> None:
    assert_flagged("There's blood with every cough since breakfast.", "haemoptysis")
    assert urgency_of("I've had a dry cough with every cold since breakfast.") != "emergency"


# ------------------------------------------ past events dated in other ways (ctx.time.remote)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "I had a seizure aged 9 with a high temperature.",
            "I had a seizure an hour ago with a high temperature.",
        ),
        (
            "I had a fever of 39 three winters ago during chemo.",
            "I have a fever of 39 today and I'm on chemo.",
        ),
        ("I fainted once in high school at a concert.", "I fainted in the bathroom this morning."),
        (
            "I had bleeding after my 2018 surgery that wouldn't stop.",
            "I have bleeding after my biopsy today that won't stop.",
        ),
    ],
)
def test_remote_history(old: str, new: str) -> None:
    assert urgency_of(old) != "emergency", classify(old).reasons
    assert urgency_of(new) == "emergency", classify(new).reasons


def test_an_age_alone_does_not_date_a_finding() -> None:
    """Only an event the writer had at a childhood age is history; an age given to say who
    the patient is does not date anything."""
    assert urgency_of("My mum, aged 78, has a fever of 39 and she's on chemo.") == "emergency"
    assert urgency_of("I'm aged 16 and I fainted at school an hour ago.") == "emergency"


def test_current_pain_since_an_old_surgery_is_not_history() -> None:
    assert urgency_of("I have chest pain since my 2019 surgery and it is worse today.") != "routine"


# ------------------------------------ assessed at the infusion centre (ctx.assessed)


def test_infusion_centre_gave_fluids_is_assessed() -> None:
    msg = (
        "Couldn't keep anything down for 2 days so I went to the chemo unit yesterday"
        " for IV fluids."
    )
    assert urgency_of(msg) == "priority"
    fresh = "Couldn't keep anything down for 2 days and I have my infusion centre visit next week."
    assert urgency_of(fresh) == "emergency"


def test_new_red_flag_after_infusion_centre_visit_still_fires() -> None:
    msg = "I went to the infusion center yesterday for IV fluids and now I am coughing up blood."
    assert_flagged(msg, "haemoptysis")


# ------------------------------------------- a witness reports the patient's event (reported)


def test_witness_saw_the_named_patient() -> None:
    assert_flagged(
        "Writing for my wife Jo. Today a friend saw Jo have a seizure in the shop.", "seizure"
    )
    assert urgency_of("Today a friend saw her dog have a seizure in the park.") != "emergency"


# ---------------------------------------------------------------------------------- tags


@pytest.mark.parametrize(
    ("message", "tag", "present"),
    [
        ("Can we spread my chemo appointments over two days?", "recurrence", False),
        ("I'm scared it has spread to my bones.", "recurrence", True),
        ("She has progressed on two treatments in her bones.", "recurrence", True),
        ("Would my old stroke rule me out of the HORIZON study?", "clinical_trials", True),
        ("Does my heart condition exclude me from the new Dato study?", "clinical_trials", True),
        ("What should he check for after surgery?", "symptoms", True),
        ("I've cried every day since the scan.", "symptoms", True),
        ("Can I keep taking my migraine tablets with letrozole?", "symptoms", False),
        ("I've had a migraine since this morning.", "symptoms", True),
        ("My eyes have become blurry this week.", "symptoms", True),
    ],
)
def test_tags(message: str, tag: str, present: bool) -> None:
    assert (tag in classify(message).tags) is present, classify(message).reasons
