"""Known answers for Argon2id and AES-GCM, and the envelope's binding to its place."""

from __future__ import annotations

from pathlib import Path

import pytest

from recoverylog.errors import DamagedData, DamagedRecord, InvalidInput
from recoverylog.vault import kdf
from recoverylog.vault.envelope import Sealer, record_aad
from recoverylog.vault.keyslots import (
    Header,
    new_recovery_key,
    normalize_recovery_key,
)


def test_argon2id_rfc9106_known_answer() -> None:
    # RFC 9106 section 5.3 test vector (Argon2id, v=19).
    params = kdf.KdfParams(memory_kib=32, iterations=3, lanes=4)
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

    tag = Argon2id(
        salt=b"\x02" * 16,
        length=32,
        iterations=3,
        lanes=4,
        memory_cost=32,
        ad=b"\x04" * 12,
        secret=b"\x03" * 8,
    ).derive(b"\x01" * 32)
    assert tag.hex() == "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659"
    # Our wrapper with the same parameters but no secret/ad is deterministic and 32 bytes.
    a = kdf.argon2id_raw(b"\x01" * 32, b"\x02" * 16, params)
    assert a == kdf.argon2id_raw(b"\x01" * 32, b"\x02" * 16, params) and len(a) == 32
    assert a != tag


def test_aes_256_gcm_known_answer() -> None:
    # McGrew & Viega GCM spec, test case 14: AES-256, zero key, zero IV, one zero block.
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    out = AESGCM(bytes(32)).encrypt(bytes(12), bytes(16), None)
    assert out.hex() == "cea7403d4d606b6e074ec5d3baf39d18" + "d0d1c8a799996bf0265b98b5d48ab919"


def test_kdf_floor_and_cap_refused_before_deriving(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    monkeypatch.setattr(kdf, "argon2id_raw", lambda *a, **k: calls.append(a) or b"x" * 32)
    for params in (
        kdf.KdfParams(memory_kib=kdf.FLOOR_MEMORY_KIB - 1),
        kdf.KdfParams(memory_kib=kdf.CAP_MEMORY_KIB + 1),
        kdf.KdfParams(memory_kib=2**40),
        kdf.KdfParams(iterations=2),
        kdf.KdfParams(iterations=10_000),
        kdf.KdfParams(lanes=0),
    ):
        with pytest.raises(DamagedData):
            kdf.derive(b"secret", b"s" * 16, params)
    assert calls == []


def test_kdf_memory_option_bounds() -> None:
    assert kdf.params_for_memory(64).memory_kib == 64 * 1024
    with pytest.raises(InvalidInput, match="--kdf-memory must be 64-4096 MiB"):
        kdf.params_for_memory(32)
    with pytest.raises(InvalidInput):
        kdf.params_for_memory(5000)


def test_envelope_binds_journal_table_record_and_column() -> None:
    key = bytes(range(32))
    sealer = Sealer(key, "journal-a")
    sealed = sealer.seal(b"my words", "checkin", "id-1", "data")
    assert sealer.open(sealed, "checkin", "id-1", "data") == b"my words"
    assert b"my words" not in sealed
    for place in [
        ("slip", "id-1", "data"),
        ("checkin", "id-2", "data"),
        ("checkin", "id-1", "body"),
    ]:
        with pytest.raises(DamagedRecord):
            sealer.open(sealed, *place)
    with pytest.raises(DamagedRecord):
        Sealer(key, "journal-b").open(sealed, "checkin", "id-1", "data")
    # Fresh nonce per write: the same value seals differently each time.
    assert sealer.seal(b"my words", "checkin", "id-1", "data") != sealed


def test_aad_parts_are_length_prefixed() -> None:
    assert record_aad("j", "ab", "c", "d") != record_aad("j", "a", "bc", "d")


def test_recovery_key_format_and_normalisation() -> None:
    key = new_recovery_key()
    groups = key.split("-")
    assert len(groups) == 7 and all(len(g) == 4 for g in groups)
    assert normalize_recovery_key(key.lower().replace("-", " ")) == key.replace("-", "")
    assert (
        normalize_recovery_key("oooo-iiii-llll-0000-1111-2222-3333")
        == "0000111111110000111122223333"
    )
    from recoverylog.errors import WrongPassphrase

    with pytest.raises(WrongPassphrase):
        normalize_recovery_key("too-short")
    assert len({new_recovery_key() for _ in range(50)}) == 50


def test_header_roundtrip_and_checksum() -> None:
    from recoverylog.vault.keyslots import new_header

    params = kdf.KdfParams(memory_kib=kdf.FLOOR_MEMORY_KIB)
    header, data_key = new_header("a passphrase", new_recovery_key(), params)
    blob, checksum = header.serialize()
    parsed = Header.parse(blob, checksum)
    assert parsed.unlock("passphrase", "a passphrase") == data_key
    assert b"a passphrase" not in blob
    with pytest.raises(DamagedData):
        Header.parse(blob[:-1] + b" ", checksum)


def test_background_unlock_is_waited_for_at_exit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The prefetch thread is not a daemon: a command that ends before using the key waits for
    Argon2id to return, rather than being aborted by the interpreter's shutdown (SIGABRT)."""
    import threading

    from recoverylog.vault import prefetch

    started: list[threading.Thread] = []
    real = threading.Thread.start

    def start(self: threading.Thread) -> None:
        started.append(self)
        real(self)

    monkeypatch.setattr(threading.Thread, "start", start)
    db = tmp_path / "missing.db"
    prefetch.start(db, "any passphrase")
    assert [t.name for t in started] == ["recoverylog-unlock"]
    assert not started[0].daemon
    started[0].join(10)
    assert prefetch.take(db, "passphrase", "any passphrase", b"") is None
