"""Forms for sign-in, TOTP, set-up, password change and account creation.

Passwords are taken exactly as typed: no filters (no trimming), no composition rules. The new
password's policy (length first, before any hashing) runs as a field validator so its message
sits on the field.
"""

from __future__ import annotations

from typing import Any

from flask_wtf import FlaskForm
from wtforms import HiddenField, PasswordField, RadioField, SelectChoice, StringField
from wtforms.validators import DataRequired, InputRequired, Length, ValidationError

from intake.auth import passwords
from intake.auth.models import ROLES

EMAIL_MAX = 254
NAME_MAX = 200


def strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


class ErrorListMixin:
    """(field id, message) pairs for the shared error summary macro."""

    def error_list(self) -> list[tuple[str, str]]:
        items: list[tuple[str, str]] = []
        for field in self:  # type: ignore[attr-defined]
            for error in field.errors:
                anchor = f"{field.id}-0" if field.type == "RadioField" else str(field.id)
                items.append((anchor, str(error)))
        return items


class NewPasswordPolicy:
    """12-128 characters (length checked before anything else), not a common password."""

    def __call__(self, form: Any, field: Any) -> None:
        email = getattr(form, "policy_email", None)
        try:
            passwords.check_policy(field.data or "", email=email)
        except passwords.PasswordPolicyError as exc:
            raise ValidationError(str(exc)) from exc


class SameAs:
    def __init__(self, other: str, message: str) -> None:
        self.other = other
        self.message = message

    def __call__(self, form: Any, field: Any) -> None:
        if field.data != form[self.other].data:
            raise ValidationError(self.message)


class LoginForm(ErrorListMixin, FlaskForm):
    email = StringField(
        "Email address",
        filters=[strip],
        validators=[DataRequired("Enter your email address."), Length(max=EMAIL_MAX)],
    )
    password = PasswordField("Password", validators=[DataRequired("Enter your password.")])
    next = HiddenField()
    draft = HiddenField()


class CodeForm(ErrorListMixin, FlaskForm):
    code = StringField(
        "Code",
        filters=[strip],
        validators=[
            DataRequired("Enter the 6-digit code from your app, or a recovery code."),
            Length(max=32, message="Enter the 6-digit code from your app, or a recovery code."),
        ],
    )
    draft = HiddenField()


class EnrolForm(ErrorListMixin, FlaskForm):
    code = StringField(
        "Code from your app",
        filters=[strip],
        validators=[
            DataRequired("Enter the 6-digit code your app shows."),
            Length(max=16, message="Enter the 6-digit code your app shows."),
        ],
    )


class SetupForm(ErrorListMixin, FlaskForm):
    password = PasswordField(
        "New password", validators=[InputRequired("Choose a password."), NewPasswordPolicy()]
    )
    confirm_password = PasswordField(
        "New password again",
        validators=[
            InputRequired("Type the password again."),
            SameAs("password", "The two passwords are not the same."),
        ],
    )

    policy_email: str | None = None


class ChangePasswordForm(ErrorListMixin, FlaskForm):
    current_password = PasswordField(
        "Current password", validators=[InputRequired("Enter your current password.")]
    )
    new_password = PasswordField(
        "New password", validators=[InputRequired("Choose a password."), NewPasswordPolicy()]
    )
    confirm_password = PasswordField(
        "New password again",
        validators=[
            InputRequired("Type the new password again."),
            SameAs("new_password", "The two new passwords are not the same."),
        ],
    )

    policy_email: str | None = None


class NewAccountForm(ErrorListMixin, FlaskForm):
    email = StringField(
        "Email address",
        filters=[strip],
        validators=[DataRequired("Enter their email address."), Length(max=EMAIL_MAX)],
    )
    name = StringField(
        "Name",
        filters=[strip],
        validators=[DataRequired("Enter their name."), Length(max=NAME_MAX)],
    )
    role = RadioField(
        "Role",
        choices=[
            SelectChoice("staff", "Staff: reads and handles enquiries"),
            SelectChoice("admin", "Admin: also manages staff accounts"),
        ],
        default="staff",
        validators=[InputRequired("Choose a role.")],
    )

    def validate_role(self, field: Any) -> None:
        if field.data not in ROLES:
            raise ValidationError("Choose a role.")
