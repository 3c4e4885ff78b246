"""Wordings added in vocabulary 2026.11.58, from the errors of blind72 and blind73 on first sight.

blind72 (readers of the clinic's article on metastatic breast cancer writing about what they
read and mentioning their own symptoms in passing, red flags told casually, many chronic or
known) and blind73 (advanced disease at home, palliative and hospice care, carers; known chronic
symptoms beside new or sudden changes) were written blind and scored once, unseen, on 2026.11.57
(0.959 / 0.907 / 0.886 and 0.984 / 0.951 / 0.886). Their misses: new back pain with "numbness and
pins and needles in both feet"; "I'd rather end it now than go through what's coming"; arm and
face swollen with breathlessness, hidden by "where they first found the spread" read as an
assessment; "started jerking all down her right side and wouldn't answer me"; a wound bleed
"pressed on it for 40 minutes ... still soaking through". Their false alarms: suicidal thoughts
told as over ("those are long gone", "then and got counselling"); confusion "building up
slowly"; "Does confusion always mean ...?" and an aunt confused "right at the end"; the woman in
the article's case story; a brother-in-law "not a patient of yours"; a weak hand "since the brain
met was found in 2022"; "didn't know who does it"; "they saw me the same day"; incontinence "for a
couple of years since her hip surgery". Each class is tested in fresh wordings, both ways; each
remover beside the writer's own red flag told as now. b72-094 (chest twinges on twisting since
new physio exercises, not at rest) is a disputed label, not a class: see docs/triage.md.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.58; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 58)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # new back pain with numbness told beside pins and needles, in both feet or legs
        (
            "My lower back started hurting on Tuesday and now I have tingling and numbness in "
            "both legs.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "Mum has new pain in her spine since Friday, and pins and needles in both her feet "
            "since this morning.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "Back pain for three days, numbness & tingling in my feet since last night.",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        # rather end it than go on
        (
            "Honestly I'd rather end it all than watch my family go through this.",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "He told me tonight he would rather end things now than go into the hospice.",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "Some days I'd just rather not be here any more.",
            "self_harm",
            "rf.self_harm.1",
        ),
        # swelling with breathlessness, the diagnosis told as where they first found it
        (
            "My face and neck puffed up this week and I'm short of breath lying flat. It was in "
            "my chest nodes where they first found the cancer.",
            "svc",
            "rf.svc.1",
        ),
        (
            "Her arm and face are swollen since yesterday and she is breathless. Originally they "
            "found the spread in her lungs.",
            "svc",
            "rf.svc.1",
        ),
        (
            "His neck has swollen up since Monday and he gets breathless, the doctors initially "
            "found the mets in his chest.",
            "svc",
            "rf.svc.1",
        ),
        # jerking down one side, or jerking then not answering
        (
            "Ten minutes ago Dad started twitching down his left side, it lasted a minute.",
            "seizure",
            "rf.seizure.2",
        ),
        (
            "She was jerking along the right side of her body and it has only just stopped.",
            "seizure",
            "rf.seizure.2",
        ),
        (
            "My husband's arm was jerking and then he didn't respond to me for a few minutes.",
            "seizure",
            "rf.seizure.2",
        ),
        # pressure held ten minutes or more and still bleeding
        (
            "Her nose started bleeding at tea time, I've held pressure on it for half an hour "
            "and it's still dripping.",
            "bleeding",
            "rf.bleeding.1",
        ),
        (
            "The tumour wound is bleeding, we've been pressing on it for 25 minutes and it's "
            "still oozing through the pad.",
            "bleeding",
            "rf.bleeding.1",
        ),
        (
            "Bleeding from his gums, pinched with gauze for over an hour, still coming.",
            "bleeding",
            "rf.bleeding.1",
        ),
    ],
)
def test_miss_classes_now_fire(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # feet from chemotherapy, no back pain; back pain with tingling in 2019
        "Numbness and pins and needles in both feet from the paclitaxel, for months now.",
        "In 2019 I had back pain with tingling and numbness in both legs, all resolved.",
        # rather ... with a job, a question
        "I'd rather end it with my contract job now than go part time.",
        "Is it normal to think I'd rather end it all? Asking for a leaflet for my group.",
        # swelling without breathlessness; assessed
        "My arm swelled up this week. They first found the cancer in my armpit nodes.",
        "Face and arm swollen and breathless since Monday, the ER saw me yesterday and did a "
        "CT scan.",
        # jerking that is not a seizure
        "Can jerking down one side be a sign of brain mets?",
        "She had jerking down her left side years ago, none since.",
        # pressure stopping the bleed; a short press
        "Nosebleed this morning, pressed on it for 10 minutes and it stopped.",
        "Bleeding from the wound last night, we pressed on it for 15 minutes and it stopped; it's "
        "still sore.",
    ],
)
def test_miss_class_counterparts_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- false alarms: thoughts of suicide told as over --------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "After my diagnosis I had thoughts of suicide, those thoughts are long gone now.",
        "I had suicidal thoughts then and got help from the hospice counsellor. I'm doing okay.",
        "When the mets were found I felt suicidal, that is well behind me.",
    ],
)
def test_suicidal_thoughts_told_as_over_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own thought told as now, in another segment or sentence
        "I had thoughts of suicide in 2021, those are long gone. But since last night I've "
        "been thinking about ending my life.",
        "Suicidal thoughts then and got counselling. Now they're back and I want to die.",
        "Those thoughts are long gone, I said. Tonight I'm suicidal again.",
    ],
)
def test_own_thought_now_still_fires(message: str) -> None:
    assert_flagged(message, "self_harm")


# --- false alarms: confusion building up slowly ------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Dad has been muddled for a few weeks, it's come on gradually.",
        "She's been more confused since the autumn, creeping up bit by bit.",
        "Disoriented in the evenings, slowly building up over about three weeks.",
    ],
)
def test_confusion_building_slowly_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Muddled for weeks, building up slowly, but this morning she's suddenly very confused.",
        "It came on gradually, and tonight he is much more confused and doesn't know me.",
    ],
)
def test_sudden_confusion_beside_slow_still_fires(message: str) -> None:
    assert_flagged(message, "confusion")


# --- false alarms: a question; a relative at the end of life -----------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Does confusion usually mean the cancer has reached the brain?",
        "Do seizures always mean brain mets? Just reading about it.",
        "My gran got very confused right at the end, years before any of this.",
    ],
)
def test_question_and_end_of_life_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Does confusion always mean brain mets? Mum has been very confused since this morning.",
        "My aunt got confused right at the end. Now my husband is suddenly confused today.",
    ],
)
def test_own_confusion_beside_question_still_fires(message: str) -> None:
    assert_flagged(message, "confusion")


# --- false alarms: someone in the article; an in-law not a patient -----------------------------


@pytest.mark.parametrize(
    "message",
    [
        "The lady in your article collapsed at home. Is that common?",
        "The patient from the case study had a seizure at work. Scary reading.",
        "Sister-in-law fainted at the wedding on Saturday, she's not a patient of yours.",
        "My father-in-law collapsed yesterday - he is not your patient, he has no cancer.",
    ],
)
def test_article_person_and_in_law_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "The woman in your article had a seizure. I had a seizure too this morning.",
        "Brother-in-law collapsed yesterday, he's not a patient of yours. I fainted today too.",
        "My mother-in-law collapsed this morning. She's your patient, on Enhertu.",
    ],
)
def test_writer_own_flag_beside_article_or_in_law_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- false alarms: long-standing weakness, incontinence; assessed; "who does it" ---------------


@pytest.mark.parametrize(
    "message",
    [
        "His right arm has been weak since the brain tumour was removed in 2021, unchanged.",
        "Her left leg has been weak since the brain met was treated three years ago.",
        "Incontinent for years since my bladder surgery, could I have more pads?",
        "Mum has been incontinent for a couple of years since having the kids, no change.",
        "Blood in my sputum on Tuesday, they saw me the same day and did a chest x-ray.",
        "Called the triage line about a fever, the nurses assessed me that afternoon.",
        "The carer's assessment - nobody knew who does it. Who should we ask?",
        "We didn't know who arranges the hospital bed delivery.",
    ],
)
def test_longstanding_assessed_admin_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "Her left hand has been weak since the brain met was found in 2022, but today her "
            "face is suddenly drooping and her right arm is weak.",
            "stroke",
        ),
        (
            "Incontinent for years since her hip surgery, but since yesterday she has new back "
            "pain and can't feel her bottom.",
            "cord_compression",
        ),
        (
            "Mum has been incontinent for two years. Since this morning she has also lost control "
            "of her bowels, that is new.",
            "cord_compression",
        ),
        ("Dad doesn't know who I am since this morning.", "confusion"),
    ],
)
def test_new_flag_beside_longstanding_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)
