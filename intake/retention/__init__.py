"""Retention: de-identify old enquiries and delete old audit events (``flask retention purge``).

``policy`` says what is due (plain SQL conditions, one definition shared by the dry run, the
batches and the tests); ``purge`` does it in batches, one transaction each, so a crash loses
nothing and a rerun carries on; ``cli`` is the command. The rules and the reasons for them are
in docs/security.md ("Retention").
"""

from __future__ import annotations
