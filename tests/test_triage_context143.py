"""Wordings changed in vocabulary 2026.11.152: the rows blind228-231 (scored once on 2026.11.151)
read wrongly, fixed by their class, never by their sentence.

False alarms:

- b228-019 (a granddaughter fainted at her school play; "I'm so sorry I missed my appointment"):
  the writer's own appointment told as already missed, cancelled or skipped now says the writer is
  the patient (``ctx.experiencer.self``), as "I need to cancel my appointment" already did, so a
  named relative's finding is the relative's (``ctx.experiencer.third_party``).
- b228-145 ("My chest is sore. I should say, the skin over my chest where they're radiating is
  red, peeling and sore like a bad sunburn") and b229-132 (the skin across the chest sore and
  burning, then "Is that the 'chest pain' they warned about or is it just the burn?"): a sore
  chest the writer says, in the sentence after it, is the skin (``ctx.chest.skin_after``, read by
  the new condition scope ``sentence_after``: engine ``_Doc.sentence_after``), or the skin of the
  chest described in the sentence before the chest pain it is asked to be
  (``ctx.chest.skin_asked``, scope ``sentence_before``), is no chest-pain red flag; never beside a
  word of a deeper pain, breathlessness, sweat or faintness (``ctx.chest.deep``). "The skin on my
  chest is sore" no longer reads as "chest is sore" (an exclude of rf.chest_pain.1).
- b230-002 ("Our truck's back end collapsed on the Glenn Highway"): a vehicle's end, axle,
  suspension or jack that collapsed is a thing (an exclude of rf.collapse.1). Found beside it, a
  real miss: the things of that exclude swallowed the person after "and" ("Mum was on the porch
  and collapsed", "She stood up from her chair and collapsed" read as a porch and a chair that
  collapsed); the words between a thing and "collapsed" are now never a conjunction or a person.
- b230-028 ("Our old lab had a seizure this morning"): a dog by a short or pet name ("lab" only
  after a dog's adjective or as the subject of a fit or faint, never "the lab", "my labs", "my lab
  results") or by its role ("emotional support dog") is someone else (``ctx.experiencer.other``).
- b231-071 ("What would you do if your lips started swelling during an infusion? I start Herceptin
  next month"): the question asked of "you" ("what would you do if", "if your ...") is a
  hypothetical (``ctx.hypothetical.pre``); the writer then saying the "you" is them ("Asking
  because that's me since lunch", b231-076; "Mine are swelling right now") still makes it theirs
  (``ctx.hypothetical.asserted``).
- b231-113 (an emotional support dog that "breathes very heavily like all pugs"): breathing told
  as a trait of the breed the subject belongs to ("like all pugs") is no breathlessness (an exclude
  of tag.symptoms.breathless); a simile ("like a dog panting") still is.

Miss:

- b229-026 (a throat gone tight during paclitaxel, treated and sent home; "Now it's 9pm and it
  feels tight again"): the throat, lip or tongue swelling told back as "it" or "the tightness"
  with "again" or "back" is a finding of its own (rf.infusion_reaction.4, with the swelling named
  in the message: ``ctx.backref.infusion``), after the assessment, so not covered by it; and a
  "worse" cue inside a later mention of an assessed red flag ("It's getting tight again") now
  ends the assessment as one between them does (engine ``_still_assessed``).
"""

from __future__ import annotations

import pytest

from tests.triage_support import (
    assert_emergency,
    assert_flagged,
    assert_not_emergency,
    urgency_of,
    vocabulary_version,
)


def test_version() -> None:
    """This arrived in 2026.11.152; later versions keep it."""
    assert vocabulary_version() >= (2026, 11, 152)


# -- b228-019: a relative's red flag beside the writer's own missed appointment -------------------


