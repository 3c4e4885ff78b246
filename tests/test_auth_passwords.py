"""Password policy and hashing: 12-128 characters (129 refused before hashing), the 10,000 most
common passwords refused, exactly as typed, argon2id meeting ASVS 5.0 appendix C."""

from __future__ import annotations

from typing import Any

import pytest
from argon2 import PasswordHasher, Type, extract_parameters
from flask import Flask

import config as config_module
from config import DevelopmentConfig, ProductionConfig
from intake.auth import passwords
from tests.test_auth_support import make_user, sign_in


@pytest.fixture
def hashing_forbidden(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail the test if anything reaches argon2."""
    calls: list[str] = []

    def refuse(self: Any, *args: Any, **kwargs: Any) -> Any:
        calls.append("argon2")
        raise AssertionError("argon2 was called")

    monkeypatch.setattr(PasswordHasher, "hash", refuse)
    monkeypatch.setattr(PasswordHasher, "verify", refuse)
    return calls


def test_128_characters_work(app: Flask) -> None:
    password = "a7 " * 42 + "xy"
    assert len(password) == 128
    make_user(app, password=password)
    assert sign_in(app.test_client(), password=password).status_code == 303


def test_129_characters_are_refused_before_hashing(
    app: Flask, hashing_forbidden: list[str]
) -> None:
    too_long = "a7 " * 43
    assert len(too_long) == 129
    with app.app_context():
        with pytest.raises(passwords.PasswordPolicyError, match="at most 128"):
            passwords.check_policy(too_long)
        with pytest.raises(passwords.PasswordPolicyError):
            passwords.hash_password(too_long)
        assert passwords.verify_password("$argon2id$v=19$m=1024,t=1,p=1$x$y", too_long) is False
        passwords.burn_time(too_long)
    assert hashing_forbidden == []


def test_129_characters_at_sign_in_are_refused_before_hashing(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_user(app)
    hashed: list[int] = []
    real_verify = PasswordHasher.verify
    real_hash = PasswordHasher.hash

    def spy_verify(self: Any, stored: Any, password: Any) -> Any:
        hashed.append(len(password))
        return real_verify(self, stored, password)

    def spy_hash(self: Any, password: Any, **kwargs: Any) -> Any:
        hashed.append(len(password))
        return real_hash(self, password, **kwargs)

    monkeypatch.setattr(PasswordHasher, "verify", spy_verify)
    monkeypatch.setattr(PasswordHasher, "hash", spy_hash)
    response = sign_in(app.test_client(), password="b" * 129)
    assert response.status_code == 401
    assert 129 not in hashed
    sign_in(app.test_client(), "nobody@clinic.example", password="c" * 129)
    assert 129 not in hashed


def test_a_129_character_new_password_is_refused_in_the_form(app: Flask) -> None:
    make_user(app)
    client = app.test_client()
    sign_in(client)
    response = client.post(
        "/staff/password",
        data={
            "current_password": "correct horse battery staple",
            "new_password": "d" * 129,
            "confirm_password": "d" * 129,
        },
    )
    assert response.status_code == 422
    assert "Use at most 128 characters." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("elevenchars", "at least 12"),
        ("1qaz2wsx3edc", "most commonly used"),
        ("123456654321", "most commonly used"),
        ("1QAZ2WSX3EDC", "most commonly used"),  # compared without regard to case
        ("nurse@clinic.example", "email address"),
    ],
)
def test_policy_refusals(app: Flask, password: str, message: str) -> None:
    with app.app_context(), pytest.raises(passwords.PasswordPolicyError, match=message):
        passwords.check_policy(password, email="nurse@clinic.example")


@pytest.mark.parametrize(
    "password",
    ["twelve chars", "aaaaaaaaaaaa", "пароль пароль", "no Digits Or Symbols Needed", "🙂" * 12],
)
def test_no_composition_rules(app: Flask, password: str) -> None:
    with app.app_context():
        passwords.check_policy(password)


def test_passwords_are_checked_exactly_as_typed(app: Flask) -> None:
    make_user(app, password="  Leading And Trailing  ")
    client = app.test_client()
    assert sign_in(client, password="Leading And Trailing").status_code == 401
    assert sign_in(client, password="  leading and trailing  ").status_code == 401
    assert sign_in(client, password="  Leading And Trailing  ").status_code == 303


def test_the_common_password_list_is_the_real_one() -> None:
    lines = [x for x in passwords.COMMON_PASSWORDS.read_text("utf-8").splitlines() if x]
    assert len(lines) == len(set(lines)) == 10000
    common = passwords.common_passwords()
    assert len(common) == len({x.lower() for x in lines})
    for entry in ("123456", "password", "qwerty", "letmein", "trustno1", "zzzzzz"):
        assert entry in common


def production_hash(config_class: type, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("SECRET_KEY", "k3J9-vQ2x_Lm8Rt4Zp7Wc1Ny6Hb5Gd0Fs3Ae2")
    monkeypatch.setenv("DATA_ENCRYPTION_KEY", "unused-here")
    config = config_class()
    return PasswordHasher(
        time_cost=config.ARGON2_TIME_COST,
        memory_cost=config.ARGON2_MEMORY_COST,
        parallelism=config.ARGON2_PARALLELISM,
        type=Type.ID,
    ).hash("a password for measuring")


@pytest.mark.parametrize("config_class", [ProductionConfig, DevelopmentConfig])
def test_real_parameters_meet_asvs_appendix_c(
    config_class: type, monkeypatch: pytest.MonkeyPatch
) -> None:
    params = extract_parameters(production_hash(config_class, monkeypatch))
    assert params.type is Type.ID
    assert params.memory_cost >= passwords.ASVS_MIN_MEMORY_KIB  # >= 19 MiB
    assert params.time_cost >= passwords.ASVS_MIN_TIME_COST  # >= 2
    assert params.parallelism >= 1
    assert params.salt_len >= 16 and params.hash_len >= 32


def test_only_testing_lowers_the_parameters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGON2_MEMORY_COST", "8")  # not read from the environment
    monkeypatch.setenv("ARGON2_TIME_COST", "1")
    monkeypatch.setenv("SECRET_KEY", "x" * 40)
    monkeypatch.setenv("DATA_ENCRYPTION_KEY", "unused-here")
    assert ProductionConfig().ARGON2_MEMORY_COST == 65536
    assert DevelopmentConfig().ARGON2_TIME_COST == 3
    assert config_module.TestingConfig().ARGON2_MEMORY_COST < passwords.ASVS_MIN_MEMORY_KIB


def test_stored_hashes_are_argon2id(app: Flask) -> None:
    from tests.test_auth_support import get_user

    user_id, _ = make_user(app)
    stored = get_user(app, user_id).password_hash
    assert stored is not None and stored.startswith("$argon2id$")
    assert extract_parameters(stored).type is Type.ID
