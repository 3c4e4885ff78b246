"""Every inbox query in one place: filters, search, keyset pages and capped counts.

The inbox reads open, non-spam enquiries most urgent first, then oldest first, as a range scan
of ``ix_enquiry_open_queue`` (urgency_rank, created_at, id); other filters narrow it, and a view
no single index returns in that order is a merge of a few index ranges (``order_parts``). Pages
are keyset pages on that same order (OFFSET at page 1,000 is 400 times slower at a million
rows). Counts stop at 1,000 and are shared through a per-process store keyed by the view they
count (``counts``). Search terms never travel in a URL: they sit in a ``SavedSearch`` row behind
a random id. docs/dashboard.md explains each choice; docs/performance.md has the figures.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, NamedTuple, Protocol

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    delete,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
    true,
    tuple_,
    union_all,
)
from sqlalchemy.orm import selectinload

from intake.auth.models import StaffUser
from intake.database import utcnow
from intake.extensions import db
from intake.models import KINDS, STATUSES, URGENCY_RANK, Enquiry, concerns_of, has_concern
from intake.staff.clock import clinic_zone
from intake.staff.models import SEARCH_LIFETIME, SavedSearch
from intake.triage.model import TAGS

OPEN = "open"  # every status but closed
ANY = "any"
OPEN_STATUSES = tuple(status for status in STATUSES if status != "closed")
STATUS_FILTERS = (OPEN, ANY, *STATUSES)
ASSIGNEE_FILTERS = ("anyone", "me", "unassigned")
SPAM_FILTERS = ("hide", "include", "only")
SECTION_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
SEARCH_ID_RE = re.compile(r"^[A-Za-z0-9_-]{16,32}$")
EARLIEST_DATE = date(2000, 1, 1)
LATEST_DATE = date(2100, 12, 31)

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
MAX_TERMS = 8
MIN_TERM_LENGTH = 3  # trigrams: a shorter term cannot use the index
MAX_TERM_LENGTH = 100
MAX_SEARCH_LENGTH = 300
COUNT_CAP = 1000
# A search with more than COUNT_CAP matches counts its facets in one pass over at most this many
# of its matches (``search_sample_counts``); past it, each facet count is a lower bound ("312+").
SEARCH_COUNT_ROWS = 5000

# The searched text. The same expression (unqualified) is the trigram index in
# intake.staff.models.SEARCH_DOCUMENT_SQL: keep the two in step. Literal separators, not bound
# parameters, so PostgreSQL can match the expression against the index.
SEARCH_DOCUMENT: ColumnElement[str] = literal_column(
    "lower(enquiry.reference || ' ' || enquiry.writer_name || ' ' || "
    "coalesce(enquiry.patient_name, '') || ' ' || coalesce(enquiry.email, '') || ' ' || "
    "coalesce(enquiry.phone, '') || ' ' || enquiry.message)"
)
PHONE_LIKE = re.compile(r"^[\d\s()+.\-]+$")


@dataclass(frozen=True)
class InboxFilters:
    """The inbox's non-identifying filters: what the query string of a bookmark may hold."""

    status: str = OPEN
    tag: str | None = None
    urgency: str | None = None
    kind: str | None = None
    assignee: str = "anyone"
    received_from: date | None = None  # clinic dates (CLINIC_TIMEZONE), inclusive
    received_to: date | None = None
    section: str | None = None
    spam: str = "hide"

    @classmethod
    def from_args(cls, args: Mapping[str, str]) -> InboxFilters:
        """Read filters from a query string; a value that is not allowed is ignored."""

        def pick(name: str, allowed: Sequence[str]) -> str | None:
            value = (args.get(name) or "").strip()
            return value if value in allowed else None

        section = (args.get("section") or "").strip()
        return cls(
            status=pick("status", STATUS_FILTERS) or OPEN,
            tag=pick("tag", TAGS),
            urgency=pick("urgency", tuple(URGENCY_RANK)),
            kind=pick("kind", KINDS),
            assignee=pick("assignee", ASSIGNEE_FILTERS) or "anyone",
            received_from=parse_date(args.get("from")),
            received_to=parse_date(args.get("to")),
            section=section if SECTION_RE.match(section) else None,
            spam=pick("spam", SPAM_FILTERS) or "hide",
        )

    def to_args(self) -> dict[str, str]:
        """The query-string form of the filters that differ from the default view."""
        default = InboxFilters()
        names = {"received_from": "from", "received_to": "to"}
        out: dict[str, str] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value is None or value == getattr(default, item.name):
                continue
            out[names.get(item.name, item.name)] = (
                value.isoformat() if isinstance(value, date) else str(value)
            )
        return out

    def replace(self, **changes: Any) -> InboxFilters:
        return replace(self, **changes)

    def describe(self) -> dict[str, str]:
        """For the audit trail: every filter, in query-string names (no PHI by construction)."""
        return {f"filter_{key}": value for key, value in self.to_args().items()}

    def is_default(self) -> bool:
        return self == InboxFilters()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def parse_date(value: str | None) -> date | None:
    """A YYYY-MM-DD date within reason, or None."""
    if not value:
        return None
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if EARLIEST_DATE <= parsed <= LATEST_DATE else None


