"""Keep what the vocabulary's build computes from pattern text between processes.

Building the vocabulary parses each of its ~2,900 pattern lines several times (Python's regex
parser: the line's gate anchors, the characters its matches start with, its phrases, its
compiled code): most of the CPU a web worker or a ``flask`` command spends starting. Each of
those results is a pure function of the pattern text, of ``vocabulary.py`` and of the Python
that computed it. This module keeps them in ``_build/memo-compiled.marshal`` (the mypyc build's)
and ``_build/memo-source.marshal`` (the pure Python source's) beside the package, the way
``__pycache__`` keeps bytecode:

* read when the build starts; a result found there is not computed again;
* written back, atomically, when the build computed anything the file lacked (a new or edited
  pattern line, a first start), so the next process starts from it;
* ignored (and replaced) when its key differs: ``vocabulary.py``'s digest and this module's,
  which build, the Python version, its regex engine's version and code size, the byte order;
  and when it does not read back whole (its own digest); not written when ``vocabulary.py``
  changed on disk while the build ran (a deploy swapping files);
* never written where the directory cannot be written (the build then computes everything, as
  it did before this file existed, and one warning says so); ``INTAKE_TRIAGE_MEMO=0`` turns
  it off altogether, neither read nor written. (Not tied to ``PYTHONDONTWRITEBYTECODE``:
  images and CI set that to keep ``.pyc`` files out, and would lose the memo with them.)

``marshal`` holds only plain values (strings, numbers, tuples, frozensets, bytes, dicts): no
object is rebuilt from the file but the regex patterns, from the code Python's own compiler
made for their text (``tests/test_triage_buildmemo.py`` compares every one with
``re.compile``). This module imports nothing from the package.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import marshal
import os
import sys
import tempfile
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any


def file_name(flavour: str) -> str:
    """The memo's file name, in the package's ``_build/`` directory, for a build ``flavour``
    ("compiled" or "source")."""
    return f"memo-{flavour}.marshal"


#: A temporary file older than this (seconds) was left by a process killed while writing.
STALE_TEMP = 600.0
_log = logging.getLogger("intake.triage")
#: Bumped when the file's layout changes.
FORMAT = 1
#: ``INTAKE_TRIAGE_MEMO=0`` (or false, no, off): no memo, every result computed.
SWITCH = "INTAKE_TRIAGE_MEMO"


def enabled(environ: Mapping[str, str] = os.environ) -> bool:
    """Is the memo on (the default)?"""
    return environ.get(SWITCH, "").strip().lower() not in {"0", "false", "no", "off"}


def key_for(source: bytes, flavour: str) -> str:
    """The key a memo file must carry to be read: of ``vocabulary.py``'s ``source``, the build
    ``flavour``, this module, this Python and its regex engine."""
    import _sre

    digest = hashlib.sha256()
    parts = (FORMAT, flavour, sys.version, sys.implementation.cache_tag, _sre.MAGIC)
    for part in (*parts, _sre.CODESIZE, sys.byteorder):
        digest.update(f"{part}\0".encode())
    digest.update(hashlib.sha256(Path(__file__).read_bytes()).digest())
    digest.update(source)
    return digest.hexdigest()


#: what a memo file holds: each table's results by arguments; for a table whose results hold
#: bytes (compiled code), which item of a result, kept in the one blob as (offset, length)
Tables = dict[str, dict[Any, Any]]
#: not in a table (None is a result: "no first characters known")
_MISSING: Any = object()


def read(path: Path, key: str) -> tuple[Tables, dict[str, int], memoryview]:
    """The tables, spilled items and blob of the file at ``path``; nothing if it is missing, for
    another key or damaged."""
    nothing: tuple[Tables, dict[str, int], memoryview] = ({}, {}, memoryview(b""))
    try:
        data = path.read_bytes()
    except OSError:
        return nothing
    first = data.find(b"\n")
    second = data.find(b"\n", first + 1)
    body = memoryview(data)[second + 1 :]
    if first < 0 or second < 0 or data[:first] != key.encode():
        return nothing
    if data[first + 1 : second] != hashlib.sha256(body).hexdigest().encode():
        return nothing
    try:
        # the package's own file (who can write it can write the package's code), its digest
        # checked; only plain values are used from it, never called
        loaded = marshal.loads(body)  # noqa: S302  # nosec B302
    except (EOFError, ValueError, TypeError):
        return nothing
    if not (isinstance(loaded, tuple) and len(loaded) == 3):
        return nothing
    tables, spills, blob = loaded
    if not isinstance(tables, dict) or not all(isinstance(t, dict) for t in tables.values()):
        return nothing
    if not isinstance(spills, dict) or not isinstance(blob, bytes):
        return nothing
    return tables, spills, memoryview(blob)


def write(path: Path, key: str, tables: Tables, spills: dict[str, int]) -> bool:
    """Replace the file at ``path`` with ``tables`` in one step (a reader sees the old file or
    the new, never half of one); False if the directory cannot be written.

    The bytes of the ``spills`` items go into one blob: read back, a result's bytes are a view
    of it, so a worker's memory is not left strewn with thousands of freed buffers."""
    blob = bytearray()
    out: Tables = {}
    for name, table in tables.items():
        at = spills.get(name)
        if at is None:
            out[name] = table
            continue
        out[name] = packed = {}
        for args, value in table.items():
            item = bytes(value[at])
            packed[args] = (*value[:at], (len(blob), len(item)), *value[at + 1 :])
            blob += item
    try:
        body = marshal.dumps((out, spills, bytes(blob)))
    except ValueError:  # a result marshal cannot hold: keep computing it
        return False
    data = b"\n".join((key.encode(), hashlib.sha256(body).hexdigest().encode(), body))
    try:
        path.parent.mkdir(exist_ok=True)
        _remove_stale(path.parent)
        fd, tmp = tempfile.mkstemp(prefix=".memo-", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)  # readable by the service's user when an installer wrote it
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True


