"""FORMAT.md is enough: the standalone decryption script agrees with `recoverylog export`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from recoverylog.journal import Journal
from recoverylog.paths import locate
from tests.conftest import PASSPHRASE, init_cli, run_cli
from tests.helpers import fill

ROOT = Path(__file__).resolve().parents[2]


def test_decrypt_script_matches_export(tmp_path: Path) -> None:
    data = tmp_path / "j"
    key = init_cli(data)
    with Journal.open(locate(data), PASSPHRASE) as journal:
        fill(journal, note="first: [bold]x[/] 💙")
        fill(journal, note="second")
    assert run_cli(["export", str(tmp_path / "e.json")], data).returncode == 0
    exported = json.loads((tmp_path / "e.json").read_text())
    script = ROOT / "tools" / "decrypt_journal.py"
    env = {"RECOVERYLOG_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-I", str(script), str(data / "journal.db")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == exported
    # The script imports nothing from recoverylog (it runs isolated, -I, without the package path).
    assert not re.search(r"^\s*(from|import)\s+recoverylog", script.read_text(), re.MULTILINE)
    via_key = subprocess.run(
        [sys.executable, "-I", str(script), "--recovery-key", str(data / "journal.db")],
        input=key,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin"},
        timeout=60,
    )
    # getpass reads from the terminal when there is one; without one it falls back to stdin.
    assert via_key.returncode == 0, via_key.stderr
    assert json.loads(via_key.stdout) == exported
