"""The public enquiry form (question or appointment request) and its thanks page."""

from flask import Blueprint

bp = Blueprint("enquiry", __name__)

from intake.enquiry import views  # noqa: E402,F401
