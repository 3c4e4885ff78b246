"""``Enquiry.concern_mask``, the concerns in force kept on the enquiry row, stays equal to what
the tag rows say, whichever way the rows are written, on SQLite and PostgreSQL; the migration
fills it for enquiries stored before it existed."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

from intake.extensions import db
from intake.models import (
    CONCERN_BIT,
    Enquiry,
    EnquiryTag,
    concern_mask,
    concern_mask_value,
    tags_in_force,
)
from intake.staff.queries import InboxFilters, counts, inbox_page
from intake.triage.model import TAGS
from tests.test_demo_seed import make_user, seed
from tests.test_migrations import MIGRATIONS
from tests.test_staff_actions import post
from tests.test_staff_support import NOW, add_enquiry, load, staff_client


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_app(request: pytest.FixtureRequest, app_factory: Any) -> Flask:
    if request.param == "sqlite":
        return app_factory()
    return app_factory(request.getfixturevalue("pg_url"))


def stale_rows() -> list[str]:
    """References of enquiries whose concern_mask differs from their tag rows (in SQL)."""
    return list(
        db.session.scalars(
            sa.select(Enquiry.reference).where(
                Enquiry.concern_mask != concern_mask_value(Enquiry.id)
            )
        )
    )


def mask_of(app: Flask, reference: str) -> tuple[int, list[str]]:
    enquiry = load(app, reference)
    return enquiry.concern_mask, enquiry.tag_names


def test_bits_are_one_per_tag_and_in_force_means_no_removal() -> None:
    assert sorted(CONCERN_BIT.values()) == [1 << i for i in range(len(TAGS))]
    assert concern_mask([]) == 0 and concern_mask(TAGS) == (1 << len(TAGS)) - 1
    rows = [("recurrence", False), ("symptoms", False), ("recurrence", True), ("other", False)]
    assert tags_in_force(rows) == ["symptoms", "other"]
    assert tags_in_force([("symptoms", False), ("symptoms", False)]) == ["symptoms"]


def test_the_form_stores_the_mask_with_its_tags(any_app: Flask, form_data: Any) -> None:
    client = any_app.test_client()
    message = "My cancer came back in my liver and I want to join a clinical trial"
    response = client.post("/contact", data=form_data(message=message, concerns=["treatment"]))
    assert response.status_code in (200, 303), response.status_code
    with any_app.app_context():
        enquiry = db.session.scalars(sa.select(Enquiry)).one()
        assert {"recurrence", "clinical_trials", "treatment"} <= set(enquiry.tag_names)
        assert enquiry.concern_mask == concern_mask(enquiry.tag_names)
        assert stale_rows() == []


def test_staff_corrections_keep_the_mask(any_app: Flask) -> None:
    ref = add_enquiry(
        any_app,
        message="It came back and I want a trial",
        ticked=["other"],
        rule_tags={"recurrence": "came back", "clinical_trials": "trial"},
    )
    mask, names = mask_of(any_app, ref)
    assert mask == concern_mask(["other", "recurrence", "clinical_trials"]) == concern_mask(names)
    client, _ = staff_client(any_app)
    steps: tuple[list[str], ...] = (
        ["clinical_trials", "treatment"],  # a rule's and a tick's tag removed, one added
        ["clinical_trials", "treatment", "recurrence"],  # a removal undone
        ["recurrence"],  # a staff addition taken back, a rule's tag removed
        [],  # nothing left in force
    )
    for revision, wanted in enumerate(steps):
        assert post(client, ref, "tags", revision=revision, tags=wanted).status_code == 303
        mask, names = mask_of(any_app, ref)
        assert sorted(names) == sorted(wanted) and mask == concern_mask(wanted), wanted
    with any_app.app_context():
        assert stale_rows() == []
        # The inbox shows and filters by the row's concerns.
        assert inbox_page(InboxFilters(tag="recurrence"), None, None).rows == []
        assert counts(InboxFilters(), None)["tag"]["recurrence"].value == 0


def test_any_orm_write_of_tag_rows_keeps_the_mask(any_app: Flask) -> None:
    ref = add_enquiry(any_app, message="A new cough", rule_tags={"symptoms": "cough"})
    with any_app.app_context():
        enquiry = db.session.scalars(sa.select(Enquiry).where(Enquiry.reference == ref)).one()
        enquiry_id = enquiry.id
        # A row added on its own, by the enquiry's id (no collection touched).
        db.session.add(EnquiryTag(enquiry_id=enquiry_id, tag="treatment", source="staff"))
        db.session.commit()
        assert enquiry.concern_mask == concern_mask(["symptoms", "treatment"])
        # Through the collection: a removal, then the row deleted again.
        removal = EnquiryTag(tag="symptoms", source="staff", removed=True)
        enquiry.tags.append(removal)
        db.session.commit()
        assert enquiry.concern_mask == concern_mask(["treatment"])
        db.session.delete(removal)
        db.session.commit()
        assert enquiry.concern_mask == concern_mask(["symptoms", "treatment"])
        # A new enquiry with its tags in one flush.
        fresh = Enquiry(
            reference=f"ACT-MASK-{uuid.uuid4().hex[:4].upper()}",
            kind="question",
            writer_name="Mara",
            email="mara@example.com",
            message="Is there a trial?",
            consent_at=NOW,
            privacy_version="1",
            submission_key=uuid.uuid4().hex,
            tags=[EnquiryTag(tag="clinical_trials", source="patient")],
        )
        db.session.add(fresh)
        db.session.commit()
        assert fresh.concern_mask == CONCERN_BIT["clinical_trials"]
        assert stale_rows() == []


def test_the_demo_seeder_writes_the_mask(any_app: Flask) -> None:
    make_user(any_app)
    result = seed(any_app, "--enquiries", "400", "--seed", "3", "--batch-size", "150")
    assert result.exit_code == 0, result.output
    with any_app.app_context():
        assert stale_rows() == []
        corrected = db.session.scalar(
            sa.select(sa.func.count(sa.distinct(EnquiryTag.enquiry_id))).where(
                EnquiryTag.removed.is_(True)
            )
        )
        assert corrected, "the seed should include staff removals for this test to mean much"
        for tag, bit in CONCERN_BIT.items():
            assert db.session.scalar(
                sa.select(sa.func.count()).where(Enquiry.concern_mask.op("&")(bit) != 0)
            ), tag


@pytest.mark.parametrize(
    "dialect", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_the_migration_fills_the_mask_from_the_tag_rows(
    request: pytest.FixtureRequest, app_factory: Any, dialect: str
) -> None:
    if dialect == "sqlite":
        app = app_factory(create_schema=False)
    else:
        app = app_factory(request.getfixturevalue("pg_url"), create_schema=False)
    with app.app_context():
        upgrade(directory=MIGRATIONS, revision="6d2b9e4f0a31")  # the schema before the column
        with db.engine.begin() as conn:
            enquiry = sa.Table("enquiry", sa.MetaData(), autoload_with=conn)
            tag = sa.Table("enquiry_tag", sa.MetaData(), autoload_with=conn)
            assert "concern_mask" not in enquiry.c
            cases = {
                "ACT-OLD-0001": [("recurrence", "rules", False), ("other", "patient", False)],
                "ACT-OLD-0002": [
                    ("symptoms", "rules", False),
                    ("symptoms", "staff", True),
                    ("treatment", "staff", False),
                ],
                "ACT-OLD-0003": [],
            }
            for reference, rows in cases.items():
                key = conn.execute(
                    sa.insert(enquiry).values(
                        reference=reference,
                        kind="question",
                        status="new",
                        urgency="routine",
                        urgency_rank=2,
                        urgency_reasons=[],
                        red_flags=[],
                        writer_name="Old Writer",
                        relationship="patient",
                        preferred_contact="email",
                        voicemail_ok=False,
                        email_details_ok=False,
                        wants_confirmation=False,
                        message="stored before the column",
                        symptoms_now=False,
                        preferred_days=[],
                        preferred_times=[],
                        consent_at=NOW,
                        privacy_version="1",
                        submission_key=uuid.uuid4().hex,
                        is_spam=False,
                        created_at=NOW,
                        updated_at=NOW,
                    )
                ).inserted_primary_key
                assert key is not None
                for name, source, removed in rows:
                    conn.execute(
                        sa.insert(tag).values(
                            enquiry_id=key[0],
                            tag=name,
                            source=source,
                            reasons=[],
                            created_at=NOW,
                            removed=removed,
                        )
                    )
        upgrade(directory=MIGRATIONS)
        masks = {
            reference: mask
            for reference, mask in db.session.execute(
                sa.select(Enquiry.reference, Enquiry.concern_mask)
            )
        }
        assert masks == {
            "ACT-OLD-0001": concern_mask(["recurrence", "other"]),
            "ACT-OLD-0002": concern_mask(["treatment"]),
            "ACT-OLD-0003": 0,
        }
        assert stale_rows() == []


def test_a_write_that_leaves_the_tags_alone_does_not_recompute_the_mask(app: Flask) -> None:
    ref = add_enquiry(app, message="A new cough", rule_tags={"symptoms": "cough"})
    client, _ = staff_client(app)
    seen: list[str] = []

    def listen(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(" ".join(statement.split()))

    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", listen)
        try:
            assert post(client, ref, "assign", assignee="me").status_code == 303
        finally:
            sa.event.remove(db.engine, "before_cursor_execute", listen)
    assert seen and not any("SET concern_mask" in sql for sql in seen), seen
    assert load(app, ref).concern_mask == CONCERN_BIT["symptoms"]
