"""The article and privacy notice, rendered from Markdown under content/."""

from __future__ import annotations

from flask import current_app, render_template

from intake.content import Page, load_page
from intake.extensions import limiter
from intake.public import bp
from intake.templating import guidance

ARTICLE = "articles/metastatic-breast-cancer"


def article_page() -> Page:
    return load_page(current_app.config["CONTENT_FOLDER"], ARTICLE)


def privacy_page() -> Page:
    return load_page(current_app.config["CONTENT_FOLDER"], "privacy")


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
    cache: dict[tuple[str, int, int], str] = current_app.extensions.setdefault("page_cache", {})
    key = (template, id(page), id(guidance()))
    html = cache.get(key)
    if html is None:
        if len(cache) > 32:
            cache.clear()
        html = cache[key] = render_template(template, page=page)
    return html


@bp.get("/")
@limiter.exempt
def index() -> str:
    return render_static("public/article.html", article_page())


@bp.get("/articles/metastatic-breast-cancer")
@limiter.exempt
def article() -> str:
    return render_static("public/article.html", article_page())


@bp.get("/privacy")
@limiter.exempt
def privacy() -> str:
    return render_static("public/privacy.html", privacy_page())
