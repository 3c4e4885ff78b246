"""Input rules shared by the enquiry form's fields.

Text is stored exactly as typed after two normalisations: CRLF and CR become LF, and the text is
NFC-normalised. Any other control character is refused with a message on its field.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from functools import lru_cache
from typing import Any

import email_validator
import phonenumbers
from wtforms import Field, Form, SelectMultipleField
from wtforms.validators import ValidationError
from wtforms.widgets import CheckboxInput, ListWidget


def normalise_text(value: Any) -> Any:
    """LF line ends and NFC; leaves non-strings (None) alone."""
    if not isinstance(value, str):
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", value)


def strip_ends(value: Any) -> Any:
    """For one-line fields (names, contact details): surrounding spaces carry no meaning."""
    return value.strip() if isinstance(value, str) else value


# Unicode's Cc category is exactly these 65 code points (fixed by its stability policy).
CONTROL_CHARACTERS = "".join(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)])


@lru_cache(maxsize=8)
def control_pattern(allow: frozenset[str]) -> re.Pattern[str]:
    """Any control character but the allowed ones."""
    refused = "".join(c for c in CONTROL_CHARACTERS if c not in allow)
    return re.compile("[" + re.escape(refused) + "]")


def control_characters(text: str, allow: frozenset[str]) -> list[str]:
    if control_pattern(allow).search(text) is None:  # the usual case: one scan in C
        return []
    return [c for c in text if unicodedata.category(c) == "Cc" and c not in allow]


class NoControlCharacters:
    """Refuse invisible control characters, which can hide text or break mail and logs."""

    def __init__(self, multiline: bool = False) -> None:
        self.allow = frozenset({"\n", "\t"}) if multiline else frozenset()
        self.multiline = multiline

    def __call__(self, form: Form, field: Field) -> None:
        if not isinstance(field.data, str):
            return
        found = control_characters(field.data, self.allow)
        if found:
            if not self.multiline and "\n" in found:
                raise ValidationError(f"{field.label.text} must be on one line.")
            codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in found}))
            raise ValidationError(
                f"{field.label.text} contains invisible control characters ({codes}). "
                "Please remove them or retype the text."
            )


def normalise_email(value: str) -> str:
    """Validate syntax (no DNS lookup: no network in the request) and return the normal form."""
    try:
        result = email_validator.validate_email(value, check_deliverability=False)
    except email_validator.EmailNotValidError as exc:
        raise ValidationError(
            f"Enter a valid email address, like name@example.com ({exc})."
        ) from exc
    return str(result.normalized)


def normalise_phone(value: str, region: str = "US") -> str:
    """Parse a phone number (US by default) and return it in E.164 form."""
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(
            "Enter a valid phone number, like (907) 555-0123, or +44 20 7946 0958 from abroad."
        ) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            "That phone number does not look complete or valid. Please check the digits."
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str | None) -> str:
    """E.164 as a person reads it: national form for US numbers, international otherwise."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164  # not E.164 (an imported or hand-edited row): shown as stored, never a 500
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if number.country_code == 1
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, fmt)


def check_birth_date(value: date | None, today: date) -> None:
    if value is None:
        return
    if value > today:
        raise ValidationError("The date of birth cannot be in the future.")
    if value.year < 1900:
        raise ValidationError("Enter the date of birth as a year after 1900.")


class MultiCheckboxField(SelectMultipleField):
    """A list of checkboxes, one value each; unknown values are refused by choices."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()
