"""``recoverylog`` opens the app on the journal; ``recoverylog demo`` on a sample journal in a
private temporary folder that is deleted afterwards. Textual loads only when the app opens."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from recoverylog.cli import app_launch
from recoverylog.cli.context import AppState
from recoverylog.tui.app import RecoveryApp


class _Context:
    """What the launch functions use of Typer's context: the root and its state."""

    def __init__(self, data_dir: Path | None) -> None:
        self.obj = AppState(data_dir_option=data_dir)

    def find_root(self) -> _Context:
        return self


def _context(data_dir: Path | None) -> Any:
    return _Context(data_dir)


def test_demo_opens_unlocked_on_a_sample_and_deletes_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    seen: dict[str, Any] = {}

    def fake_run(self: RecoveryApp, *args: Any, **kwargs: Any) -> None:
        folder = self.locations.data_dir
        seen["folder"] = folder
        seen["mode"] = stat.S_IMODE(folder.parent.stat().st_mode)
        seen["unlocked"] = self.unlocked
        with self.journal() as journal:
            seen["tracks"] = [t.name for t in journal.tracks()]
            seen["entries"] = len(journal.log(limit=None))
        seen["hint"] = self.demo_passphrase
        seen["title"] = self.title

    monkeypatch.setattr(RecoveryApp, "run", fake_run)
    app_launch.demo(_context(None))
    assert seen["unlocked"] is True
    assert seen["tracks"] == ["Alcohol", "Gambling"]
    assert seen["entries"] > 100
    assert seen["mode"] == 0o700
    assert seen["hint"].startswith("demo-")
    assert seen["title"] == "recoverylog (sample)"  # on every screen's header
    assert not seen["folder"].exists() and not seen["folder"].parent.exists()
    assert "Your own journal was not touched" in capsys.readouterr().out


def test_open_app_uses_the_data_dir_and_the_environment_passphrase(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    seen: dict[str, Any] = {}

    def fake_run(self: RecoveryApp, *args: Any, **kwargs: Any) -> None:
        seen["dir"] = self.locations.data_dir
        seen["passphrase"] = self.auto_passphrase
        seen["unlocked"] = self.unlocked

    monkeypatch.setattr(RecoveryApp, "run", fake_run)
    monkeypatch.setenv("RECOVERYLOG_PASSPHRASE", "from the environment")
    app_launch.open_app(_context(tmp_path / "mine"))
    assert seen == {
        "dir": tmp_path / "mine",
        "passphrase": "from the environment",
        "unlocked": False,
    }


def test_the_command_line_loads_textual_only_to_open_the_app() -> None:
    code = (
        "import sys\nimport recoverylog.cli.main, recoverylog.cli.app_launch\n"
        "print(any(m.split('.')[0] == 'textual' for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
