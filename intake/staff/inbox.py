"""The inbox at /staff/ and the search that feeds it.

Filters are non-identifying and live in the query string, so a view can be bookmarked. Search
text is POSTed to /staff/search, kept server-side (SavedSearch) and named in the URL only by
a random id: no name, email or phone ever reaches a URL, a log line or a bookmark. Every list
and search view writes one audit event (who, the filters, whether a search was used, how many
results; never the search text).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers.response import Response

from intake import audit
from intake.database import utcnow
from intake.extensions import db
from intake.security import no_store
from intake.staff import bp
from intake.staff.clock import ResponseClock, clinic_zone, response_clock
from intake.staff.forms import SearchForm, label
from intake.staff.models import SavedSearch
from intake.staff.queries import (
    ANY,
    ASSIGNEE_FILTERS,
    PAGE_SIZE,
    SPAM_FILTERS,
    STATUS_FILTERS,
    CappedCount,
    InboxFilters,
    ListedEnquiry,
    Page,
    Search,
    counts,
    inbox_page,
    load_search,
    narrow_search,
    parse_terms,
    purge_expired_searches,
    save_search,
    view_count,
)
from intake.triage.model import TAGS, URGENCIES

SEARCH_EXPIRED = "That search has expired (searches last 8 hours). Please search again."
CURSOR_IGNORED = "That page link is not valid (or out of date), so the first page is shown."
# A filter value that is not allowed is ignored, and the page says which filter (never the
# value: it could be anything typed into the address bar). Query-string name: (label, rule).
FILTER_RULES = {
    "status": ("Status", "is not one of its choices"),
    "tag": ("Concern", "is not one of its choices"),
    "urgency": ("Urgency", "is not one of its choices"),
    "kind": ("Kind", "is not one of its choices"),
    "assignee": ("Assigned to", "is not one of its choices"),
    "from": ("Received from", "is not a date from 2000 to 2100 (YYYY-MM-DD)"),
    "to": ("Received to", "is not a date from 2000 to 2100 (YYYY-MM-DD)"),
    "section": ("Article section", "is not a section name (lower-case letters, digits, -, _)"),
    "spam": ("Suspected spam", "is not one of its choices"),
}


def ignored_filters(args: Mapping[str, str], filters: InboxFilters) -> list[str]:
    """A message for each filter whose value was not allowed (and so was ignored)."""
    default = InboxFilters()
    accepted = filters.to_args()
    messages = []
    for name, (text, rule) in FILTER_RULES.items():
        raw = (args.get(name) or "").strip()
        if not raw or name in accepted:
            continue
        field = {"from": "received_from", "to": "received_to"}.get(name, name)
        if raw != getattr(default, field):  # e.g. status=open: allowed, and the default
            messages.append(f"The “{text}” filter was ignored: its value {rule}.")
    start, end = filters.received_from, filters.received_to
    if start and end and start > end:
        messages.append("“Received from” is after “Received to”: no enquiry can match.")
    return messages


@dataclass(frozen=True)
class InboxRow:
    """What one line of the inbox shows (never the message), its text made here rather than
    by a dozen template calls per row (a page shows 50)."""

    enquiry: ListedEnquiry
    received: datetime  # clinic time
    clock: ResponseClock | None  # None once closed
    url: str  # the enquiry page
    received_text: str
    urgency: str  # its label
    kind: str
    status: str
    concerns: str  # "recurrence, clinical trials", or "—"
    due_text: str  # the clock's due time in clinic time, "" without a clock
    assignee: str  # the assignee's name, or "—"


REFERENCE_SLOT = "REFERENCE-SLOT"  # url_for once per page; each row's reference goes here


def inbox_rows(page: Page, now: datetime) -> list[InboxRow]:
    zone = clinic_zone()
    link = url_for("staff.enquiry", reference=REFERENCE_SLOT)
    before, _, after = link.partition(REFERENCE_SLOT)
    rows = []
    for enquiry in page.rows:
        clock = (
            None
            if enquiry.status == "closed"
            else response_clock(enquiry.created_at, enquiry.urgency, now, enquiry.first_response_at)
        )
        received = enquiry.created_at.astimezone(zone)
        rows.append(
            InboxRow(
                enquiry,
                received,
                clock,
                url=f"{before}{quote(enquiry.reference, safe='')}{after}",
                received_text=received.strftime("%a %d %b %Y, %H:%M"),
                urgency=label(enquiry.urgency),
                kind=label(enquiry.kind),
                status=label(enquiry.status),
                concerns=", ".join(c.replace("_", " ") for c in enquiry.concerns) or "—",
                due_text=clock.due.astimezone(zone).strftime("%a %d %b, %H:%M") if clock else "",
                assignee=enquiry.assignee_name if enquiry.assignee_name is not None else "—",
            )
        )
    return rows


# --- counts, cached briefly --------------------------------------------------------------------
# Facet counts cost about a dozen capped queries (at a million enquiries, those that stay under
# the cap read every row of their set, index-only); each count is kept per process for
# INBOX_COUNTS_SECONDS (30 by default; 0 turns the cache off), keyed by the view it counts, so
# every view showing it reuses it, and all are dropped whenever this process saves a change to
# an enquiry. The page says how old they are.
COUNTS_CACHE_KEY = "staff_inbox_counts"
COUNTS_CACHE_SIZE = 4096  # counts (a view shows a dozen), oldest dropped first


def counts_cache() -> dict[Any, tuple[float, datetime, CappedCount]]:
    cache: dict[Any, tuple[float, datetime, CappedCount]] = current_app.extensions.setdefault(
        COUNTS_CACHE_KEY, {}
    )
    return cache


def forget_counts() -> None:
    """Drop cached counts (after a change made by this process)."""
    counts_cache().clear()


class CachedCounts:
    """``queries.CountStore`` over the per-process cache, for one scope (the user, for
    "assigned to me"; the saved search). Remembers the oldest count it handed out."""

    def __init__(self, scope: Hashable, ttl: float) -> None:
        self.entries = counts_cache()
        self.scope = scope
        self.ttl = ttl
        self.oldest: datetime | None = None

    def get(self, key: Hashable) -> CappedCount | None:
        hit = self.entries.get((self.scope, key)) if self.ttl > 0 else None
        if hit is None or time.monotonic() - hit[0] >= self.ttl:
            return None
        self.oldest = hit[1] if self.oldest is None else min(self.oldest, hit[1])
        return hit[2]

    def put(self, key: Hashable, count: CappedCount) -> None:
        if self.ttl <= 0:
            return
        self.entries.pop((self.scope, key), None)  # re-inserted last: the newest
        if len(self.entries) >= COUNTS_CACHE_SIZE:
            self.entries.pop(next(iter(self.entries)))
        self.entries[(self.scope, key)] = (time.monotonic(), utcnow(), count)


def cached_counts(
    filters: InboxFilters,
    user_id: int,
    search_id: str | None,
    terms: Search | None,
    total: CappedCount | None = None,
    counted: Sequence[tuple[InboxFilters, CappedCount]] = (),
) -> tuple[dict[str, Any], datetime]:
    """The facet counts for this view, each at most INBOX_COUNTS_SECONDS old, and when the
    oldest of them was counted. ``total``: the view's own count, just made."""
    ttl = float(current_app.config.get("INBOX_COUNTS_SECONDS", 30))
    scope = (user_id if filters.assignee == "me" else None, search_id)
    store = CachedCounts(scope, ttl)
    tallies = counts(
        filters, user_id, search_terms=terms, store=store, total=total, counted=counted
    )
    return tallies, store.oldest or utcnow()


