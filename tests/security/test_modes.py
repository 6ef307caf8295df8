"""Permissions: data dir 0700; database, exports and backups 0600, even under umask 000."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, init_cli, run_cli


@pytest.fixture
def umask_000() -> Iterator[None]:
    old = os.umask(0)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_modes_under_umask_000(tmp_path: Path, umask_000: None) -> None:
    data = tmp_path / "deep" / "j"
    init_cli(data)
    assert _mode(data) == 0o700
    assert _mode(data / "journal.db") == 0o600
    assert run_cli(["export", str(tmp_path / "e.json")], data).returncode == 0
    assert _mode(tmp_path / "e.json") == 0o600
    assert run_cli(["backup", str(tmp_path / "b.db")], data).returncode == 0
    assert _mode(tmp_path / "b.db") == 0o600
    # While a connection is open, WAL files exist; they carry the database's mode.
    from recoverylog.journal import Journal
    from recoverylog.paths import locate

    with Journal.open(locate(data), PASSPHRASE) as journal:
        journal.store.conn.execute("BEGIN IMMEDIATE")
        journal.store.conn.execute("COMMIT")
        for name in ("journal.db-wal", "journal.db-shm"):
            if (data / name).exists():
                assert _mode(data / name) == 0o600
    restored = tmp_path / "r"
    assert run_cli(["restore", str(tmp_path / "b.db")], restored).returncode == 0
    assert _mode(restored) == 0o700 and _mode(restored / "journal.db") == 0o600


def test_open_dir_gets_a_warning(tmp_path: Path) -> None:
    data = tmp_path / "j"
    init_cli(data)
    os.chmod(data, 0o755)
    result = run_cli(["export", str(tmp_path / "e.json")], data)
    assert result.returncode == 0
    assert "can be read by other users" in result.stderr
