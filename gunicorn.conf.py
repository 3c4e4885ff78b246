"""Gunicorn settings for intake: ``gunicorn -c gunicorn.conf.py wsgi:app`` from the project folder.

Sync workers: the app is CPU-bound and each request is short (no SMTP or other network call in
a request; the database answers in milliseconds), and sync workers measured faster than gthread
for it. Put a buffering reverse proxy (nginx, ``deploy/nginx.conf.example``) in front, so a slow
client never holds a worker.

Every value can be overridden from the environment (systemd's ``EnvironmentFile``):

================================  =================================================================
``GUNICORN_BIND``                 ``127.0.0.1:8000`` (behind the proxy on the same host)
``GUNICORN_WORKERS``              2 x usable CPUs + 1, at most 12 (a worker: ~100 MB RSS)
``GUNICORN_TIMEOUT``              ``30`` s: a worker silent for longer is killed and replaced
``GUNICORN_GRACEFUL_TIMEOUT``     ``30`` s to finish requests in hand on SIGTERM / SIGHUP
``GUNICORN_MAX_REQUESTS``         ``2000`` (+ up to 10% jitter) requests, then a worker is renewed;
                                  ``0`` never
``GUNICORN_ACCESS_LOG``           ``-`` (stdout); empty for none (the app logs each request too)
``GUNICORN_LOG_LEVEL``            ``info``
``GUNICORN_PRELOAD``              off: load the app in each worker (set on to share memory)
``GUNICORN_CONTROL_SOCKET``       unset: no control socket (``gunicornc``); a path to enable one
``FORWARDED_ALLOW_IPS``           ``127.0.0.1,::1``: whose ``X-Forwarded-Proto`` gunicorn trusts
``GUNICORN_GC_THRESHOLD``         ``10000``: allocations between collections of the youngest
                                  generation (Python's default is 700); ``0`` leaves the
                                  collector as Python sets it
================================  =================================================================

The access log has no query string (search terms, filters) and only the client's network, never
the whole address (:mod:`intake.gunicorn_logging`).
"""

from __future__ import annotations

import gc
import os
from typing import Any


def _int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    value = int(raw)
    if value < minimum:
        raise ValueError(f"{name}: must be at least {minimum}, got {value}")
    return value


def usable_cpus() -> int:
    """CPUs this process may run on (a container's or systemd's CPU set), not the host's."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# --- server and workers -----------------------------------------------------------------------
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "sync"
workers = _int("GUNICORN_WORKERS", min(2 * usable_cpus() + 1, 12), minimum=1)
proc_name = "intake-web"
preload_app = os.environ.get("GUNICORN_PRELOAD", "").strip().lower() in {"1", "true", "yes", "on"}

# --- timeouts ---------------------------------------------------------------------------------
# Longest legitimate request: a database connect (3 s timeout) plus a query; 30 s is generous.
# nginx's proxy_read_timeout (35 s) is longer, so nginx never gives up on a request gunicorn is
# still allowed to finish. systemd's TimeoutStopSec (45 s) is longer than graceful_timeout.
timeout = _int("GUNICORN_TIMEOUT", 30, minimum=5)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30, minimum=1)
# The worker heartbeat file on tmpfs, so a busy disk cannot make a healthy worker look stuck.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - tmpfs

# Renew workers now and then, bounding any slow growth of memory; the jitter keeps them from
# all restarting at the same moment.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = max_requests // 10

# --- request limits (gunicorn's defaults, stated) ----------------------------------------------
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# --- proxy ----------------------------------------------------------------------------------
# The app itself trusts TRUSTED_PROXY_COUNT proxies for X-Forwarded-For/-Proto/-Host (ProxyFix);
# this only lets gunicorn see https from the local proxy too.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# --- control socket (gunicorn 25+) --------------------------------------------------------------
# Off by default: two instances on one host would otherwise share ~/.gunicorn/gunicorn.ctl.
_control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "").strip()
control_socket_disable = not _control_socket
if _control_socket:
    control_socket = _control_socket

# --- logs -----------------------------------------------------------------------------------
# The method and path only (%(U)s has no query string), the client's network (%(h)s, truncated
# by the logger class), status, bytes, milliseconds and the request id that ties the line to the
# app's own log lines.
logger_class = "intake.gunicorn_logging.PrivacyLogger"
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-").strip() or None
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms rid=%({x-request-id}o)s'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

# --- garbage collector --------------------------------------------------------------------------
# Requests free nearly everything they make by reference counting, yet the cyclic collector ran
# every 700 allocations, walking young objects each time: about a tenth of a submission's CPU
# (bench/submit.py). Once a worker has loaded the app, what start-up made (modules, templates,
# the triage vocabulary: some 145,000 objects) is frozen out of every later collection, and the
# youngest generation is collected every GUNICORN_GC_THRESHOLD allocations instead.
_gc_threshold = _int("GUNICORN_GC_THRESHOLD", 10000)


def post_worker_init(worker: Any) -> None:
    if _gc_threshold:
        gc.collect()
        gc.freeze()
        gc.set_threshold(_gc_threshold, 10, 10)
