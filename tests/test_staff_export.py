"""/staff/export: the inbox's view as CSV with a BOM, formula injection neutralised, admins only
by default, exactly one audit row per download."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from intake.extensions import db
from intake.staff.export import BOM, csv_line, neutralise
from intake.staff.queries import save_search
from tests.test_staff_periphery_support import (
    add_enquiry,
    audit_count,
    last_audit,
    signed_in,
)

DANGEROUS = ["=", "+", "-", "@", "\t", "\r"]


def download(client: FlaskClient, **fields: Any) -> Any:
    return client.post("/staff/export", data=fields)


def parse(body: bytes) -> list[dict[str, str]]:
    assert body.startswith(BOM.encode("utf-8"))
    text = body.decode("utf-8")[1:]
    return list(csv.DictReader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("prefix", DANGEROUS)
def test_every_dangerous_first_character_is_neutralised(app: Flask, prefix: str) -> None:
    client, _ = signed_in(app)
    name = f'{prefix}HYPERLINK("http://evil.example","x")'
    add_enquiry(app, writer_name=name)
    rows = parse(download(client).data)
    assert [row["Writer's name"] for row in rows] == ["'" + name]


@pytest.mark.parametrize("prefix", DANGEROUS)
def test_neutralise_prefixes_an_apostrophe(prefix: str) -> None:
    assert neutralise(prefix + "1+1") == "'" + prefix + "1+1"


@pytest.mark.parametrize("value", ["Ann", "1-2", "a=b", " =x", "", None, "ACT-7K3M-Q9XD", 12])
def test_harmless_cells_are_left_alone(value: Any) -> None:
    assert neutralise(value) == ("" if value is None else str(value))


def test_a_formula_in_a_later_cell_is_neutralised_too() -> None:
    line = csv_line(["ok", "=1+1", "@SUM(A1)"])
    assert line == "ok,'=1+1,'@SUM(A1)\r\n"


def test_the_file_is_utf8_with_a_bom_no_store_and_an_attachment(app: Flask) -> None:
    client, _ = signed_in(app)
    add_enquiry(app, writer_name="Zoë Ångström-Nuñez")
    response = download(client)
    assert response.status_code == 200
    assert response.data.startswith(b"\xef\xbb\xbf")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="enquiries-')
    assert response.headers["Cache-Control"] == "no-store"
    rows = parse(response.data)
    assert rows[0]["Writer's name"] == "Zoë Ångström-Nuñez"
    assert rows[0]["Concerns"] == "recurrence"
    # Inbox columns only: never the message or contact details.
    text = response.data.decode("utf-8")
    assert "writer@example.com" not in text and "A question for the clinic" not in text


def test_the_inbox_filters_are_respected_and_in_inbox_order(app: Flask) -> None:
    client, _ = signed_in(app)
    routine = add_enquiry(app, writer_name="Routine Rita")
    add_enquiry(app, writer_name="Emergency Emma", urgency="emergency", tags=("symptoms",))
    add_enquiry(app, writer_name="Closed Clara", status="closed", closing_reason="resolved")
    add_enquiry(app, writer_name="Spam Sam", is_spam=True, spam_reason="honeypot")
    assert routine
    names = [r["Writer's name"] for r in parse(download(client).data)]
    assert names == ["Emergency Emma", "Routine Rita"]  # open, no spam, most urgent first
    only = [r["Writer's name"] for r in parse(download(client, urgency="emergency").data)]
    assert only == ["Emergency Emma"]
    tagged = [r["Writer's name"] for r in parse(download(client, tag="symptoms").data)]
    assert tagged == ["Emergency Emma"]
    everything = parse(download(client, status="any", spam="include").data)
    assert {r["Writer's name"] for r in everything} == {
        "Routine Rita",
        "Emergency Emma",
        "Closed Clara",
        "Spam Sam",
    }


def test_a_staff_tag_removal_is_reflected(app: Flask) -> None:
    from intake.models import EnquiryTag

    client, _ = signed_in(app)
    enquiry_id = add_enquiry(app, tags=("recurrence", "treatment"))
    with app.app_context():
        db.session.add(
            EnquiryTag(enquiry_id=enquiry_id, tag="treatment", source="staff", removed=True)
        )
        db.session.commit()
    assert parse(download(client).data)[0]["Concerns"] == "recurrence"


def test_the_users_own_search_narrows_the_file(app: Flask) -> None:
    client, user_id = signed_in(app)
    add_enquiry(app, writer_name="Findable Fern")
    add_enquiry(app, writer_name="Other Olive")
    with app.app_context():
        saved = save_search(user_id, "findable")
        db.session.commit()
        search_id = saved.id
    rows = parse(download(client, search=search_id).data)
    assert [r["Writer's name"] for r in rows] == ["Findable Fern"]
    details = last_audit(app, "export.csv").details
    assert details["search"] is True and details["rows"] == 1
    assert "findable" not in str(details).lower()


def test_someone_elses_search_id_exports_nothing(app: Flask) -> None:
    from tests.test_auth_support import make_user

    client, _ = signed_in(app)
    other_id, _ = make_user(app, "other@clinic.example", role="admin", name="Other Admin")
    add_enquiry(app, writer_name="Findable Fern")
    with app.app_context():
        saved = save_search(other_id, "findable")
        db.session.commit()
        search_id = saved.id
    assert download(client, search=search_id).status_code == 404
    assert client.get(f"/staff/export?search={search_id}").status_code == 404
    assert audit_count(app, "export.csv") == 0


def test_exactly_one_audit_row_with_the_filters_and_the_row_count(app: Flask) -> None:
    client, user_id = signed_in(app)
    for _ in range(3):
        add_enquiry(app, urgency="priority")
    add_enquiry(app)
    response = download(client, urgency="priority", kind="question")
    assert len(parse(response.data)) == 3
    assert audit_count(app, "export.csv") == 1
    event = last_audit(app, "export.csv")
    assert event.actor_id == user_id
    assert event.details == {
        "filter_urgency": "priority",
        "filter_kind": "question",
        "search": False,
        "rows": 3,
    }
    assert response.headers["X-Export-Rows"] == "3"


def test_the_page_before_the_download_shows_the_count_and_is_not_an_export(app: Flask) -> None:
    client, _ = signed_in(app)
    add_enquiry(app, urgency="emergency")
    add_enquiry(app)
    page = client.get("/staff/export?urgency=emergency")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    assert "1 enquiry" in html
    assert 'name="urgency" value="emergency"' in html
    assert 'method="post"' in html and "Test Writer" not in html
    assert audit_count(app, "export.csv") == 0


def test_the_page_names_a_filter_it_ignored(app: Flask) -> None:
    """A mistyped filter widens the file: the page before the download must say so."""
    client, _ = signed_in(app)
    add_enquiry(app, urgency="emergency")
    add_enquiry(app)
    html = client.get("/staff/export?urgency=emergncy&from=2026-13-40").get_data(as_text=True)
    assert "The “Urgency” filter was ignored" in html
    assert "The “Received from” filter was ignored" in html
    assert "emergncy" not in html and "2 enquiries" in html
    clean = client.get("/staff/export?urgency=emergency").get_data(as_text=True)
    assert "was ignored" not in clean


def test_staff_are_refused_by_default_and_it_is_audited(app: Flask) -> None:
    client, _ = signed_in(app, role="staff")
    add_enquiry(app)
    assert download(client).status_code == 403
    assert client.get("/staff/export").status_code == 403
    assert audit_count(app, "export.csv") == 0
    denied = last_audit(app, "authz.denied")
    assert denied.details == {"endpoint": "staff.export_page"}
    assert audit_count(app, "authz.denied") == 2


def test_export_role_staff_lets_staff_export(app_factory: Any) -> None:
    app = app_factory(EXPORT_ROLE="staff")
    client, _ = signed_in(app, role="staff")
    add_enquiry(app)
    response = download(client)
    assert response.status_code == 200 and len(parse(response.data)) == 1
    assert audit_count(app, "export.csv") == 1


def test_export_role_must_be_admin_or_staff(monkeypatch: pytest.MonkeyPatch) -> None:
    from config import ConfigError, TestingConfig

    monkeypatch.setenv("EXPORT_ROLE", "everyone")
    with pytest.raises(ConfigError, match="EXPORT_ROLE"):
        TestingConfig()


def test_a_download_needs_a_csrf_token(app_factory: Any) -> None:
    app = app_factory(WTF_CSRF_ENABLED=True)
    client, _ = signed_in_with_csrf(app)
    add_enquiry(app)
    response = client.post("/staff/export", data={})
    assert response.status_code == 400
    assert audit_count(app, "export.csv") == 0


def signed_in_with_csrf(app: Flask) -> tuple[FlaskClient, int]:
    """Sign in on an app with CSRF on: the login form's token first."""
    import re

    from tests.test_auth_support import PASSWORD, make_user

    user_id, _ = make_user(app, "admin@clinic.example", role="admin", name="Ada Admin")
    client = app.test_client()
    page = client.get("/staff/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token is not None
    response = client.post(
        "/staff/login",
        data={"email": "admin@clinic.example", "password": PASSWORD, "csrf_token": token[1]},
    )
    assert response.status_code in (302, 303)
    return client, user_id


def test_a_large_export_streams_every_row(app: Flask) -> None:
    client, _ = signed_in(app)
    from intake.staff import export

    with app.app_context():
        from datetime import UTC, datetime

        from intake.staff.demo import seed_enquiries

        seed_enquiries(2500, seed=3, batch_size=1000, now=datetime.now(UTC) - timedelta(days=1))
    original = export.CHUNK
    export.CHUNK = 700  # several chunks
    try:
        response = download(client, status="any", spam="include")
        rows = parse(response.data)
    finally:
        export.CHUNK = original
    assert len(rows) == 2500
    assert len({row["Reference"] for row in rows}) == 2500
    assert last_audit(app, "export.csv").details["rows"] == 2500


@pytest.mark.postgres
def test_a_streamed_export_on_postgresql(app_factory: Any, pg_url: str) -> None:
    from datetime import UTC, datetime

    from intake.staff import export
    from intake.staff.demo import seed_enquiries

    app = app_factory(pg_url)
    client, _ = signed_in(app)
    add_enquiry(app, writer_name="=cmd|' /C calc'!A0")
    with app.app_context():
        seed_enquiries(1200, seed=4, batch_size=500, now=datetime.now(UTC))
    original = export.CHUNK
    export.CHUNK = 250  # a server-side cursor fetched in several chunks
    try:
        rows = parse(download(client, status="any", spam="include").data)
    finally:
        export.CHUNK = original
    assert len(rows) == 1201
    assert "'=cmd|' /C calc'!A0" in {row["Writer's name"] for row in rows}
    assert last_audit(app, "export.csv").details["rows"] == 1201
