"""Logs that can neither leak nor flood: the libraries' own records keep only their level, place and
exception type (never an update's content or a URL with the token), and a message repeated
quickly is written a few times a minute, then counted. Every line starts with its time in UTC."""

from __future__ import annotations

import logging
import time

#: Loggers of the libraries around Telegram; their messages may carry updates, payloads or URLs.
LIBRARY_LOGGERS = ("telegram", "httpx", "httpcore", "aiohttp", "tornado", "apscheduler", "asyncio")


class ContentFree(logging.Filter):
    """Rewrites a library's record to its logger, function and exception type."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not record.name.startswith(LIBRARY_LOGGERS):
            return True
        kind = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else None
        record.msg = f"{record.funcName}: {kind}" if kind else f"{record.funcName}: a message of the library"
        record.args = ()
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


class RepeatLimit(logging.Filter):
    """At most `burst` records with the same logger and message template per `window` seconds; the
    rest are counted and reported once the window ends."""

    def __init__(self, burst: int = 5, window: float = 60.0, clock=time.monotonic) -> None:
        super().__init__()
        self.burst, self.window, self.clock = burst, window, clock
        self._seen: dict[tuple[str, object], list] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.msg)
        now = self.clock()
        entry = self._seen.get(key)
        if entry is None or now - entry[0] >= self.window:
            if entry is not None and entry[2]:
                record.msg = f"{record.msg} (and {entry[2]} more like it in the last minute)"
            if len(self._seen) > 1000:
                self._seen.clear()
            self._seen[key] = [now, 1, 0]
            return True
        entry[1] += 1
        if entry[1] <= self.burst:
            return True
        entry[2] += 1
        return False


class UtcFormatter(logging.Formatter):
    """`2026-12-01T13:05:09.123Z WARNING bot.telegram.application: …`: ISO 8601 time in UTC, so that lines of
    replicas in different zones sort together."""

    converter = time.gmtime  # type: ignore[assignment]  # typeshed types it without the optional argument gmtime takes
    default_time_format = "%Y-%m-%dT%H:%M:%S"
    default_msec_format = "%s.%03dZ"

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")


def harden(handler: logging.Handler) -> None:
    """Put both filters on a handler (filters on handlers also see records of child loggers)."""
    handler.addFilter(ContentFree())
    handler.addFilter(RepeatLimit())
