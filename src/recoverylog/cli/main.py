"""The root command: global options, sub-apps per noun, and the entry point ``run``.

Heavy modules (the journal, SQLModel, Textual) are imported inside commands, so that
``--help`` and ``crisis`` answer in about the time Python itself takes to start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from recoverylog import __version__
from recoverylog.cli import fastparams
from recoverylog.cli.boundary import BoundaryGroup
from recoverylog.cli.context import AppState

fastparams.install()

app = typer.Typer(
    cls=BoundaryGroup,
    name="recoverylog",
    help=(
        "A private, encrypted journal for recovery: check-ins, cravings, coping skills and "
        "sober days. Run with no command to open the app. Crisis help: recoverylog crisis"
    ),
    invoke_without_command=True,
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"recoverylog {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    data_dir: Annotated[
        str | None,
        typer.Option(
            "--data-dir",
            help="Folder holding the journal (default: your user data folder; "
            "or set RECOVERYLOG_DATA_DIR).",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    ctx.obj = AppState(data_dir_option=Path(data_dir) if data_dir else None)
    if ctx.invoked_subcommand is None:
        from recoverylog.cli.app_launch import open_app

        open_app(ctx)


@app.command(rich_help_panel="Journal")
def demo(ctx: typer.Context) -> None:
    """Open the app on a generated sample journal in a temporary folder (yours is untouched)."""
    from recoverylog.cli.app_launch import demo as open_demo

    open_demo(ctx)


def _register() -> None:
    from recoverylog.cli import (
        crisis,
        entries_cmds,
        files,
        keys,
        manage,
        report_cmd,
        skills_cmds,
        tracks,
        views,
    )

    for module in (
        keys,
        tracks,
        entries_cmds,
        views,
        manage,
        skills_cmds,
        report_cmd,
        files,
        crisis,
    ):
        module.register(app)


_register()


NO_UNLOCK = {"init", "crisis", "demo", "restore", "recover", "--help", "-h", "--version"}


def _prefetch_unlock(argv: list[str]) -> None:
    """With the passphrase in the environment, start deriving the key while Typer starts up."""
    import os

    secret = os.environ.get("RECOVERYLOG_PASSPHRASE")
    if not secret or not argv or NO_UNLOCK & set(argv):
        return
    data_dir: str | None = None
    for i, arg in enumerate(argv):
        if arg == "--data-dir" and i + 1 < len(argv):
            data_dir = argv[i + 1]
        elif arg.startswith("--data-dir="):
            data_dir = arg.split("=", 1)[1]
    from recoverylog.paths import locate

    db = locate(data_dir).db
    if db.exists():
        from recoverylog.vault import prefetch

        prefetch.start(db, secret)


def run() -> None:
    """Console-script entry point."""
    import sys

    _prefetch_unlock(sys.argv[1:])
    app()
