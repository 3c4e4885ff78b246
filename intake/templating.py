"""Template globals: the clinic's name and phone, and the patient-facing urgency guidance."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from flask import Flask, current_app, g, has_request_context

from intake.content import _load_yaml


@lru_cache(maxsize=8)
def content_path(folder: str, name: str) -> str:
    """``<folder>/<name>``, joined once (pathlib's parsing was most of reading a cached file)."""
    return os.path.join(folder, name)


def read_yaml(folder: str, name: str) -> dict[str, Any]:
    """``intake.content.load_yaml`` of ``<folder>/<name>``: the parsed file, cached by path and
    modification time (a changed file is read again), with one ``stat`` and no Path objects."""
    path = content_path(str(folder), name)
    return _load_yaml(path, os.stat(path).st_mtime_ns)


def guidance() -> dict[str, Any]:
    """The reviewed wording file (content/guidance.yaml), with its version.

    Read once per request at most (every template asks for it, and each read checks the file's
    time): a request sees one version, and the next request sees a changed file.
    """
    if has_request_context():
        found: dict[str, Any] | None = g.get("_guidance")
        if found is None:
            found = g._guidance = read_yaml(current_app.config["CONTENT_FOLDER"], "guidance.yaml")
        return found
    return read_yaml(current_app.config["CONTENT_FOLDER"], "guidance.yaml")


def fill(text: str, **values: str) -> str:
    """Put the clinic's phone (and the contact method) into a guidance sentence."""
    values.setdefault("phone", current_app.config["CLINIC_PHONE"])
    values.setdefault("method", "email or phone")
    return text.format(**values)


def init_app(app: Flask) -> None:
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True

    @app.context_processor
    def _globals() -> dict[str, Any]:
        return {
            "clinic_name": app.config["CLINIC_NAME"],
            "clinic_phone": app.config["CLINIC_PHONE"],
            "clinic_phone_href": "tel:"
            + "".join(c for c in app.config["CLINIC_PHONE"] if c.isdigit() or c == "+"),
            "guidance": guidance(),
            "fill": fill,
        }