def clinic_day_start(day: date) -> datetime:
    """Midnight of a clinic date, in UTC."""
    return datetime.combine(day, time.min, tzinfo=clinic_zone()).astimezone(UTC)


# --- search terms ---------------------------------------------------------------------------


def parse_terms(text: str | None) -> list[str]:
    """Split search text into terms: lower-case, at least 3 characters, at most 8 of them.

    A term that looks like a phone number is reduced to its digits, since phones are stored in
    E.164 form ("(907) 555-0100" finds "+19075550100").
    """
    tokens = (text or "")[:MAX_SEARCH_LENGTH].split()
    merged: list[str] = []
    for token in tokens:  # "(907) 555-0100" is one phone number, not two terms
        if merged and PHONE_LIKE.match(token) and PHONE_LIKE.match(merged[-1]):
            merged[-1] += token
        else:
            merged.append(token)
    terms: list[str] = []
    for raw in merged:
        term = raw.lower()[:MAX_TERM_LENGTH]
        if PHONE_LIKE.match(term):
            digits = re.sub(r"\D", "", term)
            term = digits if len(digits) >= 4 else term
        if len(term) >= MIN_TERM_LENGTH and term not in terms:
            terms.append(term)
    return terms[:MAX_TERMS]


def escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search_condition(terms: Sequence[str]) -> ColumnElement[bool]:
    """Every term somewhere in the searched text (trigram index on PostgreSQL, LIKE on SQLite)."""
    if not terms:
        return true()
    return and_(*(SEARCH_DOCUMENT.like(f"%{escape_like(term)}%", escape="\\") for term in terms))


@dataclass(frozen=True)
class SearchMatches:
    """Every enquiry a search found, when there are few (see ``narrow_search``)."""

    ids: tuple[int, ...]


# What the inbox's reads take as a search: text, parsed terms, or the ids it already found.
Search = str | Sequence[str] | SearchMatches


class Narrowed(NamedTuple):
    """``narrow_search``'s answer: the search to read with, and the capped count of ``view``
    (the view with any status and concern) it found on the way, for the counts to reuse."""

    search: Search | None
    view: InboxFilters
    matched: CappedCount


def narrow_search(
    filters: InboxFilters, user_id: int | None, search_terms: Search, cap: int = COUNT_CAP
) -> Narrowed:
    """The search's matches as ids when they are at most ``cap``, else the terms unchanged.

    Matching the text is the costly part of every read of a search (on SQLite a scan of every
    enquiry, on PostgreSQL a trigram bitmap and a recheck of each row); a page and its dozen
    counts each match it again. Found once here, over the view with any status and concern (the
    widest set a page or facet count of this view reads), a rare term's later reads are
    ``id IN (...)``: the same rows, since every other filter still applies on top. A common
    term (more than ``cap`` matches) keeps its terms; the capped count is reused either way.
    """
    widest = filters.replace(status=ANY, tag=None)
    if isinstance(search_terms, SearchMatches):
        found = search_terms.ids
        return Narrowed(search_terms, widest, CappedCount(min(len(found), cap), len(found) > cap))
    terms = parse_terms(search_terms) if isinstance(search_terms, str) else list(search_terms)
    if not terms:  # text with no usable term finds nothing (filter_conditions)
        return Narrowed(search_terms, widest, CappedCount(0, False))
    query = select(Enquiry.id).where(*filter_conditions(widest, user_id, terms)).limit(cap + 1)
    ids = list(db.session.scalars(query))
    count = CappedCount(min(len(ids), cap), len(ids) > cap)
    return Narrowed(terms if count.capped else SearchMatches(tuple(sorted(ids))), widest, count)


