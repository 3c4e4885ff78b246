"""Wordings changed in vocabulary 2026.11.131: a clinical safety reviewer's probes (reviewer W3,
headache and dehydration / no urine, on 2026.11.125: 7 of 44 emergencies found, 5 of 16 false
alarms).

The gaps, each read as a class (probe ids `pw-` in `tests/data/triage_review_probes.jsonl`):

- a severe headache told by a word or a score the lists lacked ("Migraine from hell", pw-152;
  "a really nasty headache", pw-168; "headache 8/10", pw-158): tag.symptoms.headache_severe_lay.
- the head itself told as severe without "ache" ("head feels like it's going to burst", pw-153;
  "her head is 'exploding'", pw-160; "my head is screaming", pw-167; "a horrible head", pw-161;
  "the worst head on me", pw-171; "a bad head", pw-172; "pain at the back of my skull is
  unbearable", pw-163): tag.symptoms.headache_severe_lay.
- vomiting in slang or told by the food brought back up ("vommed", pw-155; "hurled", pw-157;
  "brought my breakfast back up", pw-154): tag.symptoms.vomiting_lay.
- a stiff neck in other words ("neck's seized up", pw-156; "neck's gone stiff", pw-172; "hurts
  when I try to nod", pw-159; "too sore to move", pw-164; "chin won't go to chest", pw-166):
  tag.symptoms.stiff_neck.
- a sign asked about in general as "something I should go to the ER for" ("Is a headache with a
  stiff neck something I should go to the ER for?", pw-175): ctx.hypothetical.pre (a remover).
- a meal told with a day or a date is not under 24 hours ("since breakfast Wednesday", pw-121;
  "since lunch on the 25th", pw-122): ctx.fluids.short narrowed.
- no fluids kept down in other words (pw-124, pw-125, pw-126, pw-133, pw-135, pw-137, pw-138,
  pw-139): rf.dehydration.1.
- every drink told as reappearing or out the other end (pw-123, pw-134, pw-142): rf.dehydration.20.
- vomiting since an evening hour last night and "it's now" a morning hour, under 24 hours
  (pw-143): ctx.fluids.short_span (a remover).
- two drinks told as staying down fine ("I'm drinking water and tea fine", pw-150): ctx.fluids.kept
  (a remover).
- no urine in other words or told by an empty container ("no pipi", pw-132; "the catheter bag
  has been empty since last night", pw-140; "bottle by the bed ... he usually fills it", pw-130):
  rf.dehydration.2.
- the last wee told as "went for a wee" or "the last wee she did" (pw-128, pw-131), and a morning
  hour against an evening hour at least one hour later on the clock (pw-129, pw-136):
  rf.dehydration.3.
- since lunch or breakfast and "it's" an hour of the same day, under 12 hours ("I haven't peed
  since lunchtime and it's 4pm", pw-145): ctx.urine.short_span (a remover).
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    urgency_of,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.131; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 131)


# a severe headache told by a word or a score the lists lacked


@pytest.mark.parametrize(
    "message",
    [
        "Nasty headache since lunch and I've been sick three times.",
        "She has a wicked migraine and keeps vomiting.",
        "Headache from hell this evening, threw up twice.",
        "My headache is a 7/10 and I keep throwing up.",
        "headache about 8 out of 10 and vomiting since noon",
    ],
)
def test_severity_word_or_score_flagged(message: str) -> None:
    assert_flagged(message, "headache")
    assert "rf.headache.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "Nasty headache since lunch, no vomiting at all.",
        "I had a headache from hell last year and threw up, it was a migraine.",
        "My headache was 8/10 in March and I was sick with it.",
        "Is a nasty headache with vomiting a side effect of Enhertu?",
        "headache 3/10 and I threw up once",
    ],
)
def test_severity_word_or_score_quiet(message: str) -> None:
    assert_not_emergency(message)


# the head itself told as severe without "ache"


@pytest.mark.parametrize(
    "message",
    [
        "My head feels like it's about to burst and I've been sick twice.",
        "He says his head is 'splitting' and he's been throwing up all afternoon.",
        "Her head is just screaming and she vomited in the car.",
        "I've a bad head today and keep throwing up.",
        "Mum has a terrible head on her, and she's been sick 3 times.",
        "The pain at the base of my skull is excruciating and I threw up.",
    ],
)
def test_head_told_severe_flagged(message: str) -> None:
    assert_flagged(message, "headache")


@pytest.mark.parametrize(
    "message",
    [
        "She has a bad head cold and was sick once last week.",
        "He had a bad head injury years ago and vomited then.",
        "My toddler is screaming at me and threw up on the carpet.",
        "No bad head today, no vomiting.",
        "My head felt like it was going to burst years ago when I had meningitis and I vomited.",
    ],
)
def test_head_told_severe_quiet(message: str) -> None:
    assert_not_emergency(message)


# vomiting in slang or told by the food brought back up


@pytest.mark.parametrize(
    "message",
    [
        "Worst headache of my life and I vommed twice.",
        "Terrible headache, she hurled on the way home.",
        "Splitting headache and brought my lunch back up.",
        "Severe headache and he brought all his dinner back up",
    ],
)
def test_vomiting_slang_flagged(message: str) -> None:
    assert_flagged(message, "headache")
    assert "rf.headache.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "Terrible headache and he hurled abuse at the nurse.",
        "Severe headache, I brought it back up with the doctor yesterday and she said it's fine.",
        "Worst headache ever, no vomming at all.",
        "Bad headache last month and I vommed then, fine now.",
    ],
)
def test_vomiting_slang_quiet(message: str) -> None:
    assert_not_emergency(message)


# a stiff neck in other words


@pytest.mark.parametrize(
    "message",
    [
        "Headache since this morning and her neck's seized up.",
        "Bad headache and his neck's really stiff.",
        "My head hurts and my neck hurts when I try to look down.",
        "Headache and my neck is too stiff to turn.",
        "Headache and her chin can't reach her chest.",
    ],
)
def test_stiff_neck_in_other_words_flagged(message: str) -> None:
    assert_flagged(message, "headache")
    assert "rf.headache.2" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "Headache, but my neck isn't stiff and I can put my chin on my chest.",
        "I had a headache and my neck seized up years ago after a car crash.",
        "Is a headache with the neck too sore to move a sign of meningitis?",
        "My neck's gone stiff from sleeping funny, no headache.",
    ],
)
def test_stiff_neck_in_other_words_quiet(message: str) -> None:
    assert_not_emergency(message)


# a sign asked about in general as "something I should go to the ER for" (a remover)


@pytest.mark.parametrize(
    "message",
    [
        "Is a headache with a stiff neck something I should go to the ER for?",
        "Is a fever of 38.5 on chemo something we should call 911 for?",
        "Would an episode of fainting be something I need to come in for?",
    ],
)
def test_general_er_question_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own sign beside the question still fires
        "Is a headache with a stiff neck something I should go to the ER for? "
        "I have both right now.",
        "I have a headache and a stiff neck since this morning, is this "
        "something I should go to the ER for?",
        "My head is pounding and my neck's seized up. Is that something I should go to the ER for?",
    ],
)
def test_own_sign_beside_the_er_question_still_fires(message: str) -> None:
    assert_flagged(message, "headache")


# a meal told with a day or a date is not under 24 hours


@pytest.mark.parametrize(
    "message",
    [
        "She hasn't kept any water down since breakfast Tuesday.",
        "Vomiting since lunch on Monday and nothing stays down.",
        "He can't keep fluids down since lunch on the 24th.",
        "can't keep anything down since breakfast the day before yesterday",
    ],
)
def test_meal_with_a_day_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "Can't keep water down since breakfast, it's 2pm.",
        "Can't keep water down since lunch today.",
    ],
)
def test_meal_today_quiet(message: str) -> None:
    assert_not_emergency(message)


# no fluids kept down in other words


@pytest.mark.parametrize(
    "message",
    [
        "Since Tuesday she can't keep even a sip of water.",
        "He throws everything back up, even juice, since yesterday.",
        "Not a single thing has stayed down since Wednesday.",
        "It's been 2 days since she last kept any fluids down.",
        "He hasn't had a drink since Tuesday night and keeps vomiting.",
        "Dad won't drink because it all comes straight back up.",
        "what little she gets down goes straight through her, diarrhoea since Monday",
        "Vomiting for 2 days, can't keep my anti-nausea tablets down or even water.",
    ],
)
def test_no_fluids_kept_in_other_words_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "She can't keep even a sip of water down for the last 3 hours.",
        "He brought everything back up last month during chemo, fine now.",
        "Back in March it was 2 days since she last kept any fluids down, she is fine now.",
        "In 2019 it was two days since he last kept anything down and he ended up admitted.",
        "He hasn't had a drink since 2015 and doesn't miss it.",
        "She won't drink because she doesn't like the taste of water.",
        "Not a thing stayed down back in August when I had the norovirus.",
    ],
)
def test_no_fluids_kept_in_other_words_quiet(message: str) -> None:
    assert_not_emergency(message)


# every drink told as reappearing or out the other end


@pytest.mark.parametrize(
    "message",
    [
        "Diarrhoea since Sunday, every drink reappears within minutes.",
        "Every glass of juice she has comes back, vomiting since yesterday.",
        "The runs for 3 days, any water I drink goes straight out the other end.",
        "Since yesterday whatever tea I sip comes straight back out the other end.",
    ],
)
def test_drink_reappears_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "Diarrhoea last month, every drink went straight out the other end then, fine now.",
        "The food comes out the other end undigested, but I'm drinking water fine.",
        "Every cup of tea reappears in the sink because my husband never finishes it.",
    ],
)
def test_drink_reappears_quiet(message: str) -> None:
    assert_not_emergency(message)


# vomiting since an evening hour last night and "it's now" a morning hour (a remover)


@pytest.mark.parametrize(
    "message",
    [
        "Vomiting since 10 last night and can't keep water down, it's now 8am.",
        "Sick since 7pm last night, can't keep fluids down, it is now 9am.",
    ],
)
def test_night_to_morning_span_quiet(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        # more than a day told beside it, or a span over 24 hours: still fires
        "Vomiting since 10 last night and can't keep water down, it's now 8am "
        "the next morning after.",
        "Vomiting since Tuesday, worse since 10 last night, can't keep water down, it's now 8am.",
        "Vomiting since 10pm last night and can't keep water down, it's now 11pm.",
        "Vomiting since midnight yesterday and now its 3 am the next night, can't keep water down.",
    ],
)
def test_night_to_morning_span_longer_still_fires(message: str) -> None:
    assert_flagged(message, "dehydration")


# two drinks told as staying down fine (a remover)


@pytest.mark.parametrize(
    "message",
    [
        "Can't keep food down since yesterday but I'm drinking water and juice fine.",
        "She can't keep any food down since Sunday, she's sipping tea or water ok.",
    ],
)
def test_two_drinks_kept_quiet(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "I was drinking water and tea fine yesterday but today nothing stays "
        "down since breakfast Monday.",
        "She says she's drinking water and tea fine but I've watched her vomit "
        "everything she drinks since yesterday.",
        "Can't keep food down since yesterday, I'm drinking water and tea fine "
        "but even water comes straight back up now.",
    ],
)
def test_two_drinks_kept_but_none_now_still_fires(message: str) -> None:
    assert_flagged(message, "dehydration")


# no urine in other words or told by an empty container


@pytest.mark.parametrize(
    "message",
    [
        "My mother no pipi since yesterday morning.",
        "His urine bag has been bone dry since last night.",
        "Her catheter bag is still empty since this morning yesterday, nothing all night.",
        "The jug by his bed has been empty since Wednesday, he normally fills it every night.",
    ],
)
def test_no_urine_in_other_words_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "The catheter bag was empty since 3 hours ago, I just emptied it.",
        "Her water bottle by the bed has been empty since Wednesday.",
        "His catheter bag was dry for a day last year after surgery.",
        "Is an empty catheter bag since last night something to worry about in general?",
    ],
)
def test_no_urine_in_other_words_quiet(message: str) -> None:
    assert_not_emergency(message)


# the last wee told otherwise, and a morning hour against an evening hour


@pytest.mark.parametrize(
    "message",
    [
        "The last time he went for a pee was lunchtime yesterday.",
        "The last wee I had was before bed last night and I haven't been since.",
        "She last peed at 6am and it's now 7:15pm.",
        "I last had a wee at 8 this morning and it's 10pm now.",
        "He peed a little bit at 7am, nothing since, it's 9 pm.",
    ],
)
def test_last_wee_and_clock_span_flagged(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        # the same hour, under 12 hours, or only a stated short time
        "She last peed at 6:30am and it's now 6pm.",
        "I last peed at 9am and it's 2pm now.",
        "He peed a little bit at 7am, nothing since, it's 1 pm.",
        "The last time she went for a wee was about 2 hours ago.",
    ],
)
def test_last_wee_and_clock_span_quiet(message: str) -> None:
    assert_not_emergency(message)


# since lunch or breakfast and "it's" an hour of the same day (a remover)


@pytest.mark.parametrize(
    "message",
    [
        "Haven't peed since lunch and it's 7pm.",
        "She hasn't had a wee since breakfast and it's now 1pm.",
        "I haven't peed since lunchtime and it's 4pm, is that OK?",
    ],
)
def test_since_a_meal_today_quiet(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "Haven't peed since lunch yesterday and it's 7pm.",
        "I haven't peed since last night, it's 4pm now.",
        "She hasn't had a wee since yesterday morning, not since breakfast and it's now 1pm.",
    ],
)
def test_since_a_meal_yesterday_still_fires(message: str) -> None:
    assert_flagged(message, "dehydration")


def test_pw143_labelled_by_the_24_hour_rule() -> None:
    """The reviewer's unsure pw-143 (14 hours, labelled not an emergency): the README's 24 hours."""
    message = (
        "Throwing up every 20 minutes since 9 last night, can't keep water down, it's now 11am"
    )
    assert urgency_of(message) == "priority", classify(message).reasons
