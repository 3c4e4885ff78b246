"""Wordings changed in vocabulary 2026.11.156: an "if anyone" that is not a what-if.

``ctx.hypothetical.pre``: "if anyone / someone" asking for the message to be read or answered
("if anyone gets this message my mom cant breathe please call", "please if someone is there call
me my wife is having a seizure") poses nothing; the run-on emergency after it is told (a
reviewer's probes of 2026.11.154, routine before).

``ctx.hypothetical.asserted``: after a question about anyone, "my mom does." or "she is." as its
own sentence, and "my husband feels it now", make the question the patient's, now.
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    vocabulary_version,
)


def test_version() -> None:
    """This arrived in 2026.11.156; later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 156)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("if anyone gets this message my mom cant breathe please call", "breathing"),
        ("please if someone is there call me my wife is having a seizure", "seizure"),
        ("if anyone is there my husband is having a seizure please call back", "seizure"),
        ("If anybody reads this tonight my dad has chest pain and is sweating", "chest_pain"),
        (
            "if someone has a fever of 39.5 on chemo should they go to hospital? my mom does",
            "fever",
        ),
        ("If someone on Taxol gets a temp of 38.6, is that an emergency? She does. Now.", "fever"),
        ("if someone is on call please my wife has a fever of 39.5 after chemo", "fever"),
        ("If anyone has chest pain during an infusion is that normal? My mom does.", "chest_pain"),
        (
            "if a patient feels chest pain during chemo is it normal, my husband feels it now in"
            " the infusion chair",
            "chest_pain",
        ),
    ],
)
def test_a_message_not_a_what_if_tells_the_emergency(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "If someone on chemo has a temp of exactly 38, is that a call 911 thing?",
        "If someone had a bad headache and was throwing up, is that an emergency or can it wait?",
        "if anyone has had a seizure on Enhertu can you tell me what it was like? I'm starting it",
        "If I ever have a seizure out at our cabin, what should my husband do? We're 3 hours from"
        " Fairbanks.",
        "if i get a fever at fish camp what do i do? we are 3 hrs by boat from the clinic",
        "Supposing I got a fever on the cruise, what would I do?",
        "if someone has a fever of 39.5 on chemo should they go to hospital? my mom does ask me"
        " that a lot",
        # a reviewer's probes of the first form of these lines
        "If anyone is in treatment and has trouble breathing, should they call 911 or you?",
        "If anyone can get chest pain from Herceptin, how common is it?",
        "If someone gets this rash with a fever on chemo, is it an emergency?",
        "If someone is at home after surgery and has a fever of 38, do they call you or go to ER?",
        "If someone is on chemo and gets a fever what should they do? My mom is.",
        "If someone has had a fever on chemo before, can they still get the flu shot? My mom has.",
        "If a patient feels chest pain on Herceptin is that normal? My husband feels it now and"
        " then.",
        "If a patient faints during a biopsy do they stop the biopsy? My wife has one this"
        " afternoon.",
    ],
)
def test_a_what_if_stays_a_question(message: str) -> None:
    assert_not_emergency(message)