def save_search(owner_id: int, text: str) -> SavedSearch:
    """Keep search text server-side for SEARCH_LIFETIME; the caller commits."""
    now = utcnow()
    saved = SavedSearch(
        id=SavedSearch.new_id(),
        owner_id=owner_id,
        created_at=now,
        expires_at=now + SEARCH_LIFETIME,
        terms=" ".join(parse_terms(text)),
    )
    db.session.add(saved)
    return saved


def load_search(search_id: str | None, owner_id: int) -> SavedSearch | None:
    """The owner's unexpired saved search, or None (another user's id finds nothing)."""
    if not search_id or not SEARCH_ID_RE.match(search_id):
        return None
    return db.session.scalar(
        select(SavedSearch).where(
            SavedSearch.id == search_id,
            SavedSearch.owner_id == owner_id,
            SavedSearch.expires_at > utcnow(),
        )
    )


def purge_expired_searches(now: datetime | None = None) -> int:
    """Delete expired saved searches (their terms are PHI); the caller commits."""
    result = db.session.execute(
        delete(SavedSearch).where(SavedSearch.expires_at <= (now or utcnow()))
    )
    return int(getattr(result, "rowcount", 0) or 0)


# --- the inbox query ------------------------------------------------------------------------


def has_tag(tag: str) -> ColumnElement[bool]:
    """The tag is in force: its bit in ``Enquiry.concern_mask`` (kept by every tag write).

    Spelt as the ``ix_enquiry_open_<tag>`` and ``ix_enquiry_concern_<tag>`` indexes' predicates
    spell it (a literal, not a parameter), so that a ``tag=`` page is a range of its tag's index
    and a count reads at most the tag's entries. Before the bit, a concern lived only in
    ``enquiry_tag``: the ``tag=clinical_trials`` page probed 3,600 open enquiries' tag rows to
    find 51, and each count of a concern read up to 15,000 (docs/performance.md).
    """
    return has_concern(Enquiry.concern_mask, tag)


def filter_conditions(
    filters: InboxFilters,
    user_id: int | None,
    search_terms: Search | None = None,
) -> list[ColumnElement[bool]]:
    """The WHERE clause of a filtered view, one condition per filter."""
    conditions: list[ColumnElement[bool]] = []
    if filters.status == OPEN and filters.spam == "hide":
        # A literal, not a parameter: it must match the partial indexes' predicate.
        conditions.append(Enquiry.status != literal_column("'closed'"))
    elif filters.status == OPEN:
        # With spam, no partial index applies; a list is ranges of ix_enquiry_status_spam.
        conditions.append(Enquiry.status.in_(OPEN_STATUSES))
    elif filters.status != ANY:
        conditions.append(Enquiry.status == filters.status)
    if filters.spam == "hide":
        conditions.append(Enquiry.is_spam == false())
    elif filters.spam == "only":
        conditions.append(Enquiry.is_spam == true())
    if filters.tag:
        conditions.append(has_tag(filters.tag))
    if filters.urgency:
        conditions.append(Enquiry.urgency_rank == URGENCY_RANK[filters.urgency])
    if filters.kind:
        conditions.append(Enquiry.kind == filters.kind)
    if filters.assignee == "me":
        conditions.append(Enquiry.assignee_id == (user_id if user_id is not None else -1))
    elif filters.assignee == "unassigned":
        conditions.append(Enquiry.assignee_id.is_(None))
    if filters.received_from:
        conditions.append(Enquiry.created_at >= clinic_day_start(filters.received_from))
    if filters.received_to:
        end = clinic_day_start(filters.received_to + timedelta(days=1))
        conditions.append(Enquiry.created_at < end)
    if filters.section:
        conditions.append(Enquiry.source_section == filters.section)
    if isinstance(search_terms, SearchMatches):
        found = search_terms.ids
        conditions.append(Enquiry.id.in_(found) if found else false())
    elif search_terms:
        terms = parse_terms(search_terms) if isinstance(search_terms, str) else search_terms
        # Text with no usable term finds nothing rather than everything.
        conditions.append(search_condition(terms) if terms else false())
    return conditions


