"""Context rules and wordings added in vocabulary 2026.11.12, prompted by the misses of
``triage_blind10.jsonl`` (each a class of error, tested here in sentences written for these
tests, not copied from the set): every fix has positives and a pure-question, negated,
historical or someone-else counterpart that must stay below emergency."""

from __future__ import annotations

import pytest

from intake.triage import classify, explain
from tests.triage_support import assert_flagged, urgency_of

# ------------------------------------------------------------------ a question the writer has


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "Is it normal to have a seizure on Ibrance? I just had one twenty minutes ago.",
            "seizure",
        ),
        ("Can bone mets cause seizures? My wife had one this morning.", "seizure"),
        (
            "is chest pain a side effect of Kisqali? I've been like this since last night",
            "chest_pain",
        ),
        ("Is it normal to cough up blood on Xeloda? It started this morning.", "haemoptysis"),
        (
            "Is it common to think about suicide during treatment? I have been thinking "
            "about it every day this week.",
            "self_harm",
        ),
        (
            "Should I worry about passing out after chemo? It just happened to me an hour ago.",
            "collapse",
        ),
        (
            "Is it normal to have chest pain after Enhertu, because I'm having it right now?",
            "chest_pain",
        ),
    ],
)
def test_a_question_about_a_red_flag_the_writer_has_now(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        # pure questions stay routine
        "Is it normal to get headaches on Enhertu?",
        "what should I do if I get a fever?",
        "Is it normal to have a seizure on Enhertu?",
        "Can bone mets cause seizures? My oncologist mentioned it.",
        # the assertion is negated
        "Is it normal to have a seizure on Ibrance? I have never had one, just asking.",
        "Is it normal to have a seizure on Ibrance? I haven't had one.",
        # the assertion is history
        "Is it normal to have a seizure on Ibrance? I had one years ago as a teenager.",
        # "one" is a dose, not the finding
        "Is chest pain a side effect of Enhertu? I had one of my infusions this week.",
        # a thought about a symptom is only worry, except for thoughts of self-harm
        "Is it normal to get chest pain after Enhertu? I've been thinking about it all week.",
        # the whole message is for a class
        "Is it normal to have a seizure on chemo? I had one question for a class paper.",
    ],
)
def test_pure_negated_or_old_questions_stay_below_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


def test_a_question_with_an_assertion_weeks_ago_is_priority() -> None:
    message = "Is it normal to have a seizure on Ibrance? I had one three weeks ago."
    assert urgency_of(message) == "priority"


def test_the_assertion_is_a_visible_cue() -> None:
    message = "Is it normal to have a seizure on Enhertu? I had one about an hour ago."
    seizure = [f for f in explain(message) if f["rule"].startswith("rf.seizure")]
    assert seizure and seizure[0]["status"] == "affirmed"
    assert "ctx.hypothetical.asserted" in seizure[0]["cues"]


# ------------------------------------------------------------------ a line site that keeps bleeding


@pytest.mark.parametrize(
    "message",
    [
        "The hole where they took my port out today keeps bleeding.",
        "her PICC site keeps bleeding thru the gauze since this afternoon",
        "the cannula spot kept bleeding through two plasters tonight",
    ],
)
def test_a_line_site_that_keeps_bleeding(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "The port site does not keep bleeding, it stopped after a minute.",
        "My PICC site kept bleeding for a bit back in 2019.",
        "What should I do if the PICC site keeps bleeding after it comes out?",
    ],
)
def test_line_site_bleeding_counterparts(message: str) -> None:
    assert urgency_of(message) != "emergency"


# ------------------------------------------------------------------ tags


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("Do people with metastatic breast cancer live long?", "recurrence"),
        ("Are you taking new patients with recurrent breast cancer?", "recurrence"),
        ("Can it spread to the liver, and what would the symptoms be?", "symptoms"),
        ("My heart feels like it's racing since the new pills.", "symptoms"),
        ("Ringing in my ears since cycle 2.", "symptoms"),
        ("My hearing has been muffled on the left this week.", "symptoms"),
    ],
)
def test_new_tag_wordings(message: str, tag: str) -> None:
    assert tag in classify(message).tags


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        # other people's symptoms stay theirs
        ("Do most people on Verzenio get diarrhea? I start next week.", "symptoms"),
        ("No ringing in my ears, hearing is fine, just booking a scan.", "symptoms"),
        ("My aunt died of metastatic breast cancer; I want genetic testing.", "recurrence"),
    ],
)
def test_tag_counterparts(message: str, tag: str) -> None:
    assert tag not in classify(message).tags
