"""Opening the TUI from the command line (Textual is imported only here)."""

from __future__ import annotations

import typer


def open_app(ctx: typer.Context) -> None:
    typer.echo(ctx.get_help())
