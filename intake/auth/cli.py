"""``flask staff ...``: account care from the server's shell. No default accounts exist; the
first admin is made here. Passwords are prompted twice (hidden) or read as one line from
standard input with ``--password-stdin``; never taken as an argument (it would sit in the shell
history and the process list)."""

from __future__ import annotations

import sys

import click
from flask.cli import AppGroup

from intake.auth import accounts, passwords
from intake.auth.models import ROLES, StaffUser
from intake.extensions import db

staff_cli = AppGroup("staff", help="Create and look after staff accounts.")


def read_password(from_stdin: bool, email: str) -> str:
    """One line from stdin (only its line ending removed), or a hidden prompt, twice."""
    if from_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        password = password[:-1] if password.endswith("\r") else password
    else:
        password = click.prompt(
            "Password (12 to 128 characters)",
            hide_input=True,
            confirmation_prompt="Password again",
        )
    try:
        passwords.check_policy(password, email=email)
    except passwords.PasswordPolicyError as exc:
        raise click.ClickException(str(exc)) from exc
    return password


def account(email: str) -> StaffUser:
    user = accounts.find_by_email(email)
    if user is None:
        raise click.ClickException(f"No account for {email}.")
    return user


@staff_cli.command("create")
@click.argument("email")
@click.option("--name", required=True, help="The person's name, as shown in the staff pages.")
@click.option("--role", type=click.Choice(ROLES), required=True, help="admin or staff.")
@click.option("--password-stdin", is_flag=True, help="Read the password as one line of stdin.")
def create(email: str, name: str, role: str, password_stdin: bool) -> None:
    """Add a staff account with a password; TOTP is set up at the first sign-in."""
    try:
        email = accounts.normalise_email(email)
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from exc
    if accounts.find_by_email(email) is not None:
        raise click.ClickException(f"An account for {email} already exists.")
    password = read_password(password_stdin, email)
    try:
        accounts.create_account(email, name, role, password=password)
    except (accounts.AccountError, passwords.PasswordPolicyError) as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"Created {role} account {email}. Sign in at /staff/login.")


@staff_cli.command("deactivate")
@click.argument("email")
def deactivate(email: str) -> None:
    """Stop an account from signing in, and end all its sessions now."""
    user = account(email)
    ended = accounts.deactivate(user, actor_id=None)
    db.session.commit()
    click.echo(f"Deactivated {user.email}; {ended} session(s) ended.")


@staff_cli.command("reset-password")
@click.argument("email")
@click.option("--password-stdin", is_flag=True, help="Read the password as one line of stdin.")
def reset_password(email: str, password_stdin: bool) -> None:
    """Set a new password; every session of the account ends and any lock is lifted."""
    user = account(email)
    password = read_password(password_stdin, user.email)
    accounts.set_password(user, password, actor_id=None, action="auth.password_reset")
    db.session.commit()
    click.echo(f"New password set for {user.email}; all its sessions ended.")


@staff_cli.command("reset-totp")
@click.argument("email")
def reset_totp(email: str) -> None:
    """Forget the TOTP secret and recovery codes (lost phone); enrol again at next sign-in."""
    user = account(email)
    ended = accounts.reset_totp(user, actor_id=None)
    db.session.commit()
    click.echo(
        f"Two-factor sign-in reset for {user.email}; {ended} session(s) ended. They set it up "
        "again at their next sign-in."
    )
