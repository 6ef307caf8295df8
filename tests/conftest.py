"""Shared fixtures: a journal at the KDF floor (fast), its data dir, and CLI runners."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from recoverylog.journal import Journal
from recoverylog.paths import Locations, locate
from recoverylog.vault.kdf import FLOOR_MEMORY_KIB, KdfParams

PASSPHRASE = "test passphrase one"
OTHER_PASSPHRASE = "another passphrase two"
FLOOR = KdfParams(memory_kib=FLOOR_MEMORY_KIB, iterations=3, lanes=4)


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads or writes the real user's journal or config."""
    for name in list(os.environ):
        if name.startswith("RECOVERYLOG_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / "config"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "journal"


@pytest.fixture
def locations(data_dir: Path) -> Locations:
    return locate(data_dir)


@pytest.fixture
def journal(locations: Locations) -> Iterator[Journal]:
    j, _key = Journal.create(locations, PASSPHRASE, FLOOR)
    yield j
    j.close()


@pytest.fixture
def journal_with_key(locations: Locations) -> Iterator[tuple[Journal, str]]:
    j, key = Journal.create(locations, PASSPHRASE, FLOOR)
    yield j, key
    j.close()


def cli_env(data_dir: Path, passphrase: str | None = PASSPHRASE, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("RECOVERYLOG_")}
    env["RECOVERYLOG_DATA_DIR"] = str(data_dir)
    if passphrase is not None:
        env["RECOVERYLOG_PASSPHRASE"] = passphrase
    env.update(extra)
    return env


def run_cli(
    args: list[str],
    data_dir: Path,
    passphrase: str | None = PASSPHRASE,
    stdin: str = "",
    **extra: str,
) -> subprocess.CompletedProcess[str]:
    """Run the real ``recoverylog`` in a subprocess (no terminal)."""
    return subprocess.run(
        [sys.executable, "-m", "recoverylog", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=cli_env(data_dir, passphrase, **extra),
        timeout=120,
    )


def init_cli(data_dir: Path, passphrase: str = PASSPHRASE) -> str:
    """``recoverylog init`` at the KDF floor; returns the recovery key it printed."""
    result = run_cli(
        ["init", "--kdf-memory", "64"], data_dir, None, RECOVERYLOG_NEW_PASSPHRASE=passphrase
    )
    assert result.returncode == 0, result.stderr
    lines = [ln.strip() for ln in result.stdout.splitlines() if ln.strip().count("-") == 6]
    assert len(lines) == 1, result.stdout
    return lines[0]


def invoke(
    args: list[str],
    data_dir: Path,
    passphrase: str | None = PASSPHRASE,
    stdin: str = "",
    **extra: str,
):  # type: ignore[no-untyped-def]
    """Run a command in-process through Typer's test runner."""
    from typer.testing import CliRunner

    from recoverylog.cli.main import app

    env = {"RECOVERYLOG_DATA_DIR": str(data_dir), "RECOVERYLOG_PASSPHRASE": passphrase or ""}
    env.update(extra)
    return CliRunner().invoke(app, args, input=stdin, env=env, catch_exceptions=False)


@pytest.fixture
def cli_journal(journal: Journal, data_dir: Path) -> Path:
    """A journal at the KDF floor, ready for ``invoke``; returns its data dir."""
    journal.close()
    return data_dir
