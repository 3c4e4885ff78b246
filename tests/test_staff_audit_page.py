"""/staff/audit: admins only; filters by user, enquiry reference, action and clinic dates; keyset
pages; viewing it is itself audited; no PHI on the page."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from flask import Flask

from intake.auth.models import AuditEvent
from intake.extensions import db
from intake.staff.audit_views import PAGE_SIZE, AuditFilters
from tests.test_auth_support import make_user
from tests.test_staff_periphery_support import add_enquiry, audit_count, last_audit, signed_in


def add_event(app: Flask, action: str, **fields: Any) -> int:
    with app.app_context():
        event = AuditEvent(action=action, client="203.0.113.0/24", details={}, **fields)
        db.session.add(event)
        db.session.commit()
        return int(event.id)


def rows_of(html: str) -> list[str]:
    """The action column of the table body, in order."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<td><code>([^<]+)</code></td>", body)


def test_staff_are_refused_and_it_is_audited(app: Flask) -> None:
    client, _ = signed_in(app, role="staff")
    assert client.get("/staff/audit").status_code == 403
    assert last_audit(app, "authz.denied").details == {"endpoint": "staff.audit_log"}
    assert audit_count(app, "audit.viewed") == 0


def test_admins_see_the_trail_newest_first_no_store(app: Flask) -> None:
    client, _ = signed_in(app)
    add_event(app, "first.thing")
    add_event(app, "second.thing")
    page = client.get("/staff/audit")
    assert page.status_code == 200
    assert page.headers["Cache-Control"] == "no-store"
    html = page.get_data(as_text=True)
    actions = rows_of(html)
    assert actions.index("second.thing") < actions.index("first.thing")
    assert "<caption" in html and '<th scope="col">' in html and '<th scope="row">' in html
    assert " style=" not in html and "<script" not in html


def test_viewing_is_audited_once_with_filters_and_count(app: Flask) -> None:
    client, user_id = signed_in(app)
    add_event(app, "account.created")
    add_event(app, "account.deactivated")
    client.get("/staff/audit?action=account.*")
    assert audit_count(app, "audit.viewed") == 1
    event = last_audit(app, "audit.viewed")
    assert event.actor_id == user_id
    # account.created (the admin's own, made by make_user) and the two added here.
    assert event.details == {"filter_action": "account.*", "results": 3}


def test_the_view_itself_appears_on_the_next_view(app: Flask) -> None:
    client, _ = signed_in(app)
    client.get("/staff/audit")
    assert "audit.viewed" in rows_of(client.get("/staff/audit").get_data(as_text=True))


def test_filter_by_user_and_by_system(app: Flask) -> None:
    client, admin_id = signed_in(app)
    other_id, _ = make_user(app, "other@clinic.example", name="Otto Other")
    add_event(app, "by.admin", actor_id=admin_id)
    add_event(app, "by.other", actor_id=other_id)
    add_event(app, "by.nobody")
    mine = rows_of(client.get(f"/staff/audit?user={other_id}").get_data(as_text=True))
    assert mine == ["by.other"]
    system = rows_of(client.get("/staff/audit?user=system").get_data(as_text=True))
    assert "by.nobody" in system and "by.admin" not in system and "by.other" not in system


def test_filter_by_enquiry_reference(app: Flask) -> None:
    client, admin_id = signed_in(app)
    enquiry_id = add_enquiry(app, reference="ACT-AAAA-BBBB", writer_name="Private Person")
    add_enquiry(app, reference="ACT-CCCC-DDDD")
    add_event(app, "enquiry.viewed", target_type="enquiry", target_id="ACT-AAAA-BBBB")
    add_event(app, "enquiry.note", target_type="enquiry", target_id=str(enquiry_id))
    add_event(app, "enquiry.viewed", target_type="enquiry", target_id="ACT-CCCC-DDDD")
    html = client.get("/staff/audit?reference=act-aaaa-bbbb").get_data(as_text=True)
    assert sorted(rows_of(html)) == ["enquiry.note", "enquiry.viewed"]
    assert "ACT-CCCC-DDDD" not in html.split("<tbody>")[1]
    assert "Private Person" not in html
    assert last_audit(app, "audit.viewed").details["filter_reference"] == "ACT-AAAA-BBBB"


