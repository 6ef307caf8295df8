"""The committed format-1 journal still opens and exports exactly what it held."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from recoverylog.errors import WrongPassphrase
from recoverylog.journal import Journal
from recoverylog.paths import locate

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "golden-v1"
PASSPHRASE = "golden fixture passphrase"
RECOVERY_KEY = "GLDN-0000-1111-2222-3333-4444-5555"


@pytest.fixture
def golden(tmp_path: Path) -> Path:
    data = tmp_path / "golden"
    data.mkdir(mode=0o700)
    shutil.copyfile(GOLDEN / "journal.db", data / "journal.db")
    return data


def test_golden_v1_opens_and_exports_the_same(golden: Path) -> None:
    expected = json.loads((GOLDEN / "export.json").read_text(encoding="utf-8"))
    with Journal.open(locate(golden), PASSPHRASE) as journal:
        assert journal.export_data() == expected
        assert journal.store.damaged == []
    with Journal.open_with_recovery_key(locate(golden), RECOVERY_KEY.lower()) as journal:
        assert journal.export_data() == expected
    with pytest.raises(WrongPassphrase):
        Journal.open(locate(golden), "not the golden passphrase")


def test_golden_v1_header_and_schema_versions(golden: Path) -> None:
    with sqlite3.connect(golden / "journal.db") as conn:
        (blob,) = conn.execute("SELECT blob FROM header").fetchone()
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    header = json.loads(blob)
    assert header["format"] == 1 and header["magic"] == "recoverylog"
    assert set(header["slots"]) == {"passphrase", "recovery"}
