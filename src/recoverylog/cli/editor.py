"""Editing text in $EDITOR through a private 0700 temp dir, overwritten and removed afterwards."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from recoverylog.errors import UsageError

#: Not passed on to the editor (nor to anything it starts).
SECRET_VARIABLES = frozenset({"RECOVERYLOG_PASSPHRASE", "RECOVERYLOG_NEW_PASSPHRASE"})


def _private_tmp_base() -> str | None:
    shm = Path("/dev/shm")
    return str(shm) if shm.is_dir() and os.access(shm, os.W_OK) else None


def edit_text(initial: str) -> str:
    editor = (
        os.environ.get("VISUAL")
        or os.environ.get("EDITOR")
        or shutil.which("nano")
        or shutil.which("vi")
    )
    if not editor:
        raise UsageError("no editor found: set $EDITOR, or pipe the text on standard input")
    folder = Path(tempfile.mkdtemp(prefix="recoverylog-", dir=_private_tmp_base()))
    os.chmod(folder, 0o700)
    path = folder / "reflection.md"
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(initial)
        env = {k: v for k, v in os.environ.items() if k not in SECRET_VARIABLES}
        result = subprocess.run([*shlex.split(editor), str(path)], check=False, env=env)
        if result.returncode != 0:
            raise UsageError(f"the editor exited with code {result.returncode}; nothing was saved")
        return path.read_text(encoding="utf-8")
    finally:
        for leftover in sorted(folder.rglob("*"), reverse=True):  # the editor's swap files too
            if leftover.is_file() and not leftover.is_symlink():
                _shred(leftover)
        shutil.rmtree(folder, ignore_errors=True)


def _shred(path: Path) -> None:
    """Overwrite the file with zeros before removing it."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())
        path.unlink()
    except OSError:
        pass
