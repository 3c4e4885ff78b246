"""Configuration classes, read from environment variables.

``INTAKE_ENV`` picks the class (``development`` by default, ``testing`` or ``production``).
Every setting comes from the environment, read when the class is *instantiated* (not at import),
so tests and the CLI see the environment as it is when the app is created. Production refuses to
start with unsafe settings and names the variable to fix.
"""

from __future__ import annotations

import base64
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
INSTANCE_DIR = ROOT / "instance"

WEAK_SECRETS = {"", "dev", "secret", "changeme", "change-me", "development", "test", "key"}

# Retention (intake.retention, docs/security.md "Retention"). An enquiry is never de-identified
# sooner than a month after its last activity, whatever RETENTION_DAYS says (a typo must not
# wipe the open inbox). Audit events are kept at least six years (6 x 365 days, HIPAA's
# documentation retention, 45 CFR 164.316(b)(2)): the database's own trigger refuses to delete
# a younger row, so a lower AUDIT_RETENTION_DAYS could only make every purge fail.
RETENTION_MIN_DAYS = 30
AUDIT_RETENTION_FLOOR_DAYS = 2190


class ConfigError(RuntimeError):
    """A setting is missing or unsafe; the message names the environment variable to fix."""


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}: expected on/off, true/false, yes/no or 1/0, got {raw!r}")


def env_int(name: str, default: int, minimum: int = 0) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError as exc:
        raise ConfigError(f"{name}: expected a whole number, got {raw!r}") from exc
    if value < minimum:
        raise ConfigError(f"{name}: must be at least {minimum}, got {value}")
    return value


