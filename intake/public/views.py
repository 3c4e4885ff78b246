"""The article and privacy notice, rendered from Markdown under content/."""

from __future__ import annotations

from flask import current_app, render_template

from intake.content import Page, load_page
from intake.public import bp

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


@bp.get("/")
def index() -> str:
    return render_template("public/article.html", page=article_page())


@bp.get("/articles/metastatic-breast-cancer")
def article() -> str:
    return render_template("public/article.html", page=article_page())


@bp.get("/privacy")
def privacy() -> str:
    return render_template("public/privacy.html", page=privacy_page())
