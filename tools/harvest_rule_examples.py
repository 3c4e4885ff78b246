"""Collect the triage tests' own messages, labelled by the rules, for the emergency backstop.

Why: the labelled sets are written the way patients write, so a model trained on them alone
reads words, not context: "Dad's wheelchair collapsed in the car park" or "I last peed at 10
this morning and it's 9pm" score as emergencies. The triage tests hold thousands of such
look-alikes beside the red flags they resemble, each held by its test to the urgency the rules
give it. This tool runs those tests, records every message they classify, labels each by the
rules alone (the backstop switched off; the tests' clock, 2026-11-27) and writes
``tests/data/rule_examples.jsonl`` for tools/train_emergency_model.py. Messages of the labelled
sets are left out (they are learned with their own labels, or held out), and so are the
backstop's own tests (they must test the model, not teach it).

Usage: python tools/harvest_rule_examples.py   (then: make triage-model)
As a pytest plugin (``-p harvest_rule_examples``, tools/ on the path) it does the recording.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
OUT = DATA / "rule_examples.jsonl"

#: Test files whose messages are not harvested: the labelled sets' own tests (their rows are
#: learned or held out as labelled), the backstop's tests, the compiled-against-source
#: comparison (its second copy of the engine keeps its own backstop on) and the command line's
#: round trip (it tests the product as shipped, backstop on).
SKIP = ("corpus", "review_probes", "breadth_probes", "lead_probes", "backstop", "native", "cli")

_SEEN: set[str] = set()


def is_rule_test(name: str) -> bool:
    """A test file of the rules: its messages are harvested, and it runs with the backstop off
    (tests/conftest.py); the backstop's effect on the same messages is tested as a whole in
    tests/test_triage_backstop.py."""
    return (
        name.startswith("test_triage") and name.endswith(".py") and not any(s in name for s in SKIP)
    )


def _recording(classify: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(message: str, *args: Any, **kwargs: Any) -> Any:
        if isinstance(message, str):
            _SEEN.add(message)
        return classify(message, *args, **kwargs)

    return wrapper


def pytest_configure(config: Any) -> None:  # pragma: no cover - runs inside the harvest
    """Record every message the tests classify (loaded before the test modules import it),
    the backstop switched off: the tests hold the rules' answers."""
    import intake.triage
    import intake.triage.engine
    from intake.triage import backstop

    backstop.assess = lambda *args, **kwargs: None

    original = intake.triage.engine.classify
    intake.triage.classify = _recording(intake.triage.classify)
    intake.triage.engine.classify = _recording(original)
    # tests/conftest.py is loaded before this hook and imports tests/triage_support.py, whose
    # ``from intake.triage import classify`` is then already bound: rebind such early copies.
    rebind(sys.modules, original, intake.triage.engine.classify)


def rebind(modules: Mapping[str, Any], original: object, wrapped: object) -> int:
    """Point every ``classify`` name a test module already holds to ``wrapped``; how many."""
    count = 0
    for name, module in list(modules.items()):
        if (name == "tests" or name.startswith("tests.")) and getattr(
            module, "classify", None
        ) is original:
            module.classify = wrapped
            count += 1
    return count


def pytest_sessionfinish(session: Any) -> None:  # pragma: no cover - runs inside the harvest
    folder = os.environ.get("INTAKE_HARVEST_DIR")
    if folder:
        Path(folder, f"seen-{os.getpid()}.json").write_text(json.dumps(sorted(_SEEN)))


def main() -> int:
    tests = sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "tests").glob("*.py") if is_rule_test(p.name)
    )
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "INTAKE_HARVEST_DIR": folder,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "tools"), str(ROOT)])),
        }
        # the suite's own options (pyproject.toml: slow tests left out) and pytest-xdist
        command = [sys.executable, "-m", "pytest", "-q", "-p", "harvest_rule_examples"]
        command += ["-p", "no:cacheprovider", "-n", "auto", *tests]
        done = subprocess.run(command, cwd=ROOT, env=env, check=False)  # noqa: S603
        if done.returncode != 0:
            print("the triage tests failed: fix them before harvesting", file=sys.stderr)
            return 1
        seen: set[str] = set()
        for path in Path(folder).glob("seen-*.json"):
            seen.update(json.loads(path.read_text()))
    rows = label(seen)
    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    print(f"wrote {OUT}: {len(rows)} messages, {sum(r['emergency'] for r in rows)} emergencies")
    return 0


def label(messages: set[str]) -> list[dict[str, Any]]:
    """Each message with the rules' verdict, in a stable order; labelled-set messages left out."""
    sys.path.insert(0, str(ROOT))
    import intake.triage.engine as engine
    from intake.triage import backstop, classify
    from tests.conftest import TRIAGE_TODAY

    engine.clock = lambda: TRIAGE_TODAY  # the tests' clock
    backstop.assess = lambda *args, **kwargs: None  # the rules alone
    known: set[str] = set()
    for path in DATA.glob("triage_*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                known.add(json.loads(line)["message"])
    rows = []
    for message in sorted(messages):
        if message.strip() and message not in known:
            rows.append({"message": message, "emergency": classify(message).urgency == "emergency"})
    return rows


if __name__ == "__main__":
    sys.exit(main())
