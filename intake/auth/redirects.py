"""``next`` after sign-in: only to staff paths on this site (ASVS 3.7.2).

Anything that a browser could read as another origin is refused rather than repaired: a scheme,
a host, ``//``, a backslash (browsers read ``/\\`` as ``//``), control characters and spaces
(browsers strip tabs and newlines, turning ``/\\t/host`` into ``//host``), and non-ASCII.
"""

from __future__ import annotations

from urllib.parse import urlsplit

DEFAULT_NEXT = "/staff/"
STAFF_PREFIX = "/staff/"


def safe_next(target: str | None, default: str = DEFAULT_NEXT) -> str:
    """``target`` if it is a plain staff path on this site, else ``default``."""
    if not target or len(target) > 2000:
        return default
    if not target.isascii() or any(ord(c) <= 0x20 or ord(c) == 0x7F for c in target):
        return default
    if "\\" in target or not target.startswith(STAFF_PREFIX) or target.startswith("//"):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith(STAFF_PREFIX):
        return default
    return target
