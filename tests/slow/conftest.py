"""Fixtures of the slow suite: a deployment (migrated PostgreSQL database, gunicorn instances,
outbox workers, one SMTP sink) made of real processes, all stopped however a test ends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from tests.slow.support import (
    Gunicorn,
    OutboxWorker,
    Processes,
    TcpProxy,
    migrate,
    production_env,
)
from tests.smtp_server import SmtpServer, smtp_server_factory_fixture, smtp_server_fixture  # noqa: F401


@dataclass
class Deployment:
    """One clinic's deployment: every process shares the settings in ``env``."""

    env: dict[str, str]
    database_url: str  # direct, for the test's own checks (the processes may use a proxy)
    smtp: SmtpServer
    log_dir: Path
    processes: Processes = field(default_factory=Processes)

    def web(self, name: str, workers: int = 2, **settings: Any) -> Gunicorn:
        env = {**self.env, **{k: str(v) for k, v in settings.items()}}
        return self.processes.add(Gunicorn(env, self.log_dir, name, workers)).wait_ready()

    def outbox(self, name: str, **settings: Any) -> OutboxWorker:
        env = {**self.env, **{k: str(v) for k, v in settings.items()}}
        return self.processes.add(OutboxWorker(env, self.log_dir, name))

    def errors(self) -> str:
        """The log lines that tell of an unhandled error, from every process."""
        lines = [
            line
            for p in self.processes.started
            for line in p.output().splitlines()
            if "unhandled error" in line or "Traceback" in line
        ]
        return "\n".join(lines[:5])

    def logs(self) -> str:
        return "\n".join(
            f"--- {p.log_path.name} ---\n{p.output()[-4000:]}" for p in self.processes.started
        )


@pytest.fixture
def deploy(
    pg_url: str, smtp_server: SmtpServer, tmp_path: Path
) -> Iterator[Callable[..., Deployment]]:
    """Make a deployment on a fresh database, migrated with ``flask db upgrade``.

    ``via`` is the database URL the processes use (a proxy's), if not the database itself.
    """
    made: list[Deployment] = []

    def make(via: str | None = None, **settings: Any) -> Deployment:
        migrate(production_env(pg_url, smtp_port=smtp_server.port))
        env = production_env(via or pg_url, smtp_port=smtp_server.port, **settings)
        deployment = Deployment(env, pg_url, smtp_server, tmp_path)
        made.append(deployment)
        return deployment

    try:
        yield make
    finally:
        for deployment in made:
            deployment.processes.close()


@pytest.fixture
def proxy_factory() -> Iterator[Callable[[str], TcpProxy]]:
    """A :class:`TcpProxy` in front of the service at a URL's host and port."""
    started: list[TcpProxy] = []

    def start(url: str) -> TcpProxy:
        parsed = sa.engine.make_url(url)
        proxy = TcpProxy(int(parsed.port or 0), parsed.host or "127.0.0.1").start()
        started.append(proxy)
        return proxy

    try:
        yield start
    finally:
        for proxy in started:
            proxy.close()


def through(url: str, proxy: TcpProxy) -> str:
    """The same URL, pointed at the proxy."""
    parsed = sa.engine.make_url(url)
    return parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
