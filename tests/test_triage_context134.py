"""Wordings changed in vocabulary 2026.11.144 (at the merge of 2026.11.142 and 2026.11.143): papers
sent to a hospital are not the patient sent there.

The gap (b208-087, left by the round of 2026.11.142 because ``ctx.assessed`` was the other round's):
"Honestly sometimes I think everyone would be better off without me and I've been looking at my
pills a lot. Not that I'd do anything. Anyway can I get my records sent to Providence?" The
thoughts were found and read as now, but ``ctx.assessed``'s line for being taken or sent to a
hospital read "records sent to Providence" as the writer sent there, so the red flag counted as
already assessed. Now that line does not start at "sent" (or another of its verbs) right after
records, results, scans, a referral, a letter, forms, notes, labs, a prescription.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, assert_not_emergency, vocabulary_version


def test_version() -> None:
    """This arrived in 2026.11.144; later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 144)


@pytest.mark.parametrize(
    "message",
    [
        (
            "Honestly some days I think everyone would be better off without me. Not that I'd do "
            "anything. Can I get my records sent to Providence?"
        ),
        (
            "I keep thinking I want to end it all. Can you have my scan results sent to the "
            "hospital in Juneau?"
        ),
        (
            "I've been thinking about killing myself this week. Also my referral letter was sent "
            "to ANMC, did they get it?"
        ),
        "thoughts of hurting myself again tonight. please get my labs sent to Fairbanks Memorial",
    ],
)
def test_papers_sent_to_a_hospital_do_not_assess_a_red_flag(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        # the person sent to a hospital is still an assessment
        "Had chest pain yesterday, I was sent to the ER and they did an ECG, all fine.",
        "She had a seizure on Monday and was sent to Providence, they kept her overnight.",
        "I fainted on Tuesday, they sent me to the hospital in Juneau and checked me over.",
    ],
)
def test_the_patient_sent_to_a_hospital_is_still_assessed(message: str) -> None:
    assert_not_emergency(message)
