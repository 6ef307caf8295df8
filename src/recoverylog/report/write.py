"""Rendering a report model to a format and writing it: 0600, atomic, never over a file
unless asked, optionally sealed (HTML only)."""

from __future__ import annotations

import os
from pathlib import Path

from recoverylog.errors import AlreadyExists, InvalidInput
from recoverylog.report.model import ReportModel

FORMATS = ("md", "html", "pdf")


#: A report file's extension names its format when none is given.
SUFFIXES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}


def format_for(path: str) -> str | None:
    """The format a file name's extension asks for, if it names one."""
    from pathlib import Path

    return SUFFIXES.get(Path(path.strip()).suffix.lower())


def check_format(fmt: str, seal: bool = False) -> str:
    """The format in lower case; InvalidInput naming ``--format`` or ``--seal`` otherwise."""
    value = fmt.strip().lower()
    if value == "markdown":
        value = "md"
    if value not in FORMATS:
        raise InvalidInput("--format", f"must be one of {', '.join(FORMATS)} (got {fmt!r})")
    if seal and value != "html":
        raise InvalidInput("--seal", f"works only with --format html (got {value})")
    return value


def render(model: ReportModel, fmt: str) -> bytes:
    """The report in ``fmt`` (md, html or pdf) as bytes (UTF-8 for text formats)."""
    fmt = check_format(fmt)
    if fmt == "md":
        from recoverylog.report.markdown import render_markdown

        return render_markdown(model).encode("utf-8")
    if fmt == "html":
        from recoverylog.report.html import render_html

        return render_html(model).encode("utf-8")
    from recoverylog.report.pdf import render_pdf

    return render_pdf(model)


def write_report(
    model: ReportModel,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    force: bool = False,
    seal: bool = False,
) -> str | None:
    """Render and write the report with mode 0600; returns the one-time passphrase when
    ``seal`` (HTML only), else None. An existing file is replaced only with ``force``."""
    from recoverylog.paths import write_private_bytes

    fmt = check_format(fmt, seal)
    target = Path(path)
    if target.exists() and not force:
        raise AlreadyExists(f"{target} already exists (use --force to replace it)")
    data = render(model, fmt)
    passphrase = None
    if seal:
        from recoverylog.report.seal import new_passphrase
        from recoverylog.report.seal import seal as seal_html

        passphrase = new_passphrase()
        data = seal_html(data.decode("utf-8"), passphrase).encode("utf-8")
    write_private_bytes(target, data, force=force)
    return passphrase