@pytest.mark.parametrize(
    "message",
    [
        "I'm so sorry I missed my appointment on Thursday. My granddaughter fainted from stage "
        "fright at her school Christmas play and I spent the afternoon with her at the school "
        "nurse's office. She's right as rain now. Can I please rebook for next week?",
        "Sorry I missed my appointment on Monday, my grandson had a seizure at nursery and I was "
        "at the hospital with him all day.",
        "I cancelled my chemo last week because my husband collapsed at work; he's fine now.",
        "Apologies for missing my scan yesterday, my daughter passed out at her office and I drove "
        "her to the ER.",
        "I rescheduled my infusion because my son had a fit at football practice on Saturday.",
    ],
)
def test_a_relatives_red_flag_beside_the_writers_missed_appointment(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("I missed my appointment because I fainted in the car park.", "collapse"),
        (
            "Sorry I missed my appointment yesterday. My husband found me collapsed on the kitchen "
            "floor this morning.",
            "collapse",
        ),
        ("My daughter missed her appointment because she fainted this morning.", "collapse"),
        ("My granddaughter fainted at work an hour ago.", "collapse"),
        (
            "I missed my appointment. My granddaughter says I passed out in the kitchen an hour "
            "ago.",
            "collapse",
        ),
        ("Mum missed her chemo today, she collapsed in the shower.", "collapse"),
        (
            "I missed my appointment with my GP because my mum collapsed this morning.",
            "collapse",
        ),
    ],
)
def test_the_patients_own_red_flag_beside_a_missed_appointment(message: str, flag: str) -> None:
    assert_flagged(message, flag)


# -- b228-145, b229-132: the skin of a radiotherapy burn is not chest pain ------------------------


@pytest.mark.parametrize(
    "message",
    [
        # the sore chest said, in the sentence after it, to be the skin
        "My chest is sore. I should say, the skin over my chest where they're radiating is red, "
        "peeling and sore like a bad sunburn, and it hurts when my bra rubs. Week 4 of 5. Is there "
        "a cream you recommend?",
        "My chest hurts. I mean the skin on it, it's burnt and peeling from the radiation.",
        "My chest is really sore. Actually it's the skin, it's gone red and raw like a sunburn "
        "from the rads.",
        "Chest is sore today. It's just the skin, week 5 of radiotherapy and it's blistering.",
        "My chest is burning. To be clear, the skin over my chest where they radiate is red and "
        "stings in the shower.",
        # the skin of the chest told, then asked about as the chest pain
        "The skin across my chest where they radiate is sore and burning, worse when my bra rubs. "
        "Is that the 'chest pain' they warned about or is it just the burn?",
        "The skin on my chest is red and sore from radiation. Is this the chest pain you warned me "
        "about?",
        "My skin over the chest is burning where they zap me. Is that what you mean by chest pain?",
        "Skin on my chest is peeling and sore, week 5 of radiation. Does that count as the 'chest "
        "pain' on the list?",
        # the skin over the chest as the subject of "sore"
        "The skin on my chest is sore from radiation.",
        "The skin across my chest is sore and burning, worse when my bra rubs.",
    ],
)
def test_a_radiotherapy_skin_burn_over_the_chest_is_not_chest_pain(message: str) -> None:
    assert_not_emergency(message)
    assert urgency_of(message) == "priority"


@pytest.mark.parametrize(
    "message",
    [
        "The skin on my chest is red from radiation. Now I have crushing chest pain going into my "
        "jaw.",
        "The skin on my chest is fine. But I have chest pain since an hour. Is this the chest pain "
        "they warned about?",
        "My chest is sore. Not the skin, it's deep inside, like a weight.",
        "My chest hurts. I mean the skin is sore from radiation too, but the pain is inside and "
        "I'm short of breath.",
        "The skin over my chest is red from radiation. Is that the chest pain they warned about? "
        "It started suddenly an hour ago and I feel sweaty.",
        "My chest is sore. The skin is fine, it's under my breastbone.",
        "The skin on my chest is sore from the radiation, and I have had chest pain since this "
        "morning.",
        "The skin on my chest is sore, and my chest is tight and heavy since an hour.",
        "My chest is sore. The skin over my chest is red from radiation too.",
    ],
)
def test_chest_pain_beside_a_skin_burn_still_fires(message: str) -> None:
    assert_flagged(message, "chest_pain")


# -- b230-002: a vehicle that collapsed; a person who collapsed after "and" -----------------------


