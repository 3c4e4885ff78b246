"""What the slow suite shares: real processes (gunicorn, ``flask outbox send``), a TCP proxy that
can cut a service off, and a small HTTP client that behaves like a patient's browser.

Everything listens and connects on loopback only. Client sockets are bound to a chosen source
address in 127.0.0.0/8 (Linux answers on the whole /8), so one test process can be many
patients, each with its own address for the per-address limits.
"""

from __future__ import annotations

import http.client
import os
import selectors
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlencode

import sqlalchemy as sa
from cryptography.fernet import Fernet

from tests.smtp_server import free_port

ROOT = Path(__file__).resolve().parents[2]
CLINIC_PHONE = "(907) 555-0142"
CLINIC_INBOX = "clinic@clinic.example"
SECRET_KEY = "s1ow-Suite_9fQ2xLm8Rt4Zp7Wc1Ny6Hb5Gd0Fs3Ae2Kv"


# --- settings and commands -------------------------------------------------------------------


def production_env(
    database_url: str, *, smtp_port: int | None = None, **extra: Any
) -> dict[str, str]:
    """Production settings (CSRF on, secure cookies, JSON logs) for processes on loopback.

    Every process of one deployment gets the same SECRET_KEY and DATA_ENCRYPTION_KEY, as the
    instances behind one load balancer must.
    """
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GUNICORN_", "RATELIMIT_", "ENQUIRY_", "LOGIN_"))
    }
    env.update(
        {
            "INTAKE_ENV": "production",
            "FLASK_APP": "wsgi",
            "PYTHONUNBUFFERED": "1",
            "SECRET_KEY": SECRET_KEY,
            "DATA_ENCRYPTION_KEY": DATA_ENCRYPTION_KEY,
            "DATABASE_URL": database_url,
            "CLINIC_PHONE": CLINIC_PHONE,
            "CLINIC_NOTIFY_TO": CLINIC_INBOX,
            "MAIL_DEFAULT_SENDER": "intake@clinic.example",
            "PUBLIC_BASE_URL": "https://intake.clinic.example",
            "MAIL_SERVER": "127.0.0.1",
            "MAIL_PORT": str(smtp_port or free_port()),
            "MAIL_TIMEOUT": "5",
            "OUTBOX_POLL_SECONDS": "1",
            "LOG_LEVEL": "WARNING",
            "GUNICORN_LOG_LEVEL": "warning",
            "GUNICORN_ACCESS_LOG": "",  # the app logs each request; keep the logs short
            "GUNICORN_MAX_REQUESTS": "0",  # no planned worker restarts during a measurement
        }
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


DATA_ENCRYPTION_KEY = Fernet.generate_key().decode("ascii")


def flask_command(env: dict[str, str], *args: str, stdin: str | None = None) -> str:
    """Run ``flask ARGS`` as the deployment would; its output, or a failure with the output."""
    result = subprocess.run(
        [sys.executable, "-m", "flask", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"flask {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def migrate(env: dict[str, str]) -> None:
    """``flask db upgrade`` on the deployment's database, as on every deploy."""
    flask_command(env, "db", "upgrade")


def wait_until(condition: Callable[[], bool], timeout: float, interval: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


def scalar(database_url: str, query: str, **params: Any) -> Any:
    """One value from the database, through a short-lived engine of the test's own."""
    engine = sa.create_engine(database_url, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text(query), params).scalar()
    finally:
        engine.dispose()


def rows(database_url: str, query: str, **params: Any) -> list[Any]:
    engine = sa.create_engine(database_url, connect_args={"connect_timeout": 5})
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text(query), params))
    finally:
        engine.dispose()


# --- processes -------------------------------------------------------------------------------


def children_of(pid: int) -> set[int]:
    """The direct children of a process (Linux /proc)."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return set()
    return {int(part) for part in text.split()}


class ManagedProcess:
    """A subprocess in its own process group, its output in a file; always reaped."""

    def __init__(self, args: list[str], env: dict[str, str], log_path: Path) -> None:
        self.log_path = log_path
        self.log: IO[bytes] = open(log_path, "ab")  # noqa: SIM115 - closed in stop()/kill()
        self.process = subprocess.Popen(
            args,
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own group: a kill reaches its workers too
        )
        self.pid = self.process.pid

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def _signal_group(self, sig: int) -> None:
        try:
            os.killpg(self.pid, sig)
        except (ProcessLookupError, PermissionError):
            pass

    def kill(self) -> None:
        """SIGKILL the whole group at once: a crash, nothing gets to clean up."""
        self._signal_group(signal.SIGKILL)
        self._reap(10)

    def stop(self, timeout: float = 20.0) -> int | None:
        """SIGTERM (a graceful stop), then SIGKILL for anything left; the exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                pass
        code = self.process.poll()
        self._signal_group(signal.SIGKILL)  # orphans, if any
        self._reap(10)
        return code

    def _reap(self, timeout: float) -> None:
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:  # pragma: no cover - SIGKILL cannot be ignored
            pass
        if not self.log.closed:
            self.log.close()

    def output(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return self.log_path.read_text(encoding="utf-8", errors="replace")


class Gunicorn(ManagedProcess):
    """``gunicorn -c gunicorn.conf.py wsgi:app`` on 127.0.0.1:port, as deployed."""

    def __init__(self, env: dict[str, str], log_dir: Path, name: str, workers: int = 2) -> None:
        self.name = name
        self.port = free_port()
        env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(workers),
        }
        super().__init__(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "wsgi:app"],
            env,
            log_dir / f"gunicorn-{name}.log",
        )
        self.workers = workers

    def wait_ready(self, timeout: float = 60.0) -> Gunicorn:
        """Until /livez answers and every worker has booted."""

        def up() -> bool:
            if not self.running:
                raise AssertionError(f"gunicorn {self.name} exited:\n{self.output()[-3000:]}")
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
            try:
                conn.request("GET", "/livez")
                ok = conn.getresponse().status == 200
            except (OSError, http.client.HTTPException):
                ok = False
            finally:
                conn.close()
            return ok and len(children_of(self.pid)) >= self.workers

        if not wait_until(up, timeout, interval=0.1):
            self.stop()
            raise AssertionError(f"gunicorn {self.name} did not start:\n{self.output()[-3000:]}")
        return self

    def worker_pids(self) -> set[int]:
        return children_of(self.pid)


class OutboxWorker(ManagedProcess):
    """``flask outbox send``: the mail worker, as under systemd."""

    def __init__(self, env: dict[str, str], log_dir: Path, name: str) -> None:
        super().__init__(
            [sys.executable, "-m", "flask", "outbox", "send"],
            env,
            log_dir / f"outbox-{name}.log",
        )


@dataclass
class Processes:
    """Every process a test started, stopped (or killed) in reverse order however it ends."""

    started: list[ManagedProcess] = field(default_factory=list)

    def add(self, process: ManagedProcess) -> Any:
        self.started.append(process)
        return process

    def close(self) -> None:
        for process in reversed(self.started):
            process.stop(timeout=15)


# --- a TCP proxy that can cut a service off --------------------------------------------------


def reset(sock: socket.socket) -> None:
    """Close with an RST (linger 0), as a crashed peer or a dropped route looks to the client."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    except OSError:
        pass
    sock.close()


class TcpProxy:
    """Forwards 127.0.0.1:port to a service; :meth:`cut` drops every connection and refuses
    new ones (each is reset at once) until :meth:`restore`. The service itself never stops."""

    def __init__(self, target_port: int, target_host: str = "127.0.0.1") -> None:
        self.target = (target_host, target_port)
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(128)
        self.listener.settimeout(0.1)
        self.port = int(self.listener.getsockname()[1])
        self.generation = 0  # bumped by cut(): connections of an older generation are dropped
        self.is_cut = False
        self.stopping = threading.Event()
        self.threads: list[threading.Thread] = []
        self.lock = threading.Lock()
        self.accepted = 0
        self.refused = 0
        self.acceptor = threading.Thread(target=self._accept, name="proxy-accept", daemon=True)

    def start(self) -> TcpProxy:
        self.acceptor.start()
        return self

    def cut(self) -> None:
        with self.lock:
            self.is_cut = True
            self.generation += 1

    def restore(self) -> None:
        with self.lock:
            self.is_cut = False

    def close(self) -> None:
        self.stopping.set()
        self.acceptor.join(timeout=5)
        for thread in list(self.threads):
            thread.join(timeout=5)
        self.listener.close()

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self.lock:
                cut, generation = self.is_cut, self.generation
            if cut:
                self.refused += 1
                reset(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=3)
            except OSError:
                reset(client)
                continue
            self.accepted += 1
            thread = threading.Thread(
                target=self._pump, args=(client, upstream, generation), daemon=True
            )
            self.threads = [t for t in self.threads if t.is_alive()]
            self.threads.append(thread)
            thread.start()

    def _pump(self, client: socket.socket, upstream: socket.socket, generation: int) -> None:
        peers = {client: upstream, upstream: client}
        with selectors.DefaultSelector() as selector:
            for sock in peers:
                sock.setblocking(True)
                sock.settimeout(10)
                selector.register(sock, selectors.EVENT_READ)
            try:
                while not self.stopping.is_set() and self.generation == generation:
                    for key, _ in selector.select(timeout=0.05):
                        source: socket.socket = key.fileobj  # type: ignore[assignment]
                        data = source.recv(65536)
                        if not data:
                            return
                        peers[source].sendall(data)
            except OSError:
                return
            finally:
                for sock in peers:
                    selector.unregister(sock)
                    reset(sock)


# --- a patient's browser ---------------------------------------------------------------------


class HiddenInputs(HTMLParser):
    """The hidden inputs of a page (CSRF token, start time, idempotency key, ...)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "input":
            return
        found = dict(attrs)
        if found.get("type") == "hidden" and found.get("name"):
            self.values[str(found["name"])] = found.get("value") or ""


def hidden_inputs(html: str) -> dict[str, str]:
    parser = HiddenInputs()
    parser.feed(html)
    parser.close()
    return parser.values


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]
    body: str
    port: int

    @property
    def location(self) -> str:
        return self.headers.get("location", "")


