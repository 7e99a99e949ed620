"""Opening hours as data ("mon-fri 08:00-16:00", "24/7") and whether a place is open at a moment."""

from __future__ import annotations

import re

from bot.core.phrase import Phrase

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RULE = re.compile(
    r"^(?P<days>[a-z]{3}(?:-[a-z]{3})?(?:,[a-z]{3}(?:-[a-z]{3})?)*) "
    r"(?P<start>\d{2}):(?P<sm>\d{2})-(?P<end>\d{2}):(?P<em>\d{2})$"
)


class HoursError(ValueError):
    """An opening-hours rule that cannot be read; the message says how to write it."""

    def __init__(self, phrase: Phrase):
        super().__init__(str(phrase))
        self.phrase = phrase


def parse(rules: tuple[str, ...]) -> tuple[tuple[frozenset[int], int, int], ...]:
    """(weekdays 0=Monday, start minute, end minute) per rule; "24/7" is every day all day."""
    out = []
    for rule in rules:
        text = " ".join(rule.lower().split())
        if text == "24/7":
            out.append((frozenset(range(7)), 0, 24 * 60))
            continue
        m = _RULE.match(text)
        if not m:
            raise HoursError(
                Phrase('\'{rule}\' is not an opening-hours rule; write e.g. "mon-fri 08:00-16:00" or "24/7"', rule=rule)
            )
        days: set[int] = set()
        for part in m["days"].split(","):
            first, _, last = part.partition("-")
            if first not in DAYS or (last and last not in DAYS):
                raise HoursError(Phrase("'{rule}': days are written mon, tue, wed, thu, fri, sat, sun", rule=rule))
            a, b = DAYS.index(first), DAYS.index(last or first)
            days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
        start, end = int(m["start"]) * 60 + int(m["sm"]), int(m["end"]) * 60 + int(m["em"])
        if not (0 <= start < end <= 24 * 60) or int(m["sm"]) > 59 or int(m["em"]) > 59:
            raise HoursError(
                Phrase("'{rule}': the opening time must come before the closing time, within 00:00-24:00", rule=rule)
            )
        out.append((frozenset(days), start, end))
    return tuple(out)


def is_open(rules: tuple[tuple[frozenset[int], int, int], ...], weekday: int, minute: int) -> bool:
    """Open on `weekday` (0=Monday) at `minute` after midnight, local time."""
    return any(weekday in days and start <= minute < end for days, start, end in rules)
