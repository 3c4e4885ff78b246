"""Wordings added in vocabulary 2026.11.60, from the errors of blind76 and blind77 on first sight.

blind76 (the first message a person sends after bad news or while something is happening to
them: patients, partners, adult children, friends) and blind77 (the words that matter hedged,
minimised or joked about - "probably nothing", "don't want to bother anyone", "lol" - or told as
a question, a comparison or a story) were written blind and scored once, unseen, on 2026.11.59
(0.978 / 0.950 / 0.950 and 0.978 / 0.854 / 0.946). Their misses: a drain dressing "changed four
times since 6pm and it's still coming"; a face that "feels numb and looks droopy"; a mum who'd
rather "'end it herself'"; "can't see out of the bottom half of my left eye, like a curtain's
come down"; "sudden blurry/black vision in one eye" asked as a side-effect question, then "It
went about an hour ago and hasn't come back"; "Numb in both thighs and round my bottom"; a
nosebleed "since 7pm (it's 9:30 now), I've pinched it and it keeps going"; "sitting up in bed to
breathe". Their false alarms: "What does spinal cord compression actually feel like?" (the term,
asked about); a husband who collapsed, "the paramedics were here in ten minutes; they checked him
over" two sentences on (assessed); a husband who "fainted at the sight of my drain" (a bystander);
"My mum's neighbour had a seizure" (someone else). Each class is tested in fresh wordings, both
ways; each remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.60; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 60)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # dressings changed again and again, the blood still coming
        (
            "Her wound is bleeding, we've replaced the gauze five times since lunch and it's "
            "still soaking.",
            "bleeding",
            "rf.bleeding.1",
        ),
        (
            "The port site: I changed the dressing three times tonight and it's still seeping red.",
            "bleeding",
            "rf.bleeding.1",
        ),
        (
            "Changed the pads six times in two hours, it is still coming through.",
            "bleeding",
            "rf.bleeding.1",
        ),
        # a clock time in brackets between the bleeding and "keeps going"
        (
            "Her gums have been bleeding since lunch (it's gone 5 now), she's pressed gauze on "
            "them and it keeps coming.",
            "bleeding",
            "rf.bleeding.1",
        ),
        (
            "The nose has been bleeding since 8 (now 10:15), we've pinched it and it just keeps "
            "going.",
            "bleeding",
            "rf.bleeding.1",
        ),
        (
            "Been bleeding from the biopsy site since 3pm (it's 6:40), I've held pressure and it "
            "keeps oozing.",
            "bleeding",
            "rf.bleeding.1",
        ),
        # the face felt, then seen drooping
        ("Mum says her face feels heavy and looks droopy on the right.", "stroke", "rf.stroke.1"),
        ("My mouth felt funny and is drooping at the corner since lunch.", "stroke", "rf.stroke.1"),
        ("His cheek is numb and has started sagging since tea time.", "stroke", "rf.stroke.1"),
        # "rather 'end it herself'": quoted, or with herself
        (
            'Dad keeps telling us he\'d rather "end it himself" than go back into hospital.',
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "I'd rather end it myself than do another round, honestly.",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "She said she would rather 'end it all' than lose her hair again, half joking.",
            "self_harm",
            "rf.self_harm.1",
        ),
        # part of one eye unseen, a curtain "'s come down", sudden black or blurry vision
        (
            "Since this morning I can't see out of the top half of my right eye.",
            "stroke",
            "rf.stroke.4",
        ),
        (
            "Her right eye went funny, like a grey curtain's come down over it.",
            "stroke",
            "rf.stroke.4",
        ),
        ("He had sudden dark vision in his left eye at teatime.", "stroke", "rf.stroke.4"),
        # a question, then the writer says it went and has not come back
        (
            "Does letrozole cause sudden blurred vision in one eye? Mine went about 40 minutes "
            "ago and it hasn't come back.",
            "stroke",
            "rf.stroke.4",
        ),
        (
            "Is it normal to lose the sight in one eye on Enhertu? It went two hours ago and "
            "hasn't come back.",
            "stroke",
            "rf.stroke.4",
        ),
        (
            "Can chemo make you suddenly lose vision in one eye? My vision went half an hour ago "
            "and still hasn't returned.",
            "stroke",
            "rf.stroke.4",
        ),
        # both thighs and the bottom numb (saddle)
        (
            "Numbness in my inner thighs and around my bum since yesterday.",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "She's numb down both legs and across her bottom since this morning.",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        (
            "numb in both thighs & round the groin since I woke up",
            "cord_compression",
            "rf.cord_compression.2",
        ),
        # orthopnoea: sitting up to breathe, unable to lie flat for the breath
        ("She's been sitting up in a chair all night to breathe.", "breathing", "rf.breathing.1"),
        (
            "I can't lie flat any more without gasping, so I sleep propped on pillows.",
            "breathing",
            "rf.breathing.1",
        ),
        (
            "Mum is propped up in bed just to get some air, can't lie down flat because of her "
            "breathing.",
            "breathing",
            "rf.breathing.1",
        ),
    ],
)
def test_missed_wordings_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # dressings changed on schedule, or the dressing, not the blood, still coming off
        "The nurse changed the dressing three times this week, all clean and dry.",
        "I changed the dressing four times since Monday because it keeps coming loose.",
        # a bleed in brackets that stopped
        "Nose was bleeding since 7pm (it's 9:30 now), I pinched it and it stopped at 7:15.",
        # numb face with no droop, or a droop from the dentist
        "My face feels numb and looks swollen after the dentist's injection.",
        "My face feels numb after the dentist and looks a bit puffy.",
        # "end it" of a treatment, or said of a book
        "I'd rather end it early than keep going with the radiotherapy, can I stop after 10 "
        "sessions?",
        "She'd rather end the chemo now than do two more cycles.",
        # vision: an eye test, a question only, a window blind
        "Is sudden blurry vision in one eye a side effect of tamoxifen? Just wondering for later.",
        "Can't see out of the bottom half of the window, the blind's come down again.",
        "The eye drops blur my vision for a minute after, it went about an hour ago and "
        "hasn't come back, which is fine.",
        # thighs numb alone (leg symptom), bottom numb from a long flight
        "Numb in both thighs after the long drive, went away once I stood up, no back pain.",
        # orthopnoea look-alikes
        "I sit up in bed to read at night now, no breathing problems.",
        "Can't lie flat because of the drain, it pulls on the stitches.",
    ],
)
def test_counterparts_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- false alarms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # the term, asked about by what it feels like
        "What would cord compression feel like, so I know what to watch for?",
        "How does spinal cord compression usually start? The nurse said to ring if I get it.",
        "What does 'spinal cord compression' look like in someone with bone mets?",
        # paramedics arrived, or were here, and checked: assessed
        "Dad collapsed on Saturday. I heard him fall. The paramedics were here within minutes; "
        "they checked him over, said he was dehydrated from the sickness bug and left him at "
        "home.",
        "She fainted in the kitchen yesterday and the ambulance crew arrived and said she was "
        "fine to stay home.",
        # a bystander fainting at the sight of the writer's drain, needle, blood
        "My boyfriend passed out at the sight of my drain yesterday, lol, he's fine now.",
        "My son fainted at the sight of my PICC line being flushed, typical.",
        "My sister nearly fainted at the sight of my stitches. When do they come out?",
        # a relative's neighbour, colleague, friend
        "My dad's neighbour had a seizure on this immunotherapy. Is that common?",
        "My wife's colleague collapsed at work during her chemo. Should we worry?",
        "My mum's friend coughed up blood on the same trial she's joining.",
    ],
)
def test_false_alarm_classes_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        # the writer's own red flag beside the remover, told as now
        (
            "What does spinal cord compression feel like? My back is killing me and both legs "
            "went weak this morning.",
            "cord_compression",
        ),
        (
            "My husband fainted at the sight of my drain, and then I fainted too an hour ago.",
            "collapse",
        ),
        ("I fainted at the sight of my drain this morning.", "collapse"),
        (
            "My mum's neighbour had a seizure on this chemo, and my mum had a seizure an hour ago.",
            "seizure",
        ),
        ("My dad's friend had a seizure last year. I had a seizure this morning.", "seizure"),
        # an assessment after a red flag in its own sentence: not another flag's
        (
            "She fainted this morning. I heard the thud. The paramedics checked her over and now "
            "she has chest pain.",
            "chest_pain",
        ),
        # a symptom before the assessment keeps the aside out
        (
            "She fainted this morning. I heard the thud. She has had diarrhoea all week and the "
            "GP saw her for it.",
            "collapse",
        ),
        # paramedics not yet there
        ("He collapsed an hour ago and fainted again before the paramedics arrived.", "collapse"),
        (
            "Threw up all night and haven't kept anything down since yesterday morning.",
            "dehydration",
        ),
    ],
)
def test_own_flag_beside_remover_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)