def key_of(args: tuple[Any, ...]) -> bytes:
    """A result's key in its table: a digest of its arguments. The arguments are pattern text,
    often kilobytes; read back as keys they would be thousands of strings freed as soon as the
    build is done, and a worker's memory would keep their room (measured: 9 MB)."""
    return hashlib.blake2b(repr(args).encode(), digest_size=16).digest()


def _remove_stale(directory: Path) -> None:
    """Remove temporary files that processes killed while writing left behind."""
    now = time.time()
    for leftover in directory.glob(".memo-*"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_TEMP:
                leftover.unlink()


class Memo:
    """The results one build used, by table and arguments: read from the file (when the first
    is asked for), or computed."""

    def __init__(self, source: Path, directory: Path, flavour: str) -> None:
        #: ``vocabulary.py``, whose digest is in the key (read again before writing)
        self.source = source
        self.flavour = flavour
        self.path = directory / file_name(flavour)
        self.key = key_for(source.read_bytes(), flavour)
        self.saved: Tables = {}
        self.blob = memoryview(b"")
        #: which item of each table's results is bytes kept in the blob
        self.spills: dict[str, int] = {}
        self._read = False
        #: what this build asked for (what the file will hold: nothing stale carries over)
        self.used: Tables = {}
        #: how many results were computed rather than read
        self.misses = 0

    def _load(self) -> None:
        self._read = True
        self.saved, spills, self.blob = read(self.path, self.key)
        self.spills = dict(spills)

    def get(
        self,
        table: str,
        args: tuple[Any, ...],
        compute: Callable[..., Any],
        spill: int | None = None,
    ) -> Any:
        """``compute(*args)``, or its result as this memo holds it. ``spill``: the item of the
        (tuple) result that is bytes, kept in the blob (a view of it when read back)."""
        if not self._read:
            self._load()
        args_key = key_of(args)
        used = self.used.get(table)
        if used is None:
            used = self.used[table] = {}
            if spill is not None:
                if self.spills.get(table, spill) != spill:
                    self.saved.pop(table, None)  # laid out otherwise: not to be read
                self.spills[table] = spill
        elif args_key in used:
            return used[args_key]
        saved = self.saved.get(table)
        value = _MISSING if saved is None else saved.get(args_key, _MISSING)
        if value is _MISSING:
            value = compute(*args)
            self.misses += 1
        elif spill is not None:
            offset, length = value[spill]
            view = self.blob[offset : offset + length]
            value = (*value[:spill], view, *value[spill + 1 :])
        used[args_key] = value
        return value

    def close(self) -> bool:
        """Write what this build used back to the file if it computed anything; True if written.
        Not when ``vocabulary.py`` changed on disk since the key was taken (its results would go
        under the new source's key); a memo that is behind and cannot be written is said once,
        as each start then pays for the build in full."""
        if not self.misses:
            return False
        try:
            current = key_for(self.source.read_bytes(), self.flavour)
        except OSError:
            return False
        if current != self.key:
            return False
        if write(self.path, self.key, self.used, self.spills):
            return True
        _log.warning(
            "triage: the vocabulary's build memo %s is behind its source and cannot be written "
            "here; each process computes %d results at start (tools/build_native.py writes it)",
            self.path,
            self.misses,
        )
        return False
