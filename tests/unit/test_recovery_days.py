"""Journal days in the local zone: rollover hour, DST nights, leap days, moments given in UTC."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from recoverylog.recovery.days import local_day, today

UseZone = Callable[[str], None]


@pytest.fixture
def use_zone() -> Iterator[UseZone]:
    """Switch the process's local zone (``TZ`` + ``tzset``); restored afterwards."""
    saved = os.environ.get("TZ")

    def use(name: str) -> None:
        os.environ["TZ"] = name
        time.tzset()

    yield use
    if saved is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = saved
    time.tzset()


def at(zone: str, y: int, mo: int, d: int, h: int, mi: int, fold: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, fold=fold, tzinfo=ZoneInfo(zone))


def test_the_fixture_really_switches_the_local_zone(use_zone: UseZone) -> None:
    summer = datetime(2024, 7, 1, 12, 0, tzinfo=UTC)
    use_zone("Europe/London")
    assert summer.astimezone().utcoffset() == timedelta(hours=1)
    use_zone("America/New_York")
    assert summer.astimezone().utcoffset() == timedelta(hours=-4)


# (zone, wall-clock moment, the hour a local clock shows at that instant, calendar date)
# London 2024: clocks go 01:00 GMT -> 02:00 BST on 31 Mar, 02:00 BST -> 01:00 GMT on 27 Oct.
# New York 2024: 02:00 EST -> 03:00 EDT on 10 Mar, 02:00 EDT -> 01:00 EST on 3 Nov.
DST_NIGHTS = [
    ("Europe/London", (2024, 3, 31, 0, 30, 0), 0, date(2024, 3, 31)),
    # 01:59 does not exist that night; ZoneInfo reads it with the GMT offset, i.e. 02:59 BST.
    ("Europe/London", (2024, 3, 31, 1, 59, 0), 2, date(2024, 3, 31)),
    ("Europe/London", (2024, 3, 31, 3, 0, 0), 3, date(2024, 3, 31)),
    ("Europe/London", (2024, 10, 27, 0, 30, 0), 0, date(2024, 10, 27)),
    ("Europe/London", (2024, 10, 27, 1, 59, 0), 1, date(2024, 10, 27)),  # first 01:59 (BST)
    ("Europe/London", (2024, 10, 27, 1, 59, 1), 1, date(2024, 10, 27)),  # second 01:59 (GMT)
    ("Europe/London", (2024, 10, 27, 3, 0, 0), 3, date(2024, 10, 27)),
    ("America/New_York", (2024, 3, 10, 0, 30, 0), 0, date(2024, 3, 10)),
    ("America/New_York", (2024, 3, 10, 1, 59, 0), 1, date(2024, 3, 10)),
    ("America/New_York", (2024, 3, 10, 3, 0, 0), 3, date(2024, 3, 10)),
    ("America/New_York", (2024, 11, 3, 0, 30, 0), 0, date(2024, 11, 3)),
    ("America/New_York", (2024, 11, 3, 1, 59, 0), 1, date(2024, 11, 3)),  # first 01:59 (EDT)
    ("America/New_York", (2024, 11, 3, 1, 59, 1), 1, date(2024, 11, 3)),  # second 01:59 (EST)
    ("America/New_York", (2024, 11, 3, 3, 0, 0), 3, date(2024, 11, 3)),
]


@pytest.mark.parametrize("rollover", [0, 2, 3, 4])
@pytest.mark.parametrize(("zone", "wall", "clock_hour", "day"), DST_NIGHTS)
def test_dst_nights_land_on_the_right_day(
    use_zone: UseZone,
    zone: str,
    wall: tuple[int, int, int, int, int, int],
    clock_hour: int,
    day: date,
    rollover: int,
) -> None:
    use_zone(zone)
    y, mo, d, h, mi, fold = wall
    moment = at(zone, y, mo, d, h, mi, fold)
    assert moment.astimezone().hour == clock_hour
    expected = day if clock_hour >= rollover else day - timedelta(days=1)
    assert local_day(moment, rollover) == expected


