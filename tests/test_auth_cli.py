"""``flask staff create | deactivate | reset-password | reset-totp`` through the CLI runner."""

from __future__ import annotations

from flask import Flask

from tests.test_auth_support import (
    OTHER_PASSWORD,
    PASSWORD,
    audit_rows,
    get_user,
    make_user,
    sign_in,
)


def test_create_with_password_on_stdin(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=[
            "staff",
            "create",
            "You@Clinic.Example",
            "--name",
            "Your Name",
            "--role",
            "admin",
            "--password-stdin",
        ],
        input=PASSWORD + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "Created admin account you@clinic.example" in result.output
    assert PASSWORD not in result.output
    assert sign_in(app.test_client(), "you@clinic.example").status_code == 303
    created = [r for r in audit_rows(app) if r["action"] == "account.created"]
    assert created[0]["details"] == {"role": "admin", "via": "cli"}
    assert created[0]["client"] == "cli"


def test_create_prompts_twice_and_keeps_spaces(app: Flask) -> None:
    typed = "  spaces count here  "
    result = app.test_cli_runner().invoke(
        args=["staff", "create", "sam@clinic.example", "--name", "Sam", "--role", "staff"],
        input=f"{typed}\n{typed}\n",
    )
    assert result.exit_code == 0, result.output
    assert typed not in result.output
    assert sign_in(app.test_client(), "sam@clinic.example", typed).status_code == 303
    assert sign_in(app.test_client(), "sam@clinic.example", typed.strip()).status_code == 401


def test_create_refuses_mismatched_prompts(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=["staff", "create", "sam@clinic.example", "--name", "Sam", "--role", "staff"],
        input=f"{PASSWORD}\n{OTHER_PASSWORD}\n{PASSWORD}\n{PASSWORD}\n",
    )
    assert result.exit_code == 0, result.output  # click asks again after a mismatch
    assert "do not match" in result.output.lower()


def test_create_refuses_weak_and_long_passwords_and_duplicates(app: Flask) -> None:
    runner = app.test_cli_runner()
    base = [
        "staff",
        "create",
        "sam@clinic.example",
        "--name",
        "Sam",
        "--role",
        "staff",
        "--password-stdin",
    ]
    short = runner.invoke(args=base, input="short\n")
    assert short.exit_code == 1 and "at least 12 characters" in short.output
    common = runner.invoke(args=base, input="1qaz2wsx3edc\n")
    assert common.exit_code == 1 and "most commonly used" in common.output
    long = runner.invoke(args=base, input="x" * 129 + "\n")
    assert long.exit_code == 1 and "at most 128" in long.output
    assert runner.invoke(args=base, input=PASSWORD + "\n").exit_code == 0
    again = runner.invoke(args=base, input=PASSWORD + "\n")
    assert again.exit_code == 1 and "already exists" in again.output


def test_create_refuses_a_bad_role_or_email(app: Flask) -> None:
    runner = app.test_cli_runner()
    role = runner.invoke(
        args=[
            "staff",
            "create",
            "a@clinic.example",
            "--name",
            "A",
            "--role",
            "root",
            "--password-stdin",
        ],
        input=PASSWORD + "\n",
    )
    assert role.exit_code == 2
    email = runner.invoke(
        args=[
            "staff",
            "create",
            "not-an-email",
            "--name",
            "A",
            "--role",
            "staff",
            "--password-stdin",
        ],
        input=PASSWORD + "\n",
    )
    assert email.exit_code == 1 and "valid email" in email.output


def test_the_password_is_never_an_argument(app: Flask) -> None:
    result = app.test_cli_runner().invoke(
        args=[
            "staff",
            "create",
            "a@clinic.example",
            "--name",
            "A",
            "--role",
            "staff",
            "--password",
            PASSWORD,
        ]
    )
    assert result.exit_code == 2


def test_deactivate_reset_password_and_reset_totp(app: Flask) -> None:
    user_id, _ = make_user(app, enrol_totp=True)
    runner = app.test_cli_runner()
    reset = runner.invoke(
        args=["staff", "reset-password", "nurse@clinic.example", "--password-stdin"],
        input=OTHER_PASSWORD + "\n",
    )
    assert reset.exit_code == 0, reset.output
    totp = runner.invoke(args=["staff", "reset-totp", "NURSE@clinic.example"])
    assert totp.exit_code == 0, totp.output
    assert get_user(app, user_id).totp_secret is None
    assert sign_in(app.test_client(), password=OTHER_PASSWORD).status_code == 303
    off = runner.invoke(args=["staff", "deactivate", "nurse@clinic.example"])
    assert off.exit_code == 0
    assert sign_in(app.test_client(), password=OTHER_PASSWORD).status_code == 401
    missing = runner.invoke(args=["staff", "deactivate", "nobody@clinic.example"])
    assert missing.exit_code == 1 and "No account" in missing.output
    actions = [r["action"] for r in audit_rows(app)]
    assert {"auth.password_reset", "auth.totp_reset", "account.deactivated"} <= set(actions)


def test_commands_have_help(app: Flask) -> None:
    result = app.test_cli_runner().invoke(args=["staff", "--help"])
    assert result.exit_code == 0
    for command in ("create", "deactivate", "reset-password", "reset-totp"):
        assert command in result.output
