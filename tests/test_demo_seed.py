"""``flask demo seed``: realistic, obviously fictional enquiries in bulk; refused in production."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import func, select

from intake.extensions import db
from intake.models import KINDS, STATUSES, URGENCY_RANK, Enquiry, EnquiryTag
from intake.staff.models import Appointment, Event
from intake.triage.model import TAGS
from tests.test_auth_support import make_user

N = 1500


def seed(app: Flask, *args: str) -> Any:
    return app.test_cli_runner().invoke(args=["demo", "seed", *args])


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Flask:
    """One seeded database shared by the read-only checks below (seeding takes a second)."""
    from intake import create_app
    from tests.conftest import make_config

    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite3'}"
    app = create_app(make_config(url))
    with app.app_context():
        db.create_all()
    make_user(app, "nurse@clinic.example")
    make_user(app, "admin@clinic.example", role="admin", name="Ada Admin")
    result = seed(app, "--enquiries", str(N), "--seed", "11", "--batch-size", "400")
    assert result.exit_code == 0, result.output
    return app


def scalar_set(app: Flask, column: Any) -> set[Any]:
    with app.app_context():
        return set(db.session.scalars(select(column).distinct()))


def test_it_adds_exactly_n_enquiries_and_reports_what_it_did(seeded: Flask) -> None:
    with seeded.app_context():
        assert db.session.scalar(select(func.count()).select_from(Enquiry)) == N
    result = seed(seeded, "--enquiries", "10", "--seed", "12")
    assert result.exit_code == 0
    assert "Seeding enquiries" in result.output
    assert re.search(r"Added 10 enquiries \(.*\), [\d,]+ tags", result.output)
    with seeded.app_context():
        assert db.session.scalar(select(func.count()).select_from(Enquiry)) == N + 10


def test_every_kind_urgency_status_and_concern_is_there(seeded: Flask) -> None:
    assert scalar_set(seeded, Enquiry.kind) == set(KINDS)
    assert scalar_set(seeded, Enquiry.urgency) == set(URGENCY_RANK)
    assert scalar_set(seeded, Enquiry.status) == set(STATUSES)
    assert scalar_set(seeded, EnquiryTag.tag) == set(TAGS)
    assert scalar_set(seeded, EnquiryTag.source) == {"patient", "rules", "staff"}
    assert True in scalar_set(seeded, Enquiry.is_spam)
    assert {"resolved", "spam"} <= scalar_set(seeded, Enquiry.closing_reason)


def test_rule_tags_carry_their_reasons_and_version(seeded: Flask) -> None:
    with seeded.app_context():
        tags = db.session.scalars(select(EnquiryTag).where(EnquiryTag.source == "rules")).all()
        assert tags
        for tag in tags[:200]:
            assert tag.rule_id and tag.vocabulary_version
            assert tag.reasons and all(r["label"] == tag.tag for r in tag.reasons)
        urgent = db.session.scalars(
            select(Enquiry).where(Enquiry.urgency == "emergency", Enquiry.is_spam.is_(False))
        ).all()
        assert urgent and all(e.urgency_reasons for e in urgent)


def test_writers_are_obviously_fictional(seeded: Flask) -> None:
    with seeded.app_context():
        rows = db.session.execute(
            select(Enquiry.writer_name, Enquiry.email, Enquiry.phone, Enquiry.patient_name)
        ).all()
    for name, email, phone, patient in rows:
        assert name.endswith("(demo)")
        assert email.endswith("@example.com")
        assert phone is None or re.fullmatch(r"\+190755501\d\d", phone)
        assert patient is None or patient.endswith("(demo)")


def test_two_years_of_data_and_staff_work(seeded: Flask) -> None:
    with seeded.app_context():
        oldest, newest = db.session.execute(
            select(func.min(Enquiry.created_at), func.max(Enquiry.created_at))
        ).one()
        assert 600 < (newest - oldest).days <= 731
        assert scalar_set(seeded, Enquiry.assignee_id) - {None}
        assert (db.session.scalar(select(func.count()).select_from(Event)) or 0) > N
        assert {"status", "assignment", "note", "contact"} <= scalar_set(seeded, Event.kind)
        assert (db.session.scalar(select(func.count()).select_from(Appointment)) or 0) > 0
        answered = db.session.scalars(
            select(Enquiry).where(Enquiry.first_response_at.is_not(None)).limit(100)
        ).all()
        assert all(
            e.first_response_at is not None and e.first_response_at >= e.created_at
            for e in answered
        )
        closed = db.session.scalars(
            select(Enquiry).where(Enquiry.status == "closed").limit(100)
        ).all()
        assert all(e.closed_at is not None and e.closing_reason for e in closed)
        references = db.session.scalars(select(Enquiry.reference)).all()
        assert len(set(references)) == len(references)
        assert all(re.fullmatch(r"ACT-[0-9A-Z]{4}-[0-9A-Z]{4}", r) for r in references)


def test_the_reports_and_the_inbox_work_on_seeded_data(seeded: Flask) -> None:
    from tests.test_auth_support import sign_in

    client = seeded.test_client()
    sign_in(client, "admin@clinic.example")
    assert client.get("/staff/reports").status_code == 200
    assert client.get("/staff/").status_code == 200


def test_refused_in_production(app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INTAKE_ENV", "production")
    result = seed(app, "--enquiries", "5")
    assert result.exit_code != 0
    assert "Refused: INTAKE_ENV=production" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Enquiry)) == 0


def test_refused_when_the_app_runs_the_production_config(app: Flask) -> None:
    from intake.staff.demo import DemoRefused, seed_enquiries

    app.config["ENV_NAME"] = "production"
    assert seed(app, "--enquiries", "5").exit_code != 0
    with app.app_context(), pytest.raises(DemoRefused):
        seed_enquiries(5)


def test_the_same_seed_gives_the_same_messages(app_factory: Any) -> None:
    from datetime import UTC, datetime

    from intake.staff.demo import seed_enquiries

    now = datetime(2026, 3, 2, tzinfo=UTC)
    found = []
    for _ in range(2):
        app = app_factory()
        with app.app_context():
            seed_enquiries(50, seed=5, now=now)
            found.append(
                db.session.execute(
                    select(Enquiry.message, Enquiry.urgency, Enquiry.created_at).order_by(
                        Enquiry.id
                    )
                ).all()
            )
    assert found[0] == found[1]


@pytest.mark.postgres
def test_seeding_works_on_postgresql(app_factory: Any, pg_url: str) -> None:
    app = app_factory(pg_url)
    make_user(app)
    result = seed(app, "--enquiries", "300", "--seed", "2", "--batch-size", "120")
    assert result.exit_code == 0, result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Enquiry)) == 300
        # Ids came back in order: every enquiry has its own rule tags.
        orphans = db.session.scalar(
            select(func.count())
            .select_from(Enquiry)
            .where(
                Enquiry.is_spam.is_(False),
                ~select(EnquiryTag.id).where(EnquiryTag.enquiry_id == Enquiry.id).exists(),
            )
        )
        assert orphans == 0
