"""The current moment and the current journal day (frozen by ``RECOVERYLOG_NOW`` for tests)."""

from __future__ import annotations

import os
from datetime import date, datetime

ENV_NOW = "RECOVERYLOG_NOW"


def now() -> datetime:
    """Timezone-aware local now; ``RECOVERYLOG_NOW`` (ISO 8601) freezes it for tests and demos."""
    frozen = os.environ.get(ENV_NOW)
    if frozen:
        moment = datetime.fromisoformat(frozen)
        return moment.astimezone() if moment.tzinfo else moment.astimezone()
    return datetime.now().astimezone()


def day_of(moment: datetime, rollover_hour: int = 0) -> date:
    from recoverylog.recovery.days import local_day

    return local_day(moment, rollover_hour)
