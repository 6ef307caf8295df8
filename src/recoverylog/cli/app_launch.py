"""Opening the TUI from the command line: the real journal, or a sample one (``demo``).

Textual is imported only inside these functions, so every other command stays light.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import typer

from recoverylog.cli.context import ENV_PASSPHRASE, state


def open_app(ctx: typer.Context) -> None:
    """``recoverylog`` with no command: the app on the journal (lock or first-run screen)."""
    from recoverylog.tui.app import create_app

    app = create_app(state(ctx).locations, passphrase=os.environ.get(ENV_PASSPHRASE) or None)
    restore = _exit_on_hangup()
    try:
        app.run()
    finally:
        app.lock_for_exit()
        restore()


def demo(ctx: typer.Context) -> None:
    """The app, already unlocked, on a sample journal in a temporary folder (removed after)."""
    import secrets
    import shutil
    import tempfile
    from pathlib import Path

    from recoverylog.journal import Journal
    from recoverylog.paths import locate
    from recoverylog.sample import build_sample
    from recoverylog.tui.app import create_app
    from recoverylog.vault.kdf import FLOOR_MEMORY_KIB, KdfParams

    folder = Path(tempfile.mkdtemp(prefix="recoverylog-demo-"))
    restore = _exit_on_hangup()
    try:
        os.chmod(folder, 0o700)
        locations = locate(folder / "journal")
        passphrase = "demo-" + secrets.token_urlsafe(9)
        journal, _ = Journal.create(locations, passphrase, KdfParams(memory_kib=FLOOR_MEMORY_KIB))
        try:
            build_sample(journal, journal.today())
        except BaseException:
            journal.close()
            raise
        app = create_app(
            locations,
            journal=journal,
            kdf_params=KdfParams(memory_kib=FLOOR_MEMORY_KIB),
            demo_passphrase=passphrase,
        )
        try:
            app.run()
        finally:
            app.lock_for_exit()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        restore()
    typer.echo("The demo journal was deleted. Your own journal was not touched.")


def _exit_on_hangup() -> Callable[[], None]:
    """A closed terminal (SIGHUP) or SIGTERM ends the app normally: the journal is closed (the
    key dropped) and a demo's folder removed."""
    import signal

    def leave(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    saved = {sig: signal.signal(sig, leave) for sig in (signal.SIGHUP, signal.SIGTERM)}

    def restore() -> None:
        for sig, handler in saved.items():
            signal.signal(sig, handler)

    return restore
