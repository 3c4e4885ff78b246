"""The inbox page and search: filters in the URL, search terms never; one audit row per view."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask

from intake.extensions import db
from intake.staff.models import SavedSearch
from tests.test_staff_support import NOW, add_enquiry, audit_count, audit_of, staff_client

SECRET_NAME = "Zebulon Quixotic"
SECRET_EMAIL = "zebulon.q@example.net"
SECRET_PHONE = "(907) 555-0177"


def test_inbox_needs_sign_in(client: object, app: Flask) -> None:
    response = app.test_client().get("/staff/")
    assert response.status_code == 302 and "/staff/login" in response.headers["Location"]
    assert app.test_client().post("/staff/search", data={"terms": "abc"}).status_code == 401


def test_inbox_lists_without_message_text_and_is_no_store(app: Flask) -> None:
    ref = add_enquiry(
        app,
        message="A very private sentence about my diagnosis",
        urgency_phrases={"emergency": "private"},
        rule_tags={"recurrence": "diagnosis"},
        writer_name="Carla Carer",
        relationship="caregiver",
    )
    client, _ = staff_client(app)
    response = client.get("/staff/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    assert ref in page and f'href="/staff/enquiries/{ref}"' in page
    assert "Carla Carer" in page and "(caregiver)" in page
    assert "private sentence" not in page
    assert "Mon 02 Mar 2026, 09:00" in page  # received, in clinic time
    assert "Emergency" in page and "recurrence" in page
    assert 'action="/staff/logout"' in page and "/staff/password" in page
    assert "<caption" in page and 'scope="col"' in page


def test_an_inbox_row_shows_each_column_as_made_in_python(app: Flask) -> None:
    """The row's text is made by ``inbox_rows``, not by template calls: each cell, exactly."""
    import re

    ref = add_enquiry(
        app,
        message="Is there a trial for me? My cough is back.",
        kind="appointment",
        status="awaiting_patient",
        urgency_phrases={"priority": "trial"},
        rule_tags={"clinical_trials": "trial", "symptoms": "cough"},
    )
    client, _ = staff_client(app)
    page = client.get("/staff/").get_data(as_text=True)
    [row] = re.findall(r"<tr[^>]*>\s*<th scope=\"row\">.*?</tr>", page, re.S)
    found = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
    cells = [re.sub(r"<[^>]+>", "|", cell).strip("|") for cell in found]
    assert cells[0] == ref and f'href="/staff/enquiries/{ref}"' in row
    assert cells[1:7] == [
        "Mon 02 Mar 2026, 09:00",
        "Priority",
        "symptoms, clinical trials",
        "Appointment",
        "Awaiting patient",
        "—",
    ], cells
    assert "due Tue 03 Mar, 09:00" in cells[8]  # one business day, in clinic time


def test_every_list_view_is_audited_once_with_its_filters(app: Flask) -> None:
    add_enquiry(app)
    client, user_id = staff_client(app)
    before = audit_count(app)
    assert client.get("/staff/?tag=recurrence&status=any&bogus=1").status_code == 200
    assert audit_count(app) == before + 1
    [row] = audit_of(app, "staff.inbox")
    assert row.actor_id == user_id
    assert row.details["filter_tag"] == "recurrence"
    assert row.details["filter_status"] == "any"
    assert row.details["search"] is False
    assert row.details["results"] == 0 and row.details["rows_shown"] == 0


def test_pagination_link_carries_filters_and_an_opaque_cursor(app_factory: object) -> None:
    app = app_factory(INBOX_PAGE_SIZE=2)  # type: ignore[operator]
    for i in range(3):
        add_enquiry(app, created_at=NOW + timedelta(minutes=i))
    client, _ = staff_client(app)
    page = client.get("/staff/?kind=question").get_data(as_text=True)
    assert page.count('class="reference"') == 2
    match = re.search(r'href="([^"]+)" rel="next"', page)
    assert match is not None
    link = match.group(1).replace("&amp;", "&")
    args = parse_qs(urlsplit(link).query)
    assert args["kind"] == ["question"] and "after" in args
    second = client.get(link).get_data(as_text=True)
    assert second.count('class="reference"') == 1
    assert "First page" in second and 'rel="next"' not in second
    [_, row] = audit_of(app, "staff.inbox")
    assert row.details["first_page"] is False and row.details["rows_shown"] == 1


def search(client: object, terms: str, **filters: str) -> str:
    response = client.post("/staff/search", data={"terms": terms, **filters})  # type: ignore[attr-defined]
    assert response.status_code == 303
    return str(response.headers["Location"])


def test_search_redirects_to_an_opaque_id_and_never_puts_terms_in_urls_or_logs(
    app: Flask, app_logs: pytest.LogCaptureFixture
) -> None:
    ref = add_enquiry(app, writer_name=SECRET_NAME, email=SECRET_EMAIL, phone="+19075550177")
    add_enquiry(app)
    client, user_id = staff_client(app)
    urls: list[str] = []
    for terms in (SECRET_NAME, SECRET_EMAIL, SECRET_PHONE):
        location = search(client, terms, tag="recurrence", kind="question")
        urls.append(location)
        assert urlsplit(location).path == "/staff/"
        args = parse_qs(urlsplit(location).query)
        assert set(args) == {"search", "tag", "kind"}
        assert re.fullmatch(r"[A-Za-z0-9_-]{24}", args["search"][0])
        page = client.get(location.replace("tag=recurrence&", "").replace("&tag=recurrence", ""))
        body = page.get_data(as_text=True)
        assert page.status_code == 200 and ref in body
        # Every link on the results page (next page, facets, export) is free of the terms too.
        urls += re.findall(r'href="([^"]+)"', body)
    lowered = [u.lower() for u in urls]
    for secret in (SECRET_NAME, SECRET_EMAIL, "zebulon", "quixotic", "555-0177", "5550177"):
        assert not any(secret.lower() in u for u in lowered), secret
    logged = " ".join(r.getMessage() + repr(r.__dict__) for r in app_logs.records)
    assert "/staff/search" in logged  # the access log did see the requests...
    for secret in ("zebulon", "quixotic", "example.net", "5550177", "555-0177"):
        assert secret not in logged.lower(), secret  # ...but never the terms