@pytest.mark.parametrize(
    "message",
    [
        "Our truck's back end collapsed on the Glenn Highway, so we're going to miss today's 2 pm "
        "appointment. Can we rebook?",
        "The car's suspension collapsed on the way in, we'll be late.",
        "The jack collapsed under the van so I'm stuck at the garage, can I come tomorrow?",
        "The back end of our pickup collapsed in the snow, sorry we missed the 10am.",
        "Our camper's axle collapsed outside Tok, please move my chemo to Friday.",
        # the things already read so
        "The roof collapsed under the snow.",
        "The tent we had collapsed in the wind.",
        "the roof of the shed collapsed",
    ],
)
def test_a_vehicle_or_a_thing_that_collapsed_is_not_a_collapse(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "She got out of the truck and collapsed on the driveway.",
        "Dad collapsed in the car on the way home.",
        "She was in the back of the van and collapsed.",
        "My wife collapsed getting out of the car an hour ago.",
        # a place or a thing of the exclude, then "and" and the person's collapse
        "Mum was on the porch and collapsed an hour ago.",
        "Dad was at the bank and collapsed this morning.",
        "She stood up from her chair and collapsed.",
        "He fell off the chair then collapsed on the floor.",
        "Dad left the house and collapsed on the driveway.",
        "She reached the stairs and collapsed.",
    ],
)
def test_a_person_who_collapsed_by_a_vehicle_or_a_thing_still_fires(message: str) -> None:
    assert_flagged(message, "collapse")


# -- b230-028, b231-113: a dog by a short name, its role or its breed's breathing ----------------


@pytest.mark.parametrize(
    "message",
    [
        "Our old lab had a seizure this morning and I'm a mess. Sorry, I need to move my "
        "mammogram to next week.",
        "Our lab had a seizure last night, can I push my scan to Friday?",
        "My blue heeler collapsed at the park this morning, I need to rebook.",
        "My service dog had a fit this morning so I can't come in.",
        "Our frenchie passed out in the heat today, so sorry, can we reschedule?",
        "Our black lab collapsed on the trail yesterday and we're at the vet.",
    ],
)
def test_a_dog_by_a_short_name_or_its_role_is_someone_else(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        ("The lab called and said my blood counts are low and I have a fever of 38.6.", "fever"),
        ("My lab results came back and I had a seizure this morning.", "seizure"),
        ("My labs had a low count and I fainted an hour ago.", "collapse"),
        ("I was walking my old lab and collapsed on the trail.", "collapse"),
        ("I had a seizure this morning while out with our lab.", "seizure"),
        ("The lab tech said I fainted while she drew my blood an hour ago.", "collapse"),
    ],
)
def test_the_lab_and_the_writer_walking_a_dog_still_fire(message: str, flag: str) -> None:
    assert_flagged(message, flag)


@pytest.mark.parametrize(
    "message",
    [
        "Can I bring my emotional support dog to infusion? He's a good boy, just breathes very "
        "heavily like all pugs.",
        "Can my service dog come to my Herceptin infusion? She snorts and wheezes like every "
        "bulldog, it's normal for her.",
        "Is it ok to bring Bruno to chemo? He's a boxer, pants heavily as boxers do, but he's very "
        "calm.",
        "My frenchie will be with me at my infusion tomorrow, he breathes heavily like all "
        "frenchies.",
    ],
)
def test_breathing_told_as_a_breeds_trait_is_not_breathlessness(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    "message",
    [
        "During my infusion today I started breathing very heavily, like a dog panting.",
        "Since the Herceptin infusion this afternoon I'm breathing heavily like I've run a "
        "marathon.",
        "After my infusion I'm wheezing like an old pug and can't get air in.",
        "I'm breathing very heavily since my infusion an hour ago, my pug is with me.",
    ],
)
def test_the_patients_breathing_after_an_infusion_still_fires(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


# -- b231-071: "what would you do if your ..." is a question ------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "What would you do if your lips started swelling during an infusion? I start Herceptin "
        "next month and I'm a planner.",
        "What should you do if your throat gets tight during a Taxol infusion? My first one is on "
        "Monday.",
        "What do you do if your tongue swells up during chemo? Just want to be prepared for my "
        "infusions.",
        "If your lips start to swell during the infusion, do you tell the nurse or press the call "
        "button? Asking before my first Kadcyla.",
        "What would you do if your face went puffy and you couldn't breathe during an infusion? I "
        "start Enhertu in two weeks.",
        "What would you do if their lips swelled during the infusion? My sister starts Herceptin "
        "soon.",
        "What would you do if your lips started swelling during an infusion? Mine is starting now, "
        "just curious.",
    ],
)
def test_a_question_asked_of_you_is_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


