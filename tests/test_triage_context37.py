"""Wordings added in vocabulary 2026.11.46, from the errors of blind51 on first sight.

blind51 (long messages, 519-1,050 characters, the whole story told with anything urgent said
once in passing; patients, partners, adult children, siblings, a bereaved husband) was written
blind and scored once, unseen, on 2026.11.45 (0.973 / 0.911 / 0.837). Its misses were a person
who "can't really wake" (an adverb between "can't" and "wake"), a severe headache told in a
relative clause after its date ("a headache since ... that's really severe"), a bleed told and
then "and it's still going" a few words on, and possessions given away. Its false alarms fixed
here: a bleed the writer says then stopped, confusion said to be "not new" / the baseline, and a
fever whose last treatment is dated first and then "over three months ago". Each class is tested
in fresh wordings, both ways; each remover beside the writer's own red flag.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.46; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 46)


# --- "can't really wake her" -------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Hello, it is my mother, since one hour we can't really wake her up, she only mumbles",
        "My husband is very sleepy today and I cannot properly wake him up, please help",
        "We could not even rouse my dad at all this evening after his morphine",
    ],
)
def test_cant_really_wake_her(message: str) -> None:
    assert_flagged(message, "confusion")


@pytest.mark.parametrize(
    "message",
    [
        "I can't really wake up in the mornings on the new tablets",
        "She can't quite wake up before 10 these days, is that the chemo?",
    ],
)
def test_cant_really_wake_up_early(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- a severe headache told in a relative clause ------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I have a headache from yesterday that is very very bad and I vomit two times this morning",
        "A headache since Sunday which is the worst I've ever had, and she's been sick three times",
        "My husband has a headache for two days that's really severe and he threw up this morning",
    ],
)
def test_headache_that_is_severe_with_vomiting(message: str) -> None:
    assert_flagged(message, "headache")


@pytest.mark.parametrize(
    "message",
    [
        "I've had a headache since Sunday that's not severe, I was sick once after the tablets",
        "I have headaches sometimes, which is annoying, and I was sick once from chemo",
    ],
)
def test_headache_that_is_not_severe(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- a bleed told, then "and it's still going" -------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My wife had a bleed from the back passage, lots of blood, and it's still going after "
        "an hour",
        "Dad's gums started to bleed, bright red, and it is still coming after his platelets "
        "were low",
        "Her wound began to bleed again at tea time and it's still pouring through the dressing",
    ],
)
def test_bleed_and_it_is_still_going(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "I had my blood test yesterday, but it's still going ahead on Friday?",
        "Her bleeding was checked and it's still going to be reviewed next week",
    ],
)
def test_blood_test_still_going_ahead(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- possessions given away ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I've been giving my things away this week, I don't see the point of anything",
        "Mum has given all her jewellery away and keeps saying goodbye to people",
        "He gave most of his belongings away on Sunday and won't say why",
    ],
)
def test_giving_possessions_away(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I'm giving my things away to the charity shop because we're moving to a bungalow",
        "She gave her wigs away now her hair is back",
    ],
)
def test_giving_away_for_a_move_or_wigs(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- a bleed that then stopped (a remover, scoped) ----------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "She had a nosebleed yesterday that went on for 45 minutes but it stopped with ice",
        "My nose was bleeding for over an hour last night, and then it stopped and there has "
        "been nothing since",
        "He had a nose bleed for an hour on Sunday, before it finally stopped with pinching",
    ],
)
def test_a_bleed_that_stopped(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "My nose was bleeding for over an hour last night, it stopped but started again this "
        "morning and won't stop",
        "Heavy bleeding from my port site that stopped with pressure, but now it has started "
        "again and keeps bleeding",
        "Mum's nosebleed stopped at lunch. My own gums have been bleeding for two hours and "
        "it won't stop",
    ],
)
def test_a_bleed_that_came_back_still_counts(message: str) -> None:
    assert_flagged(message, "bleeding")


# --- confusion said to be the baseline, not new (a remover, scoped) -----------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Mum has dementia and gets muddled, it is her baseline, nothing sudden",
        "She gets confused about her pills, that isn't new, she has had dementia for years",
        "Dad's confusion is his baseline with the Alzheimer's, the memory team see him",
    ],
)
def test_confusion_that_is_not_new(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "She has dementia, it isn't new, but this morning she is suddenly confused and does "
        "not know where she is",
        "My husband is confused today, that is not new for him with dementia but tonight he "
        "doesn't know who I am",
    ],
)
def test_new_confusion_beside_the_baseline_still_counts(message: str) -> None:
    assert_flagged(message, "confusion")


# --- the last treatment dated first, then "over three months ago" (a remover, scoped) ------------


@pytest.mark.parametrize(
    "message",
    [
        "My last chemo was in the spring, about four months ago, and today I have a "
        "temperature of 38.5 and chills",
        "Her last treatment was before Easter, so more than five months ago, but tonight she "
        "has a fever of 38.7",
        "His last chemo was at the end of June, three months ago. He has a temp of 38.9 tonight",
    ],
)
def test_last_treatment_months_ago_fever_is_not_the_red_flag(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "My last chemo was on Monday, my husband's was three months ago, and today I have a "
        "temperature of 38.5",
        "Her last chemo was at Christmas, over three months ago, but she is now on "
        "capecitabine and has a fever of 38.6",
        "My last chemo was last week and I have a fever of 38.4, my port was put in three "
        "months ago",
    ],
)
def test_recent_or_current_treatment_fever_still_counts(message: str) -> None:
    assert_flagged(message, "fever")


# --- chest wall pain, and pain set against heart pain (removers, scoped) -----------------------


@pytest.mark.parametrize(
    "message",
    [
        "Since the radiotherapy I have pain across my chest wall, the physio is helping",
        "She has tightness and aching in her chest wall since the mastectomy",
        "The ache in my ribs is different from heart chest pain, it's sore to touch and moves "
        "when I twist",
    ],
)
def test_chest_wall_pain_is_a_symptom(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "The pain is different from the chest pain I had before, it's crushing and I'm sweating",
        "My chest wall aches where the expander is, but since an hour I have crushing chest "
        "pain going to my arm",
        "I know it's different from heart chest pain, but tonight I have chest pain and my "
        "left arm is numb",
    ],
)
def test_chest_pain_beside_chest_wall_still_counts(message: str) -> None:
    assert_flagged(message, "chest_pain")


# --- staff who checked the vital signs on the spot (assessed, scoped) ---------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I fainted in the waiting room this morning, a nurse sat me down and checked my blood "
        "pressure and said it was low",
        "Mum passed out at the infusion centre today, the nurses laid her flat and took her "
        "blood pressure and pulse",
        "He collapsed in the radiotherapy room yesterday and the radiographers checked his "
        "sats and did his ECG",
    ],
)
def test_collapse_checked_on_the_spot_is_assessed(message: str) -> None:
    result = classify(message)
    assert result.urgency == "priority", result.reasons


@pytest.mark.parametrize(
    "message",
    [
        "I fainted an hour ago at home, can the nurses check my blood pressure tomorrow?",
        "I fainted at home an hour ago. Last week the nurse checked my blood pressure and it "
        "was fine",
        "They checked my blood pressure at chemo on Monday. Tonight I collapsed in the kitchen",
        "My husband passed out on the floor twenty minutes ago and I checked his pulse, it is fast",
    ],
)
def test_a_collapse_not_checked_still_counts(message: str) -> None:
    assert_flagged(message, "collapse")


# --- heavy periods told as "heavy bleeding" (a remover, scoped) ---------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "I've had heavy bleeding with my period for 8 days now, it's the normal kind, should I "
        "see the GP?",
        "Heavy bleeding this cycle, worse than my usual periods, I'm 44 and on Zoladex",
        "My periods are irregular on tamoxifen and I had heavy bleeding last week, period-type, "
        "not flooding",
    ],
)
def test_heavy_periods_are_a_symptom(message: str) -> None:
    result = classify(message)
    assert result.urgency != "emergency", result.reasons
    assert "symptoms" in result.tags


@pytest.mark.parametrize(
    "message",
    [
        "My period came and there is heavy bleeding, I'm soaking a pad every hour and feel faint",
        "I have heavy bleeding with my period and it won't stop, I'm on capecitabine",
        "Heavy bleeding from my back passage since this morning, my periods stopped years ago",
        "My periods stopped years ago but today I have heavy bleeding and clots",
        "Heavy bleeding from her wound since lunch",
    ],
)
def test_heavy_bleeding_that_is_not_a_period_still_counts(message: str) -> None:
    assert_flagged(message, "bleeding")
