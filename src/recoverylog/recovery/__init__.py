"""Sober-day counting: pure functions of dates (journal days, runs, rates, milestones, savings).

Nothing here touches the database or the clock beyond ``days.today()``'s default.
"""
