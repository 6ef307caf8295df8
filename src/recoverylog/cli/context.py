"""What every command needs: where the journal is, its passphrase, and an unlocked journal."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from recoverylog.errors import UsageError
from recoverylog.paths import Locations, locate

if TYPE_CHECKING:
    from recoverylog.journal import Journal

ENV_PASSPHRASE = "RECOVERYLOG_PASSPHRASE"
#: Journals opened by the running command; the error boundary reports their damaged records.
OPENED: list[Journal] = []
ENV_NEW_PASSPHRASE = "RECOVERYLOG_NEW_PASSPHRASE"


@dataclass
class AppState:
    data_dir_option: Path | None = None

    @property
    def locations(self) -> Locations:
        return locate(self.data_dir_option)

    @property
    def data_dir(self) -> Path:
        return self.locations.data_dir


def state(ctx: typer.Context) -> AppState:
    obj = ctx.find_root().obj
    if not isinstance(obj, AppState):
        obj = AppState()
        ctx.find_root().obj = obj
    return obj


def _interactive() -> bool:
    from recoverylog.cli.boundary import is_interactive

    return is_interactive()


def passphrase(prompt: str = "Passphrase") -> str:
    """From ``RECOVERYLOG_PASSPHRASE``, else a hidden prompt; never from argv."""
    value = os.environ.get(ENV_PASSPHRASE)
    if value:
        return value
    if not _interactive():
        raise UsageError(
            f"no passphrase: run in a terminal to be asked, or set {ENV_PASSPHRASE} for scripts"
        )
    return str(typer.prompt(prompt, hide_input=True, err=True))


def new_passphrase(*, allow_current_env: bool = False) -> str:
    """A new passphrase: ``RECOVERYLOG_NEW_PASSPHRASE`` (for init, either variable), else asked twice."""
    value = os.environ.get(ENV_NEW_PASSPHRASE)
    if not value and allow_current_env:
        value = os.environ.get(ENV_PASSPHRASE)
    if value:
        return value
    if not _interactive():
        raise UsageError(
            f"no new passphrase: run in a terminal to be asked, or set {ENV_NEW_PASSPHRASE}"
        )
    from recoverylog.vault.keyslots import check_new_passphrase

    for _ in range(3):
        first = str(typer.prompt("New passphrase", hide_input=True, err=True))
        try:
            check_new_passphrase(first)
        except Exception as exc:  # InvalidInput: say why and ask again
            typer.echo(str(exc), err=True)
            continue
        second = str(typer.prompt("Type it again", hide_input=True, err=True))
        if first == second:
            return first
        typer.echo("The two passphrases were different; let's try again.", err=True)
    raise UsageError("no new passphrase was set; nothing was changed")


def open_journal(ctx: typer.Context) -> Journal:
    from recoverylog.journal import Journal, require_journal

    locations = state(ctx).locations
    require_journal(locations)  # said before a passphrase is asked for
    journal = Journal.open(locations, passphrase())
    OPENED.append(journal)
    return journal