def normalise_database_url(url: str) -> str:
    """Read ``postgresql://`` (and the old ``postgres://``) as psycopg 3's driver URL."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def engine_options(url: str) -> dict[str, Any]:
    """Short connect timeouts so a database outage answers 503 quickly instead of hanging.

    hide_parameters: a database error's text never carries the bound values (a patient's
    message, a searched name), whichever logger or server ends up printing it.
    """
    if url.startswith("sqlite"):
        # The busy timeout (seconds) lets concurrent writers wait instead of failing at once;
        # WAL mode is switched on per connection in intake.database.
        return {"hide_parameters": True, "connect_args": {"timeout": 15}}
    if url.startswith("postgresql"):
        # prepare_threshold=None: psycopg 3 never prepares statements server-side. A prepared
        # statement may switch to a generic plan that ignores the inbox search's trigram index
        # (measured: a rare-term search went from 7 ms to 5.4 s at 1M rows); see
        # docs/dashboard.md.
        return {
            "hide_parameters": True,
            "pool_pre_ping": True,
            "pool_recycle": 1800,
            # TCP keepalives and a user timeout turn a link that goes silent (no RST) into a
            # prompt error and a 503 page, instead of a worker hanging until it is killed.
            "connect_args": {
                "connect_timeout": 3,
                "prepare_threshold": None,
                "keepalives": 1,
                "keepalives_idle": 10,
                "keepalives_interval": 5,
                "keepalives_count": 3,
                "tcp_user_timeout": 15000,
            },
        }
    return {"hide_parameters": True}


def default_database_url() -> str:
    return f"sqlite:///{INSTANCE_DIR / 'intake.sqlite3'}"


class Config:
    """Settings shared by every environment."""

    ENV_NAME = "base"
    DEBUG = False
    TESTING = False

    def __init__(self) -> None:
        self.SECRET_KEY = self.secret_key()
        url = normalise_database_url(env_str("DATABASE_URL") or default_database_url())
        self.SQLALCHEMY_DATABASE_URI = url
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options(url)
        self.SQLALCHEMY_TRACK_MODIFICATIONS = False

        self.MAX_CONTENT_LENGTH = env_int("MAX_CONTENT_LENGTH", 256 * 1024, minimum=16 * 1024)
        self.WTF_CSRF_TIME_LIMIT = env_int("WTF_CSRF_TIME_LIMIT", 3600, minimum=60)
        self.WTF_CSRF_SSL_STRICT = True

        self.SESSION_COOKIE_HTTPONLY = True
        self.SESSION_COOKIE_SAMESITE = env_str("SESSION_COOKIE_SAMESITE", "Lax")
        self.SESSION_COOKIE_SECURE = env_bool(
            "SESSION_COOKIE_SECURE", self.default_secure_cookies()
        )
        self.SESSION_COOKIE_NAME = "intake_session"

        # Rate limits (Flask-Limiter). Redis being unreachable falls back to per-process limits.
        self.RATELIMIT_STORAGE_URI = env_str("RATELIMIT_STORAGE_URI", "memory://")
        self.RATELIMIT_STORAGE_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 1}
        self.RATELIMIT_IN_MEMORY_FALLBACK_ENABLED = True
        self.RATELIMIT_SWALLOW_ERRORS = True
        self.RATELIMIT_HEADERS_ENABLED = True
        self.RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", True)
        self.RATELIMIT_KEY_PREFIX = "intake"
        self.ENQUIRY_RATE_LIMIT = env_str("ENQUIRY_RATE_LIMIT", "5 per minute; 30 per day")
        self.ENQUIRY_MIN_FILL_SECONDS = env_int("ENQUIRY_MIN_FILL_SECONDS", 3)
        # Failed staff sign-ins per client address (staff share the clinic's one address, so
        # this sits well above the per-account lockout of 5 failures in 15 minutes).
        self.LOGIN_RATE_LIMIT = env_str("LOGIN_RATE_LIMIT", "50 per 15 minutes; 300 per day")

        # The clinic. The default phone is a reserved fictional number (555-01xx) for
        # development only; production refuses to start without the real one.
        self.CLINIC_NAME = env_str("CLINIC_NAME", "Alaska Cancer Treatment Center")
        self.CLINIC_PHONE = env_str("CLINIC_PHONE", "(907) 555-0100")
        self.CLINIC_TIMEZONE = env_str("CLINIC_TIMEZONE", "America/Anchorage")
        self.CLINIC_HOURS = env_str("CLINIC_HOURS", "Mon-Fri 08:00-17:00")
        self.PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "http://127.0.0.1:5000").rstrip("/")

        # Mail. With no MAIL_SERVER, mail is printed to the console (development default).
        self.MAIL_SERVER = env_str("MAIL_SERVER")
        self.MAIL_PORT = env_int("MAIL_PORT", 25, minimum=1)
        self.MAIL_USE_TLS = env_bool("MAIL_USE_TLS", False)
        self.MAIL_USE_SSL = env_bool("MAIL_USE_SSL", False)
        self.MAIL_USERNAME = env_str("MAIL_USERNAME") or None
        self.MAIL_PASSWORD = env_str("MAIL_PASSWORD") or None
        self.MAIL_DEFAULT_SENDER = env_str("MAIL_DEFAULT_SENDER", "intake@localhost")
        self.MAIL_TIMEOUT = env_int("MAIL_TIMEOUT", 10, minimum=1)
        self.CLINIC_NOTIFY_TO = env_str("CLINIC_NOTIFY_TO", "clinic@localhost")
        self.CLINIC_NOTIFY_ROUTES = env_str("CLINIC_NOTIFY_ROUTES")
        self.CLINIC_URGENT_TO = env_str("CLINIC_URGENT_TO") or self.CLINIC_NOTIFY_TO
        self.OUTBOX_POLL_SECONDS = env_int("OUTBOX_POLL_SECONDS", 5, minimum=1)
        self.OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 12, minimum=1)
        self.OUTBOX_RETRY_CAP_SECONDS = env_int("OUTBOX_RETRY_CAP_SECONDS", 3600, minimum=1)
        self.OUTBOX_LEASE_SECONDS = env_int("OUTBOX_LEASE_SECONDS", 300, minimum=5)
        # Patient confirmations per address per 24 h: the form cannot be used to mail strangers.
        self.OUTBOX_CONFIRMATIONS_PER_DAY = env_int("OUTBOX_CONFIRMATIONS_PER_DAY", 3)

        # Staff side (used by the sign-in and dashboard features).
        self.REQUIRE_TOTP = env_bool("REQUIRE_TOTP", self.ENV_NAME == "production")
        self.DATA_ENCRYPTION_KEY = self.data_encryption_key()
        self.SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 15, minimum=1)
        self.SESSION_ABSOLUTE_HOURS = env_int("SESSION_ABSOLUTE_HOURS", 12, minimum=1)
        self.APPOINTMENT_LOCATIONS = env_str("APPOINTMENT_LOCATIONS", self.CLINIC_NAME)
        self.TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
        self.RETENTION_DAYS = env_int("RETENTION_DAYS", 730, minimum=RETENTION_MIN_DAYS)
        # Staff password hashing: argon2id, argon2-cffi's RFC 9106 "low memory" profile (64 MiB,
        # 3 passes, 4 lanes), above ASVS 5.0 appendix C's floor (19 MiB, t=2, p=1). Not read from
        # the environment, so a deployment cannot weaken it; only TestingConfig lowers it.
        self.ARGON2_TIME_COST = 3
        self.ARGON2_MEMORY_COST = 65536
        self.ARGON2_PARALLELISM = 4
        self.AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", 2190, minimum=1)
        if self.AUDIT_RETENTION_DAYS < AUDIT_RETENTION_FLOOR_DAYS:
            raise ConfigError(
                f"AUDIT_RETENTION_DAYS: must be at least {AUDIT_RETENTION_FLOOR_DAYS} (six years, "
                "HIPAA's documentation retention; the database refuses to delete younger audit "
                f"events), got {self.AUDIT_RETENTION_DAYS}"
            )
        # Who may download the inbox as CSV: admins only unless the clinic decides otherwise.
        self.EXPORT_ROLE = env_str("EXPORT_ROLE", "admin").lower()
        if self.EXPORT_ROLE not in {"admin", "staff"}:
            raise ConfigError(f"EXPORT_ROLE: expected admin or staff, got {self.EXPORT_ROLE!r}")
        # Staff pages show a banner while mail is stuck: dead letters, or an unsent message
        # older than this many seconds (the same default as `flask outbox status --max-age`).
        self.OUTBOX_ALERT_SECONDS = env_int("OUTBOX_ALERT_SECONDS", 900, minimum=1)

        # Security headers; HSTS only where TLS is guaranteed (production).
        self.CSP_ENABLED = True
        self.HSTS_ENABLED = False
        self.LOG_FORMAT = env_str("LOG_FORMAT", "text")
        self.LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()

    def secret_key(self) -> str:
        return env_str("SECRET_KEY")

    def data_encryption_key(self) -> str:
        """Fernet key(s) for TOTP secrets at rest; comma-separated, the first encrypts."""
        return env_str("DATA_ENCRYPTION_KEY")

    def default_secure_cookies(self) -> bool:
        return False

    def validate(self) -> None:
        """Refuse settings that are unsafe for this environment (production overrides)."""


def instance_secret(variable: str, filename: str, make: Callable[[], str]) -> str:
    """The variable's value, or (development only) a random one kept under instance/, mode 0600."""
    value = env_str(variable)
    if value:
        return value
    path = INSTANCE_DIR / filename
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
        value = make()
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(value)
        return value


