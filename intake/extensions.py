"""Flask extensions, created unbound and attached to the app in ``create_app``."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from flask import Flask, request
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_mail import Mail
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from limits.storage import MemoryStorage

from intake.database import Base


def client_address() -> str:
    """The rate-limit key: the client address as ProxyFix resolved it."""
    return request.remote_addr or "unknown"


db = SQLAlchemy(model_class=Base)
migrate = Migrate(render_as_batch=True, compare_type=True)
csrf = CSRFProtect()
mail = Mail()
limiter = Limiter(key_func=client_address)

# Pages whose GET carries no rate limit (the form's limit is on POST only; there are no default
# limits): Flask-Limiter's per-request work of resolving and skipping limits is spared for them.
UNLIMITED_GETS = frozenset(
    {
        "public.index",
        "public.article",
        "public.privacy",
        "enquiry.contact",
        "enquiry.thanks",
        "health.livez",
        "health.readyz",
        "static",
    }
)


def unlimited_get() -> bool:
    """A GET of a page that no limit applies to."""
    return request.method in {"GET", "HEAD"} and request.endpoint in UNLIMITED_GETS


limiter.request_filter(unlimited_get)


def init_limiter(app: Flask) -> None:
    """``limiter.init_app``, with its before-request check skipped for :data:`UNLIMITED_GETS`.

    Flask-Limiter's check still walks its limits, exemptions and meta limits for a request that
    a request filter exempts; on the article that was a tenth of the app's time per request.
    """
    limiter.init_app(app)
    hooks = app.before_request_funcs.setdefault(None, [])
    for i, hook in enumerate(hooks):
        if getattr(hook, "__self__", None) is limiter and hook.__name__ == "_check_request_limit":
            hooks[i] = unless_unlimited_get(hook)
            break


def unless_unlimited_get(check: Callable[[], Any]) -> Callable[[], None]:
    """Flask-Limiter's before-request ``check``, run only for requests a limit may apply to."""

    def check_unless_unlimited() -> None:
        if not unlimited_get():
            check()

    return check_unless_unlimited


def init_csrf(app: Flask) -> None:
    """``csrf.init_app``, with its before-request check skipped for methods it never checks.

    Flask-WTF's hook looks up the view and its exemptions before it looks at the method; for a
    GET (``WTF_CSRF_METHODS`` is POST, PUT, PATCH, DELETE) it then returns having done nothing.
    Asking the method first gives the same answer for less.
    """
    csrf.init_app(app)
    hooks = app.before_request_funcs.setdefault(None, [])
    for i, hook in enumerate(hooks):
        if hook.__name__ == "csrf_protect" and hook.__module__ == "flask_wtf.csrf":
            hooks[i] = only_for_csrf_methods(app, hook)
            break


def only_for_csrf_methods(app: Flask, hook: Callable[[], Any]) -> Callable[[], Any]:
    def csrf_protect_if_checked() -> Any:
        if request.method in app.config["WTF_CSRF_METHODS"]:
            return hook()
        return None

    return csrf_protect_if_checked


class SweepingMemoryStorage(MemoryStorage):
    """``memory://`` rate-limit counts without a thread per hit.

    The limits library's in-memory storage starts a ``threading.Timer`` on every hit to drop
    expired counts 10 ms later: a new thread for every POST of the form. Every read already
    checks a count's expiry (``MemoryStorage.get``), so limits stay exact without it; the sweep
    only bounds memory, and here it runs inline at most once every ``SWEEP_SECONDS``.
    Registered under the ``memory`` scheme, so ``RATELIMIT_STORAGE_URI=memory://`` means this.
    """

    STORAGE_SCHEME = ["memory"]
    SWEEP_SECONDS = 10.0

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: Any):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self.next_sweep = time.monotonic() + self.SWEEP_SECONDS

    def _MemoryStorage__schedule_expiry(self) -> None:  # noqa: N802 - overrides the private hook
        moment = time.monotonic()
        if moment >= self.next_sweep:
            self.next_sweep = moment + self.SWEEP_SECONDS
            self.sweep()

    def sweep(self) -> None:
        """Drop expired fixed-window counts and moving-window entries."""
        now = time.time()
        for key, expires in list(self.expirations.items()):
            if expires <= now:
                self.storage.pop(key, None)
                self.expirations.pop(key, None)
                self.locks.pop(key, None)
        for key, entries in list(self.events.items()):
            live = [entry for entry in entries if entry.expiry > now]
            if live:
                self.events[key] = live
            else:
                self.events.pop(key, None)
                self.locks.pop(key, None)


login_manager = LoginManager()
