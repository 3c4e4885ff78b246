"""Wordings added in vocabulary 2026.11.90, from the errors of blind146-147 on first sight.

blind146 (active treatment and the months after, some second-language writers) and blind147 (a
third short phone messages with slips, rural Alaska), written blind, were scored once, unseen, on
2026.11.86: 0.975 / 0.975 / 0.951 and 0.973 / 0.950 / 0.950. Their misses: "Can't stop the
nosebleed, going on 45 minutes now"; a friend told the patient "took all her pills and wants to
sleep forever"; "back been killin me since sunday and today my legs feel like jelly". Their false
alarms: "'sudden confusion' every time i forget where the remote is"; "lips look blue in the
picture I sent because of the blueberries"; "The article I read listed fever, chest pain and
coughing up blood as warning signs"; a seizure "a year and a half ago" read as now (b146-151,
whose hand twitching for three days is left an emergency on purpose). Tag classes: symptoms of
spread to look out for, "recurrence free survival", an injection site red and hard, a red raised
spot on a scar, a dry mouth and taste gone, a heavy arm and bigger chest veins, losing words,
asking whether anyone is researching a question, a depression questionnaire.
Each class is tested in fresh wordings, both ways; the removers with the writer's own red flag
told as now.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, emergency_rules, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.90; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 90)


# --- misses -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "flag", "rule"),
    [
        # the nosebleed named after "can't stop the", or a comma before "going on" a time
        ("Can't stop his nosebleed, we've been pinching it for ages", "bleeding", "rf.bleeding.1"),
        ("I cannot stop the nose bleed and I'm on chemo", "bleeding", "rf.bleeding.1"),
        ("Mum's nosebleed, going on an hour now, tissues everywhere", "bleeding", "rf.bleeding.1"),
        # "killin" with the g dropped, beside the legs gone weak
        (
            "my back's killin me and both legs went weak this morning",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "her back has been killin her all week and now her legs feel like jelly",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        (
            "back killin' me since friday n legs gone numb",
            "cord_compression",
            "rf.cord_compression.1",
        ),
        ("my head is killin me and I threw up twice", "headache", "rf.headache.1"),
        # all the pills taken with a wish to sleep forever or never wake
        (
            "My mom took all her pills tonight and says she wants to sleep forever",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "I've taken the whole bottle of my tablets, I just want to sleep for good",
            "self_harm",
            "rf.self_harm.1",
        ),
        (
            "He swallowed all of his pain pills so he can go to sleep forever",
            "self_harm",
            "rf.self_harm.1",
        ),
    ],
)
def test_misses_now_flagged(message: str, flag: str, rule: str) -> None:
    assert_flagged(message, flag)
    assert rule in emergency_rules(message)


@pytest.mark.parametrize(
    "message",
    [
        # nosebleeds that stop, or going on for weeks
        "I had small nosebleeds, going on two weeks now, they stop when I pinch",
        "The nosebleed stopped after ten minutes of pinching, should I mention it?",
        # a sore back with the legs fine
        "back killin me from shoveling snow, legs fine",
        "My back was killing me after the gardening but my legs are fine",
        # the day's pills taken, tired on chemo
        "Mum took all her pills this morning like she's supposed to and wants to sleep now",
        "I took all my tablets with breakfast and then wanted to sleep for an hour",
        "I'm so tired on chemo I could sleep forever",
    ],
)
def test_not_emergencies(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# --- removers ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        # the red-flag words as a name for everyday forgetting, every time a thing is mislaid
        "My wife jokes I have 'sudden confusion' whenever I lose my glasses",
        "He gets confused every time he forgets where he put his car keys, normal chemo brain?",
        "Mum says I'm disoriented each time I misplace my phone, lol",
        # blue lips or tongue put down to a food or a sweet a few words on
        "His lips look purple in the video because of the blackberries he was eating",
        "Her lips are blue in this photo because of all the blueberries she ate, lol",
        "my tongue is blue in that photo from the slushie, ha",
        # a document the writer read, the reader told before its verb
        "The handout my oncologist gave me lists chest pain and fainting as warning signs."
        " Anything else?",
        "A blog I read yesterday said coughing up blood means it has reached the lungs. Is that"
        " true?",
        "The leaflet we were given mentions seizures. Should I know anything else?",
        # a year and a half ago is remote history
        "I had a seizure a year and a half ago, can I drive now?",
        "She fainted a year or so ago at the dentist. Is that something to put on the form?",
    ],
)
def test_removed_red_flags(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        # the writer's own red flag told as now beside the same words
        "She's suddenly confused this morning and doesn't know where she is",
        "Every time I try to talk to her she is confused and doesn't know where she is, since"
        " lunch",
        "Mom's lips look blue in the picture and it's not from the blueberries, she is struggling"
        " to breathe",
        "Her lips look blue tonight, we had blueberries at lunch but she is gasping",
        "The article I read listed fever as a warning sign, and I have a fever of 38.5 now on"
        " chemo",
        "The leaflet I got says to call for chest pain, and I've had chest pain since this morning",
        "I had a seizure a year and a half ago and another one this morning",
    ],
)
def test_red_flags_told_as_now_still_fire(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


# --- tags -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        # signs of spread to look out for; a recurrence-free survival figure
        ("Which signs of spread should we look out for after radiotherapy?", "recurrence"),
        ("Are there symptoms of spread to look out for once I finish tamoxifen?", "recurrence"),
        ("Is a recurrence-free survival of 85% good?", "recurrence"),
        ("My report mentions relapse free survival - what does that mean for me?", "recurrence"),
        ("What is the 5-year recurrence free rate after lumpectomy and radiation?", "recurrence"),
        # an injection, biopsy or cannula site red, hot or hard
        ("The injection site on my tummy is red and hot since Friday", "symptoms"),
        ("her biopsy site looks red and lumpy today", "symptoms"),
        ("The cannula site went hard and red after the drip", "symptoms"),
        # a red or raised spot or bump on a scar or the chest wall
        ("I have a pink raised bump on my scar", "symptoms"),
        ("Mum found a red spot on her chest wall near the reconstruction", "symptoms"),
        ("there are purple spots along my mastectomy scar", "symptoms"),
        # the mouth dry, the taste gone
        ("My mouth is so dry since the radiotherapy", "symptoms"),
        ("mouth always dry at night now, on the new pills", "symptoms"),
        ("I can't taste my food since chemo", "symptoms"),
        ("taste all gone after cycle 2", "symptoms"),
        # a heavy arm, bigger veins on the chest or neck
        ("her arm on the port side is heavy in the evenings", "symptoms"),
        ("My arm feels so heavy since the node surgery", "symptoms"),
        ("The veins on my neck are bulging more than before", "symptoms"),
        ("the veins across my chest look much bigger this week", "symptoms"),
        # words lost while talking
        ("Mum keeps losing her words when she talks to us", "symptoms"),
        ("I'm struggling to find simple words at work since chemo", "symptoms"),
        ("he has trouble finding the right words lately", "symptoms"),
        # asking whether anyone researches a question
        (
            "Are you researching whether exercise helps with neuropathy? I'd volunteer.",
            "clinical_trials",
        ),
        ("Is anybody studying why the cancer comes back in the scar?", "clinical_trials"),
        (
            "Has your team been studying why so many of us get joint pain on letrozole?",
            "clinical_trials",
        ),
    ],
)
def test_tags_found(message: str, tag: str) -> None:
    assert tag in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    ("message", "tag"),
    [
        ("Could you spread my appointments out over two weeks?", "recurrence"),
        ("I've been recurrence-free for six years now, just booking my check-up", "recurrence"),
        ("She is relapse free since 2019. Her appointment needs to move.", "recurrence"),
        ("Where is the injection site for the flu jab usually?", "symptoms"),
        ("The injection site is fine, no redness at all", "symptoms"),
        ("I got a red spot on my shirt from the marker at the clinic", "symptoms"),
        ("The scar looks good, no red spots on it", "symptoms"),
        ("My mouth isn't dry anymore since I stopped the pills", "symptoms"),
        (
            "My arm is heavy with all the shopping bags, can I get a wheelchair at the door?",
            "symptoms",
        ),
        ("My mum lost words in the crossword again, ha. Can I move my appointment?", "symptoms"),
        ("I've been researching Enhertu online and have questions", "clinical_trials"),
        ("My daughter is researching colleges near the clinic", "clinical_trials"),
        ("Are you looking into why my prescription was refused?", "clinical_trials"),
        # a depression questionnaire or screening form is a form, not a mood
        ("The depression questionnaire is very long, can I do it at home?", "symptoms"),
        ("Do I have to fill in the depression screening form every visit?", "symptoms"),
    ],
)
def test_tags_not_found(message: str, tag: str) -> None:
    assert tag not in classify(message).tags, classify(message).reasons


@pytest.mark.parametrize(
    "message",
    [
        "My depression is worse since the diagnosis",
        "The depression questionnaire showed I'm depressed and I feel low every day",
    ],
)
def test_depression_told_as_had_still_tagged(message: str) -> None:
    assert "symptoms" in classify(message).tags


# --- at the merge: thanks past words ----------------------------------------------------------
# "I can't find the words to thank the whole team" raised the stroke flag (rf.stroke.3, "can't
# find ... words"); seen beside blind147's "losing words", added to rf.stroke.3's exclude.


@pytest.mark.parametrize(
    "message",
    [
        "I can't find the words to thank the whole team for looking after mum",
        "We cannot find the words to say how grateful we are",
        "I can never find the words for how much your nurses have done",
        "Honestly I can't find the right words to express what this clinic means to us",
        "I can't find the words to say what you all mean to us",
    ],
)
def test_thanks_past_words_raise_no_alarm(message: str) -> None:
    assert urgency_of(message) == "routine", classify(message).reasons
    assert "stroke" not in classify(message).red_flags


@pytest.mark.parametrize(
    "message",
    [
        "She can't find the words to say what she means since this morning",
        "I can't find the words to thank you, but since last night mum can't find her words at all",
        "Mom can't find the words for everyday things since lunch, she calls the cup a thing",
        "he couldn't find his words this morning and his face looks droopy",
    ],
)
def test_words_that_will_not_come_still_fire(message: str) -> None:
    assert_flagged(message, "stroke")
    assert "rf.stroke.3" in emergency_rules(message)
