"""Wordings added in vocabulary 2026.11.49, from the errors of blind54 and blind55 on first sight.

blind54 (phone-typed: lowercase, typos, abbreviations) and blind55 (patients across rural Alaska:
villages, health aides, medevac flights) were written blind and scored once, unseen, on
2026.11.48 (0.986 / 0.900 / 0.947 and 0.981 / 0.950 / 0.927). Their misses: a faint or collapse
told with a place and "an hour ago" beside an ambulance offered and refused ("wanted to call an
ambulance and she said no", read as the crew's assessment); tongue and lips swelling after a
first dose of "the ADC"; no fluids kept down told as "goes straight thru me", "cant keep nothing
in" or "can't keep even little sips ... down"; a suicide plan told by the means laid out ("all
my pills counted out on the table"). Their false alarms: a lifelong faint at needles; a faint at
a blood draw "in high school"; a fever seen by the village health aide and flown to Anchorage;
a question about the chest pain "the article talks about". Each class is tested in fresh
wordings, both ways; each remover beside the writer's own red flag told as now.
"""

from __future__ import annotations

import pytest

from tests.triage_support import assert_flagged, urgency_of, vocabulary_version


def test_version() -> None:
    """These wordings arrived in 2026.11.49; later versions keep them."""
    assert vocabulary_version() >= (2026, 11, 49)


# --- an ambulance offered and refused is no assessment ------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Dad keeled over in the post office this morning, folks wanted an ambulance and he said no",
        "i passed out in the parking lot at costco 2 hrs ago. someone called the ambulance"
        " and i said no thanks",
        "My wife fainted at church an hour ago, the usher wanted paramedics but she refused",
    ],
)
def test_collapse_with_ambulance_refused(message: str) -> None:
    assert_flagged(message, "collapse")


@pytest.mark.parametrize(
    "message",
    [
        "Mum collapsed at the shops on Monday, the ambulance came and said her heart was fine",
        "I fainted in the kitchen yesterday, the paramedics checked me over and took me in",
    ],
)
def test_collapse_seen_by_the_crew_stays_assessed(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- swelling or wheeze after a first dose of an ADC --------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "had my first dose of the new ADC this morning and now my lips are swollen",
        "he got his 1st round of immunotherapy at noon,"
        " his tongue is swelling up and he sounds wheezy",
        "Started an antibody drug conjugate today, an hour later my throat feels swollen and tight",
    ],
)
def test_reaction_after_adc_or_first_dose(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        "What if my lips swell on the ADC? I start next month",
        "My first dose of the ADC is on Friday, what should I bring?",
    ],
)
def test_adc_question_not_emergency(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- no fluids kept down, phone-typed ------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "runs all day since tues on xeloda, whatever she drinks goes right thru her",
        "been sick since yesterday n i cant keep nothin in, not even water",
        "she can't keep even tiny sips of broth or juice down since friday",
    ],
)
def test_no_fluids_kept_down(message: str) -> None:
    assert_flagged(message, "dehydration")


@pytest.mark.parametrize(
    "message",
    [
        "some diarrhea since yesterday but I'm keeping water and soup down fine",
        "i cant keep nothing in my head these days, chemo brain is real",
    ],
)
def test_fluids_kept_down_or_idiom(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- a suicide plan told by the means laid out ----------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "all of my oxy is counted out on the nightstand. i'm tired. sorry",
        "i have all my sleeping pills laid out on the bed and a note written",
        "she has all her tablets lined out on the counter and won't talk to me",
    ],
)
def test_means_laid_out(message: str) -> None:
    assert_flagged(message, "self_harm")


@pytest.mark.parametrize(
    "message",
    [
        "I have all my pills counted out for the week in the organiser, is the ibrance with food?",
        "The nurse set all my tablets out in the dosette box for the week, thank you",
    ],
)
def test_pills_sorted_for_the_week(message: str) -> None:
    assert urgency_of(message) != "emergency"


# --- a lifelong faint at needles, a faint in the school years (removers) -------------------------


@pytest.mark.parametrize(
    "message",
    [
        "my daughter always faints at needles, can she lie down for the port flush?",
        "I passed out getting a shot in college, will they let me lie down for the biopsy?",
        "He fainted twice getting blood drawn in high school, so warn the lab please",
    ],
)
def test_faint_at_needles_as_history(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "i always faint at needles but today i fainted in the shower with no needle at all",
        "My daughter in high school fainted at the blood draw this morning and is still pale",
        "I fainted in college once, and I fainted again in the kitchen an hour ago",
    ],
)
def test_own_faint_now_still_fires(message: str) -> None:
    assert_flagged(message, "collapse")


# --- a red flag seen by the health aide, flown to town (remover) ---------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "My temp hit 38.6 on Sunday, the health aide called the doctor and I got medevaced"
        " to Bethel. Back home now, do I still get my infusion?",
        "Dad had a fever of 101.5 Tuesday. He was flown to Fairbanks"
        " and home today, feeling better.",
        "Shaking chills on Friday on Taxotere, the community health aide checked me and started"
        " antibiotics. Fine now.",
    ],
)
def test_seen_by_health_aide_or_flown_out(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "The health aide is flying out tomorrow, I have a fever of 38.9 on chemo right now",
        "I was flown to Anchorage for my scan last week, and now I have chest pain",
    ],
)
def test_own_red_flag_now_still_fires(message: str) -> None:
    assert urgency_of(message) == "emergency"


# --- a question about what an article describes -------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Do the seizures the leaflet mentions happen with brain mets only?",
        "How often does the coughing up blood that the website describes happen with lung spread?",
        "Is the chest pain this article talks about a sign the cancer is in the bones?",
    ],
)
def test_question_about_the_article(message: str) -> None:
    assert urgency_of(message) != "emergency"


@pytest.mark.parametrize(
    "message",
    [
        "Does the chest pain the article talks about mean anything, I have it right now?",
        "I have chest pain now. Does the chest pain the article mentions come from bone mets?",
    ],
)
def test_own_chest_pain_beside_the_article(message: str) -> None:
    assert_flagged(message, "chest_pain")
