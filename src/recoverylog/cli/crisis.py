"""``crisis``: helplines for a region; needs no journal and no unlocking (stdlib only)."""

from __future__ import annotations

from typing import Annotated

import typer

from recoverylog.cli.context import state


def crisis(
    ctx: typer.Context,
    region: Annotated[
        str | None,
        typer.Option(
            "--region", help="US, UK, CA, AU, IE or INT (default: your settings, then locale)."
        ),
    ] = None,
) -> None:
    """Crisis and helpline resources. If you are in danger now, call your emergency number."""
    from recoverylog import crisis as resources
    from recoverylog.config import load_config

    try:
        configured = load_config(state(ctx).locations.config_file).region
    except Exception:  # a broken config must never stand between a person and help
        configured = None
    typer.echo(resources.render_text(resources.resolve_region(region, configured)))


def register(app: typer.Typer) -> None:
    app.command(rich_help_panel="Help")(crisis)
