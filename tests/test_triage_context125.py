"""Wordings changed in vocabulary 2026.11.135: the errors of blind sets 202 and 203 (scored once
unseen on 2026.11.133, then used for development), each read as a class (sources are the row ids).

Emergencies missed:

- thoughts of driving off a named road or highway, with no "and ending it" (b202-017: "some nights
  I think about just driving off the Seward highway. I wouldn't, probably"): rf.self_harm.1.
- shaking chills told as shaking "so hard" under the covers, with the time between "so hard" and
  what it stopped (b202-094: "Was shaking so hard under three blankets an hour ago I couldn't
  hold my phone"): rf.fever.2.
- an old chest pain told back in the next sentence as "the same ... pain" started again or back
  (b202-098: "I had chest pain years ago with a blood clot. This morning the same stabbing pain
  on the left side when I breathe in started again"): ctx.time.again.
- coughing blood with "with" shortened to "w" or "w/" (b203-029: "cough w blood streaks since
  tuesday"): rf.haemoptysis.1.

False alarms:

- a threshold question with the reading as its object (b202-052: "it's 37.9. on Xeloda. do I
  count that as fever?"): ctx.hypothetical.pre.
- a panic attack named in the sentence before, its breathlessness told as passing (b202-074:
  "three panic attacks this week ... Heart pounding, can't catch my breath for a few minutes,
  then it passes"): ctx.breath.panic_before with the new condition scope `sentence_before`
  (engine.py, _Doc.sentence_before), an unless of rf.breathing.1.
- the writer saying they are the patient by their stage or by having finished chemo, beside a
  relative's seizure (b203-015: "my cousin in Bethel had one ... Im stage 3, done with chemo. I
  feel fine"): ctx.experiencer.self.

Tags (symptoms missed):

- a burning "feeling" or "sensation" when passing urine (b202-103): tag.symptoms.other_body.
- "wiped" without "out" for tiredness (b203-049: "my counts r low, feel wiped"):
  tag.symptoms.fatigue.
- a knot on or in the scar or the breast (b203-003: "Knot on my scar that wasnt there before"):
  tag.symptoms.lump.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import (
    assert_emergency,
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.135; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 135)


# (1) driving off a road or highway


@pytest.mark.parametrize(
    "message",
    [
        "I keep thinking about driving off the Parks highway on my way home from chemo.",
        "Some nights I'm tempted to just steer off the road. I haven't told anyone.",
        "My wife says she thinks about driving off the Glenn highway when she's alone in the car.",
        "honestly i think about just driving off the mountain road, probably wouldnt but still",
    ],
)
def test_driving_off_a_road_flagged(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I'm thinking of driving off the highway at the Wasilla exit to get gas before my appt.",
        "Thinking about driving off the road to avoid the construction, is there a back entrance?",
        "I had thoughts about driving off the highway years ago, long gone, therapy helped.",
        "Will I be allowed to drive off the highway onto the gravel road after radiation?",
    ],
)
def test_driving_off_a_road_to_a_place_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


def test_driving_off_a_road_beside_own_red_flag() -> None:
    """A remover-free widening, but the old exits must not hide a red flag said now."""
    message = (
        "Thinking about driving off the highway at the next exit to see my sister. Also I've "
        "been coughing up blood since this morning."
    )
    assert_flagged(message, "haemoptysis")


# (2) shaking so hard under the covers


@pytest.mark.parametrize(
    "message",
    [
        "She was shaking so hard under two duvets earlier she couldn't hold her tea, chemo Friday.",
        "I'm shivering like crazy under the blankets and can't get comfortable, on Enhertu.",
        "Shaking so badly in bed this morning I couldn't hold my phone. Had Kadcyla on Monday.",
        "He's trembling uncontrollably under the covers, AC was last Thursday.",
    ],
)
def test_shaking_so_hard_under_the_covers_flagged(message: str) -> None:
    assert_flagged(message, "fever")


@pytest.mark.parametrize(
    "message",
    [
        "I was shaking so hard under three blankets in 2019 I couldn't hold my phone, the flu.",
        "Shaking so hard under the covers from fear I couldn't hold my phone. Finished chemo in "
        "2021, nothing since.",
        "No shaking under the blankets, just tired. Is that normal on Enhertu?",
    ],
)
def test_shaking_under_the_covers_old_or_denied_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (3) the same pain told back in the next sentence


@pytest.mark.parametrize(
    "message",
    [
        "Had chest pain in 2019 from a clot. Tonight the same crushing pain is back.",
        (
            "I had chest pain years ago after surgery. The same tight pain came back an hour "
            "ago, I'm on Kisqali."
        ),
        (
            "Mum had chest pain as a young woman. This afternoon the same squeezing pain in the "
            "middle started again."
        ),
    ],
)
def test_the_same_pain_told_back_flagged(message: str) -> None:
    assert_flagged(message, "chest_pain")


@pytest.mark.parametrize(
    "message",
    [
        "I had chest pain years ago with a clot. Will the same pain come back on chemo?",
        "I had chest pain years ago with a clot. The same pain has never come back.",
        "I had chest pain years ago with a clot, the same pain returned in 2021 and went.",
    ],
)
def test_the_same_pain_asked_denied_or_dated_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (4) coughing blood with "w" or "w/"


@pytest.mark.parametrize(
    "message",
    [
        "coughing w/ blood this am, on ibrance",
        "hacking up w/blood in the tissue since last nite",
        "cough w bloody phlegm tonite",
        "bad cough w. blood streaks 2 days now",
    ],
)
def test_cough_with_blood_shortened_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "cough w no blood just clear stuff",
        "cough w blood pressure meds ok to take?",
        "cough w bloody nose from the dry air in the house",
        "had a cough w blood streaks back in 2022, pneumonia, fine since",
    ],
)
def test_cough_with_blood_shortened_other_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# (5) a threshold question with the reading as its object


@pytest.mark.parametrize(
    "message",
    [
        (
            "I took my temp after lunch and felt warm, it's 37.7. on Kisqali. do I count that as "
            "fever?"
        ),
        "it's 37.6 tonight on Enhertu, is that considered a fever?",
        "my temp went to 99.8 after dinner, would that be classed as a fever? on chemo",
    ],
)
def test_threshold_question_below_the_threshold_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "it's 38.6 on Xeloda, do I count that as a fever?",
        "temp 101.2 on enhertu, is that considered a fever?",
        "I'm burning up and shaking, do I count that as fever? Chemo was Tuesday.",
        "It's 37.9 so do I count that as fever? Also I fainted in the kitchen an hour ago.",
    ],
)
def test_threshold_question_beside_a_fever_or_red_flag_flagged(message: str) -> None:
    assert_emergency(message)


# (6) a panic attack in the sentence before, its breathlessness passing


@pytest.mark.parametrize(
    "message",
    [
        (
            "I've had panic attacks every night since the scan. My heart races and I can't catch "
            "my breath for a minute, then it passes."
        ),
        "Panic attacks most nights. I can't breathe for a minute or two and then it settles.",
        (
            "My daughter says I'm having panic attacks. Can't get my breath, chest thumping, "
            "then it calms down."
        ),
    ],
)
def test_panic_in_the_sentence_before_passing_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        (
            "I get panic attacks before scans. Can't catch my breath and it's not passing, been "
            "an hour."
        ),
        "I had panic attacks last year. Today I can't breathe at rest.",
        (
            "I get panic attacks. Can't breathe properly since this morning, then it eased a bit "
            "but now it's back and my lips are blue."
        ),
        (
            "Panic attacks this week. Can't catch my breath for a minute then it passes. And I "
            "fainted in the shower an hour ago."
        ),
    ],
)
def test_panic_with_breathlessness_now_flagged(message: str) -> None:
    assert_emergency(message)


# (7) the writer's own stage or finished chemo beside a relative's finding


@pytest.mark.parametrize(
    "message",
    [
        (
            "Can mets cause seizures? Just wondering, my aunt in Nome had one. I'm stage 2, done "
            "with chemo, feeling fine."
        ),
        "my sister had a seizure this morning. I'm stage 4 myself, is it something I should fear?",
        (
            "Can brain mets make you pass out? My cousin fainted at church. Im stage 3 and all "
            "done with radiation, I feel ok."
        ),
    ],
)
def test_relative_beside_the_writers_own_stage_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I'm stage 3 and I had a seizure an hour ago.",
        "im stage 4, done with chemo, my husband says I'm slurring my words tonight",
        "My mom is stage 4 and she is having a seizure right now.",
        "My mum had a seizure an hour ago, I'm done with chemo appointments for her this week.",
    ],
)
def test_own_or_patients_red_flag_beside_a_stage_flagged(message: str) -> None:
    assert_emergency(message)


def test_rules_named() -> None:
    """The reasons name the rules staff will see."""
    assert "rf.self_harm.1" in emergency_rules(
        "some nights I think about just driving off the Sterling highway"
    )
    assert "rf.haemoptysis.1" in emergency_rules("cough w blood streaks since monday")


# (8) tags: burning feeling when passing urine, "wiped", a knot on the scar


def _tags(message: str) -> tuple[str, ...]:
    return classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "Since Monday a burning feeling when I pee, on Ibrance.",
        "Mum has a burning sensation when she wees, started yesterday.",
        "burning pain while I urinate and going all the time",
        "counts are low and I feel so wiped, can I skip a cycle?",
        "Dad's just wiped since the last infusion, sleeps all day.",
        "Knot on my scar that's new this week.",
        "There's a hard knot in my breast near the old incision.",
    ],
)
def test_symptom_wordings_tagged(message: str) -> None:
    assert "symptoms" in _tags(message), classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "No burning feeling when I pee anymore, thanks, can we book my follow-up?",
        "I wiped the app data and now can't log in to the portal.",
        "Can you send me the parking map? I wiped my phone.",
        "No knot on my scar, the surgeon checked, just need my records sent.",
        "My daughter tied a knot in the port cap string, is that ok for the appointment?",
    ],
)
def test_symptom_wordings_otherwise_not_tagged(message: str) -> None:
    assert "symptoms" not in _tags(message), classify(message).reasons
