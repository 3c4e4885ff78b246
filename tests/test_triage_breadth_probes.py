"""A clinical reviewer's breadth probes (tests/data/triage_breadth_probes.jsonl): how far the
vocabulary reaches lay descriptions of red flags it has not seen.

Two helper sessions acting as oncology triage nurses wrote 150 probes each on 2026-11-28, on
vocabulary 2026.11.141, after reading its rules to find the wordings they miss (``pc-``: seizure,
sudden confusion or unresponsiveness, stroke signs, cord compression; ``pd-``: fever and shaking
chills on treatment, infusion reactions, swelling of the face, neck or arm with breathlessness,
what is and is not an assessment). The odd ids ("development") were given to the rounds
2026.11.145 and 2026.11.146; the even ids ("held out") were kept from them and measure breadth:
emergencies found on the held-out halves went from 2 of 55 and 16 of 56 (2026.11.144) to 5 of 55
and 27 of 56 (2026.11.147) (docs/triage.md, the merge of 2026.11.145-147).

Unlike the review probes, most are still read against their label: ``NOT_YET`` lists them. The
test is a ratchet, not a target: every probe read right stays right, and a probe a later round
reads right must come off the list (so the list stays the true count of what is left).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from intake.triage import classify

PROBES = Path(__file__).parent / "data" / "triage_breadth_probes.jsonl"


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in PROBES.read_text(encoding="utf-8").splitlines() if line]


def _wrong(row: dict[str, Any]) -> bool:
    return (classify(row["message"], row["concerns"]).urgency == "emergency") != row["emergency"]


def test_the_probe_file_is_well_formed() -> None:
    rows = load()
    assert len(rows) == 300
    assert len({row["id"] for row in rows}) == len(rows)
    assert sum(row["emergency"] for row in rows) == 223
    assert {row["half"] for row in rows} == {"development", "held out"}
    assert set(NOT_YET) <= {row["id"] for row in rows}


#: Probes still read against their label: 149 of 300 on 2026.11.147 (122 emergencies missed, 27
#: look-alikes fired); 62 on 2026.11.151 (35 missed, the same 27 fired), the emergency backstop
#: finding 87 (54 of the held-out half's 79 misses, a half it never learned; 33 of the development
#: half's). Labels marked ``unsure`` by the reviewer are kept as written.
NOT_YET = frozenset(
    (
        "pc-008",
        "pc-014",
        "pc-016",
        "pc-017",
        "pc-023",
        "pc-032",
        "pc-033",
        "pc-035",
        "pc-039",
        "pc-041",
        "pc-042",
        "pc-044",
        "pc-045",
        "pc-046",
        "pc-049",
        "pc-050",
        "pc-058",
        "pc-062",
        "pc-064",
        "pc-067",
        "pc-070",
        "pc-072",
        "pc-078",
        "pc-102",
        "pc-109",
        "pc-112",
        "pc-114",
        "pc-116",
        "pc-118",
        "pc-119",
        "pc-120",
        "pc-121",
        "pc-123",
        "pc-125",
        "pc-126",
        "pc-127",
        "pc-132",
        "pc-133",
        "pc-137",
        "pc-138",
        "pc-139",
        "pc-141",
        "pc-142",
        "pc-145",
        "pc-147",
        "pd-010",
        "pd-012",
        "pd-014",
        "pd-016",
        "pd-018",
        "pd-028",
        "pd-052",
        "pd-068",
        "pd-082",
        "pd-086",
        "pd-088",
        "pd-094",
        "pd-102",
        "pd-142",
        "pd-144",
        "pd-146",
        "pd-150",
    )
)


def test_every_probe_read_right_stays_right() -> None:
    wrong = [row["id"] for row in load() if row["id"] not in NOT_YET and _wrong(row)]
    assert wrong == []


def test_the_probes_not_yet_reached_are_still_wrong() -> None:
    """Once a round reads one right, it must come off ``NOT_YET``."""
    fixed = [row["id"] for row in load() if row["id"] in NOT_YET and not _wrong(row)]
    assert fixed == []