def inbox_query(
    filters: InboxFilters, user_id: int | None, search_terms: Search | None = None
) -> Select[tuple[Enquiry]]:
    """The filtered inbox in display order: most urgent, then oldest, then id."""
    return (
        select(Enquiry)
        .where(*filter_conditions(filters, user_id, search_terms))
        .order_by(Enquiry.urgency_rank, Enquiry.created_at, Enquiry.id)
    )


# --- keyset pages ---------------------------------------------------------------------------


class Cursor(NamedTuple):
    """The last row of a page: (urgency_rank, created_at, id)."""

    urgency_rank: int
    created_at: datetime
    id: int


EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


class Keyed(Protocol):
    """A row in display order: an ``Enquiry`` or a ``ListedEnquiry``."""

    @property
    def urgency_rank(self) -> int: ...

    @property
    def created_at(self) -> datetime: ...

    @property
    def id(self) -> int: ...


def encode_cursor(row: Keyed) -> str:
    micros = (row.created_at - EPOCH) // timedelta(microseconds=1)
    raw = f"{row.urgency_rank}.{micros}.{row.id}".encode("ascii")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(token: str | None) -> Cursor | None:
    """The cursor, or None when it is missing or not one of ours."""
    if not token or len(token) > 64:
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode("ascii")
        rank_text, micros_text, id_text = raw.split(".")
        rank, micros, row_id = int(rank_text), int(micros_text), int(id_text)
        created = EPOCH + timedelta(microseconds=micros)
    except (ValueError, UnicodeDecodeError, binascii.Error, OverflowError):
        return None
    if rank not in URGENCY_RANK.values() or row_id < 1:
        return None
    return Cursor(rank, created, row_id)


class ListedEnquiry(NamedTuple):
    """An enquiry as an inbox row shows it: plain values read as columns (Core rows, not ORM
    objects: loading 50 enquiries through the ORM, then expiring them at the audit commit, was
    a third of a cached page's Python). Only what a list shows: never the message, the contact
    details or the tag rows (its concerns are ``concern_mask``'s bits)."""

    id: int
    reference: str
    created_at: datetime
    urgency: str
    urgency_rank: int
    rules_urgency: str | None
    kind: str
    status: str
    closing_reason: str | None
    concern_mask: int
    is_spam: bool
    first_response_at: datetime | None
    deidentified_at: datetime | None
    writer_name: str
    relationship: str
    assignee_id: int | None
    assignee_name: str | None  # the assignee's name (an outer join), None when unassigned

    @property
    def concerns(self) -> list[str]:
        """The concern tags in force, in TAGS order (as ``Enquiry.concerns``)."""
        return concerns_of(self.concern_mask)


# The page statement's columns, in ListedEnquiry's order (the assignee's name comes from an
# outer join to staff_user, as the ORM's joined load of ``Enquiry.assignee`` did).
LISTED_COLUMNS: tuple[Any, ...] = (
    *(getattr(Enquiry, name) for name in ListedEnquiry._fields[:-1]),
    StaffUser.name.label("assignee_name"),
)


@dataclass
class Page:
    """One page of the inbox and the cursor of the next (None on the last page)."""

    rows: list[ListedEnquiry]
    next_cursor: str | None
    after: str | None = None  # the cursor this page started after (None: the first page)
    cursor_ignored: bool = False  # a cursor was given but was not valid
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_first(self) -> bool:
        return self.after is None

    def __len__(self) -> int:
        return len(self.rows)


DISPLAY_ORDER = (Enquiry.urgency_rank, Enquiry.created_at, Enquiry.id)


