"""Storage as the Telegram handlers see it: every call on one worker thread, with a time limit and a
circuit breaker, so a slow, locked, read-only or vanished database never holds up an answer."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from bot.storage.base import PENDING_MAX

log = logging.getLogger(__name__)


class StoreGateway:
    """Async access to a Store. A call that fails or takes longer than `timeout` seconds returns its
    default, and storage is then skipped for `pause` seconds (one log line, no content); events
    arriving meanwhile wait in memory. `on_trouble(reason)` is called when storage starts failing
    (at most once per `notice_every` seconds), for the admins."""

    def __init__(self, store, timeout: float = 1.5, pause: float = 30.0, notice_every: float = 3600.0):
        self.store = store
        self.timeout, self.pause, self.notice_every = timeout, pause, notice_every
        self.on_trouble: Callable[[str], None] | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self._skip_until = 0.0
        self._healthy = True
        self._last_notice = -notice_every
        self._events: deque[tuple] = deque(maxlen=PENDING_MAX)
        self.failures = 0

    @property
    def retention_days(self) -> int:
        return self.store.retention_days

    async def call(self, default: Any, fn: Callable, *args) -> Any:
        """Run any storage function the same way (e.g. reading the usage figures)."""
        return await self._call(default, fn, *args)

    async def _call(self, default: Any, fn: Callable, *args) -> Any:
        if time.monotonic() < self._skip_until:
            return default
        loop = asyncio.get_running_loop()
        failures = self.store.failures
        try:
            result = await asyncio.wait_for(loop.run_in_executor(self._executor, fn, *args), self.timeout)
        except Exception as exc:  # TimeoutError, sqlite3 errors, a closed store …
            self._trouble(type(exc).__name__)
            return default
        if self.store.failures > failures:  # the store caught its own error and returned its default
            self._trouble(self.store.last_error.split(":")[0])
        elif not self._healthy:
            self._healthy = True
            log.warning("storage works again")
        return result

    def _trouble(self, reason: str) -> None:
        self.failures += 1
        self._skip_until = time.monotonic() + self.pause
        log.warning("storage unavailable (%s); answering without it for %.0f s", reason, self.pause)
        if self._healthy and self.on_trouble is not None and time.monotonic() - self._last_notice >= self.notice_every:
            self._last_notice = time.monotonic()
            self.on_trouble(reason)
        self._healthy = False

    async def language(self, pseudonym: str) -> str | None:
        return await self._call(None, self.store.language, pseudonym)

    async def set_language(self, pseudonym: str, lang: str) -> bool:
        return await self._call(False, self.store.set_language, pseudonym, lang)

    async def record_feedback(self, pseudonym: str, entry: str, helpful: bool) -> bool:
        return await self._call(False, self.store.record_feedback, pseudonym, entry, helpful)

    async def add_sample(self, text: str, lang: str) -> bool:
        return await self._call(False, self.store.add_sample, text, lang)

    async def log_event(
        self,
        pseudonym: str,
        kind: str,
        chat_type: str,
        lang: str,
        outcome: str | None = None,
        entry: str | None = None,
        band: str | None = None,
        latency_ms: int | None = None,
    ) -> bool:
        """Record an event; while storage is paused it waits in memory and goes with the next write."""
        self._events.append((pseudonym, kind, chat_type, lang, outcome, entry, band, latency_ms))
        if time.monotonic() < self._skip_until:
            return False
        rows = list(self._events)
        self._events.clear()
        return await self._call(False, self.store.log_events, rows)

    async def flood_check(self, pseudonym: str, limit: int = 20, window: float = 60.0, quiet: float = 60.0) -> str:
        """ "ok", "notify" or "drop" from the shared counter; "ok" when storage fails (answers first)."""
        return await self._call("ok", self.store.flood_check, pseudonym, limit, window, quiet)

    async def remember_reply(self, message: str, reply_id: int, resident: str | None = None) -> None:
        """Remember which reply answered `message`; `resident` (the sender's pseudonym) lets /forget erase it."""
        await self._call(None, self.store.remember_reply, message, reply_id, resident)

    async def reply_for(self, message: str) -> int | None:
        return await self._call(None, self.store.reply_for, message)

    # The Telegram front end's log of handled updates (bot.telegram.polling.HandledLog).
    async def seen(self, update_id: int) -> bool:
        """True when the update was answered already; False when storage fails (better twice than never)."""
        return bool(await self._call(False, self.store.update_handled, update_id))

    async def record(self, update_id: int) -> None:
        await self._call(None, self.store.record_update, update_id)

    async def forget(self, pseudonym: str) -> dict[str, int] | None:
        waiting = len(self._events)
        self._events = deque((row for row in self._events if row[0] != pseudonym), maxlen=PENDING_MAX)
        deleted = await self._call(None, self.store.forget, pseudonym)
        if deleted is not None:
            deleted["events"] += waiting - len(self._events)
        return deleted

    def close(self, timeout: float = 5.0) -> None:
        """Write the events still waiting and close the store, on the worker thread; give up after
        `timeout` seconds if the database hangs (shutdown must not)."""
        rows = list(self._events)
        self._events.clear()

        def finish() -> None:
            self.store.log_events(rows)
            self.store.close()

        future = self._executor.submit(finish)
        try:
            future.result(timeout)
        except Exception as exc:  # TimeoutError, or the store failing as it closes
            log.warning("storage did not close cleanly: %s", type(exc).__name__)
        self._executor.shutdown(wait=False, cancel_futures=True)
