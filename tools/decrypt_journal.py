#!/usr/bin/env python3
"""Decrypt a recoverylog journal to JSON, using only sqlite3 and the `cryptography` package.

Usage:  python tools/decrypt_journal.py PATH/TO/journal.db > journal.json
        (asks for the passphrase; or set RECOVERYLOG_PASSPHRASE; --recovery-key to use that)

This is an independent reading of FORMAT.md: it imports nothing from recoverylog. Its output
has the same content as `recoverylog export`.
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import hmac
import json
import os
import sqlite3
import sys

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

TABLES = {  # table -> export key, in export order
    "setting": "settings",
    "track": "tracks",
    "slip": "slips",
    "checkin": "checkins",
    "craving": "cravings",
    "coping": "coping",
    "reflection": "reflections",
    "surf": "surf_sessions",
    "skill": "skills",
    "skillpref": "skill_prefs",
}


def canonical(doc: dict) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def unlock(conn: sqlite3.Connection, slot_name: str, secret: str) -> tuple[bytes, str]:
    blob, checksum = conn.execute("SELECT blob, checksum FROM header WHERE id = 1").fetchone()
    blob = bytes(blob)
    if hashlib.sha256(blob).hexdigest() != checksum:
        sys.exit("the header is damaged (checksum mismatch)")
    header = json.loads(blob)
    journal_id = header["journal_id"]
    slot = header["slots"][slot_name]
    kdf = slot["kdf"]
    salt = base64.b64decode(slot["salt"])
    if slot_name == "recovery":
        secret = secret.upper().replace("-", "").replace(" ", "")
        secret = secret.replace("O", "0").replace("I", "1").replace("L", "1")
    wrapping_key = Argon2id(
        salt=salt,
        length=32,
        iterations=kdf["iterations"],
        lanes=kdf["lanes"],
        memory_cost=kdf["memory_kib"],
    ).derive(secret.encode("utf-8"))
    params = f"argon2id:m={kdf['memory_kib']}:t={kdf['iterations']}:p={kdf['lanes']}".encode()
    aad = b"|".join(
        [b"recoverylog", b"slot", b"1", journal_id.encode(), slot_name.encode(), params, salt]
    )
    data_key = AESGCM(wrapping_key).decrypt(
        base64.b64decode(slot["nonce"]), base64.b64decode(slot["wrapped"]), aad
    )
    mac_key = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"recoverylog header mac"
    ).derive(data_key)
    body = {k: v for k, v in header.items() if k != "mac"}
    if not hmac.compare_digest(
        hmac.new(mac_key, canonical(body), hashlib.sha256).digest(), base64.b64decode(header["mac"])
    ):
        sys.exit("the header has been changed since it was written")
    return data_key, journal_id


def record_aad(journal_id: str, table: str, record_id: str, column: str) -> bytes:
    def lp(text: str) -> bytes:
        raw = text.encode()
        return len(raw).to_bytes(4, "big") + raw

    return b"recoverylog" + bytes([1]) + lp(journal_id) + lp(table) + lp(record_id) + lp(column)


def open_value(aead: AESGCM, sealed: bytes, aad: bytes) -> bytes:
    sealed = bytes(sealed)
    if sealed[0] != 1:
        raise ValueError("unknown envelope version")
    return aead.decrypt(sealed[1:13], sealed[13:], aad)


def decrypt(path: str, secret: str, slot_name: str = "passphrase") -> dict:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    data_key, journal_id = unlock(conn, slot_name, secret)
    aead = AESGCM(data_key)
    out: dict = {"format": "recoverylog-export", "version": 1}
    for table, key in TABLES.items():
        items = []
        rows = conn.execute(f"SELECT id, day, data, body FROM {table} ORDER BY day, id")
        for record_id, day, data, body in rows:
            fields = json.loads(
                open_value(aead, data, record_aad(journal_id, table, record_id, "data"))
            )
            if fields.pop("_day") != day:
                raise ValueError(f"record {table}/{record_id}: its clear date was changed")
            item = {"id": record_id, **fields}
            if body is not None:
                item["body"] = open_value(
                    aead, body, record_aad(journal_id, table, record_id, "body")
                ).decode()
            items.append(item)
        out[key] = (items[0] if items else None) if table == "setting" else items
    return out


def main() -> None:
    args = sys.argv[1:]
    slot_name = "passphrase"
    if "--recovery-key" in args:
        args.remove("--recovery-key")
        slot_name = "recovery"
    if len(args) != 1:
        sys.exit(__doc__)
    secret = os.environ.get("RECOVERYLOG_PASSPHRASE") if slot_name == "passphrase" else None
    secret = secret or getpass.getpass(
        "Recovery key: " if slot_name == "recovery" else "Passphrase: "
    )
    json.dump(decrypt(args[0], secret, slot_name), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
