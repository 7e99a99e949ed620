"""Storage as the Telegram handlers see it: one worker thread, a time limit, a circuit breaker, usage events in batches."""

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

#: Usage events wait in memory at most this long (or until this many wait), then go in one transaction.
FLUSH_SECONDS = 0.5
FLUSH_EVENTS = 200


class StoreGateway:
    """Async access to a Store. A call that fails or takes longer than `timeout` seconds returns its
    default, and storage is then skipped for `pause` seconds (one log line, no content); events
    arriving meanwhile wait in memory. `on_trouble(reason)` is called when storage starts failing
    (at most once per `notice_every` seconds), for the admins. A slow, locked, read-only or vanished
    database never holds up an answer.

    What a resident relies on is written before the answer that depends on it: the flood counter, a
    language choice, a rating, a question sent to the editors, which reply answered which message,
    which update was handled. The anonymous usage events are not: `log_event` only queues them; they
    are written together every `flush_seconds` (sooner once FLUSH_EVENTS wait) and at `close()`. A
    crash can lose the last `flush_seconds` of them. While the database fails they wait in memory (at
    most PENDING_MAX here and as many in the store; beyond that the oldest go, with a log line) and
    are tried again. Only the worker thread takes events off the queue; the event loop only adds."""

    def __init__(
        self,
        store,
        timeout: float = 1.5,
        pause: float = 30.0,
        notice_every: float = 3600.0,
        flush_seconds: float = FLUSH_SECONDS,
    ):
        self.store = store
        self.timeout, self.pause, self.notice_every = timeout, pause, notice_every
        self.flush_seconds = flush_seconds
        self.on_trouble: Callable[[str], None] | None = None
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self._skip_until = 0.0
        self._healthy = True
        self._last_notice = -notice_every
        self._events: deque[tuple] = deque(maxlen=PENDING_MAX)
        self._flush_timer: asyncio.TimerHandle | None = None
        self._flushing: asyncio.Task | None = None
        self._dropped = [0, 0]  # events pushed out of the queue (event loop), of the store's (worker thread)
        self._dropped_logged = -60.0
        self._recorded: set[int] = set()  # updates recorded as handled with their reply
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
            async with asyncio.timeout(self.timeout):  # no extra task per call, unlike wait_for
                result = await loop.run_in_executor(self._executor, fn, *args)
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
        """Queue a usage event for the next batch (see the class docstring); never waits for the
        database. False when storage is failing and events wait for it."""
        if len(self._events) == PENDING_MAX:
            self._dropped[0] += 1  # append pushes the oldest out
            self._log_dropped()
        self._events.append((pseudonym, kind, chat_type, lang, outcome, entry, band, latency_ms))
        if len(self._events) >= FLUSH_EVENTS:
            self._start_flush()
        elif self._flush_timer is None and self._flushing is None:
            self._flush_timer = asyncio.get_running_loop().call_later(self.flush_seconds, self._start_flush)
        return self._healthy and time.monotonic() >= self._skip_until

    @property
    def waiting_events(self) -> int:
        """Usage events queued for the next batch."""
        return len(self._events)

    @property
    def dropped(self) -> int:
        """Usage events lost because too many waited for a failing database."""
        return sum(self._dropped)

    def _log_dropped(self) -> None:
        if time.monotonic() - self._dropped_logged >= 60:  # one line a minute, content-free
            self._dropped_logged = time.monotonic()
            log.warning("%d usage events dropped so far: the database has not been writable for too long", self.dropped)

    def _start_flush(self) -> None:
        if self._flush_timer is not None:
            self._flush_timer.cancel()
            self._flush_timer = None
        if self._flushing is None:
            self._flushing = asyncio.get_running_loop().create_task(self._flush_then_again())

    async def _flush_then_again(self) -> None:
        try:
            await self.flush()
        finally:
            self._flushing = None
            if self._events or self.store.waiting:  # more came meanwhile, or they must wait: try later
                self._flush_timer = asyncio.get_running_loop().call_later(self.flush_seconds, self._start_flush)

    async def flush(self) -> bool:
        """Write the queued usage events now, in one transaction, with any the store kept from a failed
        write, after the batch already on its way; False when they must wait (nothing is tried while
        storage is paused)."""
        running = self._flushing
        if running is not None and running is not asyncio.current_task():
            await asyncio.wait({running})
        if not self._events and not self.store.waiting:
            return True
        return bool(await self._call(False, self._write_events))

    def _write_events(self) -> bool:
        """On the worker thread: take the queued events (a time-out that cancels this job before it
        starts leaves them queued) and write them with the store's own waiting ones."""
        rows = [self._events.popleft() for _ in range(len(self._events))]
        before = self.store.waiting + len(rows)
        written = self.store.log_events(rows)
        if not written and self.store.waiting < before:  # the store's own cap pushed the oldest out
            self._dropped[1] += before - self.store.waiting
            self._log_dropped()
        return written

    async def flood_check(self, pseudonym: str, limit: int = 20, window: float = 60.0, quiet: float = 60.0) -> str:
        """ "ok", "notify" or "drop" from the shared counter; "ok" when storage fails (answers first)."""
        return await self._call("ok", self.store.flood_check, pseudonym, limit, window, quiet)

    async def flood_check_and_language(
        self, pseudonym: str, limit: int = 20, window: float = 60.0, quiet: float = 60.0
    ) -> tuple[str, str | None]:
        """`flood_check` and the resident's chosen language in one call; ("ok", None) when storage fails."""
        return await self._call(("ok", None), self.store.flood_check_and_language, pseudonym, limit, window, quiet)

    async def remember_reply(
        self, message: str, reply_id: int, resident: str | None = None, update: int | None = None
    ) -> None:
        """Remember which reply answered `message`; `resident` (the sender's pseudonym) lets /forget
        erase it. With `update` (its handler has nothing left to send), that update is recorded as
        handled in the same transaction, and `record` leaves it out."""
        if (
            await self._call(False, self.store.remember_reply, message, reply_id, resident, update)
            and update is not None
        ):
            if len(self._recorded) > 10_000:  # ids whose record never came (a shutdown cut them short)
                self._recorded.clear()
            self._recorded.add(update)

    async def reply_for(self, message: str) -> int | None:
        return await self._call(None, self.store.reply_for, message)

    # The Telegram front end's log of handled updates (bot.telegram.polling.HandledLog).
    async def seen(self, update_id: int) -> bool:
        """True when the update was answered already; False when storage fails (better twice than never)."""
        return bool(await self._call(False, self.store.update_handled, update_id))

    async def record(self, update_id: int) -> None:
        if update_id in self._recorded:  # written with its reply (remember_reply)
            self._recorded.discard(update_id)
            return
        await self._call(None, self.store.record_update, update_id)

    async def last_handled(self) -> int | None:
        """The highest update recorded; None also when storage fails (then each one is looked up)."""
        return await self._call(None, self.store.last_handled)

    async def forget(self, pseudonym: str) -> dict[str, int] | None:
        return await self._call(None, self._forget, pseudonym)

    def _forget(self, pseudonym: str) -> dict[str, int] | None:
        """On the worker thread: the resident's queued events go first, then the stored rows."""
        removed = 0
        for _ in range(len(self._events)):
            row = self._events.popleft()
            if row[0] == pseudonym:
                removed += 1
            else:
                self._events.append(row)
        deleted = self.store.forget(pseudonym)
        if deleted is not None:
            deleted["events"] += removed
        return deleted

    def close(self, timeout: float = 5.0) -> None:
        """Write the events still waiting and close the store, on the worker thread; give up after
        `timeout` seconds if the database hangs (shutdown must not)."""
        if self._flush_timer is not None:
            self._flush_timer.cancel()

        def finish() -> None:
            self._write_events()
            self.store.close()

        future = self._executor.submit(finish)
        try:
            future.result(timeout)
        except Exception as exc:  # TimeoutError, or the store failing as it closes
            log.warning("storage did not close cleanly: %s", type(exc).__name__)
        self._executor.shutdown(wait=False, cancel_futures=True)
