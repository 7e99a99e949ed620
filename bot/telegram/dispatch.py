"""Who waits for whom: updates of different chats are handled at the same time, those of one chat in
the order they came (an edit after its message), and an urgent one — someone who may be in danger —
waits for nothing. Knows which updates are finished, so they are confirmed to Telegram only then."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable

from telegram import Update

log = logging.getLogger(__name__)

#: At most this many ordinary updates are handled at once (urgent ones come on top).
MAX_CONCURRENT = 256


def chat_key(update: object) -> object:
    """The chat whose order an update keeps: its chat, the chat of a tapped button, else its type."""
    if isinstance(update, Update):
        if update.effective_chat is not None:
            return update.effective_chat.id
        if update.effective_user is not None:
            return ("user", update.effective_user.id)
    return type(update).__name__


class Dispatcher:
    """Runs `handle` for each submitted update; `urgent(update)` (cheap, never raising) lets one pass
    every queue. `on_done(handled)` says whether it was handled or cut short by a shutdown."""

    def __init__(
        self, handle: Callable[[object], Awaitable[None]], urgent: Callable[[object], bool], limit: int = MAX_CONCURRENT
    ) -> None:
        self._handle = handle
        self._urgent = urgent
        self._slots = asyncio.Semaphore(limit)
        self._tails: dict[object, asyncio.Task] = {}
        self._tasks: set[asyncio.Task] = set()
        self.progress = asyncio.Event()  # set whenever an update finishes

    def submit(self, update: object, on_done: Callable[[bool], None] | None = None) -> asyncio.Task:
        """Start handling `update` behind the earlier ones of its chat (an urgent one: at once)."""
        key = chat_key(update)
        urgent = self._urgent(update)
        previous = None if urgent else self._tails.get(key)
        task = asyncio.create_task(self._run(update, previous, urgent, on_done))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        if not urgent:
            self._tails[key] = task
            task.add_done_callback(functools.partial(self._forget_tail, key))
        return task

    def _forget_tail(self, key: object, task: asyncio.Task) -> None:
        if self._tails.get(key) is task:
            del self._tails[key]

    async def _run(
        self, update: object, previous: asyncio.Task | None, urgent: bool, on_done: Callable[[bool], None] | None
    ) -> None:
        handled = False
        try:
            if previous is not None:
                await asyncio.wait({previous})  # never raises, even when the earlier one failed
            if urgent:
                await self._handle(update)
            else:
                async with self._slots:
                    await self._handle(update)
            handled = True
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # the application's own error handler has had its say
            log.error("update handling failed: %s", type(exc).__name__)
            handled = True  # a bug is not cured by handling it again
        finally:
            if on_done is not None:
                on_done(handled)
            self.progress.set()

    @property
    def busy(self) -> int:
        """Updates being handled or waiting for their turn."""
        return len(self._tasks)

    async def drain(self, timeout: float) -> int:
        """Wait up to `timeout` seconds for what is in hand; cancel the rest (Telegram delivers it
        again). Returns how many were cut short."""
        if self._tasks:
            _done, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending, timeout=1.0)
            return len(pending)
        return 0
