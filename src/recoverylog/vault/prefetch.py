"""Deriving the key on a thread while the command line is still starting up.

Argon2id releases the GIL, so a command run with ``RECOVERYLOG_PASSPHRASE`` can unwrap the data
key while Typer parses arguments and imports what it needs. :meth:`Journal.open` takes the
result only if the header it reads is byte-for-byte the header the thread unlocked.
"""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import Future
from pathlib import Path

_lock = threading.Lock()
_pending: dict[tuple[str, str], tuple[Future[tuple[bytes, bytes] | None], str]] = {}


def _fingerprint(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def start(db: Path, secret: str) -> None:
    """Begin unlocking ``db`` with the passphrase ``secret`` in the background."""
    future: Future[tuple[bytes, bytes] | None] = Future()
    with _lock:
        _pending[(str(db), "passphrase")] = (future, _fingerprint(secret))

    def work() -> None:
        try:
            import sqlite3

            from recoverylog.store.repo import read_header_row
            from recoverylog.vault.keyslots import Header

            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            try:
                blob, checksum = read_header_row(conn)
            finally:
                conn.close()
            key = Header.parse(blob, checksum).unlock("passphrase", secret)
            future.set_result((blob, key))
        except BaseException:  # the normal path will redo the work and report the error
            future.set_result(None)

    # Not a daemon: a command that ends early (a refused import, a usage error) waits for the
    # derivation to finish before the interpreter shuts down. A daemon thread still inside
    # Argon2id at shutdown is torn down by pthread_exit on its way back to Python, which aborts
    # the process ("FATAL: exception not rethrown", SIGABRT) instead of exiting with the
    # command's code.
    threading.Thread(target=work, name="recoverylog-unlock", daemon=False).start()


def take(db: Path, kind: str, secret: str, blob: bytes) -> bytes | None:
    """The data key unlocked in the background for exactly this header and secret, if any."""
    with _lock:
        entry = _pending.pop((str(db), kind), None)
    if entry is None:
        return None
    future, fingerprint = entry
    if fingerprint != _fingerprint(secret):
        return None
    result = future.result()
    if result is None or result[0] != blob:
        return None
    return result[1]
