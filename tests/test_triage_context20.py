"""Wordings added in vocabulary 2026.11.27, from the classes of error the development sets
blind33 (a Monday-morning inbox) and blind34 (every red flag told without its clinical word,
with look-alikes) showed on their first scoring (2026.11.26). Each class is tested on sentences
written for these tests, never the sets' own, with counterparts that must stay quiet. Every cue
that takes a red flag away is tested with the writer's own red flag elsewhere in the message.
"""

from __future__ import annotations

import pytest

from intake.triage import classify
from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These rules arrived in 2026.11.27; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 27)


def _not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency", classify(message).reasons


# ------------------------------- a collapse told as going down (rf.collapse.1)


@pytest.mark.parametrize(
    "message",
    [
        "Keep going dizzy, and this morning I went down properly in the hallway.",
        "Mum just crumpled to the floor in the kitchen and took a while to come round.",
        "He went down like a sack of potatoes at the bus stop an hour ago.",
        "She dropped in a heap by the front door this afternoon.",
        "I went down completely at the till today.",
    ],
)
def test_going_down_in_a_heap_is_a_collapse(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "The swelling went down properly after a week.",
        "My temperature went down completely overnight.",
        "The price went down like a ton of bricks, so I bought the wig.",
        "The website went down completely again, I can't book.",
    ],
)
def test_a_thing_going_down_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- blood coughed up, told by its look (rf.haemoptysis.1)


@pytest.mark.parametrize(
    "message",
    [
        "Pink frothy phlegm when I cough since this morning.",
        "He hacked up two big dark clots this evening.",
        "A mouthful of blood came up when she coughed an hour ago.",
        "Coughing up rusty frothy stuff all night.",
        "My tissue was red after coughing this morning.",
        "She coughed a clot into the sink just now.",
    ],
)
def test_red_froth_or_clots_coughed_up_is_haemoptysis(message: str) -> None:
    assert_flagged(message, "haemoptysis")


@pytest.mark.parametrize(
    "message",
    [
        "No blood when I cough, just clear phlegm.",
        "The doctor brought up clots in my leg at the appointment, is it the tamoxifen?",
        "I spat out some clots after my tooth extraction yesterday at the dentist.",
        "Had a pink frothy milkshake at lunch and now a tickly cough, nothing else.",
    ],
)
def test_clots_mentioned_or_blood_denied_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- a severe headache told as pounding in the head (rf.headache.1)


@pytest.mark.parametrize(
    "message",
    [
        "Worst throbbing in my head I've ever known and I've thrown up three times.",
        "It came on like a thunderclap in my head an hour ago and I keep being sick.",
        "Felt like someone hit me on the back of the head, and I've been sick since.",
        "Terrible pounding inside her skull since lunch and she's vomited twice.",
        "Mum says it's like a bomb went off in her head, and she was sick in the car.",
    ],
)
def test_pounding_in_the_head_with_vomiting_is_a_red_flag(message: str) -> None:
    assert_flagged(message, "headache")


@pytest.mark.parametrize(
    "message",
    [
        "Worst pounding in my head ever, no sickness, paracetamol is helping.",
        "I've been sick twice from the chemo and have a mild headache.",
    ],
)
def test_pounding_without_vomiting_or_sickness_with_a_mild_headache_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- a focal seizure told by what was seen (rf.seizure.2)


@pytest.mark.parametrize(
    "message",
    [
        "He was staring into space and chewing, smacking his lips, for a couple of minutes.",
        "Mum went vacant and started picking at her cardigan, and didn't answer us.",
        "Smacking her lips and staring, she wouldn't respond to me just now.",
        "My husband zoned out at dinner and was fiddling with his shirt buttons.",
        "She didn't answer him for a good two minutes, just stared at the wall.",
    ],
)
def test_staring_with_lip_smacking_or_no_answer_is_a_red_flag(message: str) -> None:
    result = classify(message)
    assert result.urgency == "emergency", result.reasons
    assert {"seizure", "confusion"} & set(result.red_flags)


@pytest.mark.parametrize(
    "message",
    [
        "I was staring at the menu and smacking my lips, the cake looked great.",
        "The baby was smacking her lips at the food.",
        "I zoned out in the meeting and was picking at my nails.",
        "I blanked out on her name at the party, so embarrassing.",
    ],
)
def test_staring_at_something_or_lip_smacking_at_food_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- pleuritic chest pain (rf.chest_pain.1)


