"""Sealed HTML reports: the report encrypted inside a page that opens it in the browser.

PBKDF2-HMAC-SHA256 (600,000 iterations, 16-byte random salt) turns a one-time passphrase
into an AES-256-GCM key; the page holds only the salt, iteration count, 12-byte IV and
ciphertext (base64, in a JSON block) and a small inline script that decrypts with WebCrypto
and shows the report in place. Nothing is fetched; the page says so when a passphrase is
wrong. :func:`unseal` does the same in Python (tests, and anyone checking the format).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets

from recoverylog.errors import InvalidInput

ITERATIONS = 600_000
SALT_BYTES = 16
IV_BYTES = 12
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"  # RFC 4648 base32: no 0, 1, 8 or 9
PASSPHRASE_CHARS = 24  # 120 random bits
_CONFUSABLE = str.maketrans({"0": "O", "1": "I", "8": "B"})

SCRIPT = """(function () {
  "use strict";
  var form = document.getElementById("unlock");
  var input = document.getElementById("passphrase");
  var button = document.getElementById("open");
  var message = document.getElementById("message");
  var sealed = JSON.parse(document.getElementById("sealed").textContent);
  function say(text, bad) { message.textContent = text; message.className = bad ? "bad" : ""; }
  function bytes(b64) {
    var raw = atob(b64), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { out[i] = raw.charCodeAt(i); }
    return out;
  }
  function normalize(text) {
    return text.toUpperCase().replace(/[\\s-]/g, "")
      .replace(/0/g, "O").replace(/1/g, "I").replace(/8/g, "B");
  }
  document.getElementById("show").addEventListener("change", function (event) {
    input.type = event.target.checked ? "text" : "password";
  });
  if (!window.crypto || !window.crypto.subtle) {
    say("This browser cannot open sealed reports (Web Crypto is missing). Open the file " +
        "directly in a current Firefox, Chrome, Edge or Safari.", true);
    button.disabled = true;
    return;
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var secret = normalize(input.value);
    if (!secret) { say("Type the passphrase first.", true); return; }
    button.disabled = true;
    say("Opening the report, this takes a few seconds...", false);
    var subtle = window.crypto.subtle;
    subtle.importKey("raw", new TextEncoder().encode(secret), "PBKDF2", false, ["deriveKey"])
      .then(function (base) {
        return subtle.deriveKey(
          {name: "PBKDF2", hash: "SHA-256", salt: bytes(sealed.salt),
           iterations: sealed.iterations},
          base, {name: "AES-GCM", length: 256}, false, ["decrypt"]);
      })
      .then(function (key) {
        return subtle.decrypt({name: "AES-GCM", iv: bytes(sealed.iv)}, key,
                              bytes(sealed.ciphertext));
      })
      .then(function (plain) {
        var html = new TextDecoder().decode(plain);
        document.open();
        document.write(html);
        document.close();
      }, function () {
        button.disabled = false;
        input.focus();
        input.select();
        say("That passphrase does not open this report. Check it and try again " +
            "(letters A-Z and digits 2-7; dashes and spaces do not matter).", true);
      });
  });
})();"""

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src '{script_hash}'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>Sealed report</title>
<style>
body {{ margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
  background: #f3f6fa; color: #282c34;
  font: 16px/1.5 -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", Arial, sans-serif; }}
main {{ background: #fff; max-width: 30rem; margin: 1rem; padding: 1.5rem 1.75rem;
  border-radius: 8px; box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }}
h1 {{ font-size: 1.35rem; margin: 0 0 .5rem; color: #1c3f6e; }}
label {{ display: block; font-weight: 600; margin: 1rem 0 .3rem; }}
input[type=password], input[type=text] {{ width: 100%; box-sizing: border-box; padding: .5rem;
  font: 1.05rem/1.4 ui-monospace, "DejaVu Sans Mono", monospace; letter-spacing: .05em;
  border: 1px solid #9aa1ad; border-radius: 4px; }}
.show {{ font-size: .9rem; margin: .4rem 0 1rem; }}
button {{ font: inherit; padding: .45rem 1.2rem; border: 0; border-radius: 4px;
  background: #2f5ea0; color: #fff; cursor: pointer; }}
button:disabled {{ background: #9aa1ad; cursor: default; }}
#message {{ min-height: 1.5em; margin: .8rem 0 0; }}
#message.bad {{ color: #a33a00; font-weight: 600; }}
.small {{ font-size: .85rem; color: #5f6673; }}
</style>
</head>
<body>
<main>
<h1>This report is sealed</h1>
<p>Type the one-time passphrase that came with it (it was shared separately) to open it.
It opens here in your browser; nothing is sent anywhere.</p>
<form id="unlock" autocomplete="off">
<label for="passphrase">Passphrase</label>
<input id="passphrase" type="password" autocomplete="off" autocapitalize="characters"
 spellcheck="false" autofocus>
<div class="show"><label style="display:inline;font-weight:normal"><input id="show" type="checkbox"> Show the passphrase</label></div>
<button id="open" type="submit">Open the report</button>
</form>
<p id="message" role="status" aria-live="polite"></p>
<p class="small">It contains health information, shared by choice: please keep it private.</p>
</main>
<script type="application/json" id="sealed">{payload}</script>
<script>{script}</script>
</body>
</html>
"""

