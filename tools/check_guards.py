"""Fail when a template or module turns off escaping or CSRF without saying why.

Every use of ``|safe``, ``Markup(``, ``render_template_string`` or a CSRF exemption, and every
``# nosec`` (bandit's allow-list), must carry a comment on the same line or the line above
explaining why it is safe. Run by ``make check``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = {
    ".html": [re.compile(r"\|\s*safe\b")],
    ".py": [
        re.compile(r"\bMarkup\("),
        re.compile(r"\brender_template_string\b"),
        re.compile(r"\bcsrf\.exempt\b|\bWTF_CSRF_CHECK_DEFAULT\b"),
        re.compile(r"#\s*nosec\b"),
    ],
}
# A reason: a Jinja comment in templates; in Python a comment with words beyond the tool codes.
TEMPLATE_REASON = re.compile(r"\{#.*\S.*#\}")
SCANNED = ("intake", "templates", "config.py", "wsgi.py")


def has_reason(lines: list[str], index: int, suffix: str) -> bool:
    here = lines[index]
    above = lines[index - 1].strip() if index > 0 else ""
    if suffix == ".html":
        return bool(TEMPLATE_REASON.search(here) or TEMPLATE_REASON.search(above))
    comment = here[here.index("#") :] if "#" in here else ""
    words = re.sub(r"noqa:?\s*[A-Z0-9, ]*|nosec\s*[A-Z0-9, ]*|type:\s*ignore\[[^]]*\]", "", comment)
    return bool(re.search(r"[a-z]{3,}", words, re.I)) or above.startswith("#")


def scan(root: Path = ROOT) -> list[str]:
    problems: list[str] = []
    for top in SCANNED:
        base = root / top
        files = [base] if base.is_file() else sorted(base.rglob("*"))
        for path in files:
            patterns = PATTERNS.get(path.suffix)
            if not patterns or not path.is_file():
                continue
            lines = path.read_text(encoding="utf-8").splitlines()
            for i, line in enumerate(lines):
                if line.lstrip().startswith(('"""', "'''")) and path.suffix == ".py":
                    continue
                for pattern in patterns:
                    if pattern.search(line) and not has_reason(lines, i, path.suffix):
                        rel = path.relative_to(root)
                        problems.append(f"{rel}:{i + 1}: {pattern.pattern!r} without a reason")
    return problems


def main() -> int:
    problems = scan()
    for problem in problems:
        print(problem)
    print(f"guards: {len(problems)} unexplained uses of |safe, Markup, render_template_string, "
          "CSRF exemptions or nosec")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
