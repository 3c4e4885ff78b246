"""Wordings added in vocabulary 2026.11.62, from the errors of blind80 to blind83 on first sight.

blind80 (messages from rural Alaska and people far from the clinic: travel, weather, village
clinics, health aides, medevac), blind81 (short phone messages in a hurry, abbreviations, typos),
blind82 (treatment side effects week by week) and blind83 (family members and carers writing,
pronouns that shift; trials, second opinions) were written blind and scored once, unseen, on
2026.11.61 (0.971 / 0.975 / 0.867, 0.976 / 1.000 / 0.953, 0.978 / 1.000 / 0.932 and 0.976 / 0.878
/ 0.973). Their misses: not answering when spoken to, told in the past tense; "to suddenly not
know where they are" asked, then told of Dad, and asking for a mother who died; a boss who "sent
me home" read as a discharge; "(she's the one with the cancer, not dad)" read as a negation;
"thinking about how I would end it" and "I don't want to keep going."; "shivering fits". Their
false alarms: "yrs ago"; "if / in case it happens again" read as a return; a listed checklist
answered "None of those"; "kept her in for observation", "the ward treated her", a medevac told
without "was"; "Still hurts but not as bad" read as worse after an assessment; a clinic's
protocol for fever in its patients; "Do people ever react to ...?"; a child's fever told by a
writer cancelling their own appointment. Each class is tested in fresh wordings, both ways; each
remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.62; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 62)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # not answering when spoken to, in the past tense (rf.confusion.2)
        (
            "Mum wouldn't respond when I spoke to her this morning, she just stared at the wall.",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "Tonight he didn't answer when we said his name, only looked at us.",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "My wife couldn't react when we tried to talk to her an hour ago.",
            "confusion",
            "rf.confusion.2",
        ),
        # "to suddenly not know where they are", asked and then told of a relative
        (
            "Can radiation make you suddenly not know where you are? My mum has been like that "
            "since breakfast.",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "Is it a side effect to just not know who we are? My husband's been like this all day.",
            "confusion",
            "rf.confusion.2",
        ),
        # asking for a relative who died, the death told beside it
        (
            "Since this morning Dad keeps asking for his mother, who died in 1998.",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "She has been asking where her husband is all evening, and he passed away last spring.",
            "confusion",
            "rf.confusion.2",
        ),
        (
            "Gran kept asking about her sister today even though she died years ago.",
            "confusion",
            "rf.confusion.2",
        ),
        # a boss, a school or a workplace that sent the person home is not an assessment
        (
            "I passed out at the cannery this morning and my supervisor sent me home.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "She fainted in class yesterday and the school sent her home, she's on chemo.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "Collapsed on my shift last night, they sent me home from work early.",
            "collapse",
            "rf.collapse.1",
        ),
        # "not <person>" closed by a bracket or a comma says who, not whether
        (
            "My wife, not me, has been coughing up blood since this morning.",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        (
            "It's my sister (the patient, not my mum) who collapsed in the shop today.",
            "collapse",
            "rf.collapse.1",
        ),
        (
            "The one on chemo is Mum, not him, and she had a seizure an hour ago.",
            "seizure",
            "rf.seizure.1",
        ),
        # how the writer would end it; not wanting to keep going, ending its sentence
        ("Lately I keep wondering how I could finish it all.", "self_harm", "rf.self_harm.1"),
        ("I've been planning how to end it, I'm so tired.", "self_harm", "rf.self_harm.1"),
        ("I do not really want to keep going any more.", "self_harm", "rf.self_harm.1"),
        ("She told me she doesn't want to carry on.", "self_harm", "rf.self_harm.1"),
        # shivering fits, bouts or attacks: rigors
        ("On Taxol, been having shivering attacks since lunch.", "fever", "rf.fever.2"),
        (
            "Bouts of shivering all night, temp only 37.4, chemo last week.",
            "fever",
            "rf.fever.2",
        ),
        ("Mum keeps getting shivering spells today, she's on Ibrance.", "fever", "rf.fever.2"),
    ],
)
def test_misses_now_emergencies(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


# --- false alarms and counterparts ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # unanswered calls and texts, and not knowing where a place or a thing is
        "The home nurse didn't answer when I called twice this morning.",
        "She didn't respond when I texted her about the appointment.",
        "The aide in our village isn't answering the phone.",
        "I'm worried she'll not know where they are parking for the scan.",
        "Mum keeps asking where my dad is, he's at work until six.",
        # a discharge or a ward, still an assessment
        "I fainted yesterday at chemo and the day unit sent me home after fluids.",
        # "not" with a person that denies
        "Nobody in the house, not me or my wife, has had a fever.",
        # ending something else; going on with a thing
        "I'm thinking about how I would end it with my boyfriend.",
        "I don't want to keep going to the ER for every little thing.",
        "I don't want to keep going with chemo if it isn't working, can we talk options?",
        # shivering fits long ago or after treatment ended months ago
        "I had shivering fits years ago with malaria.",
        "No shivering fits, no fever, just tired.",
        # the abbreviation of years
        "seizure yrs ago, none since. q about my port",
        "coughed up blood many yrs back w pneumonia, fine now",
        # a condition or a precaution, not a return
        "She was confused last year with an infection. If that happens again should we call 911?",
        "I collapsed in 2021. Can I have a card for my wallet in case it happens again?",
        "He had a seizure as a teen. What do we do if he ever has one again?",
        # a listed checklist answered for all its items
        "Chest pain, shortness of breath, fever? None of those. Just want my results.",
        "Bleeding, confusion, chills? Nope to all of those.",
        # kept in, days in hospital, a ward that treated her, a medevac without "was"
        "He had a seizure on Friday, the ward kept him in for observation and he's home now.",
        "My fever was 38.9 on Monday, 3 days in hospital, home now and fine.",
        "The infusion nurses treated her swollen lips yesterday during the drip.",
        "Medevaced to Bethel on Tuesday with chest pain, they did an ECG, home now.",
        # easing after an assessment
        "Had chest pain Saturday, the ER checked me and said it's muscular. Still sore but much "
        "better.",
        # a clinic's protocol for its patients
        "I'm a nurse in Unalakleet. Is there a guideline for treating fever in your "
        "immunotherapy patients?",
        # people in general
        "Do patients ever get chest pain on Enhertu? My friend did.",
        # the writer cancelling their own appointment for a child's fever
        "my daughter has a temp of 39 so I have to cancel my appt tomorrow, can we rebook",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- the writer's own red flag beside each remover still fires ---------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # a boss sent me home, and then the writer's new red flag
        (
            "My boss sent me home yesterday. Today I fainted in the shower.",
            "collapse",
            "rf.collapse.1",
        ),
        # a denial beside "not dad" still denies its own clause, and the writer's flag fires
        (
            "It's Mum with the cancer, not dad, and she's coughing up blood tonight.",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        # a conditional "again" beside a return now
        (
            "I had a seizure last year, in case it happens again I want a plan, and it happened "
            "again this morning.",
            "seizure",
            "rf.seizure.1",
        ),
        # a checklist answered for some items, and a red flag told after it
        (
            "Fever, chills, cough? None of those. But I coughed up blood an hour ago.",
            "haemoptysis",
            "rf.haemoptysis.1",
        ),
        ("Fever, chills? Yes. 38.9 and on chemo.", "fever", "rf.fever.1"),
        # an assessment, then worse
        (
            "Had chest pain Saturday and the ER checked me. Still hurting and much worse today.",
            "chest_pain",
            "rf.chest_pain.1",
        ),
        # protocol asked for, and the writer's patient has a fever now
        (
            "Could we get your protocol for fever in your chemo patients? Mrs K has a fever of "
            "39.2 right now.",
            "fever",
            "rf.fever.1",
        ),
        # asked of people in general, then the writer's own reaction now
        (
            "Do people ever react to herceptin with swollen lips? My lips are swelling right "
            "now during today's infusion.",
            "infusion_reaction",
            "rf.infusion_reaction.1",
        ),
        # the writer cancels and has a fever too; a carer cancelling the patient's chemo
        (
            "my son is sick so i gotta cancel tmrw, and I have a fever of 101 myself, on chemo",
            "fever",
            "rf.fever.1",
        ),
        (
            "my wife has a fever of 102 so we have to cancel her chemo tomorrow",
            "fever",
            "rf.fever.1",
        ),
        # a non-patient's fever: the writer who is the patient's husband keeps his red flag only
        # when it is the patient's
        (
            "I'm the husband of one of your patients. She has a temperature of 38.6 tonight.",
            "fever",
            "rf.fever.1",
        ),
    ],
)
def test_own_red_flag_still_fires(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)
