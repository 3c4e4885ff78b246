"""Public pages: the clinic's article and the privacy notice."""

from flask import Blueprint

bp = Blueprint("public", __name__)

from intake.public import views  # noqa: E402,F401
