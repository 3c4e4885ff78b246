"""Wordings changed in vocabulary 2026.11.149: a reviewer's findings on 2026.11.142-147.

Finding 5 (``ctx.time.weeks``, 2026.11.142): "the end / beginning / middle / first week of <MONTH>",
"mid-<MONTH>", "early in <MONTH>" named November out as the month of now, so on 4 December "I
coughed up a lot of blood at the start of December" read as weeks ago (priority). The lines are now
``ctx.time.month_part``, read by the engine against today's month (``engine.MONTH_PART``,
``_month_part_passed``): never the current month; the previous month's end, last week or second
half only after the 7th of this month.

Finding 8 (new patterns that raised 911 alarms on everyday text; each line's own purpose kept):
``rf.fever.1`` read an age ("I'm 41", "she's over 40") or a clock time ("at 1:40") as a reading
beside a fever medicine; ``rf.fever.180`` (HOT2, SHAKE2) read hot food and chilly weather;
``rf.self_harm.181`` read "can't wait to be done with it all" and a living relative ("want to go and
be with my daughter"); ``ctx.self_harm.resolve`` read a bare "thank you for everything" (with
``rf.self_harm.21``'s "my pills are ready"); ``rf.stroke.180`` read an eye appointment or the eye
doctor as the eye; ``rf.stroke.1`` read "smiling halfway through my chemo"; ``rf.seizure.180``
(UNRESP) read an office not answering the phone; ``rf.seizure.181`` (SZMOVE, SZAFTER) read a stiff
shoulder and pills that make one drowsy; ``rf.cord_compression.1`` read "Ugh, back on chemo";
``rf.confusion.2`` read an office that stopped responding.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.triage_support import (
    assert_emergency,
    assert_flagged,
    assert_not_emergency,
    set_triage_today,
    urgency_of,
    vocabulary_version,
)


def test_version() -> None:
    """This arrived in 2026.11.149; later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 149)


# -- finding 5: a part of a month read against today's month -------------------------------------


@pytest.mark.parametrize(
    ("today", "message"),
    [
        (date(2026, 12, 4), "I coughed up a lot of blood at the start of December"),
        (date(2026, 12, 2), "She had a seizure at the end of November"),
        (date(2026, 12, 5), "I fainted in the last week of November"),
        (date(2026, 11, 27), "I fainted mid-November"),
    ],
)
def test_a_part_of_this_month_or_last_month_end_is_now(
    monkeypatch: pytest.MonkeyPatch, today: date, message: str
) -> None:
    set_triage_today(monkeypatch, today)
    assert_emergency(message)


@pytest.mark.parametrize(
    ("today", "message"),
    [
        (date(2026, 11, 27), "I had a seizure at the end of October"),
        (date(2026, 12, 20), "I coughed up a lot of blood at the end of November"),
        (date(2026, 12, 4), "I coughed up a lot of blood mid-October"),
        (date(2026, 12, 4), "She had a seizure at the beginning of November"),
    ],
)
def test_a_part_of_a_passed_month_is_still_weeks_ago(
    monkeypatch: pytest.MonkeyPatch, today: date, message: str
) -> None:
    set_triage_today(monkeypatch, today)
    assert urgency_of(message) != "emergency"


