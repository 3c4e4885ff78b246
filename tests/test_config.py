"""Configuration from the environment; production refuses unsafe settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from config import (
    ConfigError,
    DevelopmentConfig,
    ProductionConfig,
    config_from_env,
    normalise_database_url,
)
from intake import create_app

STRONG = "k3J9-vQ2x_Lm8Rt4Zp7Wc1Ny6Hb5Gd0Fs3Ae2"
SAFE_ENV = {
    "SECRET_KEY": STRONG,
    "CLINIC_PHONE": "(907) 555-0100",
    "CLINIC_NOTIFY_TO": "intake@clinic.example",
    "PUBLIC_BASE_URL": "https://intake.clinic.example",
    "MAIL_SERVER": "localhost",
    "DATA_ENCRYPTION_KEY": "eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHh4eHg=",
}


@pytest.fixture
def production_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    for key, value in SAFE_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("INTAKE_ENV", "production")
    return monkeypatch


def test_development_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTAKE_ENV", raising=False)
    assert isinstance(config_from_env(), DevelopmentConfig)


def test_unknown_environment_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_ENV", "staging")
    with pytest.raises(ConfigError, match="INTAKE_ENV"):
        config_from_env()


def test_postgresql_urls_use_psycopg3() -> None:
    assert normalise_database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_database_url("sqlite:///x.db") == "sqlite:///x.db"


def test_default_database_is_sqlite_under_instance(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DATABASE_URL", raising=False)
    uri = DevelopmentConfig().SQLALCHEMY_DATABASE_URI
    assert uri.startswith("sqlite:///") and uri.endswith("instance/intake.sqlite3")


def test_safe_production_settings_start(production_env: pytest.MonkeyPatch) -> None:
    app = create_app(ProductionConfig)
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["HSTS_ENABLED"] is True
    assert app.config["LOG_FORMAT"] == "json"


@pytest.mark.parametrize(
    ("variable", "value", "named"),
    [
        ("SECRET_KEY", None, "SECRET_KEY"),
        ("SECRET_KEY", "dev", "SECRET_KEY"),
        ("SECRET_KEY", "a" * 40, "SECRET_KEY"),
        ("FLASK_DEBUG", "1", "FLASK_DEBUG"),
        ("SESSION_COOKIE_SECURE", "0", "SESSION_COOKIE_SECURE"),
        ("SESSION_COOKIE_SAMESITE", "None", "SESSION_COOKIE_SAMESITE"),
        ("CLINIC_PHONE", None, "CLINIC_PHONE"),
        ("CLINIC_NOTIFY_TO", None, "CLINIC_NOTIFY_TO"),
        ("PUBLIC_BASE_URL", "http://intake.clinic.example", "PUBLIC_BASE_URL"),
        ("MAIL_SERVER", "smtp.clinic.example", "MAIL_USE_TLS"),
        ("MAIL_SERVER", None, "MAIL_SERVER"),
        ("CLINIC_NOTIFY_ROUTES", "symptoms:not-an-address", "CLINIC_NOTIFY_ROUTES"),
        ("OUTBOX_POLL_SECONDS", "soon", "OUTBOX_POLL_SECONDS"),
    ],
)
def test_production_refuses_unsafe_settings_naming_the_variable(
    production_env: pytest.MonkeyPatch, variable: str, value: str | None, named: str
) -> None:
    if value is None:
        production_env.delenv(variable, raising=False)
    else:
        production_env.setenv(variable, value)
    with pytest.raises(ConfigError, match=named):
        create_app(config_from_env())


def test_local_unencrypted_smtp_is_allowed_in_production(
    production_env: pytest.MonkeyPatch,
) -> None:
    production_env.setenv("MAIL_SERVER", "localhost")
    create_app(ProductionConfig)


def test_create_app_opens_no_database_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    # An unreachable database must not stop the app (and its error pages) from being built.
    monkeypatch.setenv("INTAKE_ENV", "testing")
    monkeypatch.setenv("DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    app = create_app()
    assert app.test_client().get("/livez").status_code == 200


@pytest.mark.parametrize(
    "dialect", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_database_errors_never_carry_the_bound_values(
    dialect: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """An error's text reaches whatever logs it (gunicorn's error log included): it must not
    quote a patient's message or a searched name."""
    import sqlalchemy as sa

    from config import engine_options

    url = (
        request.getfixturevalue("pg_url")
        if dialect == "postgresql"
        else f"sqlite:///{tmp_path / 'errors.sqlite3'}"
    )
    engine = sa.create_engine(url, **engine_options(url))
    marker = "Marker-Jane-Doe-chest-pain"
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("CREATE TABLE t (v VARCHAR(5) NOT NULL UNIQUE)"))
            connection.execute(sa.text("INSERT INTO t (v) VALUES ('x')"))
            with pytest.raises(sa.exc.DBAPIError) as caught:
                connection.execute(sa.text("INSERT INTO t (v) VALUES (:v), ('x')"), {"v": marker})
        assert marker not in str(caught.value) and "hidden" in str(caught.value)
    finally:
        engine.dispose()