@pytest.mark.parametrize(
    ("message", "flag"),
    [
        (
            "What would you do if your lips started swelling during an infusion? Mine are swelling "
            "right now, I'm in the chair.",
            "infusion_reaction",
        ),
        (
            "What would you do if your throat went tight after Herceptin? Asking because that's me "
            "right now, it finished an hour ago.",
            "infusion_reaction",
        ),
        (
            "My lips started swelling during my infusion today and they're still swelling, what "
            "would you do?",
            "infusion_reaction",
        ),
        (
            "What would you do if your back was screaming and your legs felt like they belonged to "
            "somebody else? Asking because that's me since lunch. I have mets in my spine.",
            "cord_compression",
        ),
        ("What would you do if you had chest pain on Enhertu? That's me right now.", "chest_pain"),
    ],
)
def test_the_question_then_made_the_writers_own_still_fires(message: str, flag: str) -> None:
    assert_flagged(message, flag)


def test_a_you_question_then_owned_this_week_is_a_symptom() -> None:
    """b231-007: asked of "you", then owned ("mine kind of has this week"): a symptom of now."""
    message = (
        "What would you do if your skin went yellow? Asking because mine kind of has this week, "
        "and my pee is the colour of strong tea. I have liver mets."
    )
    assert urgency_of(message) == "priority"


# -- b229-026: an infusion reaction treated, then back ------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "Halfway through the paclitaxel today my throat went tight. They stopped it, gave me meds, "
        "watched me for 2 hours and sent me home. Now it's 9pm and it feels tight again and "
        "swallowing is weird.",
        "Halfway through the paclitaxel today my throat went tight. They stopped it, gave me meds "
        "and sent me home. It feels tight again.",
        "My lips swelled up during the Herceptin this morning, they gave me Benadryl and let me go "
        "home. Now they're swelling up again.",
        "During Taxol today my throat closed up a bit. They stopped the drip, gave me steroids and "
        "discharged me at 4. It's getting tight again.",
        "Had a reaction to my Kadcyla infusion this afternoon, throat went tight, they treated it "
        "and sent me home. Tonight it's tightening up again and I'm struggling to swallow.",
        "My tongue swelled during the paclitaxel infusion today, they gave me meds and watched me, "
        "then sent me home. The swelling is back.",
    ],
)
def test_an_infusion_reaction_back_after_it_was_treated_is_an_emergency(message: str) -> None:
    assert_flagged(message, "infusion_reaction")


@pytest.mark.parametrize(
    "message",
    [
        "My throat went tight during paclitaxel today. They stopped it, gave me meds and sent me "
        "home. It's fine now, no tightness at all.",
        "My lips swelled during Herceptin today, they treated me and sent me home. Feeling much "
        "better tonight.",
        "My lips swelled during chemo last week, they treated it. The swelling hasn't come back.",
        "My last infusion was 3 weeks ago. My throat went tight during it and they treated me. "
        "Tonight it feels tight again, I think it's my cold.",
    ],
)
def test_an_infusion_reaction_treated_and_settled_is_not_an_emergency(message: str) -> None:
    assert_not_emergency(message)


def test_a_later_mention_that_says_again_itself_is_not_covered() -> None:
    """Engine ``_still_assessed``: the "again" inside the later mention ends the assessment of the
    first; an assessed later mention with nothing worse stays covered."""
    assert_emergency(
        "During Taxol today my throat closed up a bit. They stopped the drip, gave me steroids "
        "and discharged me at 4. It's getting tight again."
    )
    assert_not_emergency(
        "My face drooped yesterday, the ER did a CT and said it's Bell's palsy. My face is still "
        "droopy."
    )
