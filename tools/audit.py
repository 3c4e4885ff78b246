"""`make audit`: pip-audit over the pinned requirements that fails unless it really checked.

Without network access, plain pip-audit skips every package and exits 0, which reads as "no
vulnerabilities". This wrapper runs it with --strict and JSON output, and fails when pip-audit
fails, when any dependency was skipped, or when no dependency was checked at all.
"""

from __future__ import annotations

import json
import subprocess
import sys


def main() -> int:
    command = [
        sys.executable, "-m", "pip_audit", "--strict", "--requirement", "requirements.txt",
        "--format", "json", "--progress-spinner", "off",
    ]
    run = subprocess.run(command, capture_output=True, text=True, check=False)  # noqa: S603
    sys.stderr.write(run.stderr)
    try:
        report = json.loads(run.stdout or "{}")
    except json.JSONDecodeError:
        print(f"audit: pip-audit gave no report (exit {run.returncode}); refusing to pass")
        return 1
    deps = report.get("dependencies", [])
    skipped = [d["name"] for d in deps if d.get("skip_reason")]
    vulnerable = [d["name"] for d in deps if d.get("vulns")]
    checked = len(deps) - len(skipped)
    print(f"audit: {checked} checked, {len(skipped)} skipped, {len(vulnerable)} vulnerable")
    if vulnerable:
        print("vulnerable: " + ", ".join(vulnerable))
    if skipped:
        print("skipped (no vulnerability data reached): " + ", ".join(skipped))
    if run.returncode != 0 or skipped or not checked or vulnerable:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
