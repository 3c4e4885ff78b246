"""Gunicorn settings for ``bench/submit.py --profile``: the project's ``gunicorn.conf.py``, plus
cProfile in every worker from its ``BENCH_PROFILE_SKIP``-th request on (so start-up and warm-up
are left out), written to ``BENCH_PROFILE_DIR/worker-<pid>.prof`` when the worker exits.

The profiler is timed by the process's CPU clock, not the wall clock: on a shared machine a
worker is often descheduled, and wall-clock profiling charges that wait to whatever function
happened to be running (a date formatter "took" half a millisecond)."""

from __future__ import annotations

import cProfile
import os
import time
from pathlib import Path
from typing import Any

_root = Path(__file__).resolve().parents[1]
_conf = _root / "gunicorn.conf.py"
exec(compile(_conf.read_text(encoding="utf-8"), str(_conf), "exec"))  # noqa: S102

_profile_dir = Path(os.environ.get("BENCH_PROFILE_DIR", "."))
_skip = int(os.environ.get("BENCH_PROFILE_SKIP", "50"))
_state: dict[str, Any] = {"seen": 0, "profiler": None}


def pre_request(worker: Any, req: Any) -> None:
    _state["seen"] += 1
    if _state["seen"] == _skip:
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        _state["profiler"] = profiler


def worker_exit(server: Any, worker: Any) -> None:
    profiler = _state["profiler"]
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(str(_profile_dir / f"worker-{os.getpid()}.prof"))
