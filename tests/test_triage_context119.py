"""Wordings changed in vocabulary 2026.11.129: a clinical safety reviewer's probes (reviewer W1).

The gaps (the reviewer's probes on SVC obstruction, bleeding and coughing up blood, on
2026.11.125: 19 of 44 emergencies found, 1 of 16 false alarms), each read as a class:

- a face, neck or arm swelling in lay words ("my face puffs up", "arm gone fat and hard", "my neck
  is getting thicker", "twice as big as the left", "cant button any shirt now"; pw-012, pw-015,
  pw-019, pw-021): tag.symptoms.swelling_upper, half of rf.svc.1.
- breathlessness in lay words ("out of puff", "like breathing through a wet cloth", "I am breath
  hard" at the end; pw-007, pw-014, pw-015): tag.symptoms.breathless, the other half.
- breathlessness told as the writer's usual beside an old swelling ("I get out of breath on the
  stairs like always", pw-023, a false alarm): ctx.svc.usual, an unless of rf.svc.1.
- heavy bleeding from the bladder or bowel told by clots or a bowl full of blood ("peeing pure red
  with clots", "the toilet bowl is full of blood", "passing big clots from the back passage",
  "blood in my wee is really heavy"; pw-031, pw-034, pw-039, pw-043): rf.bleeding.60.
- vomit told like coffee grounds a few words on, or as coming up red ("it's dark brown bits like
  coffee grounds", "sick came up red"; pw-032, pw-042): rf.bleeding.20.
- heavy bleeding told by what it uses up ("changing a pad every 45 mins", "soaked 3 bandaids",
  "drain bottle filling up with bright red blood"; pw-035, pw-038, pw-044): rf.bleeding.1.
- a named bleed that "won't quit" or goes on past first aid ("it just won't quit", "keeps dripping
  ... tried ice and pinching"; pw-036, pw-037): rf.bleeding.61.
- blood or red told after a cough with no pronoun or a word between ("blood in the sink after a
  big coughing fit", "coughed till I gagged and brought up red", "today theres red in it", "her
  hanky was soaked red"; pw-045, pw-046, pw-049, pw-050): rf.haemoptysis.1.
- "spits blood" in any tense (pw-047, an unsure label kept as an emergency): rf.haemoptysis.1.
- what is brought up likened to a red jam or a glob "of something" red ("what looks like
  raspberry jam", "a glob of something dark red"; pw-048, pw-051): rf.haemoptysis.1.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import (
    assert_flagged,
    assert_not_emergency,
    emergency_rules,
    vocabulary_version,
)


def test_version() -> None:
    """These wordings arrived in 2026.11.129; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 129)


# a face, neck or arm swelling in lay words (with breathlessness: SVC)


@pytest.mark.parametrize(
    "message",
    [
        "My neck is puffing up since yesterday and I'm short of breath talking",
        "His arm has gone fat and tight since the PICC went in on Tuesday and he's wheezy",
        "My face is getting rounder and rounder this week and I'm breathless walking to the "
        "bathroom",
        "Her left arm is three times as big as the right since this morning and she's struggling "
        "for breath",
        "I can't button any shirt since Monday, my neck feels huge, and I get breathless sitting "
        "still",
    ],
)
def test_upper_swelling_in_lay_words_with_breathlessness_flagged(message: str) -> None:
    assert_flagged(message, "svc")
    assert "rf.svc.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "My face has got fatter since I started the steroids, breathing is fine",
        "My arm has been twice as big as the other since my surgery in 2019, no breathing problems",
        "What does it mean if your face puffs up and you get breathless? Asking for a leaflet I'm "
        "writing",
        "My fingers are numb from Taxol and I can't button any shirt",
    ],
)
def test_upper_swelling_without_breathlessness_or_asked_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# breathlessness in lay words (with a new swelling: SVC)


@pytest.mark.parametrize(
    "message",
    [
        "My face and neck have swollen up since Saturday and I'm out of puff just sitting here",
        "He's out of puff since Tuesday and his neck is swollen",
        "My face is swollen since this morning and she is breath hard",
        "Her neck has swollen up today and she says it's like breathing through a wet flannel",
    ],
)
def test_breathlessness_in_lay_words_with_swelling_flagged(message: str) -> None:
    assert_flagged(message, "svc")
    assert "rf.svc.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "My face is swollen from the dentist yesterday. I'm not out of puff at all",
        "Is it normal to feel like breathing through a straw with a swollen face? My friend had "
        "that years ago",
    ],
)
def test_lay_breathlessness_negated_or_asked_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# breathlessness told as the writer's usual (the remover ctx.svc.usual)


@pytest.mark.parametrize(
    "message",
    [
        "My arm has been swollen since my lymph nodes were taken out in 2020, I get out of breath "
        "on the stairs like always",
        "My arm has been swollen for years from lymphoedema and I get winded on hills as always",
        "Swollen arm since my node surgery in 2018, I wear a sleeve, and I'm short of breath on "
        "stairs same as ever",
    ],
)
def test_usual_breathlessness_beside_an_old_swelling_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        # the red flag said now beside the remover
        "My arm is swollen like always from the lymphoedema, but since this morning my face and "
        "neck "
        "have puffed up and I can't catch my breath at rest",
        "My face and neck swelled up today and I'm breathless, not like usual at all",
        "Her face has swollen up since yesterday and she is short of breath like never before",
    ],
)
def test_new_swelling_and_breathlessness_beside_usual_words_still_fires(message: str) -> None:
    assert_flagged(message, "svc")


