"""The lead engineer's probe sentences (tests/data/triage_lead_probes.jsonl, 219 sentences in
four batches written on 2026-11-26, each labelled with the urgency the triage README gives it).

Batches 1, 2 and 4 prompted the vocabulary rounds 2026.11.24 and 2026.11.28, batch 3 the round
2026.11.26 (docs/triage.md). They are kept as a regression set: every probe must keep the
urgency it was labelled with, so a later round cannot quietly bring back a miss that was fixed
(on 2026.11.22 these missed 28 of their 155 emergencies, one of them an overdose told as an act,
and raised 3 false alarms).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from intake.triage import classify

PROBES = Path(__file__).parent / "data" / "triage_lead_probes.jsonl"


def load() -> list[dict[str, Any]]:
    return [json.loads(line) for line in PROBES.read_text(encoding="utf-8").splitlines() if line]


def test_the_probe_file_is_well_formed() -> None:
    rows = load()
    assert len(rows) == 219
    assert len({row["id"] for row in rows}) == len(rows)
    assert {row["urgency"] for row in rows} == {"emergency", "priority", "routine"}
    assert sum(row["urgency"] == "emergency" for row in rows) == 155


#: Probes the emergency backstop (2026.11.151) raises above their label, each a decision for the
#: clinic (docs/triage.md, "Decisions for the clinic"): "the worst headache I've ever had came on
#: suddenly an hour ago" is labelled priority by the README's letter (a severe headache is a red
#: flag with vomiting or a stiff neck) and is the textbook sudden "thunderclap" headache the model
#: reads as an emergency.
RAISED_BY_THE_BACKSTOP = {"lp2-q028": "emergency"}


def test_every_probe_keeps_its_urgency() -> None:
    wrong = []
    for row in load():
        result = classify(row["message"], row["concerns"])
        if result.urgency != RAISED_BY_THE_BACKSTOP.get(row["id"], row["urgency"]):
            wrong.append((row["id"], row["urgency"], result.urgency, row["message"]))
    assert wrong == []
