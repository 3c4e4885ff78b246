"""Markdown pages with YAML front matter from ``content/``, rendered once and cached.

A page is split at its level-2 headings (``## Title {#slug}``) into sections, so templates can
give each section real structure (a table of contents, calls to action after given sections).
The Markdown is the project's own reviewed content, never user input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import markdown
import yaml
from markupsafe import Markup

FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
SECTION_HEADING = re.compile(r"^## +(?P<title>.+?)\s*\{#(?P<slug>[a-z0-9][a-z0-9-]*)\}\s*$", re.M)


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    html: Markup


@dataclass(frozen=True)
class Page:
    meta: dict[str, Any]
    intro: Markup
    sections: tuple[Section, ...] = field(default_factory=tuple)

    @property
    def slugs(self) -> frozenset[str]:
        return frozenset(section.slug for section in self.sections)


def render_markdown(text: str) -> Markup:
    """Markdown to HTML. The source is the project's own reviewed content (see module doc)."""
    html = markdown.markdown(text, extensions=["sane_lists", "attr_list"], output_format="html")
    # Trusted: rendered from the reviewed files under content/, never from user input.
    return Markup(html)  # noqa: S704  # nosec B704


def parse_page(source: str) -> Page:
    match = FRONT_MATTER.match(source)
    if not match:
        raise ValueError("content page has no front matter (--- ... ---)")
    meta = yaml.safe_load(match.group(1)) or {}
    body = source[match.end() :]
    headings = list(SECTION_HEADING.finditer(body))
    intro_end = headings[0].start() if headings else len(body)
    sections = []
    for i, heading in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(body)
        sections.append(
            Section(
                slug=heading.group("slug"),
                title=heading.group("title"),
                html=render_markdown(body[heading.end() : end]),
            )
        )
    return Page(meta=meta, intro=render_markdown(body[:intro_end]), sections=tuple(sections))


@lru_cache(maxsize=32)
def _load(path: str, mtime_ns: int) -> Page:
    return parse_page(Path(path).read_text(encoding="utf-8"))


def load_page(folder: str | Path, name: str) -> Page:
    """Load ``<folder>/<name>.md``; re-read only when the file changes."""
    path = Path(folder) / f"{name}.md"
    return _load(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=8)
def _load_yaml(path: str, mtime_ns: int) -> dict[str, Any]:
    with open(path, encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping")
    return data


def load_yaml(path: str | Path) -> dict[str, Any]:
    p = Path(path)
    return _load_yaml(str(p), p.stat().st_mtime_ns)