class DevelopmentConfig(Config):
    """The default: SQLite under instance/, mail printed to the console."""

    ENV_NAME = "development"
    DEBUG = False  # the debugger is opt-in: `flask run --debug`

    def secret_key(self) -> str:
        # Never a fixed fallback: a random key kept under instance/ so sign-ins survive restarts.
        return instance_secret("SECRET_KEY", "secret_key", lambda: secrets.token_urlsafe(48))

    def data_encryption_key(self) -> str:
        # Never derived from anything: a random Fernet key kept under instance/ (like the secret
        # key), so TOTP enrolments survive restarts. Losing the file means re-enrolling TOTP.
        return instance_secret(
            "DATA_ENCRYPTION_KEY",
            "data_encryption_key",
            lambda: base64.urlsafe_b64encode(secrets.token_bytes(32)).decode("ascii"),
        )


class TestingConfig(Config):
    """For the test suite: CSRF off by default (tests that need it switch it on)."""

    ENV_NAME = "testing"
    TESTING = True

    def __init__(self) -> None:
        super().__init__()
        self.WTF_CSRF_ENABLED = False
        self.SQLALCHEMY_DATABASE_URI = normalise_database_url(
            env_str("DATABASE_URL") or "sqlite:///:memory:"
        )
        self.SQLALCHEMY_ENGINE_OPTIONS = engine_options(self.SQLALCHEMY_DATABASE_URI)
        self.ENQUIRY_MIN_FILL_SECONDS = 0
        # Off unless a test (or a test server, e.g. gunicorn under test) switches it on.
        self.RATELIMIT_ENABLED = env_bool("RATELIMIT_ENABLED", False)
        # Cheap hashing keeps the suite fast; tests/test_auth_passwords.py proves that the
        # parameters of every other environment meet ASVS 5.0 appendix C.
        self.ARGON2_TIME_COST = 1
        self.ARGON2_MEMORY_COST = 1024
        self.ARGON2_PARALLELISM = 1

    def secret_key(self) -> str:
        return env_str("SECRET_KEY") or secrets.token_urlsafe(48)

    def data_encryption_key(self) -> str:
        # A fresh random key per app unless one is given (processes sharing a database under
        # test, e.g. two gunicorn workers, must be given the same DATA_ENCRYPTION_KEY).
        return env_str("DATA_ENCRYPTION_KEY") or base64.urlsafe_b64encode(
            secrets.token_bytes(32)
        ).decode("ascii")