def order_parts(filters: InboxFilters) -> list[list[ColumnElement[bool]]]:
    """Split a view into parts that one index each returns in display order.

    Each part is a list of extra equality conditions; a page reads the first rows of every part
    (a short index range scan each) and merges them. Without the split, a view whose filters
    are not a prefix of an index in display order is a long filtered walk: ``spam=only`` walks
    every non-spam enquiry, a date range every older enquiry of the higher urgencies.

    * open and not spam (the default view): one part, ``ix_enquiry_open_queue``;
    * every status, spam hidden or included: one part, ``ix_enquiry_rank_created`` (spam is a
      few per cent, skipped on the way);
    * otherwise one part per (status, spam) pair, ``ix_enquiry_status_spam``;
    * a date range, unless one urgency is chosen, splits each part per urgency, so the range
      is a range of the index rather than a filter.
    """
    statuses: tuple[str, ...]
    if filters.status == OPEN:
        statuses = OPEN_STATUSES
    elif filters.status == ANY:
        statuses = STATUSES
    else:
        statuses = (filters.status,)
    spam_values = {"hide": (False,), "include": (False, True), "only": (True,)}[filters.spam]
    parts: list[list[ColumnElement[bool]]]
    if (filters.status == OPEN and filters.spam == "hide") or (
        filters.status == ANY and filters.spam != "only"
    ):
        parts = [[]]
    else:
        # (The spam filter itself already fixes is_spam unless spam is included.)
        parts = [
            [Enquiry.status == status]
            + ([Enquiry.is_spam == (true() if spam else false())] if len(spam_values) > 1 else [])
            for status in statuses
            for spam in spam_values
        ]
    if (filters.received_from or filters.received_to) and not filters.urgency:
        parts = [
            [*part, Enquiry.urgency_rank == rank]
            for part in parts
            for rank in sorted(URGENCY_RANK.values())
        ]
    return parts


def page_query(
    filters: InboxFilters,
    user_id: int | None,
    cursor: Cursor | None,
    limit: int,
    search_terms: Search | None = None,
    columns: Sequence[Any] = (Enquiry,),
) -> Select[Any]:
    """At most ``limit`` enquiries of the view after the cursor, in display order.

    One part (see ``order_parts``): a plain ordered query. Several: each part's first ``limit``
    keys (an index range scan each), merged with UNION ALL and sorted (at most ``limit`` rows per
    part), then joined to their enquiries. The cursor is a row-value comparison, which both
    databases turn into the start of the index range. ``columns``: what to select of each
    enquiry (the ORM entity by default; the inbox selects ``LISTED_COLUMNS``).
    """
    conditions = filter_conditions(filters, user_id, search_terms)
    if cursor is not None:
        conditions.append(tuple_(*DISPLAY_ORDER) > tuple_(*page_bounds(cursor)))
    parts = order_parts(filters)
    if len(parts) == 1:
        return (
            select(*columns)
            .select_from(Enquiry)
            .where(*conditions, *parts[0])
            .order_by(*DISPLAY_ORDER)
            .limit(limit)
        )
    keys = [
        select(Enquiry.id, Enquiry.urgency_rank, Enquiry.created_at)
        .where(*conditions, *part)
        .order_by(*DISPLAY_ORDER)
        .limit(limit)
        .subquery()
        for part in parts
    ]
    merged = union_all(*(select(part) for part in keys)).subquery("merged")
    order = (merged.c.urgency_rank, merged.c.created_at, merged.c.id)
    # The page's keys first, then their rows: joining before the LIMIT would read the rows
    # of every part's keys.
    page = select(merged).order_by(*order).limit(limit).subquery("page_keys")
    return (
        select(*columns)
        .select_from(Enquiry)
        .join(page, Enquiry.id == page.c.id)
        .order_by(page.c.urgency_rank, page.c.created_at, page.c.id)
    )


def inbox_page(
    filters: InboxFilters,
    user_id: int | None,
    after: str | None,
    limit: int = PAGE_SIZE,
    search_terms: Search | None = None,
) -> Page:
    """One keyset page of the inbox, after the given cursor (an invalid cursor: page one).

    Its rows are ``ListedEnquiry`` tuples: the columns a row shows and its assignee's name
    (joined), read as plain values; the message and the tag rows are never read."""
    limit = max(1, min(limit, MAX_PAGE_SIZE))
    cursor = decode_cursor(after)
    short_reads()
    query = page_query(
        filters, user_id, cursor, limit + 1, search_terms, columns=LISTED_COLUMNS
    ).outerjoin(StaffUser, StaffUser.id == Enquiry.assignee_id)
    rows = [ListedEnquiry._make(row) for row in db.session.execute(query)]
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(
        rows=rows,
        next_cursor=encode_cursor(rows[-1]) if more and rows else None,
        after=after if cursor is not None else None,
        cursor_ignored=bool(after) and cursor is None,
    )


def page_bounds(cursor: Cursor) -> tuple[Any, Any, Any]:
    """Typed bind parameters for the row comparison (created_at through UTCDateTime)."""
    from sqlalchemy import bindparam

    from intake.database import UTCDateTime

    return (
        bindparam("cursor_rank", cursor.urgency_rank),
        bindparam("cursor_created", cursor.created_at, type_=UTCDateTime()),
        bindparam("cursor_id", cursor.id),
    )


