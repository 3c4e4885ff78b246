"""``/staff/export``: the inbox's current view as CSV (UTF-8 with a BOM, so Excel reads it).

``GET /staff/export?<the inbox's query string>`` shows what the file will hold (the filters and
the row count) with a download button; the button POSTs the same fields (CSRF-protected, so a
link or a prefetch can never start an export) and the response is the file. The fields are the
inbox's own (``InboxFilters.from_args``), plus the user's own saved search id when there is one,
so the file holds exactly what the inbox shows, in its order. Admins only unless
``EXPORT_ROLE=staff``. The audit row (filters and row count) is committed before the first byte
leaves. Rows are streamed in chunks, so a large export holds little
memory. Columns are those of an inbox row: no message text and no contact details.

Every cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
apostrophe, so a spreadsheet shows it as text instead of running it as a formula (CSV/formula
injection: a patient types the name ``=HYPERLINK(...)``).
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from flask import (
    Response,
    abort,
    current_app,
    flash,
    render_template,
    request,
    stream_with_context,
)
from flask_login import current_user
from sqlalchemy import Select, func, select

from intake import audit
from intake.auth.models import StaffUser
from intake.database import utcnow
from intake.extensions import db
from intake.models import Enquiry, EnquiryTag
from intake.security import no_store
from intake.staff import bp
from intake.staff.inbox import ignored_filters
from intake.staff.models import SavedSearch
from intake.staff.queries import ANY, InboxFilters, inbox_query, load_search
from intake.staff.reports import clinic_time

log = logging.getLogger("intake.staff")

BOM = "\ufeff"
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHUNK = 1000
HEADER = (
    "Reference",
    "Received (clinic time)",
    "Kind",
    "Status",
    "Closing reason",
    "Urgency",
    "Concerns",
    "Assignee",
    "Writer's name",
    "Relationship",
    "Preferred contact",
    "Article section",
    "Suspected spam",
    "First response (clinic time)",
    "Closed (clinic time)",
)
COLUMNS = (
    Enquiry.id,
    Enquiry.reference,
    Enquiry.created_at,
    Enquiry.kind,
    Enquiry.status,
    Enquiry.closing_reason,
    Enquiry.urgency,
    Enquiry.assignee_id,
    Enquiry.writer_name,
    Enquiry.relationship,
    Enquiry.preferred_contact,
    Enquiry.source_section,
    Enquiry.is_spam,
    Enquiry.first_response_at,
    Enquiry.closed_at,
)


def neutralise(value: Any) -> str:
    """A cell's text, made inert for spreadsheets when it could start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def csv_lines(rows: Iterable[Iterable[Any]]) -> str:
    """CSV text (CRLF line ends, as RFC 4180) with every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([neutralise(cell) for cell in cells] for cells in rows)
    return buffer.getvalue()


def csv_line(cells: Iterable[Any]) -> str:
    return csv_lines([cells])


def tags_in_force(enquiry_ids: Sequence[int]) -> dict[int, list[str]]:
    """Each enquiry's concerns after staff corrections (a staff removal wins)."""
    given: dict[int, list[str]] = {}
    removed: dict[int, set[str]] = {}
    for enquiry_id, tag, is_removed in db.session.execute(
        select(EnquiryTag.enquiry_id, EnquiryTag.tag, EnquiryTag.removed)
        .where(EnquiryTag.enquiry_id.in_(enquiry_ids))
        .order_by(EnquiryTag.enquiry_id, EnquiryTag.id)
    ):
        if is_removed:
            removed.setdefault(enquiry_id, set()).add(tag)
        elif tag not in given.setdefault(enquiry_id, []):
            given[enquiry_id].append(tag)
    return {
        enquiry_id: [tag for tag in tags if tag not in removed.get(enquiry_id, set())]
        for enquiry_id, tags in given.items()
    }


