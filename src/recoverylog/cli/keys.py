"""``init``, ``passphrase change`` and ``recover``: creating the journal and its keys."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from recoverylog.cli.context import new_passphrase, passphrase, state
from recoverylog.errors import UsageError

passphrase_app = typer.Typer(help="Change the journal's passphrase.", no_args_is_help=True)


def init(
    ctx: typer.Context,
    kdf_memory: Annotated[
        str,
        typer.Option(
            "--kdf-memory",
            metavar="MIB",
            help="Memory for Argon2id in MiB (64-4096). Lower is faster to unlock and weaker "
            "against guessing.",
        ),
    ] = "256",
) -> None:
    """Create a new, encrypted journal: a passphrase twice, then a recovery key shown once."""
    from recoverylog.errors import StorageError
    from recoverylog.journal import Journal
    from recoverylog.paths import ensure_private_dir
    from recoverylog.vault.kdf import params_for_memory
    from recoverylog.vault.keyslots import (
        check_new_passphrase,
        new_recovery_key,
        normalize_recovery_key,
    )

    locations = state(ctx).locations
    from recoverylog.fields import integer

    memory = integer("--kdf-memory", kdf_memory, 1, 1_000_000)
    assert memory is not None
    params = params_for_memory(memory)
    if Journal.exists(locations):
        from recoverylog.errors import AlreadyExists

        raise AlreadyExists(
            f"a journal already exists in {locations.data_dir}; nothing was changed"
        )
    secret = new_passphrase(allow_current_env=True)
    # Everything that could still refuse the journal is checked before the recovery key is
    # shown: a key shown "once" must belong to a journal that exists.
    check_new_passphrase(secret)
    ensure_private_dir(locations.data_dir)
    if not os.access(locations.data_dir, os.W_OK | os.X_OK):
        raise StorageError(f"cannot write in {locations.data_dir}; no journal was created")
    recovery_key = new_recovery_key()
    interactive = sys.stdin.isatty()
    typer.echo(
        "\nYour recovery key (write it down and keep it somewhere safe; it is shown only once):\n"
    )
    typer.echo(f"    {recovery_key}\n")
    typer.echo(
        "If you forget your passphrase, this key opens your journal: recoverylog recover",
    )
    if interactive:
        for _attempt in range(3):
            typed = typer.prompt("Type the recovery key back to confirm", err=True)
            try:
                if normalize_recovery_key(typed) == normalize_recovery_key(recovery_key):
                    break
            except Exception:  # a malformed key is just a mismatch here
                pass
            typer.echo("That did not match; please check each group and try again.", err=True)
        else:
            raise UsageError("the recovery key was not confirmed; no journal was created")
    journal, _ = Journal.create(locations, secret, params, recovery_key=recovery_key)
    journal.close()
    typer.echo(f"\nYour journal is ready in {locations.data_dir}")


def change(ctx: typer.Context) -> None:
    """Choose a new passphrase (the current one is asked first)."""
    from recoverylog.journal import Journal

    locations = state(ctx).locations
    with Journal.open(locations, passphrase("Current passphrase")) as journal:
        journal.change_passphrase(new_passphrase())
    typer.echo("Your passphrase has been changed.")


def recover(ctx: typer.Context) -> None:
    """Set a new passphrase using your recovery key (read from stdin when not a terminal)."""
    from recoverylog.journal import Journal

    locations = state(ctx).locations
    if sys.stdin.isatty():
        key = str(typer.prompt("Recovery key", hide_input=True, err=True))
    else:
        key = sys.stdin.readline().strip()
        if not key:
            raise UsageError("no recovery key on standard input")
    with Journal.open_with_recovery_key(locations, key) as journal:
        journal.change_passphrase(new_passphrase())
    typer.echo("Your journal is open again with the new passphrase.")


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Journal")(init)
    passphrase_app.command("change")(change)
    app.add_typer(passphrase_app, name="passphrase", rich_help_panel="Journal")
    app.command(rich_help_panel="Journal")(recover)