# --- counts ---------------------------------------------------------------------------------


class CappedCount(NamedTuple):
    """A count that stopped at the cap: shown as "1,000+" when it did."""

    value: int
    capped: bool

    @property
    def label(self) -> str:
        return f"{self.value:,}+" if self.capped else f"{self.value:,}"

    def __str__(self) -> str:
        return self.label


def capped_count(query: Select[Any], cap: int = COUNT_CAP) -> CappedCount:
    """Count at most ``cap`` rows of a query (reads at most cap + 1 index entries)."""
    limited = query.with_only_columns(Enquiry.id).order_by(None).limit(cap + 1).subquery()
    value = int(db.session.scalar(select(func.count()).select_from(limited)) or 0)
    return CappedCount(min(value, cap), value > cap)


def capped_counts(queries: Sequence[Select[Any]], cap: int = COUNT_CAP) -> list[CappedCount]:
    """``capped_count`` of several queries in one statement (a scalar subquery each): one round
    trip and one statement for the ORM to run instead of a dozen, each planned on its own."""
    if not queries:
        return []
    columns = [
        select(func.count())
        .select_from(query.with_only_columns(Enquiry.id).order_by(None).limit(cap + 1).subquery())
        .scalar_subquery()
        for query in queries
    ]
    values = db.session.execute(select(*columns)).one()
    return [CappedCount(min(int(v or 0), cap), int(v or 0) > cap) for v in values]


def search_sample_counts(
    filters: InboxFilters,
    user_id: int | None,
    terms: Sequence[str],
    cap: int = COUNT_CAP,
    rows: int | None = None,
) -> dict[InboxFilters, CappedCount]:
    """Every count a searched view shows, from ONE pass over at most ``rows`` of its matches.

    A common term (more than ``cap`` matches: ``narrow_search`` keeps its terms) cannot be
    counted per facet cheaply: each capped count of a small facet (a rare status, a concern)
    re-matches the text over every candidate row, a trigram bitmap and a recheck of each; at a
    million enquiries a dozen of them took 330-760 ms, and one full pass counting every facet
    at once 320 ms. This pass reads the matches of the view with any status and concern (the
    widest set any facet draws from) once, stopping after ``rows``, and counts each facet with
    a FILTER. When the matches ran out first, every count is exact (capped at ``cap``); when
    they did not, every count is a lower bound, shown "312+" like any capped count.
    """
    rows = SEARCH_COUNT_ROWS if rows is None else rows
    widest = filters.replace(status=ANY, tag=None)
    matches = (
        select(Enquiry.status.label("status"), Enquiry.concern_mask.label("mask"))
        .where(*filter_conditions(widest, user_id, terms))
        .limit(rows + 1)
        .subquery()
    )

    def status_is(status: str) -> ColumnElement[bool]:
        if status == ANY:
            return true()
        if status == OPEN:
            return matches.c.status.in_(OPEN_STATUSES)
        return matches.c.status == status

    def tag_is(tag: str | None) -> ColumnElement[bool]:
        return true() if tag is None else has_concern(matches.c.mask, tag)

    views: dict[InboxFilters, ColumnElement[bool]] = {
        widest: true(),
        filters: and_(status_is(filters.status), tag_is(filters.tag)),
        filters.replace(status=ANY): tag_is(filters.tag),
        filters.replace(tag=None): status_is(filters.status),
    }
    for status in STATUSES:
        views[filters.replace(status=status)] = and_(status_is(status), tag_is(filters.tag))
    for tag in TAGS:
        views[filters.replace(tag=tag)] = and_(status_is(filters.status), tag_is(tag))
    found = list(views)
    values = db.session.execute(
        select(func.count(), *(func.count().filter(views[view]) for view in found))
    ).one()
    complete = int(values[0] or 0) <= rows
    return {
        view: CappedCount(min(int(n or 0), cap), not complete or int(n or 0) > cap)
        for view, n in zip(found, values[1:], strict=True)
    }


def status_counts(base: Select[Any]) -> dict[str, int]:
    """Exact counts per status of a (small) set, in one GROUP BY."""
    rows = base.with_only_columns(Enquiry.status).order_by(None).subquery()
    result = db.session.execute(select(rows.c.status, func.count()).group_by(rows.c.status))
    return {str(status): int(n) for status, n in result}