# -- finding 8: everyday text ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # rf.fever.1: an age or a clock time is not a reading
        "I'm 41 and on letrozole, can I take ibuprofen for my knee?",
        "She's over 40 and just started chemo, is hair loss normal?",
        "I took Tylenol for my headache, my appointment is at 1:40 tomorrow",
        "She is 38 and we use Tylenol for her migraines, can she have it with tamoxifen?",
        "My appointment is at 2.40, can I take paracetamol before it?",
        "He's over 38 now and on tamoxifen, does that matter?",
        # rf.fever.180: hot food, chilly weather
        "It was so chilly this morning so I had hot soup. Can I move my appointment?",
        "It's chilly outside and I had a hot dinner, can I still have my infusion Tuesday?",
        "I drank hot milk because I felt chilly after the walk, is that OK before my scan?",
        # rf.self_harm.181: done with a treatment, a living relative
        "Only two more rounds of chemo, I can't wait to be done with it all!",
        "I need to reschedule, I want to go and be with my daughter.",
        "I can't wait to be done with it all, surgery Friday then radiation!",
        "I want to go and be with my mum this weekend, so please move my appointment.",
        # ctx.self_harm.resolve: a sign-off thanks
        "The pharmacy says my pills are ready. Thank you for everything!",
        "The prescription is ready to collect. Thank you for everything!",
        "Great news on the scan, thank you for everything!",
        # rf.stroke.180: the eye appointment or doctor is not the eye
        "My eye appointment is on Monday so I can't see Dr. Lee that day",
        "My eye appointment was fine, the eye doctor didn't see anything wrong",
        "I have an eye exam on Friday so I can't see you then",
        "My eye doctor could not see me this week",
        # rf.stroke.1: halfway through a treatment
        "Still smiling halfway through my chemo!",
        "Still smiling halfway through radiation!",
        "Smiling halfway into the treatment, thank you all",
        # rf.seizure.180: an office or a phone not answering
        "My hands have been shaking all week and the oncology office isn't answering the phone",
        "My hands shake and the clinic isn't answering, can someone call me?",
        "My legs are shaking and my doctor is not answering my messages",
        # rf.seizure.181: a stiff joint, a pill that makes one drowsy
        "My shoulder went stiff after radiation and the new pain pills make me drowsy",
        "My neck went stiff from sleeping funny and these pills make me groggy",
        "My knees go stiff in the morning and the anastrozole makes me drowsy",
        # rf.cord_compression.1: "back on" a treatment is not a back
        "Ugh, back on chemo again and my legs feel like lead",
        "Ugh, back on tamoxifen and my legs ache",
        "Oof, back on the ward tomorrow, my legs feel heavy",
        # rf.confusion.2: an office that stopped responding
        "My oncologist's office stopped responding, I've left 3 voicemails",
        "The pharmacy stopped responding to my emails",
        "The clinic stopped responding after I called twice",
    ],
)
def test_everyday_text_is_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # each line's own purpose, and the red flag said plainly
        ("ran 101 last night took tylenol now its normal", "fever"),
        ("Had 38.4 this morning before the panadol", "fever"),
        ("hit 101 but the advil fixed it", "fever"),
        ("she's up to 38.6", "fever"),
        ("She's over 39 degrees and shaking", "fever"),
        ("I'm shivering and burning up", "fever"),
        ("she's shaking and feels hot to the touch", "fever"),
        ("I want to go and be with my late husband", "self_harm"),
        ("I'm ready to go and be with my husband now", "self_harm"),
        ("I wish I could just be done with it all", "self_harm"),
        (
            "I've decided I'm done. I've got all my pills lined up. I just wanted to say thank you "
            "to Dr. Haines for trying.",
            "self_harm",
        ),
        ("My pills are all lined up. Thank you for everything you did for me.", "self_harm"),
        ("Sudden dark curtain over my right eye this morning, can't see out of it now", "stroke"),
        ("My left eye went black an hour ago, I can't see anything out of it", "stroke"),
        ("her smile only goes halfway since this morning", "stroke"),
        ("He stopped responding and went stiff, then his arms were jerking", "seizure"),
        ("She went stiff and then jerked all over and is drowsy now", "seizure"),
        ("He went rigid on the floor, now very groggy", "seizure"),
        ("Ow my back! can't feel my legs", "cord_compression"),
        ("My back pain is terrible and my legs went weak today", "cord_compression"),
        ("My mom stopped responding to us an hour ago", "confusion"),
        ("He suddenly stopped responding and is staring", "confusion"),
    ],
)
def test_the_red_flag_said_plainly_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)