def inbox_url(args: Mapping[str, str]) -> str:
    """The inbox with these (non-identifying) query arguments."""
    values: dict[str, Any] = dict(args)
    return url_for("staff.index", **values)


def make_link(base: Mapping[str, str]) -> Callable[..., str]:
    """``link(status="new")``: this view with some arguments changed (None drops one)."""

    def link(reset: bool = False, **changes: str | None) -> str:
        args = dict(base)
        if reset:
            args = {"search": base["search"]} if "search" in base else {}
        args.pop("after", None)
        for name, value in changes.items():
            if value is None:
                args.pop(name, None)
            else:
                args[name] = value
        return inbox_url(args)

    return link


def filter_choices() -> dict[str, Any]:
    return {
        "statuses": STATUS_FILTERS,
        "tags": TAGS,
        "urgencies": URGENCIES,
        "kinds": ("question", "appointment"),
        "assignees": ASSIGNEE_FILTERS,
        "spam": SPAM_FILTERS,
    }


@bp.get("/")
def index() -> str | Response:
    """The inbox: filtered, optionally searched, one keyset page at a time."""
    no_store()
    filters = InboxFilters.from_args(request.args)
    for problem in ignored_filters(request.args, filters):
        flash(problem, "info")
    search_id = request.args.get("search") or None
    saved: SavedSearch | None = None
    if search_id:
        saved = load_search(search_id, current_user.id)
        if saved is None:
            flash(SEARCH_EXPIRED, "info")
            return redirect(inbox_url(filters.to_args()), code=303)
        if "status" not in request.args:
            # A search looks through closed enquiries too unless a status is chosen.
            filters = filters.replace(status=ANY)
    # A search is matched once (a rare term's page and counts then read its ids), and that
    # capped count of the search is reused by the counts below.
    narrowed = narrow_search(filters, current_user.id, saved.terms) if saved else None
    terms = narrowed.search if narrowed else None
    after = request.args.get("after") or None
    limit = int(current_app.config.get("INBOX_PAGE_SIZE", PAGE_SIZE))
    page = inbox_page(filters, current_user.id, after, limit=limit, search_terms=terms)
    if page.cursor_ignored:
        flash(CURSOR_IGNORED, "info")
    if page.is_first and page.next_cursor is None:
        total = CappedCount(len(page.rows), False)  # the whole view is on this page
    elif narrowed is not None and narrowed.view == filters:
        total = narrowed.matched  # just counted (fresh), for the audit
    else:
        total = view_count(filters, current_user.id, terms)  # fresh, for the audit
    tallies, counted_at = cached_counts(
        filters,
        current_user.id,
        saved.id if saved else None,
        terms,
        total,
        [(narrowed.view, narrowed.matched)] if narrowed else [],
    )
    details: dict[str, Any] = {
        **filters.describe(),
        "search": saved is not None,
        "results": total.value,
        "results_capped": total.capped,
        "rows_shown": len(page.rows),
        "first_page": page.is_first,
    }
    audit.insert(
        "staff.search" if saved is not None else "staff.inbox",
        actor_id=current_user.id,
        target_type="inbox",
        details=details,
    )
    link_args: dict[str, str] = dict(filters.to_args())
    if request.args.get("status") == filters.status:
        link_args["status"] = filters.status  # chosen, even if it is the default ("open")
    elif saved is not None:
        link_args.pop("status", None)  # the search's own default (any)
    if saved is not None:
        link_args["search"] = saved.id
    from intake.staff.export import may_export

    export_args: dict[str, Any] = dict(link_args)
    # Render before committing the audit row: a commit expires every loaded row, and the
    # template would then reload each enquiry and its tags one by one (~100 statements a page).
    # The page is returned only once its audit row is committed.
    html = render_template(
        "staff/inbox.html",
        filters=filters,
        page=page,
        rows=inbox_rows(page, utcnow()),
        tallies=tallies,
        total=total,
        counted_at=counted_at.astimezone(clinic_zone()),
        choices=filter_choices(),
        search_form=SearchForm(),
        search_args={k: v for k, v in link_args.items() if k not in ("search", "after")},
        saved=saved,
        link=make_link(link_args),
        label=label,
        zone=clinic_zone(),
        can_export=may_export(),
        export_url=url_for("staff.export_csv", **export_args),
    )
    db.session.commit()
    return html


@bp.post("/search")
def search() -> Response:
    """Keep the terms server-side and show the inbox under an opaque search id."""
    form = SearchForm()
    filters = InboxFilters.from_args(request.form)
    for problem in ignored_filters(request.form, filters):
        flash(problem, "info")
    back = inbox_url(filters.to_args())
    if not form.validate_on_submit():
        flash(" ".join(form.terms.errors) or "Type something to search for.", "info")
        return redirect(back, code=303)
    if not parse_terms(form.terms.data):
        flash("Search for words of at least 3 letters or digits.", "info")
        return redirect(back, code=303)
    purge_expired_searches()
    saved = save_search(current_user.id, form.terms.data)
    db.session.commit()
    args = filters.to_args()
    if request.form.get("status") == filters.status:
        args["status"] = filters.status  # an explicit "open" keeps closed enquiries out
    return redirect(inbox_url({**args, "search": saved.id}), code=303)