@pytest.mark.parametrize(
    "message",
    [
        "A sharp stab under my right breast every time I take a deep breath.",
        "It catches under my ribs when I breathe in, since this morning.",
        "Stabbing pain around my rib cage when I take a breath.",
        "Knife-like pain in my side whenever I breathe in since lunchtime.",
        "Sharp pain in my ribs when I take a deep breath since this morning.",
    ],
)
def test_a_sharp_pain_on_breathing_in_is_chest_pain(message: str) -> None:
    assert_flagged(message, "chest_pain")


@pytest.mark.parametrize(
    "message",
    [
        "No pain under my ribs when I breathe in.",
        "Sharp pain under my breast when I lift my arm.",
        "Pain in my ribs when I take a deep breath, it's been 2 weeks.",
        "My scar stings under my breast when I breathe in deeply.",
    ],
)
def test_pain_on_moving_or_a_dull_ache_or_a_scar_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- bleeding through every dressing (rf.bleeding.1)


@pytest.mark.parametrize(
    "message",
    [
        "Her port site is leaking red through every plaster we put on.",
        "I held pressure on it for half an hour and it's still coming.",
        "The wound is oozing blood through the fresh dressing again.",
        "Blood coming through every pad I put on the biopsy site.",
        "Pressed on it for 20 mins and the blood is still dripping.",
        "The cannula hole has been dripping red all afternoon.",
    ],
)
def test_leaking_red_through_dressings_is_bleeding_that_will_not_stop(message: str) -> None:
    assert_flagged(message, "bleeding")


@pytest.mark.parametrize(
    "message",
    [
        "The drain is leaking clear fluid through the dressing.",
        "I pressed on it for 20 minutes and it stopped.",
        "The red dye from my new top keeps leaking through my bra.",
    ],
)
def test_clear_fluid_or_bleeding_that_stopped_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- an infusion reaction told by its signs (rf.infusion_reaction)


@pytest.mark.parametrize(
    "message",
    [
        "After my Herceptin this morning my tongue feels too big for my mouth.",
        "Had my taxol infusion at 2, now my face and lips are swollen.",
        "Since today's Enhertu infusion she wheezes when she breathes in.",
        "Had docetaxel today and my lips have gone all fat.",
        "He had pertuzumab this morning and tonight he's whistling when he breathes.",
    ],
)
def test_swollen_mouth_or_noisy_breathing_after_an_infusion_is_a_reaction(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        "Had Herceptin today, no swelling of my mouth, no wheeze, just tired.",
        "My dog is whistling when he breathes, nothing to do with my Herceptin.",
        "The infusion went well, my mouth is a bit dry.",
    ],
)
def test_no_swelling_or_someone_elses_breathing_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- breathless talking or sitting still (rf.breathing.4)


@pytest.mark.parametrize(
    "message",
    [
        "She can't get to the end of a sentence without pausing.",
        "I'm stopping for breath halfway through a sentence since last night.",
        "Gasping for air even sat still in my chair.",
        "Mum is out of breath even sat in her chair since this morning.",
        "He has to stop for air between words today.",
    ],
)
def test_stopping_for_air_mid_sentence_or_at_rest_is_breathless_at_rest(message: str) -> None:
    assert_flagged(message, "breathing")


@pytest.mark.parametrize(
    "message",
    [
        "I can't get to the end of a sentence without my kids interrupting.",
        "I'm out of breath after the stairs but fine sat in my chair.",
    ],
)
def test_interrupted_or_breathless_only_on_the_stairs_is_not(message: str) -> None:
    _not_emergency(message)


# ------------------------------- cues that take a red flag away, scoped to their sentence


