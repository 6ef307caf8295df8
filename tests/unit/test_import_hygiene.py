"""The core never loads Textual or Typer; --help and crisis never load SQLModel or Textual."""

from __future__ import annotations

import subprocess
import sys

import pytest


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_core_does_not_import_ui_frameworks() -> None:
    mods = _modules_after(
        "import recoverylog.journal, recoverylog.domain.models, recoverylog.store.repo"
    )
    assert "recoverylog.journal" in mods
    assert not {m for m in mods if m.split(".")[0] in ("textual", "typer", "click")}


@pytest.mark.parametrize("args", [["--help"], ["crisis", "--region", "uk"], ["crisis"]])
def test_help_and_crisis_stay_light(args: list[str]) -> None:
    code = (
        "import sys\nfrom recoverylog.cli.main import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit as e:\n    assert e.code in (0, None), e.code\n"
    )
    mods = _modules_after(code)
    assert "recoverylog.cli.main" in mods
    heavy = {m for m in mods if m.split(".")[0] in ("sqlmodel", "sqlalchemy", "textual")}
    assert not heavy, sorted(heavy)[:5]
