"""Reviewers' probes (tests/data/triage_review_probes.jsonl), each labelled emergency or not.

Written on 2026-11-28 by helper sessions acting as clinical safety reviewers, each asked to find
the wordings of the triage README's red flags that the vocabulary misses (ids ``pr-``: the first
reviewer, on 2026.11.112; ``pq-``: the second, on 2026.11.116; ``ps-``: the third, on 2026.11.120;
``pv-``: a reviewer of the removers this session's rounds added, on 2026.11.120, probing for true
emergencies a remover silences), and in the eighteenth session by five more (``pw-``: the red
flags probed least before, on 2026.11.125; ``px-``: the removers of 2026.11.121-125, on
2026.11.125; ``py-``: time told in many ways, ``pz-``: writers other than the patient and
patients who play it down, ``pb-``: the removers of 2026.11.126-133, each on 2026.11.133). Their
misses prompted the rounds 2026.11.116 to 2026.11.125, 2026.11.129 to 2026.11.133 and
2026.11.136 to 2026.11.138 (docs/triage.md), each fixed as a class with tests of its own. The
probes are kept as a regression set: every probe must keep its label, so a later round cannot
quietly bring back a miss or a false alarm that was fixed. Tags were not labelled by hand and
are not checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from intake.triage import classify

PROBES = Path(__file__).parent / "data" / "triage_review_probes.jsonl"


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in PROBES.read_text(encoding="utf-8").splitlines() if line]


def test_the_probe_file_is_well_formed() -> None:
    rows = load()
    assert len(rows) == 2116
    assert len({row["id"] for row in rows}) == len(rows)
    assert sum(row["emergency"] for row in rows) == 1525
    assert all(isinstance(row["emergency"], bool) and row["message"].strip() for row in rows)


#: Probes still read against their label, each with why it is left (docs/triage.md, the rounds'
#: "left" paragraphs). A fix that reads one right must take it off this list.
LEFT = {
    # a cousin abroad who fainted, "I don't have cancer myself, just asking for her": too little to
    # tell her from a relative writing for the patient, left on the side of recall (2026.11.124)
    "ps-215": "false alarm left: a cousin abroad, too close to a relative writing for the patient",
    # (pw-041, black sticky stools like tar twice today, its label disputed since 2026.11.129, is
    # read as its reviewer labelled it since 2026.11.151: the emergency backstop raises it)
    # a grandson's stomach bug, then "Can I still visit mom on the ward?" in the next sentence:
    # the rule that reads a relative's bug with a visit question looks within one sentence
    # (2026.11.131)
    "pw-148": "false alarm left: someone else's bug with the visit question a sentence later",
    # a holiday or a week of the month as the date ("I passed out on Halloween", "the day after
    # Veterans Day", "in the first week of November"): how long ago depends on the calendar, which
    # no vocabulary line can know; left on the side of recall (2026.11.136)
    "py-109": "false alarm left: a holiday as the date needs a calendar",
    "py-160": "false alarm left: a holiday as the date needs a calendar",
    "py-162": "false alarm left: a week of the month as the date needs a calendar",
}


def test_every_probe_keeps_its_label() -> None:
    wrong = []
    for row in load():
        if row["id"] in LEFT:
            continue
        result = classify(row["message"], row["concerns"])
        if (result.urgency == "emergency") != row["emergency"]:
            wrong.append((row["id"], row["emergency"], result.urgency, row["message"]))
    assert wrong == []


def test_the_probes_left_are_still_wrong() -> None:
    """A probe left on the list is one the engine still reads against its label: once a round
    fixes it, it must come off the list and be held at its label like the rest."""
    by_id = {row["id"]: row for row in load()}
    fixed = [
        i
        for i in LEFT
        if (classify(by_id[i]["message"], by_id[i]["concerns"]).urgency == "emergency")
        == by_id[i]["emergency"]
    ]
    assert fixed == []
