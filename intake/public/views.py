"""The article and privacy notice, rendered from Markdown under content/."""

from __future__ import annotations

import os
from typing import Any

from flask import current_app, render_template, request

from intake.content import Page, _load
from intake.extensions import limiter
from intake.public import bp
from intake.public.page_cache import offer
from intake.templating import content_path, guidance

ARTICLE = "articles/metastatic-breast-cancer"
# The pages answered from intake.public.page_cache (a GET without a query string, cookie or not).
CACHED_PATHS = ("/", "/articles/metastatic-breast-cancer", "/privacy")


def content_file(name: str) -> tuple[str, int]:
    """The path of ``content/<name>`` and its modification time (one ``stat``, no Path objects)."""
    path = content_path(str(current_app.config["CONTENT_FOLDER"]), name)
    return path, os.stat(path).st_mtime_ns


def read_page(name: str) -> Page:
    """``intake.content.load_page`` of ``content/<name>.md``: parsed once per modification time
    (a changed file is read again on the next request)."""
    return _load(*content_file(f"{name}.md"))


def article_page() -> Page:
    return read_page(ARTICLE)


def privacy_page() -> Page:
    return read_page("privacy")


def article_slugs() -> frozenset[str]:
    """Section slugs an enquiry may name as its source (``/contact?from=<slug>``)."""
    return article_page().slugs


def privacy_version() -> str:
    return str(privacy_page().meta["version"])


def render_static(template: str, page: Page) -> str:
    """Render a page that is the same for every visitor once per process and content version.

    The key holds the page and guidance objects, which the content loader replaces when their
    files change; the cache lives on the app, so apps with other settings never share it.
    """
    cache: dict[tuple[str, int, int], tuple[Page, Any, str]] = current_app.extensions.setdefault(
        "page_cache", {}
    )
    wording = guidance()
    key = (template, id(page), id(wording))
    hit = cache.get(key)
    # The entry keeps both objects alive, so no newer object can take their id while it exists.
    if hit is None or hit[0] is not page or hit[1] is not wording:
        if len(cache) > 32:
            cache.clear()
        hit = cache[key] = (page, wording, render_template(template, page=page))
    return hit[2]


def static_page(template: str, name: str) -> str:
    """``render_static`` of ``content/<name>.md``, offered to the public page cache with the
    files it was made from (stat-ed before they are read, so a file changed meanwhile is simply
    read again on the next request)."""
    page = content_file(f"{name}.md")
    sources = (page, content_file("guidance.yaml"))
    html = render_static(template, _load(*page))
    offer(request.environ, sources)
    return html


@bp.get("/")
@limiter.exempt
def index() -> str:
    return static_page("public/article.html", ARTICLE)


@bp.get("/articles/metastatic-breast-cancer")
@limiter.exempt
def article() -> str:
    return static_page("public/article.html", ARTICLE)


@bp.get("/privacy")
@limiter.exempt
def privacy() -> str:
    return static_page("public/privacy.html", "privacy")