class ProductionConfig(Config):
    """Real patients: everything unsafe is refused at start-up."""

    ENV_NAME = "production"

    def __init__(self) -> None:
        super().__init__()
        self.HSTS_ENABLED = True
        self.LOG_FORMAT = env_str("LOG_FORMAT", "json")
        self.DEBUG = env_bool("FLASK_DEBUG", False)
        # __Host-: only ever sent over HTTPS, to this host, for the whole site (ASVS 3.3.1/3.3.3).
        self.SESSION_COOKIE_NAME = "__Host-intake"

    def default_secure_cookies(self) -> bool:
        return True

    def validate(self) -> None:
        key = self.SECRET_KEY
        if len(key) < 32 or key.lower() in WEAK_SECRETS or len(set(key)) < 10:
            raise ConfigError(
                "SECRET_KEY: set a random value of at least 32 characters, e.g. "
                '`python -c "import secrets; print(secrets.token_urlsafe(48))"`'
            )
        if self.DEBUG:
            raise ConfigError("FLASK_DEBUG: debug mode must be off in production")
        if not self.SESSION_COOKIE_SECURE:
            raise ConfigError("SESSION_COOKIE_SECURE: cookies must be Secure in production")
        if self.SESSION_COOKIE_SAMESITE not in {"Lax", "Strict"}:
            raise ConfigError("SESSION_COOKIE_SAMESITE: must be Lax or Strict in production")
        if not env_str("CLINIC_PHONE"):
            raise ConfigError("CLINIC_PHONE: set the clinic's real phone number")
        if not env_str("CLINIC_NOTIFY_TO"):
            raise ConfigError("CLINIC_NOTIFY_TO: set the clinic's inbox for notifications")
        if not self.PUBLIC_BASE_URL.startswith("https://"):
            raise ConfigError("PUBLIC_BASE_URL: must be the site's https:// address in production")
        if not self.MAIL_SERVER:
            raise ConfigError(
                "MAIL_SERVER: set the SMTP relay; production never prints mail to the console"
            )
        if (
            self.MAIL_SERVER
            and not (self.MAIL_USE_TLS or self.MAIL_USE_SSL)
            and self.MAIL_SERVER not in {"localhost", "127.0.0.1", "::1"}
        ):
            raise ConfigError(
                "MAIL_USE_TLS: unencrypted SMTP to a host other than localhost is refused "
                "(set MAIL_USE_TLS=1 or MAIL_USE_SSL=1)"
            )
        if not self.DATA_ENCRYPTION_KEY:
            raise ConfigError(
                "DATA_ENCRYPTION_KEY: set a Fernet key (several, comma-separated, to rotate) to "
                'encrypt staff TOTP secrets, e.g. `python -c "from cryptography.fernet import '
                'Fernet; print(Fernet.generate_key().decode())"`'
            )


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_from_env() -> Config:
    """Instantiate the class named by INTAKE_ENV."""
    name = env_str("INTAKE_ENV", "development").lower()
    try:
        cls = CONFIGS[name]
    except KeyError as exc:
        raise ConfigError(
            f"INTAKE_ENV: expected one of {', '.join(CONFIGS)}, got {name!r}"
        ) from exc
    return cls()
