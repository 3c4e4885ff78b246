"""The clinic's article and the privacy notice, as a visitor (and a search engine) gets them."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from intake.templating import guidance

ARTICLE_URL = "/articles/metastatic-breast-cancer"
ARTICLE_URLS = ["/", ARTICLE_URL]
TITLE = "Metastatic Breast Cancer: Understanding the Spread and Recurrence of Cancer in Breasts"
CLINIC = "Alaska Cancer Treatment Center"
AUTHOR = "Dr. Sherry Johnson"
SOURCE = Path(__file__).parent / "data" / "article_source.txt"

# (slug, heading) in the article's order.
SECTIONS = [
    ("early-diagnosis", "Early Diagnosis"),
    ("recurrence", "What Are the Chances of Recurrence of Breast Cancer?"),
    ("how-it-spreads", "How Does Breast Cancer Spread?"),
    ("why-cells-spread", "Why Do Cancer Cells Spread?"),
    ("risk-factors", "What are the Risk Factors?"),
    ("symptoms", "What are the Symptoms of Metastatic Breast Cancer?"),
    ("treatment", "Can Metastatic Breast Cancer Be Treated?"),
]
# section slug -> the concern its call to action ticks on the form
CALLS_TO_ACTION = {
    "recurrence": "recurrence",
    "symptoms": "symptoms",
    "treatment": "clinical_trials",
}

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
BLOCK = {
    "p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "section", "aside", "nav", "div", "header",
    "footer", "article", "main", "dl", "dt", "dd", "br", "table", "tr", "td", "th",
}  # fmt: skip


# ---- a small DOM, enough to ask "which element is next to which" ------------------------


@dataclass(eq=False)
class Element:
    tag: str
    attrs: dict[str, str]
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    @property
    def elements(self) -> list[Element]:
        return [c for c in self.children if isinstance(c, Element)]

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self) -> list[Element]:
        found: list[Element] = []
        for child in self.elements:
            found.append(child)
            found.extend(child.iter())
        return found

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag) and all(e.attrs.get(k) == v for k, v in attrs.items())
        ]

    def find(self, tag: str | None = None, **attrs: str) -> Element:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag}> with {attrs}"
        return found[0]

    def by_class(self, name: str) -> list[Element]:
        return [e for e in self.iter() if name in e.classes]

    def text(self) -> str:
        """Text as a reader sees it: block elements separated, whitespace collapsed."""
        parts: list[str] = []

        def walk(node: Element) -> None:
            for child in node.children:
                if isinstance(child, str):
                    parts.append(child)
                elif child.tag not in {"script", "style"}:
                    if child.tag in BLOCK:
                        parts.append(" ")
                    walk(child)
                    if child.tag in BLOCK:
                        parts.append(" ")

        walk(self)
        return normalise("".join(parts))

    def siblings(self) -> tuple[Element | None, Element | None]:
        """The element siblings just before and just after this one."""
        assert self.parent is not None
        sibs = self.parent.elements
        i = sibs.index(self)
        return (sibs[i - 1] if i > 0 else None, sibs[i + 1] if i + 1 < len(sibs) else None)

    def closest(self, predicate: Callable[[Element], bool]) -> Element | None:
        node: Element | None = self
        while node is not None:
            if predicate(node):
                return node
            node = node.parent
        return None


class TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Element(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        assert node is not None and node.parent is not None, f"stray </{tag}>"
        self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Element:
    builder = TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def get_page(client: FlaskClient, url: str) -> tuple[str, Element]:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.mimetype == "text/html"
    html = response.get_data(as_text=True)
    return html, parse(html)


def main_of(doc: Element) -> Element:
    return doc.find("main")


def article_of(doc: Element) -> Element:
    return main_of(doc).find("article")


# ---- the article ------------------------------------------------------------------------


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_article_has_its_title_as_the_only_h1(client: FlaskClient, url: str) -> None:
    _, doc = get_page(client, url)
    h1s = doc.find_all("h1")
    assert [h.text() for h in h1s] == [TITLE]
    assert doc.find("title").text().startswith(TITLE)


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_every_section_is_a_labelled_section_with_its_heading(
    client: FlaskClient, url: str
) -> None:
    _, doc = get_page(client, url)
    sections = article_of(doc).find_all("section")
    assert [(s.attrs.get("id"), s.elements[0].text()) for s in sections] == SECTIONS
    for section in sections:
        heading = section.elements[0]
        assert heading.tag == "h2"
        assert section.attrs["aria-labelledby"] == heading.attrs["id"]


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_table_of_contents_links_to_every_section_in_order(client: FlaskClient, url: str) -> None:
    _, doc = get_page(client, url)
    toc = next(n for n in doc.find_all("nav") if "toc" in n.classes)
    label = doc.find(id=toc.attrs["aria-labelledby"])
    assert label.text()
    links = [(a.attrs["href"], a.text()) for a in toc.find_all("a")]
    assert links == [(f"#{slug}", title) for slug, title in SECTIONS]


def test_heading_levels_never_skip_and_ids_are_unique(client: FlaskClient) -> None:
    for url in [*ARTICLE_URLS, "/privacy"]:
        _, doc = get_page(client, url)
        levels = [int(e.tag[1]) for e in main_of(doc).iter() if re.fullmatch(r"h[1-6]", e.tag)]
        assert levels[0] == 1, url
        for before, after in zip(levels, levels[1:], strict=False):
            assert after <= before + 1, f"{url}: h{before} followed by h{after}"
        ids = [e.attrs["id"] for e in doc.iter() if "id" in e.attrs]
        assert len(ids) == len(set(ids)), url
        for e in doc.iter():
            for ref in e.attrs.get("aria-labelledby", "").split():
                assert ref in ids, f"{url}: aria-labelledby={ref!r} names no element"


def test_the_clinics_bullets_are_real_lists(client: FlaskClient) -> None:
    _, doc = get_page(client, ARTICLE_URL)
    recurrence = article_of(doc).find("section", id="recurrence")
    items = [li.text() for li in recurrence.find("ul").find_all("li")]
    assert items == [
        "Local – recurs in the breast that was originally affected.",
        "Regional – recurs in the lymph nodes or the chest wall.",
        "Distant – spreads to distant organs.",
    ]
    for slug, count in [("how-it-spreads", 3), ("risk-factors", 5), ("symptoms", 5)]:
        section = article_of(doc).find("section", id=slug)
        assert len(section.find("ul").find_all("li")) == count, slug
    assert "•" not in article_of(doc).text()


def test_intro_comes_before_the_first_section(client: FlaskClient) -> None:
    html, _ = get_page(client, ARTICLE_URL)
    intro = html.index("one of the most common forms of cancer in women")
    assert intro < html.index('id="early-diagnosis"')
    assert html.index("<h1") < intro


def test_byline_and_author_bio_name_the_author_and_the_clinic(client: FlaskClient) -> None:
    _, doc = get_page(client, ARTICLE_URL)
    article = article_of(doc)
    byline = article.by_class("byline")[0].text()
    assert AUTHOR in byline
    assert "board-certified in General Surgery" in byline
    assert "Doctorate of Osteopathic Medicine" in byline
    assert "fellowship-trained breast oncologist" in byline

    bio = article.by_class("author-bio")[0]
    assert bio.tag in {"aside", "section"}
    assert AUTHOR in bio.text()
    assert CLINIC in bio.text()
    assert "She is the only fellowship trained breast oncologist in Anchorage." in bio.text()
    # The bio is the last thing in the article.
    assert article.elements[-1] is bio


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_no_web_debris_and_no_review_date(client: FlaskClient, url: str) -> None:
    html, doc = get_page(client, url)
    assert "Comments are closed" not in html
    text = article_of(doc).text().lower()
    assert "reviewed" not in text
    assert "updated" not in text


def test_final_sentence_links_to_the_contact_form(client: FlaskClient) -> None:
    _, doc = get_page(client, ARTICLE_URL)
    treatment = article_of(doc).find("section", id="treatment")
    last = treatment.find_all("p")[-1]
    assert last.text() == "For more information on breast cancer and its treatment, contact us."
    link = last.find("a")
    assert (link.attrs["href"], link.text()) == ("/contact", "contact us")


# ---- calls to action and the red flags ----------------------------------------------------


def contact_links(doc: Element) -> list[Element]:
    return [
        a
        for a in article_of(doc).find_all("a")
        if urlsplit(a.attrs.get("href", "")).path == "/contact" and "?" in a.attrs["href"]
    ]


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_three_calls_to_action_name_the_concern_and_the_section(
    client: FlaskClient, url: str
) -> None:
    html, doc = get_page(client, url)
    found = {}
    for link in contact_links(doc):
        query = parse_qs(urlsplit(link.attrs["href"]).query)
        assert set(query) == {"concern", "from"}
        found[query["from"][0]] = query["concern"][0]
        assert link.text(), "a call to action says what it does"
    assert found == CALLS_TO_ACTION
    # As written in the HTML: the & is escaped.
    assert 'href="/contact?concern=recurrence&amp;from=recurrence"' in html
    assert 'href="/contact?concern=symptoms&amp;from=symptoms"' in html
    assert 'href="/contact?concern=clinical_trials&amp;from=treatment"' in html


def test_each_call_to_action_follows_its_section(client: FlaskClient) -> None:
    _, doc = get_page(client, ARTICLE_URL)
    for link in contact_links(doc):
        slug = parse_qs(urlsplit(link.attrs["href"]).query)["from"][0]
        box = link.closest(lambda e: "cta" in e.classes)
        assert box is not None and box.tag in {"aside", "section", "div"}
        # The nearest section before the box (skipping the red-flag box) is the one it names.
        sibs = box.parent.elements  # type: ignore[union-attr]
        before = [e for e in sibs[: sibs.index(box)] if e.tag == "section"]
        assert before and before[-1].attrs["id"] == slug


def test_red_flags_sit_beside_the_symptoms_call_to_action(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        wording = guidance()
    _, doc = get_page(client, ARTICLE_URL)
    link = next(a for a in contact_links(doc) if "concern=symptoms" in a.attrs["href"])
    box = link.closest(lambda e: "cta" in e.classes)
    assert box is not None
    neighbours = [n for n in box.siblings() if n is not None]
    red = [n for n in neighbours if "callout--emergency" in n.classes]
    assert red, "the red-flag box is right next to the symptoms call to action"
    box_text = red[0].text()
    assert wording["red_flags_heading"] == "Call 911 now if you have any of these"
    assert wording["red_flags_heading"] in box_text
    items = [li.text() for li in red[0].find("ul").find_all("li")]
    assert items == [normalise(flag) for flag in wording["red_flags"]]
    assert red[0].find("a", href="tel:911")
    # And only there: the other calls to action have no red-flag box of their own.
    assert len(article_of(doc).by_class("callout--emergency")) == 1


# ---- metadata -----------------------------------------------------------------------------


def meta_content(doc: Element, **attrs: str) -> str:
    return doc.find("head").find("meta", **attrs).attrs["content"]


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_canonical_and_open_graph(app: Flask, client: FlaskClient, url: str) -> None:
    _, doc = get_page(client, url)
    base = app.config["PUBLIC_BASE_URL"]
    canonical = f"{base}{ARTICLE_URL}"
    head = doc.find("head")
    assert [link.attrs["href"] for link in head.find_all("link", rel="canonical")] == [canonical]
    description = meta_content(doc, name="description")
    assert description.startswith("Understanding the spread and recurrence of cancer in breasts")
    assert meta_content(doc, property="og:title") == TITLE
    assert meta_content(doc, property="og:description") == description
    assert meta_content(doc, property="og:type") == "article"
    assert meta_content(doc, property="og:url") == canonical


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_json_ld_describes_a_medical_web_page(app: Flask, client: FlaskClient, url: str) -> None:
    _, doc = get_page(client, url)
    blocks = doc.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    data = json.loads("".join(c for c in blocks[0].children if isinstance(c, str)))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == TITLE
    assert data["description"] == meta_content(doc, name="description")
    assert data["url"] == f"{app.config['PUBLIC_BASE_URL']}{ARTICLE_URL}"
    assert data["author"]["@type"] == "Person"
    assert data["author"]["name"] == AUTHOR
    assert data["author"].get("jobTitle") or data["author"].get("description")
    assert data["publisher"] == {"@type": "MedicalOrganization", "name": CLINIC}
    assert data["about"] == {"@type": "MedicalCondition", "name": "Metastatic breast cancer"}


# ---- every public page: no inline style or script, nothing third-party ----------------------

PUBLIC_PAGES = [
    "/",
    ARTICLE_URL,
    "/privacy",
    "/contact",
    "/contact?concern=symptoms&from=symptoms",
]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_no_inline_style_or_script_and_nothing_third_party(
    app: Flask, client: FlaskClient, url: str
) -> None:
    html, doc = get_page(client, url)
    assert not re.search(r"\sstyle\s*=", html, re.I), "no style= attributes (CSP)"
    assert not doc.find_all("style")
    assert not re.search(r"\son[a-z]+\s*=", html, re.I), "no inline event handlers (CSP)"
    for script in doc.find_all("script"):
        assert script.attrs.get("type") == "application/ld+json", "only JSON-LD data blocks"
        assert "src" not in script.attrs
    base = app.config["PUBLIC_BASE_URL"]
    for element in doc.iter():
        for attr in ("src", "href"):
            value = element.attrs.get(attr, "")
            if element.tag == "a" and attr == "href":
                continue  # ordinary links may leave the site; nothing is loaded from them
            if value:
                assert value.startswith("/") or value.startswith(base), (
                    f"{url}: <{element.tag} {attr}={value!r}> loads from elsewhere"
                )


# ---- the privacy notice -------------------------------------------------------------------


def test_privacy_notice_shows_its_version_and_draft_status(app: Flask, client: FlaskClient) -> None:
    from intake.content import load_page

    page = load_page(app.config["CONTENT_FOLDER"], "privacy")
    version = str(page.meta["version"])
    status = page.meta["status"]
    assert status == "Draft awaiting the clinic's review"

    _, doc = get_page(client, "/privacy")
    main = main_of(doc)
    assert [h.text() for h in main.find_all("h1")] == [page.meta["title"]]
    banner = main.by_class("draft-banner")[0]
    assert "DRAFT" in banner.text()
    assert status in banner.text()
    assert version in main.text()
    # The banner comes before the notice's text.
    assert main.iter().index(banner) < main.iter().index(main.find("section"))


def test_privacy_notice_covers_what_the_brief_requires(client: FlaskClient) -> None:
    _, doc = get_page(client, "/privacy")
    text = main_of(doc).text()
    for words in [
        "message",
        "date of birth",
        "appointment preferences",
        "urgency",
        "two-factor",
        "does not contain your name or your message",
        "never contains your message",
        "2 years",
        "30 days",
        "for the clinic to confirm",
        "not for emergencies",
        "call 911",
        "call the clinic",
    ]:
        assert words.lower() in text.lower(), words
    for invented in ["HIPAA", "compliant"]:
        assert invented not in text


# ---- the clinic's words, all of them ------------------------------------------------------


def source_units() -> list[str]:
    """Each paragraph, heading and bullet of the clinic's article, bullets without the dot."""
    units = []
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        line = normalise(line).lstrip("•").strip()
        if line:
            units.append(line)
    return units


def test_source_copy_is_the_clinics_article() -> None:
    units = source_units()
    assert units[0] == TITLE
    assert units[-1] == "Comments are closed"
    assert len(units) > 30


@pytest.mark.parametrize("url", ARTICLE_URLS)
def test_every_word_of_the_clinics_article_is_on_the_page(client: FlaskClient, url: str) -> None:
    _, doc = get_page(client, url)
    page = article_of(doc).text()
    missing = [unit for unit in source_units()[:-1] if unit not in page]
    assert missing == [], "the clinic's words must appear exactly"
    # And in the clinic's order (the bio and the clinic's name close the article).
    position = 0
    for unit in source_units()[:-1]:
        found = page.find(unit, position)
        assert found >= 0, f"out of order: {unit}"
        position = found
