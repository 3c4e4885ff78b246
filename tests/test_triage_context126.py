"""Wordings changed in vocabulary 2026.11.136: red flags told with time words the classifier
misread, from a clinical safety reviewer's probes of time (reviewer Y, ids py-).

The gaps, each read as a class (sources are the probe ids):

- phone-style and shortened day words ("yday", "last nite", "this am", "since tues") and an old
  red flag's quiet years ended by "then one yday" (py-005, py-143, py-172): ctx.time.recent,
  the BACKNEXT / BACKBARE / new BACKTHEN macros of rf.seizure.4, ctx.backref.seizure ("history of
  fits"), ctx.negation.pseudo ("none for 30 yrs, then").
- fits named bare at the start of a sentence ("fits again this morning"), a blank spell with
  shaking (py-006, py-134): rf.seizure.130.
- counts of mornings, hours and days in short or second-language forms ("the last 2 mornings",
  "a couple days back", "since 2 days", "hace 2 dias", "started Tuesday") (py-140, py-141):
  ctx.time.recent.
- a season of now or a month told with a daily trend ("this winter, a bit more each day",
  "every day since October") (py-174, py-175): ctx.time.weeks no longer reads "this winter",
  ctx.time.ongoing reads "every day since <month>".
- a date told in an aside: a diagnosis dated after a comma ("bone mets diagnosed last year"), a
  day of the month with no month ("on the 25th" now, "on the 14th" weeks ago), an overdose with
  its date before "on purpose" (py-129, py-142, py-161): ctx.time.ongoing, ctx.time.day_month with
  engine._days_ago_bare, rf.self_harm.1.
- bleeding told by its hours and still oozing, or very heavy with clots (py-059, py-141):
  rf.bleeding.130.
- blood "when coughing" (py-169, an unsure label kept as an emergency): rf.haemoptysis.130.
- nothing drunk "that stayed down" (py-147): rf.dehydration.1.
- a head that "has been pounding" (py-116): tag.symptoms.headache_severe.
- "the same pain again" after a chest pain named before (py-027): rf.chest_pain.2.
- false alarms: "the other week", "the winter before last", "back in '19", a season guessed after
  "a while ago" (py-033, py-164, py-165, py-171): ctx.time.weeks, ctx.time.remote,
  ctx.time.recent.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.triage_support import (
    assert_emergency,
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    set_triage_today,
    urgency_of,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.136; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 136)


# (1) phone-style and shortened day words


@pytest.mark.parametrize(
    "message,flag",
    [
        ("Mum had fits as a girl, none for 40 years, then one yday in the garden", "seizure"),
        ("history of fits since her stroke in 2015, had a bad one yday, still sleepy", "seizure"),
        ("I used to faint as a teen. Passed out cold last nite, first time in 20 yrs", "collapse"),
        (
            "legs numb and weak since weds, back pain, radiation to the spine in May",
            "cord_compression",
        ),
        ("coughed up blood this am, biopsy was in March", "haemoptysis"),
    ],
)
def test_phone_day_words_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "She had seizures as a kid, none for 30 yrs.",
        "Seizures as a child, none for 30 years, then she started chemo in 2024.",
        "My dad had a fit yday, he's epileptic and the paramedics checked him.",
    ],
)
def test_phone_day_words_quiet_counterparts(message: str) -> None:
    assert_not_emergency(message)


# (2) fits named bare, a blank spell with shaking


@pytest.mark.parametrize(
    "message",
    [
        "Fits again this morning, like when she was little",
        "fits again today, the same as in her twenties",
        "went blank and shook for a minute earlier, they said in 2021 this might happen",
        "He went blank, then jerked all over for a few seconds",
    ],
)
def test_bare_fits_and_blank_spells_flagged(message: str) -> None:
    assert_flagged(message, "seizure")


@pytest.mark.parametrize(
    "message",
    [
        "The dress fits again today after the weight came back",
        "My mind goes blank when the doctor talks about scans",
        "She went blank and shook for a minute when she was 12, nothing since",
    ],
)
def test_bare_fits_quiet_counterparts(message: str) -> None:
    assert_not_emergency(message)


# (3) counts in short or second-language forms


@pytest.mark.parametrize(
    "message,flag",
    [
        ("coughing blood the last 3 mornings, had my lung biopsy in June", "haemoptysis"),
        ("fainted a couple days back, had surgery in April", "collapse"),
        ("chest pain since 2 days, my chemo was in September", "chest_pain"),
        ("dolor de pecho hace 2 dias, quimio en octubre", "chest_pain"),
        ("Seizure started Tuesday, she had brain radiation in August", "seizure"),
    ],
)
def test_short_counts_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "I coughed up blood for 2 days in March, nothing since, the ER checked me then",
        "Fainted 3 weeks back, fine since",
        "Can Herceptin cause chest pain for a couple of days?",
    ],
)
def test_short_counts_quiet_counterparts(message: str) -> None:
    assert_not_emergency(message)


# (4) a season of now, a month with a daily trend


@pytest.mark.parametrize(
    "message",
    [
        "I've been coughing up blood this winter, a little more each day",
        "spitting blood every day since September, never mentioned it",
        "fainting daily since October and no one has seen me",
    ],
)
def test_season_of_now_or_daily_since_a_month_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I coughed up blood last winter, nothing since",
        "I fainted once in October, nothing since",
        "Last summer I had a seizure, none since, can I drive?",
    ],
)
def test_season_or_month_past_quiet(message: str) -> None:
    assert_not_emergency(message)


# (5) a date told in an aside


@pytest.mark.parametrize(
    "message,flag",
    [
        (
            "my legs gave way on the 25th, back pain for days, brain mets diagnosed last year",
            "cord_compression",
        ),
        ("legs are weak and my back hurts so much, bone mets found in 2023", "cord_compression"),
        (
            "I swallowed too many of my tablets on the 25th, deliberately. I feel ok now",
            "self_harm",
        ),
        ("took lots of my painkillers yesterday on purpose, I haven't told anyone", "self_harm"),
        ("Chest pain on the 14th and again today, worse now", "chest_pain"),
        ("burning up 102 after chemo on the 2nd", "fever"),
    ],
)
def test_dated_asides_flagged(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "Chest pain on the 14th, lasted a few minutes, nothing since.",
        "I fainted on the 12th, nothing since, feel fine now.",
        "When my bone mets were diagnosed in 2019 I had back pain and weak legs.",
    ],
)
def test_dated_asides_quiet(message: str) -> None:
    assert_not_emergency(message)


# (6) bleeding told by its hours, or very heavy with clots


@pytest.mark.parametrize(
    "message",
    [
        "my gums bled for hours on Sunday and they're still oozing",
        "nose bled for 3 hours last night and it's still dripping now",
        "vaginal bleeding since yesterday, very heavy with big clots, I'm 70",
        "the blood is really heavy and clots, started Tuesday",
    ],
)
def test_bleeding_hours_or_heavy_clots_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "my gums bled for hours in 2020 at the dentist, none since",
        "my nose bled for hours on Sunday but it stopped and hasn't come back",
        "I used to have heavy periods with clots before the menopause",
    ],
)
def test_bleeding_hours_or_heavy_clots_quiet(message: str) -> None:
    assert_not_emergency(message)


# (7) blood when coughing


@pytest.mark.parametrize(
    "message",
    [
        "I recently had some blood when coughing, should I mention it?",
        "there's bright red blood when she coughs since last night",
        "streaks of blood every time I cough today",
    ],
)
def test_blood_when_coughing_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "Is blood when coughing a side effect of Enhertu?",
        "I had blood when coughing in 2019 with pneumonia, none since",
        "No blood when coughing, just a dry tickle since Monday",
    ],
)
def test_blood_when_coughing_quiet(message: str) -> None:
    assert_not_emergency(message)


# (8) nothing drunk that stayed down


@pytest.mark.parametrize(
    "message",
    [
        "hasnt drunk anything that stayed down since yesterday morning, sick all night",
        "She hasn't had any water that stays down in 2 days, vomiting",
        "I haven't drunk a drop that stayed down since Wednesday, throwing up",
    ],
)
def test_nothing_drunk_stayed_down_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "Last year on chemo I hadn't drunk anything that stayed down for days.",
        "What should I do if nothing I drink stays down on chemo?",
    ],
)
def test_nothing_drunk_stayed_down_quiet(message: str) -> None:
    assert_not_emergency(message)


# (9) a head that has been pounding, with vomiting


@pytest.mark.parametrize(
    "message",
    [
        "my head has been pounding for 48 hrs, puking, cant look at light",
        "Her head's been pounding since yesterday and she keeps throwing up",
        "head has been splitting all day and I've vomited twice",
    ],
)
def test_head_has_been_pounding_flagged(message: str) -> None:
    assert_flagged(message, "headache")


@pytest.mark.parametrize(
    "message",
    [
        "My head has been pounding with all these appointments, no other symptoms.",
        "In 2018 my head had been pounding for days and I vomited, it was a migraine.",
    ],
)
def test_head_has_been_pounding_quiet(message: str) -> None:
    assert_not_emergency(message)


# (10) the same pain again after a chest pain named before


@pytest.mark.parametrize(
    "message",
    [
        "last winter I had chest pain from a clot. since Monday I have the same pain again",
        "Chest pain in 2020 from a PE. Now the same pain is back tonight",
        "I had a chest pain episode years ago. This morning the same kind of pain again, left side",
    ],
)
def test_same_pain_again_flagged(message: str) -> None:
    assert_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I had chest pain in 2019. The same pain again in my knee today",
        "last winter I had chest pain. I never had the same pain again",
        "My hip hurt last year and now the same pain again",
    ],
)
def test_same_pain_again_quiet(message: str) -> None:
    assert "rf.chest_pain.2" not in emergency_rules(message)


# (11) false alarms quiet, and the red flag said now beside each remover still fires


@pytest.mark.parametrize(
    "message",
    [
        "I had a bit of chest pain the other week after lifting boxes but it went in a day.",
        "I had a seizure back in '19, none since. Can I get the flu jab?",
        "I had a nosebleed that wouldn't stop the winter before last.",
        "I had a faint a while ago, not sure exactly when, maybe summer",
    ],
)
def test_old_time_words_quiet(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message,flag",
    [
        ("I had chest pain the other week and have crushing chest pain now", "chest_pain"),
        ("I had a seizure back in '19 and another one this morning", "seizure"),
        (
            "nosebleed the winter before last, and now my nose is bleeding and won't stop",
            "bleeding",
        ),
        ("I fainted a while ago and I still feel dizzy", "collapse"),
        ("I had a faint a while ago, maybe an hour", "collapse"),
        ("chest pain on the 25th, still there", "chest_pain"),
    ],
)
def test_removers_leave_the_red_flag_now(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# the bare day of the month, read against today at the month's edges (engine._days_ago_bare)


@pytest.mark.parametrize(
    ("today", "day", "days_ago"),
    [
        ((2026, 11, 27), 14, 13),  # earlier this month
        ((2026, 11, 27), 27, 0),  # today
        ((2026, 12, 3), 30, 3),  # still ahead this month: the previous month's 30th
        ((2027, 1, 3), 30, 4),  # ... across the new year
        ((2026, 12, 1), 31, None),  # the previous month has no 31st: unread, so now
        ((2027, 3, 2), 29, None),  # no 29 February in 2027
    ],
)
def test_a_bare_day_of_the_month_is_dated_in_this_month_or_the_last(
    monkeypatch: pytest.MonkeyPatch,
    today: tuple[int, int, int],
    day: int,
    days_ago: int | None,
) -> None:
    from intake.triage import engine

    set_triage_today(monkeypatch, date(*today))
    assert engine._days_ago_bare(day) == days_ago


def test_a_bare_day_within_a_week_still_fires_and_one_long_ago_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    set_triage_today(monkeypatch, date(2027, 1, 3))
    assert_flagged("Chest pain on the 30th, still there, crushing", "chest_pain")
    assert urgency_of("Chest pain on the 14th, lasted a few minutes, nothing since") != "emergency"
