"""Password policy and argon2id hashing (ASVS 5.0 6.2.x, 11.4.2, appendix C).

The policy is NIST's: 12 to 128 characters, no composition rules, and none of the 10,000 most
common passwords. A password is checked and hashed exactly as typed (no trimming, no case change).
Anything longer than 128 characters is refused *before* hashing, so nobody can make the server
hash megabytes.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError
from flask import current_app

MIN_LENGTH = 12
MAX_LENGTH = 128
COMMON_PASSWORDS = Path(__file__).resolve().parent / "data" / "common-passwords.txt"

# ASVS 5.0 appendix C (OWASP Password Storage Cheat Sheet): the weakest acceptable argon2id.
ASVS_MIN_MEMORY_KIB = 19 * 1024
ASVS_MIN_TIME_COST = 2


class PasswordPolicyError(ValueError):
    """The password breaks the policy; the message is for the person choosing it."""


@cache
def common_passwords() -> frozenset[str]:
    """The list shipped beside this module, lower-cased for a case-blind comparison."""
    text = COMMON_PASSWORDS.read_text(encoding="utf-8")
    return frozenset(line.lower() for line in text.splitlines() if line)


def check_length(password: str) -> None:
    """Length only: cheap, and safe to run on anything before it reaches the hasher."""
    if len(password) > MAX_LENGTH:
        raise PasswordPolicyError(f"Use at most {MAX_LENGTH} characters.")
    if len(password) < MIN_LENGTH:
        raise PasswordPolicyError(
            f"Use at least {MIN_LENGTH} characters. A few unrelated words make a good password."
        )


def check_policy(password: str, *, email: str | None = None) -> None:
    """Raise PasswordPolicyError if the password may not be used."""
    check_length(password)
    if password.lower() in common_passwords():
        raise PasswordPolicyError(
            "That password is one of the most commonly used ones. Choose another."
        )
    if email and password.strip().lower() == email.strip().lower():
        raise PasswordPolicyError("Do not use your email address as your password.")


def hasher() -> PasswordHasher:
    """argon2id with the app's parameters (TestingConfig alone lowers them)."""
    config = current_app.config
    return PasswordHasher(
        time_cost=config["ARGON2_TIME_COST"],
        memory_cost=config["ARGON2_MEMORY_COST"],
        parallelism=config["ARGON2_PARALLELISM"],
        hash_len=32,
        salt_len=16,
        type=Type.ID,
    )


def hash_password(password: str) -> str:
    """Hash a password that has already passed ``check_policy`` (length checked again here)."""
    check_length(password)
    return hasher().hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True if the password matches. Too long: False without hashing anything."""
    if len(password) > MAX_LENGTH:
        return False
    if stored_hash is None:
        burn_time(password)
        return False
    try:
        return hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """The parameters changed since this hash was made: rehash at the next sign-in."""
    return hasher().check_needs_rehash(stored_hash)


def burn_time(password: str) -> None:
    """Spend the time a real verification takes, so an unknown email is not faster."""
    if len(password) <= MAX_LENGTH:
        hasher().hash(password)