def tag_counts(base: Select[Any]) -> dict[str, int]:
    """Exact counts per concern tag in force over a (small) set, in one statement."""
    rows = base.with_only_columns(Enquiry.concern_mask.label("mask")).order_by(None).subquery()
    result = db.session.execute(
        select(*(func.count().filter(has_concern(rows.c.mask, tag)) for tag in TAGS))
    ).one()
    return {tag: int(n or 0) for tag, n in zip(TAGS, result, strict=True)}


def view_ids(
    filters: InboxFilters, user_id: int | None, search_terms: Sequence[str] | SearchMatches | None
) -> Select[tuple[int]]:
    """The ids of a view, in no order, for counting."""
    return select(Enquiry.id).where(*filter_conditions(filters, user_id, search_terms))


def view_count(
    filters: InboxFilters,
    user_id: int | None,
    search_terms: Search | None = None,
    cap: int = COUNT_CAP,
) -> CappedCount:
    """The view's own capped count."""
    terms = parse_terms(search_terms) if isinstance(search_terms, str) else search_terms
    short_reads()
    return capped_count(view_ids(filters, user_id, terms), cap)


class CountStore(Protocol):
    """Where ``counts`` keeps and finds capped counts of views (e.g. a per-process cache)."""

    def get(self, key: Hashable) -> CappedCount | None: ...

    def put(self, key: Hashable, count: CappedCount) -> None: ...


SHORT_READS = text(
    "SELECT set_config('jit', 'off', true), "
    "set_config('max_parallel_workers_per_gather', '0', true)"
)


def short_reads() -> None:
    """PostgreSQL, for the rest of this transaction (set once): no JIT, no parallel workers.

    The inbox's reads stop early (a page, a count capped at 1,001), but their estimated cost is
    the full walk's, far above ``jit_above_cost``: PostgreSQL spent 400 ms compiling a query
    that then ran in 20 ms (measured at 300,000 rows), and started parallel workers for counts
    of a few thousand index entries (worker start-up cost more than the count on two cores).
    """
    session = db.session()
    if session.get_bind().dialect.name != "postgresql":
        return
    transaction = session.get_transaction()
    if transaction is not None and session.info.get("short_reads") is transaction:
        return
    session.execute(SHORT_READS)
    session.info["short_reads"] = session.get_transaction()