def test_search_view_is_audited_once_without_the_terms(app: Flask) -> None:
    add_enquiry(app, writer_name=SECRET_NAME)
    client, _ = staff_client(app)
    location = search(client, SECRET_NAME)
    before = audit_count(app)
    client.get(location)
    assert audit_count(app) == before + 1
    [row] = audit_of(app, "staff.search")
    assert row.details["search"] is True and row.details["results"] == 1
    assert "zebulon" not in repr(row.details).lower()
    assert audit_count(app, "staff.inbox") == 0


def test_search_includes_closed_unless_a_status_is_chosen(app: Flask) -> None:
    closed = add_enquiry(app, writer_name=SECRET_NAME, status="closed", closing_reason="resolved")
    client, _ = staff_client(app)
    location = search(client, "zebulon")
    assert closed in client.get(location).get_data(as_text=True)
    location = search(client, "zebulon", status="open")
    assert closed not in client.get(location).get_data(as_text=True)


def test_another_users_or_an_expired_search_id_finds_nothing(app: Flask) -> None:
    add_enquiry(app, writer_name=SECRET_NAME)
    owner, _ = staff_client(app, "owner@clinic.example")
    other, _ = staff_client(app, "other@clinic.example")
    location = search(owner, "zebulon")
    response = other.get(location)
    assert response.status_code == 303 and "search=" not in response.headers["Location"]
    with app.app_context():
        for saved in db.session.query(SavedSearch):
            saved.expires_at = NOW
        db.session.commit()
    assert owner.get(location).status_code == 303
    assert "expired" in owner.get("/staff/").get_data(as_text=True)


def test_a_search_with_no_usable_word_is_refused(app: Flask) -> None:
    client, _ = staff_client(app)
    response = client.post("/staff/search", data={"terms": "a b"})
    assert response.status_code == 303 and "search=" not in response.headers["Location"]
    with app.app_context():
        assert db.session.query(SavedSearch).count() == 0


def test_search_needs_csrf(app: Flask) -> None:
    add_enquiry(app, writer_name=SECRET_NAME)
    client, _ = staff_client(app)
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post("/staff/search", data={"terms": "zebulon"}).status_code == 400
    page = client.get("/staff/").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page)
    assert token is not None
    response = client.post("/staff/search", data={"terms": "zebulon", "csrf_token": token[1]})
    assert response.status_code == 303 and "search=" in response.headers["Location"]


def test_counts_are_cached_briefly_and_dropped_after_a_change(app: Flask) -> None:
    ref = add_enquiry(app)
    client, _ = staff_client(app)

    def new_count() -> str:
        page = client.get("/staff/").get_data(as_text=True)
        match = re.search(r'status=new">New <span class="dash-count">([^<]+)<', page)
        assert match is not None
        return match.group(1)

    assert new_count() == "1"
    add_enquiry(app)  # made elsewhere (another process): the cached counts stay a while...
    page = client.get("/staff/").get_data(as_text=True)
    assert "<strong>2</strong> enquiries in this view" in page  # ...the list and total do not
    assert new_count() == "1"
    client.post(f"/staff/enquiries/{ref}/note", data={"note-revision": "0", "note-text": "x"})
    assert new_count() == "2"  # a change saved here drops them
    app.config["INBOX_COUNTS_SECONDS"] = 0
    add_enquiry(app)
    assert new_count() == "3"


# inbox.html before it captured its content in one piece ({% set inbox %}): the partials
# included in place. The page must be exactly the HTML this makes.
INBOX_INCLUDED_IN_PLACE = """{% extends "auth/layout.html" %}
{% block title %}Inbox{% endblock %}
{% block staff_content %}
<div class="dashboard">
  <h1>Inbox</h1>
  {% include "staff/partials/inbox_search.html" %}
  {% include "staff/partials/inbox_filters.html" %}
  {% include "staff/partials/inbox_counts.html" %}
  {% include "staff/partials/inbox_table.html" %}
</div>
{% endblock %}
"""


def test_the_inbox_is_the_html_of_its_partials_included_in_place(
    app: Flask, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The inbox template renders its content as one piece before the layout (speed): the
    same HTML, to the byte, as the partials included in place, for lists, a search, a message
    about an ignored filter and an empty view."""
    from flask import render_template_string

    from intake.staff import inbox

    for i in range(3):
        add_enquiry(app, created_at=NOW + timedelta(minutes=i), writer_name=f"A <b>{i}</b> & co")
    client, _ = staff_client(app)
    pages: list[tuple[str, str]] = []
    real = inbox.render_template

    def both(name: str, **context: Any) -> str:
        html = real(name, **context)
        pages.append((html, render_template_string(INBOX_INCLUDED_IN_PLACE, **context)))
        return html

    monkeypatch.setattr(inbox, "render_template", both)
    location = search(client, "Wanda")
    for url in ("/staff/", "/staff/?status=closed", "/staff/?tag=bogus", location):
        assert client.get(url).status_code == 200
    assert len(pages) == 4
    for html, in_place in pages:
        assert html == in_place
    assert "A &lt;b&gt;0&lt;/b&gt; &amp; co" in pages[0][0] and "was ignored" in pages[2][0]
