"""WSGI entry point: ``gunicorn wsgi:app`` (and ``flask``, through ``.flaskenv``)."""

import os
from pathlib import Path

from dotenv import load_dotenv

if os.environ.get("INTAKE_ENV", "development").strip().lower() == "development":
    # `.env` is a development convenience; production takes its settings from the environment.
    load_dotenv(Path(__file__).resolve().parent / ".env")

from intake import create_app  # noqa: E402

app = create_app()
