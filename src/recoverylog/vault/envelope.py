"""AES-256-GCM sealing of record values, bound by associated data to their place."""

from __future__ import annotations

import os

from recoverylog.errors import DamagedRecord

FORMAT_VERSION = 1
#: First byte of every sealed value: the envelope version.
ENVELOPE_VERSION = 1
NONCE_LENGTH = 12
TAG_LENGTH = 16


def _field(value: str | bytes) -> bytes:
    raw = value.encode() if isinstance(value, str) else value
    return len(raw).to_bytes(4, "big") + raw


def record_aad(journal_id: str, table: str, record_id: str, column: str) -> bytes:
    """The associated data of one sealed value: format, journal, table, record, column.

    Each part is length-prefixed so that no two places share the same bytes.
    """
    return (
        b"recoverylog"
        + bytes([FORMAT_VERSION])
        + b"".join(_field(part) for part in (journal_id, table, record_id, column))
    )


class Sealer:
    """Seals and opens values with the journal's data key."""

    def __init__(self, data_key: bytes, journal_id: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        if len(data_key) != 32:
            raise ValueError("the data key must be 32 bytes")
        self._aead = AESGCM(data_key)
        self.journal_id = journal_id

    def seal(self, plaintext: bytes, table: str, record_id: str, column: str) -> bytes:
        nonce = os.urandom(NONCE_LENGTH)
        aad = record_aad(self.journal_id, table, record_id, column)
        return bytes([ENVELOPE_VERSION]) + nonce + self._aead.encrypt(nonce, plaintext, aad)

    def open(self, sealed: bytes, table: str, record_id: str, column: str) -> bytes:
        from cryptography.exceptions import InvalidTag

        if (
            not isinstance(sealed, bytes | bytearray | memoryview)
            or len(sealed) < 1 + NONCE_LENGTH + TAG_LENGTH
            or sealed[0] != ENVELOPE_VERSION
        ):
            raise DamagedRecord(table, record_id)
        sealed = bytes(sealed)
        aad = record_aad(self.journal_id, table, record_id, column)
        try:
            return self._aead.decrypt(sealed[1 : 1 + NONCE_LENGTH], sealed[1 + NONCE_LENGTH :], aad)
        except InvalidTag:
            raise DamagedRecord(table, record_id) from None