def export_rows(query: Select[Any]) -> Iterator[str]:
    """The CSV text: BOM and header, then one line per enquiry, fetched in chunks."""
    yield BOM + csv_line(HEADER)
    staff = dict(db.session.execute(select(StaffUser.id, StaffUser.name)).tuples().all())
    columns = query.with_only_columns(*COLUMNS).execution_options(yield_per=CHUNK)
    for chunk in db.session.execute(columns).partitions():
        tags = tags_in_force([row.id for row in chunk])
        yield csv_lines(
            (
                row.reference,
                clinic_time(row.created_at),
                row.kind,
                row.status,
                row.closing_reason,
                row.urgency,
                "; ".join(tags.get(row.id, [])),
                staff.get(row.assignee_id, "") if row.assignee_id else "",
                row.writer_name,
                row.relationship,
                row.preferred_contact,
                row.source_section,
                "yes" if row.is_spam else "no",
                clinic_time(row.first_response_at) if row.first_response_at else "",
                clinic_time(row.closed_at) if row.closed_at else "",
            )
            for row in chunk
        )


def may_export() -> bool:
    return current_app.config.get("EXPORT_ROLE", "admin") == "staff" or bool(current_user.is_admin)


def refuse() -> None:
    endpoint = (request.endpoint or "-")[:64]
    audit.record("authz.denied", actor_id=current_user.id, details={"endpoint": endpoint})
    db.session.commit()
    log.warning("export refused", extra={"event": "authz.denied"})
    abort(403)


def selected(args: Mapping[str, str]) -> tuple[InboxFilters, SavedSearch | None, Select[Any]]:
    """The filters, the user's own saved search (404 if the id is not theirs) and the query."""
    filters = InboxFilters.from_args(args)
    search_id = (args.get("search") or "").strip()
    saved = load_search(search_id, current_user.id) if search_id else None
    if search_id and saved is None:
        # Another user's or an expired search: never fall back to exporting everything.
        abort(404)
    if saved is not None and "status" not in args:
        filters = filters.replace(status=ANY)  # as the inbox: a search covers closed ones too
    query = inbox_query(filters, current_user.id, saved.terms if saved else None)
    return filters, saved, query


def row_count(query: Select[Any]) -> int:
    counted = query.with_only_columns(Enquiry.id).order_by(None).subquery()
    return int(db.session.scalar(select(func.count()).select_from(counted)) or 0)


@bp.get("/export")
def export_page() -> str:
    """What the download will hold (filters, row count) and the button that starts it.

    The download itself is a POST (CSRF-protected, never prefetched, not in the history);
    this page shows no patient data and is not audited, the download is.
    """
    no_store()
    if not may_export():
        refuse()
    filters, saved, query = selected(request.args)
    for problem in ignored_filters(request.args, filters):
        flash(problem, "info")  # as the inbox: the file would hold more than was asked for
    return render_template(
        "staff/export.html",
        filters=filters,
        fields={**filters.to_args(), **({"search": saved.id} if saved else {})},
        searched=saved is not None,
        total=row_count(query),
        columns=HEADER,
    )


@bp.post("/export")
def export_csv() -> Response:
    """Download the inbox's view as CSV; audited (filters, row count) before streaming."""
    no_store()
    if not may_export():
        refuse()
    filters, saved, query = selected(request.form)
    total = row_count(query)
    details: dict[str, Any] = dict(filters.describe())
    details["search"] = saved is not None
    details["rows"] = total
    audit.record("export.csv", actor_id=current_user.id, details=details)
    db.session.commit()
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    response = Response(
        stream_with_context(chunk.encode("utf-8") for chunk in export_rows(query)),
        mimetype="text/csv",
    )
    response.headers["Content-Type"] = "text/csv; charset=utf-8"
    response.headers["Content-Disposition"] = f'attachment; filename="enquiries-{stamp}.csv"'
    response.headers["X-Export-Rows"] = str(total)
    return response
