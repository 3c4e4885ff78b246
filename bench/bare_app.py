"""The practical ceiling for this stack, for ``bench/submit.py``: bare Flask + SQLAlchemy.

``GET /contact`` returns a small form; ``POST /contact`` validates five fields by hand, inserts one
row and answers 303 (no CSRF, no session, no rate limit, no triage, no outbox, no templates beyond
one string). ``GET /article`` returns the product's article HTML, read once from the file named by
``BARE_ARTICLE_HTML`` (the same bytes the product renders).

Settings: ``BARE_DATABASE_URL`` (SQLite or PostgreSQL, the product's engine options);
served by ``gunicorn --pythonpath bench 'bare_app:create_app()'``. Create the table first with
``python bench/bare_app.py create-schema`` (or :func:`create_schema`).
"""

from __future__ import annotations

import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from flask import Flask, Response, redirect, request
from sqlalchemy import DateTime, String, Text, create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from werkzeug.wrappers.response import Response as BaseResponse

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from config import engine_options, normalise_database_url  # noqa: E402
from intake import database  # noqa: E402,F401 - the same SQLite pragmas (WAL, busy timeout)

EMAIL = re.compile(r"^[^@\s]{1,64}@[^@\s]{1,190}\.[^@\s]{2,}$")
KINDS = {"question", "appointment"}

FORM = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Contact us</title></head><body>
<h1>Contact us</h1>
<form method="post" action="/contact">
<input type="radio" name="kind" value="question" checked> Ask a question
<input type="radio" name="kind" value="appointment"> Request an appointment
<label>Your message <textarea name="message" maxlength="5000"></textarea></label>
<label>Your name <input name="name" maxlength="200"></label>
<label>Email address <input name="email" type="email" maxlength="254"></label>
<label><input type="checkbox" name="consent" value="y"> I agree</label>
<button type="submit">Send</button>
</form></body></html>
"""


class Base(DeclarativeBase):
    pass


class BareEnquiry(Base):
    __tablename__ = "bare_enquiry"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    message: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


def make_engine(url: str) -> Engine:
    url = normalise_database_url(url)
    return create_engine(url, **engine_options(url))


def create_schema(url: str) -> None:
    engine = make_engine(url)
    try:
        Base.metadata.create_all(engine)
    finally:
        engine.dispose()


def validate(form: dict[str, str]) -> list[str]:
    errors = []
    if form.get("kind") not in KINDS:
        errors.append("kind")
    if not 1 <= len(form.get("message", "").strip()) <= 5000:
        errors.append("message")
    if len(form.get("name", "")) > 200:
        errors.append("name")
    if not EMAIL.match(form.get("email", "")):
        errors.append("email")
    if form.get("consent") != "y":
        errors.append("consent")
    return errors


def create_app() -> Flask:
    app = Flask(__name__)
    engine = make_engine(os.environ.get("BARE_DATABASE_URL", "sqlite:///bare.sqlite3"))
    article_path = os.environ.get("BARE_ARTICLE_HTML")
    article = Path(article_path).read_bytes() if article_path else b"<!doctype html><p>article"

    @app.get("/contact")
    def form() -> str:
        return FORM

    @app.post("/contact")
    def submit() -> BaseResponse | tuple[str, int]:
        fields = {key: request.form.get(key, "") for key in ("kind", "message", "name", "email")}
        fields["consent"] = request.form.get("consent", "")
        errors = validate(fields)
        if errors:
            return "invalid: " + ", ".join(errors), 422
        with Session(engine) as session, session.begin():
            session.add(
                BareEnquiry(
                    kind=fields["kind"],
                    message=fields["message"],
                    name=fields["name"],
                    email=fields["email"],
                    created_at=datetime.now(UTC),
                )
            )
        return redirect("/thanks", code=303)

    @app.get("/thanks")
    def thanks() -> str:
        return "<!doctype html><p>Thank you"

    @app.get("/article")
    def article_page() -> Response:
        return Response(article, mimetype="text/html")

    @app.get("/livez")
    def livez() -> dict[str, str]:
        return {"status": "ok"}

    return app


if __name__ == "__main__" and sys.argv[1:2] == ["create-schema"]:
    create_schema(os.environ.get("BARE_DATABASE_URL", "sqlite:///bare.sqlite3"))
