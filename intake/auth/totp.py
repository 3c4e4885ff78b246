"""TOTP (RFC 6238) with secrets encrypted at rest, and one-time recovery codes.

Secrets are Fernet-encrypted with ``DATA_ENCRYPTION_KEY``: one key, or several comma-separated
ones for rotation (the first encrypts, any decrypts; a secret still under an old key is
re-encrypted under the first at its next use). Production refuses to start without a key;
development keeps a generated one in ``instance/``; testing makes one per app. With no key at
all, enrolment is refused with a message naming the variable: nothing is ever derived from
another secret.

A code is accepted one 30-second step either side of now (clock drift), and never twice: the
last accepted step is stored and anything at or before it is refused (ASVS 6.5.1, 6.5.5).
"""

from __future__ import annotations

import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

import pyotp
import segno
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import current_app
from markupsafe import Markup

from intake.auth import passwords

STEP_SECONDS = 30
TOLERANCE_STEPS = 1
RECOVERY_CODE_COUNT = 10
# No 0/o, 1/l/i: read aloud and typed from paper without confusion. 12 characters of 31 symbols
# are ~59 bits; stored as argon2id hashes (ASVS 6.5.2 for secrets under 112 bits).
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
RECOVERY_LENGTH = 12
TOTP_CODE = re.compile(r"[0-9]{6}")


class TotpUnavailable(RuntimeError):
    """No usable DATA_ENCRYPTION_KEY; the message names the variable."""


def _keys() -> list[Fernet]:
    raw = current_app.config.get("DATA_ENCRYPTION_KEY") or ""
    keys = [part.strip() for part in raw.split(",") if part.strip()]
    if not keys:
        raise TotpUnavailable(
            "Two-factor sign-in cannot be set up: DATA_ENCRYPTION_KEY is not set."
        )
    try:
        return [Fernet(key.encode("ascii")) for key in keys]
    except (ValueError, UnicodeEncodeError) as exc:
        raise TotpUnavailable(
            "Two-factor sign-in is unavailable: DATA_ENCRYPTION_KEY is not a valid Fernet key "
            "(32 url-safe base64-encoded bytes; several may be comma-separated)."
        ) from exc


def _fernet() -> MultiFernet:
    return MultiFernet(_keys())


def available() -> bool:
    try:
        _fernet()
    except TotpUnavailable:
        return False
    return True


def encrypt(secret: str) -> str:
    return _fernet().encrypt(secret.encode("ascii")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("ascii")
    except InvalidToken as exc:
        raise TotpUnavailable(
            "A stored TOTP secret cannot be decrypted with DATA_ENCRYPTION_KEY "
            "(was a key removed from the list?)."
        ) from exc


def rotated(token: str) -> str | None:
    """The token re-encrypted under the first key, or None if it already is."""
    keys = _keys()
    try:
        keys[0].decrypt(token.encode("ascii"))
    except InvalidToken:
        return MultiFernet(keys).rotate(token.encode("ascii")).decode("ascii")
    return None


def new_secret() -> str:
    """160 random bits, base32 (RFC 4226's recommended length), from the OS CSPRNG."""
    return pyotp.random_base32(32)


def step_at(moment: datetime) -> int:
    return int(moment.timestamp()) // STEP_SECONDS


def matching_step(secret: str, code: str, moment: datetime, last_step: int | None) -> int | None:
    """The step whose code this is (now, one before, one after), if it is later than
    ``last_step``; None otherwise. Constant-time comparison of each candidate."""
    code = code.strip().replace(" ", "")
    if not TOTP_CODE.fullmatch(code):
        return None
    totp = pyotp.TOTP(secret, interval=STEP_SECONDS)
    now_step = step_at(moment)
    found: int | None = None
    for step in range(now_step - TOLERANCE_STEPS, now_step + TOLERANCE_STEPS + 1):
        if last_step is not None and step <= last_step:
            continue
        if hmac.compare_digest(totp.generate_otp(step), code) and found is None:
            found = step
    return found


def provisioning_uri(secret: str, email: str) -> str:
    issuer = current_app.config["CLINIC_NAME"]
    return pyotp.TOTP(secret, interval=STEP_SECONDS).provisioning_uri(
        name=email, issuer_name=issuer
    )


def qr_svg(uri: str) -> Markup:
    """The QR code as inline SVG, made here (no external service). segno writes presentation
    attributes only, no ``style`` attribute, so the page's CSP needs no exception."""
    svg = segno.make(uri, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", svgclass="totp-qr__svg", lineclass=None
    )
    # Made by segno from our own provisioning URI: no user markup can reach it.
    return Markup(svg)  # noqa: S704  # nosec B704


def grouped(secret: str) -> str:
    """The secret in groups of four, for typing into an app by hand."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@dataclass(frozen=True)
class RecoveryCodes:
    plain: list[str]  # shown once, never stored
    hashes: list[str]


def new_recovery_codes() -> RecoveryCodes:
    plain = []
    for _ in range(RECOVERY_CODE_COUNT):
        raw = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
        plain.append(f"{raw[:4]}-{raw[4:8]}-{raw[8:]}")
    hasher = passwords.hasher()
    return RecoveryCodes(plain, [hasher.hash(normalise_recovery(code)) for code in plain])


def normalise_recovery(code: str) -> str:
    return re.sub(r"[\s-]", "", code).lower()


def looks_like_recovery_code(code: str) -> bool:
    normal = normalise_recovery(code)
    return len(normal) == RECOVERY_LENGTH and all(c in RECOVERY_ALPHABET for c in normal)


def match_recovery_code(code: str, hashes: list[str]) -> int | None:
    """The index of the hash this code matches, or None."""
    if not looks_like_recovery_code(code):
        return None
    normal = normalise_recovery(code)
    for index, stored in enumerate(hashes):
        if passwords.verify_password(stored, normal):
            return index
    return None