class Failed(Exception):
    """No HTTP answer at all: refused, reset, timed out (the instance is down or stuck)."""


class Browser:
    """One patient: a source address in 127.0.0.0/8, cookies, a fresh connection per request
    (gunicorn's sync workers close each connection after one response)."""

    def __init__(self, address: str, timeout: float = 20.0) -> None:
        self.address = address
        self.timeout = timeout
        self.cookies: dict[str, str] = {}

    def request(
        self,
        port: int,
        method: str,
        path: str,
        fields: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Response:
        headers = {"Connection": "close", "Host": "intake.clinic.example", **(headers or {})}
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        conn = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=self.timeout, source_address=(self.address, 0)
        )
        try:
            conn.request(method, path, body=body, headers=headers)
            answer = conn.getresponse()
            data = answer.read()
            for name, value in answer.getheaders():
                if name.lower() == "set-cookie":
                    self._keep_cookie(value)
            return Response(
                status=answer.status,
                headers={k.lower(): v for k, v in answer.getheaders()},
                body=data.decode("utf-8", errors="replace"),
                port=port,
            )
        except (OSError, http.client.HTTPException) as exc:
            raise Failed(f"{method} {path} on port {port}: {type(exc).__name__}: {exc}") from exc
        finally:
            conn.close()

    def _keep_cookie(self, header: str) -> None:
        pair = header.split(";", 1)[0]
        name, _, value = pair.partition("=")
        name = name.strip()
        if not value or "max-age=0" in header.lower():
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value.strip()

    def get(self, port: int, path: str) -> Response:
        return self.request(port, "GET", path)

    def post(self, port: int, path: str, fields: dict[str, Any]) -> Response:
        return self.request(port, "POST", path, fields)


