"""Period locks: once a unit's report for a period has been accepted, the activities it
counted must not change under it.

The reports app owns report periods, so it registers a checker here (in its AppConfig.ready)
instead of this app importing it. A checker receives the unit and a date and returns a
Vietnamese message when that date is locked for that unit, or None.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from django.core.exceptions import ValidationError

LockChecker = Callable[[object, dt.date], "str | None"]
_checkers: list[LockChecker] = []


class PeriodLocked(ValidationError):
    """Raised by the services when a registered checker locks the date."""


def register_lock(checker: LockChecker) -> LockChecker:
    if checker not in _checkers:
        _checkers.append(checker)
    return checker


def unregister_lock(checker: LockChecker) -> None:
    if checker in _checkers:
        _checkers.remove(checker)


def lock_message(unit, dates: Iterable[dt.date]) -> str | None:
    for date in sorted(set(dates)):
        for checker in _checkers:
            message = checker(unit, date)
            if message:
                return message
    return None


def ensure_unlocked(unit, dates: Iterable[dt.date]) -> None:
    message = lock_message(unit, dates)
    if message:
        raise PeriodLocked(message, code="locked")
