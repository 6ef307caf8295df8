"""The one error boundary: every error becomes a plain message and a documented exit code."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from recoverylog.errors import RecoverylogError, StorageError


def report_error(message: str) -> None:
    typer.echo(f"recoverylog: {message}", err=True)


def _is_framework(exc: BaseException) -> bool:
    """Typer's and Click's own signals (exit, abort, usage errors) pass through untouched."""
    return type(exc).__module__.split(".")[0] in ("typer", "click")


class BoundaryGroup(TyperGroup):
    """The root command group: catches every error below it; no traceback reaches a person."""

    def invoke(self, ctx: Any) -> Any:
        from recoverylog.cli import context

        context.OPENED.clear()
        try:
            result = super().invoke(ctx)
            _report_damaged(context.OPENED)
            return result
        except RecoverylogError as exc:
            report_error(exc.message)
            raise typer.Exit(exc.exit_code) from None
        except UnicodeDecodeError:  # raised by sqlite3 when damage garbles its own messages
            report_error(f"the journal file {_data_path(ctx)} is damaged")
            raise typer.Exit(4) from None
        except KeyboardInterrupt:
            report_error("stopped; nothing more was saved")
            raise typer.Exit(130) from None
        except sqlite3.Error as exc:
            from recoverylog.store.engine import damaged_or_storage

            err = damaged_or_storage(exc, _data_path(ctx))
            report_error(str(err))
            raise typer.Exit(getattr(err, "exit_code", 1)) from None
        except BrokenPipeError:  # the reader stopped reading (``log | head``): not an error
            _quiet_stdout()
            raise typer.Exit(0) from None
        except OSError as exc:
            err = StorageError(
                f"could not read or write {exc.filename or 'a file'}: {exc.strerror or exc}"
            )
            report_error(err.message)
            raise typer.Exit(err.exit_code) from None
        except Exception as exc:  # the last line of defence: never a traceback
            if _is_framework(exc) or os.environ.get("RECOVERYLOG_DEBUG"):
                raise
            report_error(
                f"something unexpected went wrong ({type(exc).__name__}); nothing more was "
                "saved. Set RECOVERYLOG_DEBUG=1 to see details."
            )
            raise typer.Exit(1) from None


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _report_damaged(journals: list[Any]) -> None:
    """After a command that read data: name each damaged record it met, then exit 4."""
    seen: dict[str, None] = {}
    for journal in journals:
        for item in journal.store.damaged:
            seen.setdefault(str(item))
    if seen:
        for message in seen:
            report_error(message)
        raise typer.Exit(4)


def _data_path(ctx: Any) -> Any:
    from pathlib import Path

    obj = ctx.find_root().obj
    locations = getattr(obj, "locations", None)
    return locations.db if locations is not None else Path("journal.db")


def is_interactive() -> bool:
    return sys.stdin.isatty()