_PAYLOAD = re.compile(r'<script type="application/json" id="sealed">(.*?)</script>', re.S)


def new_passphrase() -> str:
    """24 random base32 characters (120 bits), shown in groups of four: ``ABCD-EFGH-...``."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(PASSPHRASE_CHARS))
    return "-".join(chars[i : i + 4] for i in range(0, PASSPHRASE_CHARS, 4))


def normalize(passphrase: str) -> str:
    """What the key is derived from: upper case, no spaces or dashes, 0/1/8 read as O/I/B."""
    return "".join(passphrase.upper().split()).replace("-", "").translate(_CONFUSABLE)


def derive_key(passphrase: str, salt: bytes, iterations: int = ITERATIONS) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

    kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=iterations)
    return kdf.derive(normalize(passphrase).encode("ascii", "replace"))


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def seal(html: str, passphrase: str, iterations: int = ITERATIONS) -> str:
    """The page that holds ``html`` encrypted under ``passphrase``."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if iterations < ITERATIONS:
        raise ValueError(f"a sealed report needs at least {ITERATIONS} PBKDF2 iterations")
    salt = secrets.token_bytes(SALT_BYTES)
    iv = secrets.token_bytes(IV_BYTES)
    ciphertext = AESGCM(derive_key(passphrase, salt, iterations)).encrypt(
        iv, html.encode("utf-8"), None
    )
    payload = json.dumps(
        {
            "format": "recoverylog-sealed-report",
            "version": 1,
            "kdf": "PBKDF2-HMAC-SHA256",
            "iterations": iterations,
            "cipher": "AES-256-GCM",
            "salt": _b64(salt),
            "iv": _b64(iv),
            "ciphertext": _b64(ciphertext),
        }
    )
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode()
    return PAGE.format(script_hash=f"sha256-{digest}", payload=payload, script=SCRIPT)


def unseal(page: str, passphrase: str) -> str:
    """The HTML report inside a sealed page (InvalidInput for a wrong passphrase)."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    found = _PAYLOAD.search(page)
    if found is None:
        raise InvalidInput("file", "is not a sealed recoverylog report")
    data = json.loads(found.group(1))
    key = derive_key(passphrase, base64.b64decode(data["salt"]), int(data["iterations"]))
    try:
        plain = AESGCM(key).decrypt(
            base64.b64decode(data["iv"]), base64.b64decode(data["ciphertext"]), None
        )
    except InvalidTag:
        raise InvalidInput("passphrase", "does not open this sealed report") from None
    return plain.decode("utf-8")
