"""Every flipped byte of the header or of a sealed record is detected; the rest still opens."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from recoverylog.errors import DamagedData, DamagedRecord, WrongPassphrase
from recoverylog.journal import Journal
from recoverylog.paths import Locations
from recoverylog.vault import kdf
from tests.conftest import FLOOR, OTHER_PASSPHRASE, PASSPHRASE
from tests.helpers import fill


def _header(locations: Locations) -> tuple[bytes, str]:
    with sqlite3.connect(locations.db) as conn:
        blob, checksum = conn.execute("SELECT blob, checksum FROM header").fetchone()
    return bytes(blob), checksum


def _put_header(locations: Locations, blob: bytes, checksum: str) -> None:
    conn = sqlite3.connect(locations.db)
    with conn:
        conn.execute("UPDATE header SET blob = ?, checksum = ?", (blob, checksum))
    conn.close()


def test_every_header_byte_flip_is_detected(
    journal: Journal, locations: Locations, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.close()
    blob, checksum = _header(locations)
    derived = []
    real = kdf.argon2id_raw
    monkeypatch.setattr(kdf, "argon2id_raw", lambda *a, **k: derived.append(1) or real(*a, **k))
    for i in range(len(blob)):
        flipped = blob[:i] + bytes([blob[i] ^ 0x01]) + blob[i + 1 :]
        _put_header(locations, flipped, checksum)
        with pytest.raises(DamagedData):
            Journal.open(locations, PASSPHRASE)
    for i in range(len(checksum)):
        bad = checksum[:i] + ("0" if checksum[i] != "0" else "1") + checksum[i + 1 :]
        _put_header(locations, blob, bad)
        with pytest.raises(DamagedData):
            Journal.open(locations, PASSPHRASE)
    assert derived == []  # every flip was caught before any key derivation
    _put_header(locations, blob, checksum)
    Journal.open(locations, PASSPHRASE).close()


def _rewrite(locations: Locations, mutate) -> None:  # type: ignore[no-untyped-def]
    blob, _ = _header(locations)
    doc = json.loads(blob)
    mutate(doc)
    new = json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()
    _put_header(locations, new, hashlib.sha256(new).hexdigest())


@pytest.mark.parametrize("memory", [kdf.FLOOR_MEMORY_KIB // 2, kdf.CAP_MEMORY_KIB * 2, 2**42])
def test_header_kdf_outside_floor_or_cap_refused_before_deriving(
    journal: Journal, locations: Locations, memory: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.close()
    _rewrite(locations, lambda d: d["slots"]["passphrase"]["kdf"].update(memory_kib=memory))
    monkeypatch.setattr(kdf, "argon2id_raw", lambda *a, **k: pytest.fail("derived"))
    with pytest.raises(DamagedData, match="outside the allowed range"):
        Journal.open(locations, PASSPHRASE)


def test_downgraded_slot_parameters_do_not_open(journal: Journal, locations: Locations) -> None:
    journal.close()
    # A valid-looking but different cost in the passphrase slot: the slot's AAD no longer matches.
    _rewrite(locations, lambda d: d["slots"]["passphrase"]["kdf"].update(iterations=4))
    with pytest.raises(WrongPassphrase):
        Journal.open(locations, PASSPHRASE)


def test_changed_other_slot_is_caught_by_header_mac(journal: Journal, locations: Locations) -> None:
    journal.close()
    _rewrite(locations, lambda d: d["slots"]["recovery"]["kdf"].update(iterations=4))
    with pytest.raises(DamagedData, match="changed since it was written"):
        Journal.open(locations, PASSPHRASE)


def test_header_from_another_journal_does_not_open(
    journal: Journal, tmp_path, locations: Locations
) -> None:  # type: ignore[no-untyped-def]
    from recoverylog.paths import locate

    other_loc = locate(tmp_path / "other")
    Journal.create(other_loc, PASSPHRASE, FLOOR)[0].close()
    journal.close()
    _put_header(locations, *_header(other_loc))
    # The passphrase happens to be the same, but the records were sealed for the other id.
    with Journal.open(locations, PASSPHRASE) as j:
        assert j.journal_id != ""
    Journal.create(locate(tmp_path / "third"), OTHER_PASSPHRASE, FLOOR)[0].close()
    _put_header(locations, *_header(locate(tmp_path / "third")))
    with pytest.raises(WrongPassphrase):
        Journal.open(locations, PASSPHRASE)


def test_every_record_byte_flip_is_detected_and_others_open(
    journal: Journal, locations: Locations
) -> None:
    ids = fill(journal)
    conn = journal.store.conn
    (sealed,) = conn.execute("SELECT data FROM checkin WHERE id = ?", (ids["checkin"],)).fetchone()
    sealed = bytes(sealed)
    for i in range(len(sealed)):
        flipped = sealed[:i] + bytes([sealed[i] ^ 0x80]) + sealed[i + 1 :]
        conn.execute("UPDATE checkin SET data = ? WHERE id = ?", (flipped, ids["checkin"]))
        journal.store.damaged.clear()
        assert journal.records("checkin") == []
        assert [d.record_id for d in journal.store.damaged] == [ids["checkin"]]
        with pytest.raises(DamagedRecord, match=ids["checkin"]):
            journal.get("checkin", ids["checkin"])
        # Every other record still opens.
        assert [t.id for t in journal.records("track")] == [ids["track"]]
        assert [c.id for c in journal.records("craving")] == [ids["craving"]]
    conn.execute("UPDATE checkin SET data = ? WHERE id = ?", (sealed, ids["checkin"]))
    assert journal.get("checkin", ids["checkin"]) is not None


def test_changed_clear_date_is_detected(journal: Journal) -> None:
    ids = fill(journal)
    journal.store.conn.execute(
        "UPDATE checkin SET day = '2020-01-01' WHERE id = ?", (ids["checkin"],)
    )
    with pytest.raises(DamagedRecord):
        journal.get("checkin", ids["checkin"])


def test_sealed_value_moved_elsewhere_fails(journal: Journal) -> None:
    ids = fill(journal)
    conn = journal.store.conn
    (sealed,) = conn.execute("SELECT data FROM craving WHERE id = ?", (ids["craving"],)).fetchone()
    # Another row of the same table.
    from tests.helpers import fill as fill_again

    ids2 = fill_again(journal, note="second")
    conn.execute("UPDATE craving SET data = ? WHERE id = ?", (sealed, ids2["craving"]))
    with pytest.raises(DamagedRecord):
        journal.get("craving", ids2["craving"])
    # Another column of the same row.
    conn.execute("UPDATE craving SET body = ? WHERE id = ?", (sealed, ids["craving"]))
    with pytest.raises(DamagedRecord):
        journal.store.get("craving", ids["craving"])
    # Another table, same id.
    conn.execute(
        "INSERT INTO coping (id, day, data) VALUES (?, '2024-03-02', ?)", (ids["craving"], sealed)
    )
    with pytest.raises(DamagedRecord):
        journal.get("coping", ids["craving"])