@pytest.mark.parametrize("zone", ["Europe/London", "America/New_York"])
def test_dst_spot_checks_with_rollover_0_and_4(use_zone: UseZone, zone: str) -> None:
    use_zone(zone)
    spring = (2024, 3, 31) if zone == "Europe/London" else (2024, 3, 10)
    autumn = (2024, 10, 27) if zone == "Europe/London" else (2024, 11, 3)
    for y, mo, d in (spring, autumn):
        for h, mi in ((0, 30), (1, 59), (3, 0)):
            moment = at(zone, y, mo, d, h, mi)
            assert local_day(moment) == date(y, mo, d)
            assert local_day(moment, 4) == date(y, mo, d - 1)
        assert local_day(at(zone, y, mo, d, 4, 0), 4) == date(y, mo, d)


def test_the_two_autumn_0159s_are_different_instants_on_the_same_day(use_zone: UseZone) -> None:
    use_zone("America/New_York")
    first = at("America/New_York", 2024, 11, 3, 1, 59, fold=0)
    second = at("America/New_York", 2024, 11, 3, 1, 59, fold=1)
    assert second - first == timedelta(0)  # same zone: wall-clock arithmetic
    assert second.astimezone(UTC) - first.astimezone(UTC) == timedelta(hours=1)
    assert local_day(first) == local_day(second) == date(2024, 11, 3)
    assert local_day(first, 4) == local_day(second, 4) == date(2024, 11, 2)


def test_leap_day(use_zone: UseZone) -> None:
    use_zone("Europe/London")
    assert local_day(at("Europe/London", 2024, 2, 29, 0, 30)) == date(2024, 2, 29)
    assert local_day(at("Europe/London", 2024, 2, 29, 0, 30), 4) == date(2024, 2, 28)
    assert local_day(at("Europe/London", 2024, 3, 1, 1, 0), 4) == date(2024, 2, 29)
    assert local_day(at("Europe/London", 2023, 3, 1, 1, 0), 4) == date(2023, 2, 28)
    assert local_day(at("Europe/London", 2024, 2, 29, 23, 59), 6) == date(2024, 2, 29)


def test_a_utc_moment_counts_on_the_local_date(use_zone: UseZone) -> None:
    use_zone("America/New_York")
    moment = datetime(2024, 3, 10, 3, 30, tzinfo=UTC)  # 22:30 EST the evening before
    assert moment.date() == date(2024, 3, 10)
    assert local_day(moment) == date(2024, 3, 9)
    assert local_day(moment, 4) == date(2024, 3, 9)

    use_zone("Asia/Tokyo")
    evening_utc = datetime(2024, 2, 28, 20, 0, tzinfo=UTC)  # 05:00 on 29 Feb in Tokyo
    assert local_day(evening_utc) == date(2024, 2, 29)
    assert local_day(evening_utc, 4) == date(2024, 2, 29)
    assert local_day(evening_utc, 6) == date(2024, 2, 28)


def test_a_moment_from_another_zone_uses_the_local_zone(use_zone: UseZone) -> None:
    use_zone("Europe/London")
    sydney_morning = at("Australia/Sydney", 2024, 6, 15, 8, 0)  # 23:00 BST on 14 June
    assert local_day(sydney_morning) == date(2024, 6, 14)


def test_today_uses_the_given_moment_and_rollover(use_zone: UseZone) -> None:
    use_zone("Europe/London")
    late = at("Europe/London", 2024, 1, 2, 1, 30)
    assert today(late) == date(2024, 1, 2)
    assert today(late, rollover_hour=4) == date(2024, 1, 1)


def test_today_defaults_to_now(use_zone: UseZone) -> None:
    use_zone("America/New_York")
    before = datetime.now().astimezone().date()
    got = today()
    after = datetime.now().astimezone().date()
    assert got in {before, after}


@pytest.mark.parametrize("bad", [-1, 7, 24, True])
def test_rollover_hour_out_of_range_is_refused(bad: int) -> None:
    moment = datetime(2024, 1, 1, 12, 0, tzinfo=UTC)
    with pytest.raises(ValueError, match="rollover hour"):
        local_day(moment, bad)
    with pytest.raises(ValueError, match="rollover hour"):
        today(moment, bad)


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        local_day(datetime(2024, 1, 1, 12, 0))
    with pytest.raises(ValueError, match="naive"):
        today(datetime(2024, 1, 1, 12, 0))
