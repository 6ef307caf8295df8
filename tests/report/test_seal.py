"""Sealed HTML: PBKDF2-SHA256 (>= 600,000) + AES-256-GCM, decryptable with `cryptography` alone
into exactly the HTML report; no plaintext in the page; a wrong passphrase is refused."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from recoverylog.errors import InvalidInput
from recoverylog.report import render, write_report
from recoverylog.report.seal import SCRIPT, new_passphrase, normalize, seal, unseal
from tests.report.conftest import CANARY, Known

PASSPHRASE_SHAPE = re.compile(r"^[A-Z2-7]{4}(?:-[A-Z2-7]{4}){5}$")


def _payload(page: str) -> dict[str, object]:
    found = re.search(r'<script type="application/json" id="sealed">(.*?)</script>', page, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert isinstance(data, dict)
    return data


def _decrypt(page: str, passphrase: str) -> bytes:
    """The page's ciphertext opened with `cryptography` only, as the browser's script does."""
    data = _payload(page)
    secret = passphrase.replace("-", "").upper().encode()
    kdf = PBKDF2HMAC(
        algorithm=hashes.SHA256(),
        length=32,
        salt=base64.b64decode(str(data["salt"])),
        iterations=int(str(data["iterations"])),
    )
    return AESGCM(kdf.derive(secret)).decrypt(
        base64.b64decode(str(data["iv"])), base64.b64decode(str(data["ciphertext"])), None
    )


def test_sealed_page_decrypts_to_exactly_the_html_report(known: Known, tmp_path: Path) -> None:
    path = tmp_path / "sealed.html"
    passphrase = write_report(known.notes, "html", path, seal=True)
    assert passphrase is not None and PASSPHRASE_SHAPE.match(passphrase)
    page = path.read_text(encoding="utf-8")
    assert CANARY not in page and "Zoë" not in page and "Алкоголь" not in page
    data = _payload(page)
    assert int(str(data["iterations"])) >= 600_000
    assert len(base64.b64decode(str(data["salt"]))) == 16
    assert len(base64.b64decode(str(data["iv"]))) == 12
    assert _decrypt(page, passphrase) == render(known.notes, "html")


def test_wrong_passphrase_is_refused(known: Known) -> None:
    passphrase = new_passphrase()
    page = seal(render(known.plain, "html").decode(), passphrase)
    with pytest.raises(InvalidTag):
        _decrypt(page, new_passphrase())
    with pytest.raises(InvalidInput, match="does not open this sealed report"):
        unseal(page, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    typed = " ".join(passphrase.lower().split("-"))  # as a person might type it
    assert unseal(page, typed) == render(known.plain, "html").decode()


def test_each_seal_is_fresh_and_the_page_explains_a_wrong_passphrase(known: Known) -> None:
    html = render(known.plain, "html").decode()
    first, second = seal(html, "AAAA-BBBB"), seal(html, "AAAA-BBBB")
    assert _payload(first)["salt"] != _payload(second)["salt"]
    assert _payload(first)["iv"] != _payload(second)["iv"]
    assert "That passphrase does not open this report" in first
    assert "crypto.subtle" in first and "PBKDF2" in first and "AES-GCM" in first
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in first  # only this script may run
    assert first.count("<script") == 2  # the JSON payload and the script


def test_passphrases_are_random_and_typo_tolerant() -> None:
    many = {new_passphrase() for _ in range(50)}
    assert len(many) == 50 and all(PASSPHRASE_SHAPE.match(p) for p in many)
    assert normalize("abcd-ef0l 1 8") == "ABCDEFOLIB"
    with pytest.raises(ValueError, match="600000"):
        seal("<p>x</p>", "AAAA", iterations=100_000)
