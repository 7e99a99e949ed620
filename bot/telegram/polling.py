"""Long polling that loses nothing: an update is confirmed to Telegram (the `offset` of the next
getUpdates) only once it and every earlier one are handled, so a restart or a crash leaves the rest
for Telegram to deliver again; one that cannot be read is skipped with one content-free line."""

from __future__ import annotations

import asyncio
import functools
import logging
import warnings
from collections import OrderedDict
from typing import Protocol

from telegram import Bot, Update
from telegram.error import Conflict, EndPointNotFound, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.warnings import PTBUserWarning

from bot.telegram.dispatch import Dispatcher
from bot.telegram.limits import retry_seconds

# getUpdates goes through do_api_request on purpose: the raw updates are parsed one by one, so that
# one the library cannot read is skipped instead of failing the whole batch. Its advice to use
# Bot.get_updates is noise in the log.
warnings.filterwarnings("ignore", message=".*Bot.getUpdates.*", category=PTBUserWarning)

log = logging.getLogger(__name__)

POLL_SECONDS = 10
BATCH = 100


class HandledLog(Protocol):
    """Which updates were answered already — so one delivered again is not answered twice."""

    async def seen(self, update_id: int) -> bool: ...

    async def record(self, update_id: int) -> None: ...

    async def last_handled(self) -> int | None:
        """The highest update recorded (-1: none); None when it cannot be read."""
        ...


class MemoryHandledLog:
    """The updates answered by this process (the last 10,000)."""

    def __init__(self, size: int = 10_000) -> None:
        self._ids: OrderedDict[int, None] = OrderedDict()
        self._size = size

    async def seen(self, update_id: int) -> bool:
        return update_id in self._ids

    async def record(self, update_id: int) -> None:
        self._ids[update_id] = None
        while len(self._ids) > self._size:
            self._ids.popitem(last=False)

    async def last_handled(self) -> int | None:
        return max(self._ids, default=-1)


class Poller:
    """Fetches updates, hands them to the dispatcher, and confirms only what is finished."""

    def __init__(
        self,
        bot: Bot,
        dispatcher: Dispatcher,
        allowed_updates: list[str],
        handled: HandledLog | None = None,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        self.bot = bot
        self.dispatcher = dispatcher
        self.allowed_updates = allowed_updates
        self.handled = handled or MemoryHandledLog()
        self.poll_seconds = poll_seconds
        self._unfinished: set[int] = set()  # handed over, not finished (or cut short by a shutdown)
        self._next = 0  # the update after the highest one received
        # Updates above the highest one recorded before this process started cannot have been
        # answered by an earlier one: only those at or below it are looked up (read at the first poll).
        self._recorded_before: int | None = None
        self._looked_up = False

    @property
    def offset(self) -> int:
        """What getUpdates may confirm: everything before the first unfinished update."""
        return min(self._unfinished) if self._unfinished else self._next

    async def run(self, stopping: asyncio.Event) -> None:
        """Poll until `stopping` is set; Telegram unreachable is one line a minute, not a flood."""
        quiet_until = 0.0
        loop = asyncio.get_running_loop()
        while not stopping.is_set():
            self.dispatcher.progress.clear()  # from here on, an update finishing advances the offset
            try:
                raw = await self._fetch(stopping)
            except (InvalidToken, Forbidden):
                raise
            except EndPointNotFound as exc:  # getUpdates exists: python-telegram-bot's word for a refused token
                raise InvalidToken("Telegram refused the token while polling") from exc
            except Conflict:
                log.error("another process polls with this token; stop it (or use a webhook); retrying")
                await _sleep_or_stop(stopping, 5.0)
                continue
            except RetryAfter as exc:
                await _sleep_or_stop(stopping, retry_seconds(exc))
                continue
            except NetworkError as exc:
                if loop.time() >= quiet_until:
                    log.warning("Telegram unreachable (%s); retrying", type(exc).__name__)
                    quiet_until = loop.time() + 60
                await _sleep_or_stop(stopping, 2.0)
                continue
            if raw is None:
                continue
            await self._hand_over(raw)
            if self._unfinished and not self.dispatcher.progress.is_set():
                # While an update is in hand getUpdates cannot wait for new ones: it returns the
                # unconfirmed ones at once. Asking again before one of them finishes would cost a
                # request and gain little, so wait for that (at most 1 s), new updates or not.
                await _first(stopping.wait(), self.dispatcher.progress.wait(), timeout=1.0)

    async def _fetch(self, stopping: asyncio.Event) -> list | None:
        request = asyncio.ensure_future(
            self.bot.do_api_request(
                "getUpdates",
                api_kwargs={
                    "offset": self.offset,
                    "timeout": self.poll_seconds,
                    "limit": BATCH,
                    "allowed_updates": self.allowed_updates,
                },
                read_timeout=self.poll_seconds + 10,
            )
        )
        stop = asyncio.ensure_future(stopping.wait())
        done, _ = await asyncio.wait({request, stop}, return_when=asyncio.FIRST_COMPLETED)
        if request not in done:
            request.cancel()
            await asyncio.wait({request})
            return None
        stop.cancel()
        result = request.result()
        return result if isinstance(result, list) else []

    async def _hand_over(self, raw: list) -> int:
        """Give the dispatcher each update not already in hand; returns how many were new."""
        fresh = 0
        for item in raw:
            update_id = item.get("update_id") if isinstance(item, dict) else None
            if not isinstance(update_id, int):
                log.warning("skipped an update without an id")
                continue
            if update_id in self._unfinished or update_id < self._next:
                continue
            self._next = update_id + 1
            fresh += 1
            try:
                update = Update.de_json(item, self.bot)
            except Exception as exc:  # content-free: the update may hold a resident's text and name
                log.warning("skipped update %d: it cannot be read (%s)", update_id, type(exc).__name__)
                continue
            if await self._answered_before(update_id):
                continue  # answered before a restart; Telegram had not heard it was
            self._unfinished.add(update_id)
            self.dispatcher.submit(update, functools.partial(self._finished, update_id))
        return fresh

    async def _answered_before(self, update_id: int) -> bool:
        if not self._looked_up:
            self._looked_up = True
            try:
                self._recorded_before = await self.handled.last_handled()
            except Exception as exc:  # then every update is looked up, as it comes
                log.warning("could not read the handled updates: %s", type(exc).__name__)
        if self._recorded_before is not None and update_id > self._recorded_before:
            return False
        return await self.handled.seen(update_id)

    def _finished(self, update_id: int, handled: bool) -> None:
        if handled:
            self._unfinished.discard(update_id)
            asyncio.ensure_future(self._record(update_id))

    async def _record(self, update_id: int) -> None:
        try:
            await self.handled.record(update_id)
        except Exception as exc:
            log.warning("could not record a handled update: %s", type(exc).__name__)

    async def confirm(self) -> None:
        """Tell Telegram what is finished (at shutdown): a getUpdates that returns at once."""
        try:
            await self.bot.do_api_request(
                "getUpdates", api_kwargs={"offset": self.offset, "timeout": 0, "limit": 1}, read_timeout=5
            )
        except Exception as exc:
            log.warning(
                "could not confirm the handled updates (%s); Telegram will deliver them again", type(exc).__name__
            )


async def _sleep_or_stop(stopping: asyncio.Event, seconds: float) -> None:
    await _first(stopping.wait(), timeout=seconds)


async def _first(*waits, timeout: float) -> None:
    tasks = [asyncio.ensure_future(w) for w in waits]
    _done, pending = await asyncio.wait(tasks, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
