"""``recoverylog report`` through Typer's runner: formats, default period, --force, file mode,
option errors that name the option (exit 1), and --seal."""

from __future__ import annotations

import re
import stat
from pathlib import Path

import pytest

from recoverylog.report.seal import unseal
from tests.conftest import invoke
from tests.report.conftest import CANARY, NOW, Known

pytestmark = pytest.mark.usefixtures("report_cli")


@pytest.mark.parametrize(
    ("name", "extra", "starts"),
    [
        ("r.md", [], b"# Recovery journal summary"),
        ("r.html", [], b"<!DOCTYPE html>"),
        ("r.pdf", [], b"%PDF-1."),
        ("r.out", ["--format", "PDF"], b"%PDF-1."),
        ("r.txt", ["--format", "md"], b"# Recovery"),
    ],
)
def test_each_format_is_written(
    known: Known, tmp_path: Path, name: str, extra: list[str], starts: bytes
) -> None:
    out = tmp_path / name
    result = invoke(["report", "--output", str(out), *extra], known.data_dir, RECOVERYLOG_NOW=NOW)
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(starts)
    assert f"Report written to {out} (2026-03-02 to 2026-03-31)" in result.output
    assert "health information" in result.output


def test_default_period_is_the_last_30_days(known: Known, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    assert invoke(["report", "-o", str(out)], known.data_dir, RECOVERYLOG_NOW=NOW).exit_code == 0
    assert "Period: 2026-03-02 to 2026-03-31 (30 days)" in out.read_text()
    other = tmp_path / "other.md"
    args = ["report", "-o", str(other), "--from", "2026-03-01", "--to", "yesterday"]
    assert invoke(args, known.data_dir, RECOVERYLOG_NOW=NOW).exit_code == 0
    assert "Period: 2026-03-01 to 2026-03-30 (30 days)" in other.read_text()
    only_to = tmp_path / "to.md"
    args = ["report", "-o", str(only_to), "--to", "2026-03-10"]
    assert invoke(args, known.data_dir, RECOVERYLOG_NOW=NOW).exit_code == 0
    assert "Period: 2026-02-09 to 2026-03-10 (30 days)" in only_to.read_text()


def test_refuses_to_overwrite_without_force(known: Known, tmp_path: Path) -> None:
    out = tmp_path / "r.md"
    out.write_text("mine")
    result = invoke(["report", "-o", str(out)], known.data_dir, RECOVERYLOG_NOW=NOW)
    assert result.exit_code == 1 and "already exists (use --force" in result.output
    assert out.read_text() == "mine"
    forced = invoke(["report", "-o", str(out), "--force"], known.data_dir, RECOVERYLOG_NOW=NOW)
    assert forced.exit_code == 0 and out.read_text().startswith("# Recovery journal summary")


@pytest.mark.usefixtures("umask_000")
@pytest.mark.parametrize("name", ["r.md", "r.html", "r.pdf"])
def test_files_are_private_even_under_umask_000(known: Known, tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    assert invoke(["report", "-o", str(out)], known.data_dir, RECOVERYLOG_NOW=NOW).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left behind


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "docx"], "--format must be one of md, html, pdf (got 'docx')"),
        (["--from", "2026-02-30"], "--from must be a date like"),
        (["--to", "soon"], "--to must be a date like"),
        (["--to", "2026-04-01"], "--to must be today (2026-03-31) or earlier"),
        (["--from", "2026-03-20", "--to", "2026-03-10"], "--from must be on or before --to"),
        (["--seal"], "--seal works only with --format html (got md)"),
        (["--seal", "--format", "pdf"], "--seal works only with --format html (got pdf)"),
    ],
)
def test_bad_options_exit_1_naming_the_option(
    known: Known, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "r.md"
    result = invoke(["report", "-o", str(out), *args], known.data_dir, RECOVERYLOG_NOW=NOW)
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_output_and_format_are_needed(known: Known, tmp_path: Path) -> None:
    missing = invoke(["report"], known.data_dir, RECOVERYLOG_NOW=NOW)
    assert missing.exit_code == 1 and "--output is needed" in missing.output
    unknown = invoke(["report", "-o", str(tmp_path / "r.doc")], known.data_dir)
    assert unknown.exit_code == 1 and "--format is needed: md, html or pdf" in unknown.output


def test_seal_prints_a_one_time_passphrase(known: Known, tmp_path: Path) -> None:
    out = tmp_path / "sealed.html"
    args = ["report", "-o", str(out), "--format", "html", "--seal", "--include-notes"]
    result = invoke(args, known.data_dir, RECOVERYLOG_NOW=NOW)
    assert result.exit_code == 0, result.output
    found = re.findall(r"^\s+([A-Z2-7]{4}(?:-[A-Z2-7]{4}){5})$", result.output, re.M)
    assert len(found) == 1
    page = out.read_text(encoding="utf-8")
    assert CANARY not in page and found[0] not in page
    assert CANARY in unseal(page, found[0])
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_include_notes_through_the_cli(known: Known, tmp_path: Path) -> None:
    plain, notes = tmp_path / "plain.md", tmp_path / "notes.md"
    base = ["report", "--from", "2026-03-01"]
    assert invoke([*base, "-o", str(plain)], known.data_dir, RECOVERYLOG_NOW=NOW).exit_code == 0
    args = [*base, "-o", str(notes), "--include-notes"]
    assert invoke(args, known.data_dir, RECOVERYLOG_NOW=NOW).exit_code == 0
    assert CANARY not in plain.read_text() and CANARY in notes.read_text()
