"""Wordings changed in vocabulary 2026.11.157 and .158: four emergencies a reviewer of 2026.11.154
found only the backstop reading (or nothing), and four held-out sets' errors at first sight.

- ``rf.bleeding.1``: a bleed that filled a commode, a bedpan or the toilet, or one "still coming"
  after a comma or "and" (the backstop alone read it, and a normal temperature in the message
  silenced it).
- ``rf.breathing.157`` (first in ``rf.breathing.4``): barely able to talk between breaths.
- ``rf.confusion.157`` (first in ``rf.confusion.2``): talking to people who are not there; not
  knowing one is at home.
- ``ctx.hypothetical.asserted``: after a what-if about anyone, ", my mom is right now".
- ``ctx.treatment.current``: a drug told as taken now ("on tamoxifen only now") whatever ended
  before it, so a fever counts (b243-073, a miss at first sight).
- ``ctx.treatment.current``: "My radiotherapy finished 3 weeks ago" (b244-148, a miss at first
  sight) and treatment restarted.
- engine ``_vital_sign``: a number named as a vital sign ("sats 96", "bp 100/60") is no
  temperature, so it no longer reads a fever told without a reading as under the threshold.
- False alarms gone: a cancer that stopped responding to a named drug (b242-044), "her neck isnt
  stiff" (b242-081), no urine since 10am "its 5 now" (b243-035), no fluids kept down since 7pm
  yesterday "its 2pm now" (b243-054: under the README's hours), "is a fever on abemaciclib an
  emergency?" asked ahead (b244-155), lips swollen 12 days after Herceptin (b244-138), a reporter,
  a researcher and another clinic writing about patients in general (b245-016, -036, -061), "Our
  provider saw her" (b245-068), a work-up "from 2021" in records sent (b245-110).
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    urgency_of,
    vocabulary_version,
)


def test_version() -> None:
    """This arrived in 2026.11.157 (and 2026.11.158); later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 157)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "theres blood coming from her back passage bright red filled the commode pan and still"
            " coming, temp 36.5",
            "bleeding",
        ),
        ("the toilet bowl is full of bright red blood, it just happened", "bleeding"),
        ("blood from his stoma filled the bag and the bedpan, and it's still coming", "bleeding"),
        (
            "No fever, sats 94 and she can barely talk between breaths since this morning",
            "breathing",
        ),
        ("he can hardly speak between breaths tonight", "breathing"),
        ("he keeps talking to people who arent there and doesnt know hes at home", "confusion"),
        ("tonight mum is talking to people who aren't there", "confusion"),
        ("since lunch dad doesn't seem to know he's at home", "confusion"),
        (
            "if someone is on chemo and gets a fever of 40 and is confused, my mom is right now",
            "fever",
        ),
        (
            "on tamoxifen only now (finished rads in June). temp 38.3 and sore throat since last"
            " night",
            "fever",
        ),
        ("I'm on letrozole still, chemo ended in 2023. Fever 38.6 tonight", "fever"),
        (
            "Sunday night. Temp 38.2 (100.8F), sore throat and aches. My radiotherapy finished 3"
            " weeks ago and I'm not on anything else.",
            "fever",
        ),
        # a vital sign beside a fever told without a reading
        ("she's on chemo, has a fever and chills, sats 96", "fever"),
        ("mum on chemo running a fever tonight, her sats are 96", "fever"),
        ("fever on chemo, bp 100/60", "fever"),
        ("on chemo, temp after 1 hr: 38.9", "fever"),
        ("is a fever on chemo an emergency? I have one now 38.7", "fever"),
        ("my lips are swelling up, my herceptin was 2 days ago", "infusion_reaction"),
        ("are you running a study on seizures? I had a seizure this morning", "seizure"),
        # a study or a protocol covers its own sentence only
        (
            "I passed out in the shower about an hour ago. We are running a study on seizure rates"
            " in patients with brain metastases.",
            "collapse",
        ),
    ],
)
def test_the_emergency_is_read(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        # bleeding: results, clotting, or the blood gone
        "my blood test results are delayed and still coming",
        "the toilet bowl was full of blood last month, they found a polyp and removed it",
        "I had some blood in my urine after the catheter, the nurse says the results are still"
        " coming back",
        # breathing: not breath
        "she can barely talk between bites of toast, her mouth sores are so bad",
        # confusion: a habit, dementia, the writer's own not knowing
        "she has dementia and often talks to people who aren't there",
        "she talks to people who arent there since her dementia got worse two years ago",
        "I don't know if she's at home, she isn't answering her phone",
        "is there a trial for people whose cancer has spread to the liver and stopped responding"
        " to Enhertu",
        # what-ifs that stay questions
        "what if someone gets chest pain on chemo, i know my mom is right now reading about it",
        # the fever rule: treatment over
        "I was on tamoxifen until 2021, not on anything now. Temp 38.4",
        # a stiff neck denied, the apostrophe left out
        "Mums had a headache for 3 days now, tablets take the edge off, no sickness and her neck"
        " isnt stiff.",
        # spans under the README's hours
        "havent peed since about 10am, its 5 now. been sick twice but keeping water down",
        "cant keep even water down since 7pm yesterday, its 2pm now. on eribulin",
        "vomiting since 11pm last night, its 9am now, can't keep water down",
        # treatment over, a reading under the line beside a vital sign
        "My chemo finished 10 weeks ago and I'm not on anything else. Temp 38.4",
        "I'm not even on chemo now, done in 2021. temp 38.1 since yesterday",
        "on chemo, fever 37.2, sats 96",
        "on chemo, temp 99, sats 94",
        # questions asked ahead, an old infusion, writers who are not patients
        "is a fever on abemaciclib an emergency? only asking ahead of time, I feel fine",
        "my bottom lip is swollen since breakfast, thought it was a cold sore. My herceptin was 12"
        " days ago. throat fine, breathing fine.",
        "Reporter with the Anchorage Daily News. We're looking into spinal cord compression being"
        " missed in cancer patients. What warning signs do you tell patients about?",
        "Researcher at a university: we are running a study on seizure rates in patients with"
        " brain metastases and would like to recruit through your clinic.",
        "Clinic manager here. We're updating our phone triage protocol and would love to compare"
        " notes on red flags like chest pain, seizures and suicidal thoughts.",
        "I'm the RN at the Kotzebue clinic. Our patient had shaking chills yesterday, 2 weeks after"
        " her chemo. Our provider saw her, labs were ok, antibiotics started.",
        "We are sending records for a shared patient, they include a chest pain workup from 2021"
        " (negative).",
    ],
)
def test_no_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        # over the README's hours: still the red flag
        "cant keep even water down since 7am yesterday, its 2pm now. on eribulin",
        "havent peed since 6am yesterday, its 9pm now",
    ],
)
def test_longer_spans_stay_emergencies(message: str) -> None:
    assert urgency_of(message) == "emergency"