# heavy bleeding from the bladder or bowel


@pytest.mark.parametrize(
    "message",
    [
        "I'm weeing bright red with big clots since lunch",
        "His urine has gone dark red with clots since this morning and he's on warfarin",
        "Blood in her pee is getting heavy, I'm scared",
        "She's passing clots from her bottom since this afternoon",
        "the loo is full of blood after every poo today",
    ],
)
def test_heavy_bladder_or_bowel_bleeding_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")
    assert "rf.bleeding.60" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "There was a little blood in my pee last week but no clots, it cleared up",
        "I had blood in my urine with clots back in 2020, fixed with surgery. Question about scan "
        "dates",
        "Can radiation cause blood in the urine with clots?",
        "My dad passed clots from his back passage years ago with piles",
    ],
)
def test_bladder_or_bowel_bleeding_old_negated_or_asked_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# vomit told like coffee grounds a few words on, or as coming up red


@pytest.mark.parametrize(
    "message",
    [
        "She's been sick three times, it's dark and grainy like coffee grounds",
        "Dad vomited this evening and the stuff looks just like coffee grounds",
        "His sick came up bright red an hour ago",
        "My vomit is red tonight and I haven't had anything red",
    ],
)
def test_vomit_like_coffee_grounds_or_red_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")
    assert "rf.bleeding.20" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "My vomit was red from the beetroot juice I had",
        "Is it bad if vomit looks like coffee grounds? Just want to know for the future",
        "I vomited coffee grounds last month and was seen in hospital, fine now",
    ],
)
def test_red_vomit_explained_asked_or_past_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# heavy bleeding told by the pads, plasters or drain it fills


@pytest.mark.parametrize(
    "message",
    [
        "soaking a pad every 30 minutes since this morning, post menopause",
        "I'm changing my dressing every hour, the wound keeps bleeding",
        "bled through four plasters on my finger in an hour, I'm on Eliquis",
        "Her drain is full of fresh red blood again, emptied it an hour ago",
    ],
)
def test_pads_plasters_or_drain_filling_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")
    assert "rf.bleeding.1" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "I change my pad every hour on the first day of my period, is that normal on tamoxifen?",
        "soaked 3 plasters with clear fluid from the seroma today",
        "The drain bottle had fresh blood in it after surgery in 2022",
    ],
)
def test_period_days_clear_fluid_or_an_old_drain_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# a named bleed that won't quit or goes on past first aid


@pytest.mark.parametrize(
    "message",
    [
        "The cut on her leg keeps bleeding, it won't let up",
        "Blood keeps running from his gum even with pressure and ice tried",
        "My gums have been oozing since breakfast and it just won't quit",
    ],
)
def test_a_named_bleed_that_wont_quit_flagged(message: str) -> None:
    assert_flagged(message, "bleeding")
    assert "rf.bleeding.61" in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        "My nose bled yesterday for 5 minutes. My cough won't quit.",
        "My nose bled this morning and it just won't quit hurting",
    ],
)
def test_wont_quit_about_something_else_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# blood or red told after a cough


@pytest.mark.parametrize(
    "message",
    [
        "Blood all over the basin after a bad coughing fit tonight",
        "blood came up during a coughing spell this afternoon",
        "Coughed so hard I brought up red, he's got lung mets",
        "My husband has been coughing all day and now there's red in it",
        "She had a coughing fit and the tissue was covered in red",
    ],
)
def test_blood_or_red_after_a_cough_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "No blood after coughing fits, just clear phlegm",
        "I coughed up blood after a coughing fit in 2019 from pneumonia, all fine since",
        "I blew my nose and the tissue was all red, then had a coughing fit",
        "She had a coughing fit and her face went red",
    ],
)
def test_red_after_a_cough_negated_old_nose_or_face_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# "spits blood" in any tense


@pytest.mark.parametrize(
    "message",
    [
        "He spits blood every morning since Tuesday",
        "She spat blood twice today and has lung mets",
        "Every time she clears her throat she spits blood, since last night",
    ],
)
def test_spits_blood_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "I spit blood when I brush my teeth, my gums bleed",
        "He spat blood years ago after a tooth extraction, nothing since",
        "What does it mean if you spit blood?",
    ],
)
def test_spits_blood_brushing_old_or_asked_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


# what is brought up likened to a red jam or a glob of something red


@pytest.mark.parametrize(
    "message",
    [
        "coughing up what looks like redcurrant jelly since lunch",
        "she's bringing up stuff that looks like strawberry jam",
        "He hacked up a lump of stuff that was dark red this morning",
        "I coughed up a glob of something bright red an hour ago",
    ],
)
def test_red_jam_or_glob_brought_up_flagged(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "coughing up what looks like raspberry jam last year, it was pneumonia and cleared",
        "I coughed up a glob of something green this morning",
        "my daughter coughed up a glob of something red, it was the red sweet she was eating",
    ],
)
def test_red_jam_or_glob_past_green_or_a_sweet_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


def test_the_probe_reasons_name_the_rules() -> None:
    """The reasons carry the rule that fired, for staff corrections."""
    result = classify("There was blood in the sink after a big coughing fit this morning")
    assert "rf.haemoptysis.1" in {r.rule for r in result.reasons}
