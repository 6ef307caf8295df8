"""The journal header: key slots that wrap the data key, a checksum and a keyed MAC.

The header is one canonical JSON document stored in the ``header`` table. Its layout is in
FORMAT.md. A random 256-bit data key seals every record; it is wrapped once per slot
(``passphrase`` and ``recovery``) by a key derived with Argon2id. No passphrase hash is stored.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
import uuid
from dataclasses import dataclass, field
from typing import Any

from recoverylog.errors import DamagedData, WrongPassphrase
from recoverylog.vault.envelope import FORMAT_VERSION
from recoverylog.vault.kdf import SALT_LENGTH, KdfParams, check_params, derive

MAGIC = "recoverylog"
SLOT_KINDS = ("passphrase", "recovery")
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
RECOVERY_LENGTH = 28  # 28 x 5 bits = 140 bits
MIN_PASSPHRASE_LENGTH = 8


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise DamagedData(f"the journal header's {what} is damaged")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeError):
        raise DamagedData(f"the journal header's {what} is damaged") from None


def canonical(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def new_recovery_key() -> str:
    """A fresh recovery key: 140 random bits in an unambiguous alphabet, grouped by four."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_LENGTH))
    return "-".join(chars[i : i + 4] for i in range(0, RECOVERY_LENGTH, 4))


def normalize_recovery_key(text: str) -> str:
    """Accept lower case, spaces, dashes and the look-alikes O/0 and I/L/1."""
    cleaned = text.upper().replace("-", "").replace(" ", "").strip()
    cleaned = cleaned.replace("O", "0").replace("I", "1").replace("L", "1")
    if len(cleaned) != RECOVERY_LENGTH or any(c not in RECOVERY_ALPHABET for c in cleaned):
        raise WrongPassphrase(
            "that recovery key does not open this journal "
            f"(a recovery key has {RECOVERY_LENGTH} letters and digits, e.g. ABCD-1234-...)"
        )
    return cleaned


def check_new_passphrase(passphrase: str) -> None:
    from recoverylog.errors import InvalidInput

    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInput(
            "passphrase", f"must be at least {MIN_PASSPHRASE_LENGTH} characters long"
        )


def _slot_aad(journal_id: str, kind: str, params: KdfParams, salt: bytes) -> bytes:
    return b"|".join(
        [
            MAGIC.encode(),
            b"slot",
            str(FORMAT_VERSION).encode(),
            journal_id.encode(),
            kind.encode(),
            params.aad(),
            salt,
        ]
    )


def _mac_key(data_key: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"recoverylog header mac"
    ).derive(data_key)


@dataclass
class Slot:
    kind: str
    params: KdfParams
    salt: bytes
    nonce: bytes
    wrapped: bytes

    def to_dict(self) -> dict[str, Any]:
        return {
            "kdf": self.params.to_dict(),
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "wrapped": _b64(self.wrapped),
        }


def wrap(data_key: bytes, secret: str, kind: str, journal_id: str, params: KdfParams) -> Slot:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    salt = os.urandom(SALT_LENGTH)
    wrapping_key = derive(secret.encode("utf-8"), salt, params)
    nonce = os.urandom(12)
    aad = _slot_aad(journal_id, kind, params, salt)
    return Slot(kind, params, salt, nonce, AESGCM(wrapping_key).encrypt(nonce, data_key, aad))