def test_filter_by_action_exact_and_prefix(app: Flask) -> None:
    client, _ = signed_in(app)
    add_event(app, "outbox.retried")
    add_event(app, "outbox.viewed")
    add_event(app, "export.csv")
    exact = rows_of(client.get("/staff/audit?action=outbox.viewed").get_data(as_text=True))
    assert exact == ["outbox.viewed"]
    prefix = rows_of(client.get("/staff/audit?action=outbox.*").get_data(as_text=True))
    assert sorted(prefix) == ["outbox.retried", "outbox.viewed"]
    # LIKE wildcards typed by the user are literal.
    assert rows_of(client.get("/staff/audit?action=%25").get_data(as_text=True)) == []


def test_filter_by_clinic_date_range(app: Flask) -> None:
    client, _ = signed_in(app)
    # 2026-03-02 in Anchorage (UTC-9) runs from 09:00 UTC that day to 09:00 UTC the next.
    add_event(app, "before.day", created_at=datetime(2026, 3, 2, 8, 59, tzinfo=UTC))
    add_event(app, "on.day", created_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    add_event(app, "late.on.day", created_at=datetime(2026, 3, 3, 8, 59, tzinfo=UTC))
    add_event(app, "after.day", created_at=datetime(2026, 3, 3, 9, 0, tzinfo=UTC))
    html = client.get("/staff/audit?from=2026-03-02&to=2026-03-02").get_data(as_text=True)
    assert sorted(rows_of(html)) == ["late.on.day", "on.day"]
    since = rows_of(client.get("/staff/audit?from=2026-03-03").get_data(as_text=True))
    assert "after.day" in since and "late.on.day" not in since


def test_keyset_pages_cover_everything_once(app: Flask) -> None:
    client, _ = signed_in(app)
    with app.app_context():
        db.session.add_all(
            AuditEvent(action=f"bulk.{i:03d}", client="-", details={}) for i in range(120)
        )
        db.session.commit()
    seen: list[str] = []
    url = "/staff/audit?action=bulk.*"
    pages = 0
    while url:
        html = client.get(url).get_data(as_text=True)
        actions = rows_of(html)
        assert len(actions) <= PAGE_SIZE
        seen.extend(actions)
        pages += 1
        found = re.search(r'href="(/staff/audit\?[^"]*before=\d+[^"]*)">Older events', html)
        url = found[1].replace("&amp;", "&") if found else ""
    assert pages == 3
    assert seen == [f"bulk.{i:03d}" for i in reversed(range(120))]
    assert audit_count(app, "audit.viewed") == 3


def test_bad_filter_values_are_ignored_not_errors(app: Flask) -> None:
    client, _ = signed_in(app)
    for query in (
        "user=abc",
        "user=99999999999999999999",
        "reference=<script>",
        "from=2026-13-40",
        "to=yesterday",
        "before=-5",
        "action=" + "x" * 500,
    ):
        assert client.get(f"/staff/audit?{query}").status_code == 200, query


def test_filters_read_leniently() -> None:
    filters = AuditFilters.from_args(
        {"user": "7", "reference": " act-7k3m-q9xd ", "action": "a.*", "from": "2026-01-01"}
    )
    assert filters.to_args() == {
        "user": "7",
        "reference": "ACT-7K3M-Q9XD",
        "action": "a.*",
        "from": "2026-01-01",
    }
    assert AuditFilters.from_args({"before": "12"}).to_args(with_cursor=True) == {"before": "12"}


def test_audit_rows_are_shown_in_clinic_time(app: Flask) -> None:
    client, _ = signed_in(app)
    add_event(app, "timed.event", created_at=datetime(2026, 7, 1, 20, 0, tzinfo=UTC))
    html = client.get("/staff/audit?action=timed.event").get_data(as_text=True)
    assert "2026-07-01 12:00 AKDT" in html


def test_recent_actions_are_offered_as_suggestions(app: Flask) -> None:
    client, _ = signed_in(app)
    add_event(app, "suggested.action")
    html = client.get("/staff/audit").get_data(as_text=True)
    assert '<option value="suggested.action">' in html
