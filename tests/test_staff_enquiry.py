"""The enquiry page: everything submitted, highlighted triggers, duplicates; views audited."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Flask
from markupsafe import Markup

from intake.staff.enquiry_views import highlight, reason_spans
from tests.test_auth_support import make_user
from tests.test_staff_support import NOW, add_enquiry, audit_count, audit_of, staff_client


def test_page_shows_everything_submitted_and_is_no_store(app: Flask) -> None:
    ref = add_enquiry(
        app,
        kind="appointment",
        relationship="caregiver",
        writer_name="Carl Carer",
        patient_name="Petra Patient",
        may_discuss_care=True,
        referring_physician="Dr Referrer",
        preferred_days=["mon", "wed"],
        source_section="recurrence",
        message="Her cancer came back and she has chest pain.",
        rule_tags={"recurrence": "came back"},
        urgency_phrases={"emergency": "chest pain"},
    )
    client, _ = staff_client(app)
    response = client.get(f"/staff/enquiries/{ref}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    for text in (
        "Carl Carer",
        "Petra Patient",
        "Dr Referrer",
        "Monday, Wednesday",
        "recurrence",
        "wanda@example.com",
        "(907) 555-0123",
        "Do NOT leave a voicemail",
        "tag.recurrence.test",
        "Record the appointment",
    ):
        assert text in page, text
    assert '<mark class="hl hl--emergency" title="Emergency">chest pain</mark>' in page
    assert '<mark class="hl hl--tag" title="Recurrence">came back</mark>' in page


def test_unknown_or_malformed_reference_is_404(app: Flask) -> None:
    client, _ = staff_client(app)
    assert client.get("/staff/enquiries/ACT-0000-0000").status_code == 404
    assert client.get("/staff/enquiries/" + "A" * 40).status_code == 404
    assert client.get("/staff/enquiries/%3Cscript%3E").status_code == 404
    assert audit_count(app, "enquiry.view") == 0


def test_each_view_is_audited_once(app: Flask) -> None:
    ref = add_enquiry(app)
    client, user_id = staff_client(app)
    before = audit_count(app)
    client.get(f"/staff/enquiries/{ref}")
    client.get(f"/staff/enquiries/{ref}")
    assert audit_count(app) == before + 2
    rows = audit_of(app, "enquiry.view")
    assert [(r.actor_id, r.target_type, r.target_id) for r in rows] == [
        (user_id, "enquiry", ref)
    ] * 2


def test_anonymous_cannot_view_or_act(app: Flask) -> None:
    ref = add_enquiry(app)
    anonymous = app.test_client()
    assert anonymous.get(f"/staff/enquiries/{ref}").status_code == 302
    response = anonymous.post(f"/staff/enquiries/{ref}/note", data={"note-revision": "0"})
    assert response.status_code == 401
    assert audit_count(app, "enquiry.view") == 0


def test_staff_and_admin_both_work_enquiries(app: Flask) -> None:
    ref = add_enquiry(app)
    staff, _ = staff_client(app, "staff@clinic.example")
    admin, _ = staff_client(app, "admin@clinic.example", role="admin", name="Ada Admin")
    assert staff.get(f"/staff/enquiries/{ref}").status_code == 200
    assert admin.get(f"/staff/enquiries/{ref}").status_code == 200
    data = {"note-revision": "0", "note-text": "by staff"}
    assert staff.post(f"/staff/enquiries/{ref}/note", data=data).status_code == 303
    data = {"note-revision": "1", "note-text": "by admin"}
    assert admin.post(f"/staff/enquiries/{ref}/note", data=data).status_code == 303
    # Only the admin sees the admin pages from the inbox.
    assert "Audit log" in admin.get("/staff/").get_data(as_text=True)
    assert "Audit log" not in staff.get("/staff/").get_data(as_text=True)


def test_patient_text_is_escaped_around_and_inside_highlights(app: Flask) -> None:
    message = '<img src=x onerror=alert(1)> I have "chest pain" & <b>fever</b>'
    ref = add_enquiry(
        app,
        message=message,
        writer_name="<script>alert('n')</script>",
        urgency_phrases={"emergency": "chest pain", "priority": "<b>fever</b>"},
    )
    client, _ = staff_client(app)
    page = client.get(f"/staff/enquiries/{ref}").get_data(as_text=True)
    assert "<img src=x" not in page and "<script>alert(" not in page and "<b>fever" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert '<mark class="hl hl--priority" title="Priority">&lt;b&gt;fever&lt;/b&gt;</mark>' in page


def test_highlight_merges_overlaps_and_skips_offsets_that_do_not_match() -> None:
    text = "pain in my chest and more <x>"
    reasons: list[dict[str, Any]] = [
        {"label": "symptoms", "phrase": "pain in my", "start": 0, "end": 10},
        {"label": "emergency", "phrase": "my chest", "start": 8, "end": 16},
        {"label": "other", "phrase": "wrong", "start": 0, "end": 5},  # not at those offsets
        {"label": "other", "phrase": "x", "start": 99, "end": 100},  # out of range
        {"label": "other"},  # malformed
    ]
    spans = reason_spans(text, reasons)
    assert [(s.start, s.end, s.labels) for s in spans] == [(0, 16, ["symptoms", "emergency"])]
    out = highlight(text, reasons)
    assert isinstance(out, Markup)
    assert str(out) == (
        '<mark class="hl hl--emergency" title="Symptoms, Emergency">pain in my chest</mark>'
        " and more &lt;x&gt;"
    )
    assert str(highlight("<a>", [])) == "&lt;a&gt;"


def test_possible_duplicates_are_listed_with_links(app: Flask) -> None:
    earlier = add_enquiry(app, created_at=NOW - timedelta(days=5))
    unrelated = add_enquiry(app, email="someone@else.example", phone=None)
    ref = add_enquiry(app)
    client, _ = staff_client(app)
    page = client.get(f"/staff/enquiries/{ref}").get_data(as_text=True)
    assert f'href="/staff/enquiries/{earlier}"' in page
    assert unrelated not in page


def test_timeline_shows_names_not_ids(app: Flask) -> None:
    ref = add_enquiry(app)
    other_id, _ = make_user(app, "sam@clinic.example", name="Sam Staff")
    client, _ = staff_client(app)
    client.post(
        f"/staff/enquiries/{ref}/assign",
        data={"assign-revision": "0", "assign-assignee": str(other_id)},
    )
    page = client.get(f"/staff/enquiries/{ref}").get_data(as_text=True)
    assert "assigned to Sam Staff" in page and "Nora Nurse" in page


def test_a_stored_phone_that_is_not_e164_is_shown_as_stored(app: Flask) -> None:
    """The form only stores E.164, but an imported or hand-edited row must not make a 500."""
    ref = add_enquiry(app, phone="907 555 0100 ext 2", preferred_contact="phone")
    client, _ = staff_client(app)
    page = client.get(f"/staff/enquiries/{ref}")
    assert page.status_code == 200
    assert "907 555 0100 ext 2" in page.get_data(as_text=True)