@dataclass
class Header:
    """The parsed header. ``mac`` authenticates everything else under the data key."""

    journal_id: str
    slots: dict[str, Slot] = field(default_factory=dict)
    mac: bytes = b""

    def body(self) -> dict[str, Any]:
        return {
            "magic": MAGIC,
            "format": FORMAT_VERSION,
            "journal_id": self.journal_id,
            "slots": {kind: slot.to_dict() for kind, slot in sorted(self.slots.items())},
        }

    def compute_mac(self, data_key: bytes) -> bytes:
        return hmac.new(_mac_key(data_key), canonical(self.body()), hashlib.sha256).digest()

    def serialize(self) -> tuple[bytes, str]:
        """The stored bytes and their SHA-256 checksum (hex)."""
        doc = self.body()
        doc["mac"] = _b64(self.mac)
        blob = canonical(doc)
        return blob, hashlib.sha256(blob).hexdigest()

    @classmethod
    def parse(cls, blob: bytes, checksum: str) -> Header:
        """Parse stored bytes; any damage (a flipped byte anywhere) raises DamagedData."""
        if not isinstance(blob, bytes) or not isinstance(checksum, str):
            raise DamagedData("the journal header is damaged")
        if not hmac.compare_digest(hashlib.sha256(blob).hexdigest(), checksum):
            raise DamagedData("the journal header is damaged (its checksum does not match)")
        try:
            doc = json.loads(blob)
        except (ValueError, UnicodeError):
            raise DamagedData("the journal header is damaged") from None
        if not isinstance(doc, dict) or doc.get("magic") != MAGIC:
            raise DamagedData("this file is not a recoverylog journal")
        if doc.get("format") != FORMAT_VERSION:
            raise DamagedData(
                f"this journal uses format {doc.get('format')!r}; this version of recoverylog "
                f"reads format {FORMAT_VERSION}"
            )
        journal_id = doc.get("journal_id")
        slots_doc = doc.get("slots")
        if not isinstance(journal_id, str) or not isinstance(slots_doc, dict):
            raise DamagedData("the journal header is damaged")
        header = cls(journal_id=journal_id, mac=_unb64(doc.get("mac"), "MAC"))
        for kind, slot_doc in slots_doc.items():
            if kind not in SLOT_KINDS or not isinstance(slot_doc, dict):
                raise DamagedData("the journal header has an unknown key slot")
            header.slots[kind] = Slot(
                kind=kind,
                params=KdfParams.from_dict(slot_doc.get("kdf")),
                salt=_unb64(slot_doc.get("salt"), "salt"),
                nonce=_unb64(slot_doc.get("nonce"), "nonce"),
                wrapped=_unb64(slot_doc.get("wrapped"), "key slot"),
            )
        return header

    def unlock(self, kind: str, secret: str) -> bytes:
        """Derive the slot's key, unwrap the data key, then check the header MAC."""
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        slot = self.slots.get(kind)
        if slot is None:
            raise DamagedData(f"the journal header has no {kind} key slot")
        check_params(slot.params)
        wrapping_key = derive(secret.encode("utf-8"), slot.salt, slot.params)
        aad = _slot_aad(self.journal_id, kind, slot.params, slot.salt)
        try:
            data_key = AESGCM(wrapping_key).decrypt(slot.nonce, slot.wrapped, aad)
        except (InvalidTag, ValueError):
            if kind == "recovery":
                raise WrongPassphrase("that recovery key does not open this journal") from None
            raise WrongPassphrase("that passphrase does not open this journal") from None
        if not hmac.compare_digest(self.compute_mac(data_key), self.mac):
            raise DamagedData(
                "the journal header has been changed since it was written; it may have been "
                "tampered with"
            )
        return data_key

    def rewrap(self, data_key: bytes, kind: str, secret: str, params: KdfParams) -> None:
        self.slots[kind] = wrap(data_key, secret, kind, self.journal_id, params)
        self.mac = self.compute_mac(data_key)


def new_header(passphrase: str, recovery_key: str, params: KdfParams) -> tuple[Header, bytes]:
    """A new journal's header and its fresh random data key."""
    data_key = os.urandom(32)
    header = Header(journal_id=str(uuid.uuid4()))
    header.slots["passphrase"] = wrap(data_key, passphrase, "passphrase", header.journal_id, params)
    header.slots["recovery"] = wrap(
        data_key, normalize_recovery_key(recovery_key), "recovery", header.journal_id, params
    )
    header.mac = header.compute_mac(data_key)
    return header, data_key
