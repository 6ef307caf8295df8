"""The summary report for a sponsor, a peer group or a therapist: one model, three formats.

``build_report(journal, start, end, include_notes)`` computes the :class:`ReportModel` once;
``write_report(model, fmt, path, force=, seal=)`` renders it as Markdown, HTML or PDF and
writes it (mode 0600), returning the one-time passphrase of a sealed HTML report.
"""

from __future__ import annotations

from recoverylog.report.model import ReportModel, build_report, default_period
from recoverylog.report.write import FORMATS, check_format, format_for, render, write_report

__all__ = [
    "FORMATS",
    "ReportModel",
    "build_report",
    "check_format",
    "default_period",
    "format_for",
    "render",
    "write_report",
]
