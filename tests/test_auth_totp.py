"""TOTP: enrolment with a local SVG QR code and recovery codes, one step of tolerance, no code
used twice, secrets encrypted at rest (with key rotation), REQUIRE_TOTP."""

from __future__ import annotations

import re
from typing import Any

import pyotp
import pytest
from cryptography.fernet import Fernet
from flask import Flask

from intake.auth import totp
from tests.test_auth_support import (
    PASSWORD,
    FakeClock,
    audit_actions,
    audit_rows,
    code_at,
    get_user,
    make_user,
    open_sessions,
    sign_in,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def app(app_factory: Any, clock: FakeClock) -> Flask:
    return app_factory(AUTH_CLOCK=clock, REQUIRE_TOTP=True)


def enrol(
    app: Flask, clock: FakeClock, email: str = "nurse@clinic.example"
) -> tuple[Any, str, list[str]]:
    """Sign in with the password, enrol, and return (client, secret, recovery codes)."""
    client = app.test_client()
    response = sign_in(client, email)
    assert response.status_code == 303
    assert response.headers["Location"] == "/staff/totp"
    page = client.get("/staff/totp")
    assert page.status_code == 200
    body = page.get_data(as_text=True)
    secret = re.search(r'<code class="reference">([A-Z2-7 ]+)</code>', body)
    assert secret is not None
    plain = secret.group(1).replace(" ", "")
    done = client.post("/staff/totp", data={"code": code_at(plain, clock.now)})
    assert done.status_code == 200, done.get_data(as_text=True)
    codes = re.findall(
        r'<li><code class="reference">([a-z0-9-]+)</code></li>', done.get_data(as_text=True)
    )
    assert len(codes) == 10
    return client, plain, codes


def test_require_totp_makes_a_new_user_enrol_before_anything_else(
    app: Flask, clock: FakeClock
) -> None:
    user_id, _ = make_user(app)
    client = app.test_client()
    assert sign_in(client).headers["Location"] == "/staff/totp"
    assert open_sessions(app, user_id) == 0  # the password alone opens nothing
    assert client.get("/staff/").status_code == 302
    enrol_page = client.get("/staff/totp")
    assert "Skip for now" not in enrol_page.get_data(as_text=True)
    assert client.post("/staff/totp/skip").status_code == 302
    assert open_sessions(app, user_id) == 0


def test_enrolment_signs_in_and_shows_recovery_codes_once(app: Flask, clock: FakeClock) -> None:
    user_id, _ = make_user(app)
    client, secret, codes = enrol(app, clock)
    assert client.get("/staff/").status_code == 200
    assert open_sessions(app, user_id) == 1
    user = get_user(app, user_id)
    assert user.totp_secret is not None and secret not in user.totp_secret  # encrypted
    assert user.totp_pending_secret is None
    assert len(user.recovery_code_hashes) == 10
    assert all(h.startswith("$argon2id$") for h in user.recovery_code_hashes)
    assert not any(code in repr(user.recovery_code_hashes) for code in codes)
    assert "auth.totp_enrolled" in audit_actions(app)


def test_qr_code_is_local_svg_without_inline_style(app: Flask, clock: FakeClock) -> None:
    make_user(app)
    client = app.test_client()
    sign_in(client)
    response = client.get("/staff/totp")
    body = response.get_data(as_text=True)
    svg = body[body.index("<svg") : body.index("</svg>") + 6]
    assert "style" not in svg.lower()
    assert "<script" not in svg.lower()
    assert "http" not in svg  # nothing fetched from elsewhere
    assert "style=" not in body and "<script" not in body
    assert response.headers["Cache-Control"] == "no-store"
    assert "style-src 'self'" in response.headers["Content-Security-Policy"]


def test_sign_in_with_a_code_and_one_step_of_tolerance(app: Flask, clock: FakeClock) -> None:
    user_id, secret = make_user(app, enrol_totp=True)
    assert secret is not None
    for steps in (-1, 0, 1):
        clock.advance(minutes=5)
        client = app.test_client()
        first = sign_in(client)
        assert first.status_code == 200 and "Enter your code" in first.get_data(as_text=True)
        done = client.post("/staff/login/code", data={"code": code_at(secret, clock.now, steps)})
        assert done.status_code == 303, steps
    for steps in (-2, 2):
        clock.advance(minutes=5)
        client = app.test_client()
        sign_in(client)
        refused = client.post("/staff/login/code", data={"code": code_at(secret, clock.now, steps)})
        assert refused.status_code == 401
    assert open_sessions(app, user_id) == 3


def test_a_code_cannot_be_used_twice(app: Flask, clock: FakeClock) -> None:
    user_id, secret = make_user(app, enrol_totp=True)
    assert secret is not None
    code = code_at(secret, clock.now)
    first = app.test_client()
    assert sign_in(first, code=code).status_code == 303
    second = app.test_client()
    replayed = sign_in(second, code=code)
    assert replayed.status_code == 401
    assert "Sign-in failed" in replayed.get_data(as_text=True)
    # An older code (the previous step) is refused too once a newer one was used.
    clock.advance(seconds=30)
    assert sign_in(app.test_client(), code=code_at(secret, clock.now, -1)).status_code == 401
    assert sign_in(app.test_client(), code=code_at(secret, clock.now)).status_code == 303
    assert open_sessions(app, user_id) == 2
    failed = [r for r in audit_rows(app) if r["action"] == "auth.sign_in_failed"]
    assert [r["details"]["reason"] for r in failed] == ["code", "code"]


def test_code_failures_count_towards_the_lockout(app: Flask, clock: FakeClock) -> None:
    make_user(app, enrol_totp=True)
    client = app.test_client()
    sign_in(client)
    for _ in range(4):
        assert client.post("/staff/login/code", data={"code": "000000"}).status_code == 401
    locked = client.post("/staff/login/code", data={"code": "000000"})
    assert locked.status_code == 429
    assert "try again after" in locked.get_data(as_text=True)


def test_the_code_step_needs_the_password_step_first(app: Flask, clock: FakeClock) -> None:
    _, secret = make_user(app, enrol_totp=True)
    assert secret is not None
    client = app.test_client()
    response = client.post("/staff/login/code", data={"code": code_at(secret, clock.now)})
    assert response.status_code == 401
    assert 'action="/staff/login"' in response.get_data(as_text=True)
    assert client.get("/staff/login/code").headers["Location"].startswith("/staff/login")
    sign_in(client)
    clock.advance(minutes=11)  # the "password passed" marker has expired
    late = client.post("/staff/login/code", data={"code": code_at(secret, clock.now)})
    assert late.status_code == 401


def test_a_recovery_code_works_once(app: Flask, clock: FakeClock) -> None:
    user_id, _ = make_user(app)
    client, _, codes = enrol(app, clock)
    client.post("/staff/logout")
    fresh = app.test_client()
    used = sign_in(fresh, code=codes[3].upper().replace("-", " "))
    assert used.status_code == 303
    assert "9 remain" in fresh.get(used.headers["Location"]).get_data(as_text=True)
    assert sign_in(app.test_client(), code=codes[3]).status_code == 401
    assert len(get_user(app, user_id).recovery_code_hashes) == 9
    assert "auth.recovery_code_used" in audit_actions(app)


def test_optional_enrolment_when_totp_is_not_required(app_factory: Any, clock: FakeClock) -> None:
    app = app_factory(AUTH_CLOCK=clock, REQUIRE_TOTP=False)
    user_id, _ = make_user(app)
    client = app.test_client()
    assert sign_in(client).headers["Location"] == "/staff/"
    page = client.get("/staff/")
    assert "Set up two-factor sign-in" in page.get_data(as_text=True)
    enrol_page = client.get("/staff/totp").get_data(as_text=True)
    secret = re.search(r'<code class="reference">([A-Z2-7 ]+)</code>', enrol_page)
    assert secret is not None
    plain = secret.group(1).replace(" ", "")
    done = client.post("/staff/totp", data={"code": code_at(plain, clock.now)})
    assert done.status_code == 200
    assert client.get("/staff/").status_code == 200  # renewed session
    # From now on, this account needs its code even though REQUIRE_TOTP is off.
    clock.advance(minutes=1)
    other = app.test_client()
    assert sign_in(other).status_code == 200
    assert other.get("/staff/").status_code == 302
    assert open_sessions(app, user_id) == 1


def test_reset_totp_from_the_command_line(app: Flask, clock: FakeClock) -> None:
    user_id, secret = make_user(app, enrol_totp=True)
    assert secret is not None
    client = app.test_client()
    assert sign_in(client, code=code_at(secret, clock.now)).status_code == 303
    result = app.test_cli_runner().invoke(args=["staff", "reset-totp", "nurse@clinic.example"])
    assert result.exit_code == 0, result.output
    assert client.get("/staff/").status_code == 302
    assert get_user(app, user_id).totp_secret is None
    assert sign_in(app.test_client()).headers["Location"] == "/staff/totp"
    assert "auth.totp_reset" in audit_actions(app)


def test_secrets_rotate_to_the_first_key(app_factory: Any, clock: FakeClock) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    app = app_factory(AUTH_CLOCK=clock, DATA_ENCRYPTION_KEY=old)
    user_id, secret = make_user(app, enrol_totp=True)
    assert secret is not None
    stored = get_user(app, user_id).totp_secret
    assert stored is not None
    assert Fernet(old.encode()).decrypt(stored.encode()).decode() == secret

    app.config["DATA_ENCRYPTION_KEY"] = f"{new},{old}"
    assert sign_in(app.test_client(), code=code_at(secret, clock.now)).status_code == 303
    rotated = get_user(app, user_id).totp_secret
    assert rotated is not None and rotated != stored
    assert Fernet(new.encode()).decrypt(rotated.encode()).decode() == secret

    app.config["DATA_ENCRYPTION_KEY"] = new  # the old key can now be retired
    clock.advance(seconds=30)
    assert sign_in(app.test_client(), code=code_at(secret, clock.now)).status_code == 303


def test_enrolment_is_refused_clearly_without_a_key(app_factory: Any, clock: FakeClock) -> None:
    app = app_factory(AUTH_CLOCK=clock, REQUIRE_TOTP=True, DATA_ENCRYPTION_KEY="")
    make_user(app)
    client = app.test_client()
    sign_in(client)
    response = client.get("/staff/totp")
    assert response.status_code == 503
    assert "DATA_ENCRYPTION_KEY" in response.get_data(as_text=True)
    with app.app_context():
        assert not totp.available()
        with pytest.raises(totp.TotpUnavailable, match="DATA_ENCRYPTION_KEY"):
            totp.encrypt("ABC")
    app.config["DATA_ENCRYPTION_KEY"] = "not-a-fernet-key"
    with app.app_context(), pytest.raises(totp.TotpUnavailable, match="DATA_ENCRYPTION_KEY"):
        totp.encrypt("ABC")


def test_production_requires_a_data_encryption_key(monkeypatch: pytest.MonkeyPatch) -> None:
    from config import ConfigError, ProductionConfig

    monkeypatch.setenv("SECRET_KEY", "k3J9-vQ2x_Lm8Rt4Zp7Wc1Ny6Hb5Gd0Fs3Ae2")
    monkeypatch.setenv("CLINIC_PHONE", "(907) 555-0100")
    monkeypatch.setenv("CLINIC_NOTIFY_TO", "intake@clinic.example")
    monkeypatch.setenv("PUBLIC_BASE_URL", "https://intake.clinic.example")
    monkeypatch.setenv("MAIL_SERVER", "localhost")
    monkeypatch.delenv("DATA_ENCRYPTION_KEY", raising=False)
    with pytest.raises(ConfigError, match="DATA_ENCRYPTION_KEY"):
        ProductionConfig().validate()
    monkeypatch.setenv("DATA_ENCRYPTION_KEY", Fernet.generate_key().decode())
    config = ProductionConfig()
    config.validate()
    assert config.REQUIRE_TOTP is True


def test_development_keeps_a_generated_key_under_instance(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    import config as config_module

    monkeypatch.setattr(config_module, "INSTANCE_DIR", tmp_path)
    monkeypatch.delenv("DATA_ENCRYPTION_KEY", raising=False)
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    first = config_module.DevelopmentConfig().DATA_ENCRYPTION_KEY
    assert Fernet(first.encode())  # a real key, not derived from anything
    assert (tmp_path / "data_encryption_key").stat().st_mode & 0o777 == 0o600
    assert config_module.DevelopmentConfig().DATA_ENCRYPTION_KEY == first


def test_totp_helpers_never_accept_junk(app: Flask, clock: FakeClock) -> None:
    secret = pyotp.random_base32()
    for junk in ("", "12345", "1234567", "abcdef", "12 34 5x", "१२३४५६"):
        assert totp.matching_step(secret, junk, clock.now, None) is None
    with app.app_context():
        assert totp.match_recovery_code("not-a-code", []) is None


def test_a_kept_form_survives_the_code_step(app: Flask, clock: FakeClock) -> None:
    _, secret = make_user(app, "admin@clinic.example", role="admin", enrol_totp=True)
    assert secret is not None
    client = app.test_client()
    assert (
        sign_in(client, "admin@clinic.example", code=code_at(secret, clock.now)).status_code == 303
    )
    clock.advance(minutes=20)
    refusal = client.post(
        "/staff/accounts/new", data={"name": "Kim Lee", "email": "kim@clinic.example"}
    )
    assert refusal.status_code == 401
    draft = refusal.get_data(as_text=True).split('id="draft" name="draft" type="hidden" value="')
    blob = draft[1].split('"')[0]
    client.post(
        "/staff/login",
        data={"email": "admin@clinic.example", "password": PASSWORD, "draft": blob},
    )
    clock.advance(seconds=30)
    page = client.post(
        "/staff/login/code", data={"code": code_at(secret, clock.now), "draft": blob}
    )
    assert page.status_code == 200
    assert "Kim Lee" in page.get_data(as_text=True)
    assert 'action="/staff/accounts/new"' in page.get_data(as_text=True)


def test_a_lost_key_is_a_clear_503_not_a_500(app_factory: Any, clock: FakeClock) -> None:
    app = app_factory(AUTH_CLOCK=clock, DATA_ENCRYPTION_KEY=Fernet.generate_key().decode())
    _, secret = make_user(app, enrol_totp=True)
    assert secret is not None
    app.config["DATA_ENCRYPTION_KEY"] = Fernet.generate_key().decode()  # the old one is gone
    client = app.test_client()
    response = sign_in(client, code=code_at(secret, clock.now))
    assert response.status_code == 503
    assert "DATA_ENCRYPTION_KEY" in response.get_data(as_text=True)