def patient_fields(index: int, *, confirmation: bool = False) -> dict[str, str]:
    """What patient ``index`` types; the message carries a marker to find it again."""
    return {
        "kind": "question",
        "message": (
            f"Patient {index} (marker {uuid.uuid4().hex[:10]}): I finished treatment last year "
            "and I have a new ache in my hip. Could this be the cancer coming back? "
            "When could I see someone?"
        ),
        "name": f"Patient {index}",
        "relationship": "patient",
        "email": f"patient{index}@example.com",
        "phone": "",
        "preferred_contact": "email",
        "consent": "y",
        "website": "",
        **({"wants_confirmation": "y"} if confirmation else {}),
    }


def addresses(count: int | None = None) -> Iterator[str]:
    """127.0.0.2 ... 127.0.0.254, cycled (the first ``count``, if given)."""
    pool = [f"127.0.0.{n}" for n in range(2, 255)]
    n = 0
    while count is None or n < count:
        yield pool[n % len(pool)]
        n += 1


# --- watching /readyz ------------------------------------------------------------------------


@dataclass(frozen=True)
class Probe:
    sent: float
    answered: float
    status: int | None  # None: no HTTP answer


class ReadyzProbe:
    """Asks ``/readyz`` every ``interval`` seconds on a thread, until :meth:`stop`."""

    def __init__(self, port: int, interval: float = 0.25) -> None:
        self.port = port
        self.interval = interval
        self.probes: list[Probe] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="readyz-probe", daemon=True)

    def start(self) -> ReadyzProbe:
        self.thread.start()
        return self

    def stop(self) -> list[Probe]:
        self.stopping.set()
        self.thread.join(timeout=15)
        return self.probes

    def _run(self) -> None:
        browser = Browser("127.0.0.1", timeout=10)
        while not self.stopping.is_set():
            sent = time.monotonic()
            try:
                status: int | None = browser.get(self.port, "/readyz").status
            except Failed:
                status = None
            self.probes.append(Probe(sent, time.monotonic(), status))
            self.stopping.wait(self.interval)

    def first(self, status: int, sent_after: float) -> Probe | None:
        """The first probe sent after a moment that answered ``status``."""
        return next((p for p in self.probes if p.sent >= sent_after and p.status == status), None)