def counts(
    filters: InboxFilters,
    user_id: int | None,
    cap: int = COUNT_CAP,
    search_terms: Search | None = None,
    store: CountStore | None = None,
    total: CappedCount | None = None,
    counted: Sequence[tuple[InboxFilters, CappedCount]] = (),
) -> dict[str, Any]:
    """Counts beside the filters: the current view, each status and each concern tag.

    Each facet counts the current filters with that one filter changed (the status counts keep
    the tag filter and the other way round), capped at ``cap`` ("1,000+"). Returns
    ``{"total": CappedCount, "status": {"open": ..., status: ...}, "tag": {tag: ...},
    "partial": bool}``; ``partial``: some count is a lower bound (a common search's facets,
    counted over its first SEARCH_COUNT_ROWS matches by ``search_sample_counts``).

    Each facet is one statement when the view with that filter dropped has at most ``cap``
    rows, else one capped count per value: a status is a prefix of ``ix_enquiry_status_spam``;
    a tag is its bit in ``concern_mask``, read from ``ix_enquiry_open_<tag>`` for the open view
    (at most the tag's own entries) and index-only from the view's index otherwise. The capped
    counts a request needs go to the database together, two statements at most
    (``capped_counts``): the view and the facets' sets first, then every value's.

    Every count is keyed by the view it counts, so a ``store`` shared between requests serves
    one count to every view that shows it (the default view's concern counts are also the
    concern counts of every ``tag=`` view, its status counts those of every ``status=`` view).
    ``total``: the view's own count, when the caller has just made it; ``counted``: counts of
    other views the caller has made (``narrow_search``'s).
    """
    terms = parse_terms(search_terms) if isinstance(search_terms, str) else search_terms
    local: dict[Hashable, CappedCount] = {}

    def known(view: InboxFilters) -> CappedCount | None:
        key = (view, cap)
        found = local.get(key)
        if found is None and store is not None:
            found = store.get(key)
            if found is not None:
                local[key] = found
        return found

    def keep(view: InboxFilters, count: CappedCount) -> CappedCount:
        local[(view, cap)] = count
        if store is not None:
            store.put((view, cap), count)
        return count

    def count_all(views: Sequence[InboxFilters]) -> None:
        """Count the views not yet known, all in one statement."""
        missing = list(dict.fromkeys(view for view in views if known(view) is None))
        queries = [view_ids(view, user_id, terms) for view in missing]
        for view, count in zip(missing, capped_counts(queries, cap), strict=True):
            keep(view, count)

    def count_of(view: InboxFilters) -> CappedCount:
        count_all([view])
        found = known(view)
        assert found is not None  # noqa: S101 - count_all has just kept it
        return found

    short_reads()
    for view, count in counted:
        keep(view, count)
    if total is not None:
        keep(filters, total)
    status_views = [filters.replace(status=status) for status in STATUSES]
    tag_views = [filters.replace(tag=tag) for tag in TAGS]
    every = filters.replace(status=ANY)
    untagged = filters.replace(tag=None)
    shown = [filters, every, untagged, *status_views, *tag_views]
    if (
        terms
        and not isinstance(terms, SearchMatches)
        and any(known(view) is None for view in shown)
    ):
        # A common term: every count from one bounded pass over its matches.
        for view, count in search_sample_counts(filters, user_id, terms, cap).items():
            if known(view) is None:
                keep(view, count)
    # First the view itself and the two sets the facets are drawn from: a small set is then
    # counted per value exactly in one GROUP BY, a large one per value, capped.
    wanted = [filters]
    if any(known(view) is None for view in status_views):
        wanted.append(every)
    if any(known(view) is None for view in tag_views):
        wanted.append(untagged)
    count_all(wanted)
    this = count_of(filters)

    if any(known(view) is None for view in status_views) and not count_of(every).capped:
        exact = status_counts(view_ids(every, user_id, terms))
        for status, view in zip(STATUSES, status_views, strict=True):
            keep(view, CappedCount(exact.get(status, 0), False))
    if any(known(view) is None for view in tag_views) and not count_of(untagged).capped:
        exact = tag_counts(view_ids(untagged, user_id, terms))
        for tag, view in zip(TAGS, tag_views, strict=True):
            keep(view, CappedCount(exact.get(tag, 0), False))
    count_all([*status_views, *tag_views])  # whichever are still unknown, together

    by_status = {
        status: count_of(view) for status, view in zip(STATUSES, status_views, strict=True)
    }
    open_parts = [count for status, count in by_status.items() if status != "closed"]
    open_total = sum(count.value for count in open_parts)
    open_count = CappedCount(
        min(open_total, cap), open_total > cap or any(c.capped for c in open_parts)
    )
    by_tag = {tag: count_of(view) for tag, view in zip(TAGS, tag_views, strict=True)}
    # A capped count under the cap is a lower bound (search_sample_counts stopped early).
    partial = any(c.capped and c.value < cap for c in (this, *by_status.values(), *by_tag.values()))
    return {
        "total": this,
        "status": {OPEN: open_count, **by_status},
        "tag": by_tag,
        "partial": partial,
    }


# --- the enquiry page -----------------------------------------------------------------------


def enquiry_by_reference(reference: str) -> Enquiry | None:
    return db.session.scalar(
        select(Enquiry)
        .where(Enquiry.reference == reference)
        .options(selectinload(Enquiry.tags), selectinload(Enquiry.assignee))
    )


def possible_duplicates(enquiry: Enquiry, limit: int = 20) -> list[Enquiry]:
    """Earlier enquiries from the same email address or phone number, newest first."""
    same: list[ColumnElement[bool]] = []
    if enquiry.email:
        same.append(Enquiry.email == enquiry.email)  # stored normalised; ix_enquiry_email
    if enquiry.phone:
        same.append(Enquiry.phone == enquiry.phone)
    if not same:
        return []
    return list(
        db.session.scalars(
            select(Enquiry)
            .where(
                or_(*same),
                Enquiry.id != enquiry.id,
                Enquiry.created_at <= enquiry.created_at,
            )
            .order_by(Enquiry.created_at.desc(), Enquiry.id.desc())
            .limit(limit)
        )
    )
