"""Fixtures for the TUI tests: journals at the KDF floor (fast) and a frozen date."""

from __future__ import annotations

import asyncio
import inspect
import os
import shutil
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from recoverylog.config import Config, save_config
from recoverylog.journal import Journal
from recoverylog.paths import Locations, locate
from recoverylog.vault.kdf import FLOOR_MEMORY_KIB, KdfParams
from tests.tui.helpers import NOW, PASSPHRASE

FLOOR = KdfParams(memory_kib=FLOOR_MEMORY_KIB)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run ``async def`` tests on a fresh event loop (no asyncio plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


@pytest.fixture(autouse=True)
def _frozen_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOVERYLOG_NOW", NOW)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)


def _new(path: Path) -> tuple[Locations, Journal]:
    locations = locate(path)
    journal, _ = Journal.create(locations, PASSPHRASE, FLOOR)
    save_config(locations.config_file, Config(region="US"))
    return locations, journal


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The journals every test starts from, built once per test process and copied."""
    from recoverylog.sample import build_sample

    base = tmp_path_factory.mktemp("templates")
    saved = os.environ.get("RECOVERYLOG_NOW")
    os.environ["RECOVERYLOG_NOW"] = NOW
    try:
        _, journal = _new(base / "sample")
        with journal:
            build_sample(journal, journal.today(), seed=7, tz_offset_hours=0)
        _, journal = _new(base / "fresh")
        with journal:
            journal.add_track("Alcohol", journal.today() - timedelta(days=30), Decimal("12"))
    finally:
        if saved is None:
            os.environ.pop("RECOVERYLOG_NOW", None)
        else:
            os.environ["RECOVERYLOG_NOW"] = saved
    return {"sample": base / "sample", "fresh": base / "fresh"}


def _copy(template: Path, target: Path) -> Locations:
    shutil.copytree(template, target)
    return locate(target)


@pytest.fixture
def sample_dir(tmp_path: Path, _templates: dict[str, Path]) -> Locations:
    """The fixed sample journal (seed 7, UTC, 120 days to 2026-11-25), closed."""
    return _copy(_templates["sample"], tmp_path / "sample")


@pytest.fixture
def fresh_dir(tmp_path: Path, _templates: dict[str, Path]) -> Locations:
    """A journal with one track (Alcohol, 30 days) and nothing else, closed."""
    return _copy(_templates["fresh"], tmp_path / "fresh")


def open_journal(locations: Locations) -> Journal:
    return Journal.open(locations, PASSPHRASE)


@pytest.fixture
def reopen() -> Iterator[list[Journal]]:
    """Journals opened by a test to check what was written; closed afterwards."""
    opened: list[Journal] = []
    yield opened
    for journal in opened:
        journal.close()
