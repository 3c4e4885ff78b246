"""A real SMTP server for the tests (aiosmtpd, in-process, on 127.0.0.1 with a free port).

Import the fixtures into a test module (non-root conftests may not use ``pytest_plugins``)::

    from tests.smtp_server import smtp_server_fixture, smtp_server_factory_fixture  # noqa: F401

(the fixtures are named ``smtp_server`` and ``smtp_server_factory``; the ``_fixture`` suffix
keeps the imported names from clashing with the test parameters.)

The handler records every message it accepts; it can answer slowly (``delay``) or refuse
(``rcpt_reply``/``data_reply``), so faults are real SMTP answers, not mocks.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import IO, Any

import pytest
from aiosmtpd.controller import Controller


def free_port() -> int:
    """A port nothing listens on right now (also "the SMTP server is down")."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Received:
    """One accepted message: the envelope as the server saw it, and the parsed message."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    data: bytes
    at: float

    @property
    def message(self) -> EmailMessage:
        parsed = email.message_from_bytes(self.data, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        return parsed

    @property
    def message_id(self) -> str:
        return str(self.message["Message-ID"])


class RecordingHandler:
    """aiosmtpd handler: records messages; optional delay and refusals."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.rcpt_reply: str | None = None
        self.data_reply: str | None = None
        self.received: list[Received] = []
        self.data_started = 0  # DATA commands whose message has arrived (answered or not)
        self.lock = threading.Lock()

    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: list[str]
    ) -> str:
        if self.rcpt_reply:
            return self.rcpt_reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # noqa: N802 - aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any
    ) -> str:
        with self.lock:
            self.data_started += 1
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.data_reply:
            return self.data_reply
        data = envelope.original_content or envelope.content
        with self.lock:
            self.received.append(
                Received(
                    mail_from=str(envelope.mail_from),
                    rcpt_tos=tuple(envelope.rcpt_tos),
                    data=bytes(data),
                    at=time.monotonic(),
                )
            )
        return "250 Message accepted for delivery"


class SmtpServer:
    """A running aiosmtpd Controller and its handler."""

    host = "127.0.0.1"

    def __init__(self, delay: float = 0.0, port: int | None = None, **controller: Any) -> None:
        self.handler = RecordingHandler(delay)
        self.running = False
        self.port = port or free_port()
        self.controller = Controller(self.handler, hostname=self.host, port=self.port, **controller)

    def start(self) -> SmtpServer:
        self.controller.start()
        self.running = True
        return self

    def stop(self) -> None:
        """Stop listening (a second call does nothing: tests stop servers to cause outages)."""
        if self.running:
            self.running = False
            self.controller.stop()

    @property
    def received(self) -> list[Received]:
        with self.handler.lock:
            return list(self.handler.received)

    def wait_for(self, count: int, timeout: float = 20.0) -> list[Received]:
        """Wait until at least ``count`` messages arrived (or the timeout); return them all."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.received) >= count:
                break
            time.sleep(0.02)
        return self.received

    def config(self) -> dict[str, Any]:
        """App config overrides that point the sender at this server."""
        return {"MAIL_SERVER": self.host, "MAIL_PORT": self.port, "MAIL_TIMEOUT": 5}


class SilentServer:
    """Accepts TCP connections and never says a word: Flask-Mail alone would hang forever."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.1)
        self.port = int(self.sock.getsockname()[1])
        self.connections: list[socket.socket] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(conn)

    def start(self) -> SilentServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.thread.join(timeout=5)
        for conn in self.connections:
            conn.close()
        self.sock.close()


@pytest.fixture(name="smtp_server_factory")
def smtp_server_factory_fixture() -> Iterator[Callable[..., SmtpServer]]:
    """Start SMTP servers with options (delay, tls_context, port); all stopped afterwards."""
    started: list[SmtpServer] = []

    def start(**options: Any) -> SmtpServer:
        server = SmtpServer(**options).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(name="smtp_server")
def smtp_server_fixture(smtp_server_factory: Callable[..., SmtpServer]) -> SmtpServer:
    """One SMTP server on 127.0.0.1 answering at once."""
    return smtp_server_factory()


@pytest.fixture(name="silent_server")
def silent_server_fixture() -> Iterator[SilentServer]:
    server = SilentServer().start()
    yield server
    server.stop()


# Outbox helpers shared by the tests/test_outbox_*.py modules ---------------------------------

ROOT = Path(__file__).resolve().parent.parent


def queue_plain(
    app: Any,
    count: int,
    *,
    priority: int = 2,
    recipient: str = "clinic@clinic.example",
    kind: str = "clinic_notification",
    subject: str = "Test message",
    not_before: Any = None,
) -> list[str]:
    """Queue ``count`` simple messages straight into the outbox; return their Message-IDs."""
    from intake.database import utcnow
    from intake.extensions import db
    from intake.notify.models import OutboxMessage
    from intake.notify.queue import new_message_id

    now = utcnow()
    with app.app_context():
        rows = [
            OutboxMessage(
                kind=kind,
                recipient=recipient,
                subject=f"{subject} {i}",
                body_text=f"Body {i}\n",
                body_html=f"<p>Body {i}</p>",
                message_id=new_message_id("clinic.example"),
                priority=priority,
                status="pending",
                attempts=0,
                not_before=not_before or now,
                next_attempt_at=not_before or now,
                created_at=now,
            )
            for i in range(count)
        ]
        db.session.add_all(rows)
        db.session.commit()
        return [row.message_id for row in rows]


def run_worker_once(app: Any) -> Any:
    """One pass of the real worker, in-process (``flask outbox send --once``)."""
    from intake.notify.worker import OutboxWorker

    with app.app_context():
        return OutboxWorker(app).run(once=True)


def worker_env(database_url: str, port: int, **extra: Any) -> dict[str, str]:
    """The environment for ``flask outbox send`` as a real subprocess."""
    env = dict(os.environ)
    env.update(
        {
            "INTAKE_ENV": "testing",
            "FLASK_APP": "wsgi",
            "DATABASE_URL": database_url,
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": str(port),
            "MAIL_TIMEOUT": "5",
            "CLINIC_NOTIFY_TO": "clinic@clinic.example",
            "LOG_LEVEL": "INFO",
        }
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


class WorkerProcess:
    """``flask outbox send [args]`` as a real subprocess, its output in a log file."""

    def __init__(self, env: dict[str, str], *args: str, log_path: Path) -> None:
        self.log_path = log_path
        self.log: IO[bytes] = open(log_path, "ab")  # noqa: SIM115 - closed in wait()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "flask", "outbox", "send", *args],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def wait(self, timeout: float = 30.0) -> int:
        """Wait for the exit (killing it after ``timeout``); close the log; the exit code."""
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait(timeout=10)
        self.log.close()
        return int(code)

    def output(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")