@pytest.mark.parametrize(
    "message",
    [
        "On a hospital drama last night a character's lips turned blue and she couldn't breathe.",
        "In last night's episode the main character had a seizure on the kitchen floor.",
        "That actress on the soap had a fit in the hospital scene, is that realistic?",
    ],
)
def test_a_story_characters_red_flag_is_not_the_patients(message: str) -> None:
    _not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "On a drama last night a character's lips turned blue. Since this morning my own lips"
        " have gone blue and I can't breathe.",
        "A character in my book collapsed after chemo, is that realistic? Also I fainted in the"
        " shower this morning.",
        "On the show a character couldn't breathe, but my lips have gone blue since lunch.",
        "I watched an episode where a character coughed up blood and then I coughed up blood"
        " myself an hour ago.",
    ],
)
def test_the_writers_own_red_flag_beside_a_story_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency", classify(message).reasons


def test_bleeding_me_dry_is_a_figure_of_speech() -> None:
    _not_emergency("The insurer is bleeding me dry and it never stops. Who do I talk to?")
    assert_flagged(
        "The insurer is bleeding us dry. My port site has been bleeding since noon and won't stop.",
        "bleeding",
    )
    assert_flagged(
        "The insurer is bleeding us dry and my port site is bleeding and won't stop.", "bleeding"
    )


def test_fits_as_a_small_child_are_remote_history() -> None:
    _not_emergency("I had fits as a small child with high temperatures, none since. Is the dye ok?")
    assert_flagged(
        "I had fits as a small child. This morning I had a fit in the kitchen and bit my tongue.",
        "seizure",
    )


def test_confused_by_words_is_not_sudden_confusion() -> None:
    _not_emergency("My surgeon used two different words and I got confused. What's the difference?")
    _not_emergency("The letter had abbreviations and I got a bit confused, what is HER2-low?")
    assert_flagged(
        "My surgeon used both words and I got confused. Since this morning Mum doesn't know"
        " where she is.",
        "confusion",
    )
    assert_flagged(
        "Mum read the letter and got confused and now she doesn't recognise me.", "confusion"
    )


# ------------------------------- tags: recurrence and clinical trials


@pytest.mark.parametrize(
    "message",
    [
        "What's the chance my stage 2 comes back because I stopped the tablets early?",
        "wat r the chanses of it comming back after a double mastectomy??",
        "Her breast cancer that's gone to her brain is making her tired.",
        "my cancer has gone to my spine, I'm told",
        "mi mamá tiene cáncer de mama y ya se le regó a los huesos",
    ],
)
def test_coming_back_or_gone_to_an_organ_is_recurrence(message: str) -> None:
    assert "recurrence" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "The pain has gone to my back since Tuesday.",
        "My appetite has come back and my hair is coming back too.",
    ],
)
def test_pain_moving_or_appetite_returning_is_not_recurrence(message: str) -> None:
    assert "recurrence" not in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "Can you email me the consent forms for the research biopsy?",
        "Years ago I let my tumour tissue be used for research. What was it used for?",
        "Are you recruiting for anything in HER2-low?",
        "Is anything recruiting for triple negative at the moment?",
    ],
)
def test_research_samples_or_recruiting_is_clinical_trials(message: str) -> None:
    assert "clinical_trials" in classify(message).tags


@pytest.mark.parametrize(
    "message",
    [
        "The charity is recruiting for the fun run, can I put a poster up?",
        "Can you email me the consent forms for my biopsy?",
    ],
)
def test_recruiting_volunteers_or_an_ordinary_biopsy_is_not_clinical_trials(message: str) -> None:
    assert "clinical_trials" not in classify(message).tags


# ------------------------------- symptoms: nipple changes, "sick twice" (tag.symptoms.*)


@pytest.mark.parametrize(
    "message",
    [
        "My left nipple is pulling in since last month.",
        "There's a scaly patch around my nipple that won't heal.",
        "Her nipple has gone flat and crusty.",
        "Sick twice this morning after my tablets, kept water down since.",
    ],
)
def test_nipple_changes_and_being_sick_are_symptoms(message: str) -> None:
    result = classify(message)
    assert "symptoms" in result.tags
    assert result.urgency == "priority", result.reasons


@pytest.mark.parametrize(
    "message",
    [
        "I was off sick twice this year, can I get a letter for work?",
        "I called in sick twice last month, do you do sick notes?",
        "My nipple piercing came out, is that a problem before surgery?",
    ],
)
def test_sick_leave_or_a_piercing_is_not_a_symptom(message: str) -> None:
    assert "symptoms" not in classify(message).tags
