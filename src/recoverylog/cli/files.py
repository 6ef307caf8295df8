"""``export``, ``import``, ``backup`` and ``restore``: the journal as files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from recoverylog.cli.context import open_journal, passphrase, state

FORCE = Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")]


def export(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="Where to write the JSON export (mode 0600).")],
    force: FORCE = False,
) -> None:
    """Write the whole journal as versioned JSON. It is NOT encrypted: keep it safe."""
    with open_journal(ctx) as journal:
        journal.export_to(Path(file), force=force)
    typer.echo(f"Exported to {file} (plain text: keep it somewhere private).")


def import_(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="A JSON export from recoverylog.")],
) -> None:
    """Add the entries of an export that the journal does not have yet (all or nothing)."""
    from recoverylog.journal import read_export

    doc = read_export(Path(file))
    with open_journal(ctx) as journal:
        result = journal.import_data(doc)
    parts = [f"{n} {table}" for table, n in sorted(result.added.items())]
    typer.echo(
        f"Imported {result.total_added} entries" + (f" ({', '.join(parts)})" if parts else "") + "."
    )
    if result.skipped:
        typer.echo(f"{result.skipped} were already in the journal.")
    if result.conflicts:
        typer.echo(
            f"{result.conflicts} have the same id as a different entry; the journal's own were kept."
        )
    if result.same_day:
        typer.echo(
            f"{result.same_day} check-ins are for days that already have one; "
            "the journal's own were kept."
        )


def backup(
    ctx: typer.Context,
    file: Annotated[str, typer.Argument(help="Where to write the encrypted backup.")],
    force: FORCE = False,
) -> None:
    """Write an encrypted copy of the whole journal (opens with the same passphrase)."""
    with open_journal(ctx) as journal:
        journal.backup_to(Path(file), force=force)
    typer.echo(f"Encrypted backup written to {file}.")


def restore(
    ctx: typer.Context,
    file: Annotated[
        str | None,
        typer.Argument(
            help="A backup file, or the name of one from the list (no name: list them)."
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace an existing journal (a copy is kept).")
    ] = False,
) -> None:
    """Make a backup the journal again (asks for that backup's passphrase), or list backups."""
    from recoverylog.backups import list_backups, resolve_backup
    from recoverylog.journal import restore_backup

    locations = state(ctx).locations
    if file is None:
        backups = list_backups(locations)
        if not backups:
            typer.echo(f"No backups in {locations.backups} yet.")
        for item in backups:
            typer.echo(
                f"{item.path.name:<40} {item.kind:<18} {item.made:%Y-%m-%d %H:%M}  {item.size // 1024:>6} KiB"
            )
        return
    source = resolve_backup(locations, file)
    journal = restore_backup(locations, source, passphrase("Backup's passphrase"), force=force)
    journal.close()
    typer.echo(f"Restored {source} into {locations.data_dir}.")


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Files")(export)
    app.command("import", rich_help_panel="Files")(import_)
    app.command(rich_help_panel="Files")(backup)
    app.command(rich_help_panel="Files")(restore)
