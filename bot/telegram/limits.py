"""Sending to Telegram within its limits without making anyone wait for someone else: a per-group
limit, an overall one, Telegram's own "retry after" honoured for that chat only, and failed sends
retried with backoff for a bounded time — the emergency card longest."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import random
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from aiolimiter import AsyncLimiter
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

#: Telegram's limits for a bot: about 30 messages a second overall, 20 a minute in one group.
OVERALL_PER_SECOND = 30
GROUP_PER_MINUTE = 20
#: Methods that put a message in front of a resident, retried when Telegram fails to take them.
DELIVERIES = frozenset({"sendMessage", "editMessageText", "answerCallbackQuery"})


def retry_seconds(exc: RetryAfter) -> float:
    """How long Telegram asks to wait: `retry_after` is a number of seconds, or a timedelta in newer
    versions of the library."""
    value = exc.retry_after
    return float(value) if isinstance(value, (int, float)) else value.total_seconds()


@dataclass(frozen=True)
class Budget:
    """How long a reply may keep trying to reach its resident, and whether a lost connection
    (which may or may not have delivered it) is worth a second copy."""

    seconds: float
    urgent: bool = False


ORDINARY = Budget(30.0)
EMERGENCY = Budget(120.0, urgent=True)
_budget: contextvars.ContextVar[Budget] = contextvars.ContextVar("delivery_budget", default=ORDINARY)


def deliver_urgently() -> None:
    """From here on in this handler, sends are the emergency card's: retried longest, never limited
    behind a group."""
    _budget.set(EMERGENCY)


class FairRateLimiter(BaseRateLimiter[int]):
    """Limits per group and overall; a 429 or a failure delays only the send it happened to."""

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Coroutine[Any, Any, None]] = asyncio.sleep,
    ) -> None:
        self._overall = AsyncLimiter(OVERALL_PER_SECOND, 1)
        self._groups: dict[int | str, AsyncLimiter] = {}
        self._blocked_until: dict[int | str, float] = {}  # chat -> when Telegram lets it send again
        self._clock, self._sleep = clock, sleep

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    def _group(self, chat: int | str) -> AsyncLimiter:
        limiter = self._groups.get(chat)
        if limiter is None:
            if len(self._groups) > 10_000:  # forget idle groups; their limiters hold no state worth keeping
                self._groups.clear()
            limiter = self._groups[chat] = AsyncLimiter(GROUP_PER_MINUTE, 60)
        return limiter

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        chat = data.get("chat_id")
        with contextlib.suppress(TypeError, ValueError):
            chat = int(chat)
        if endpoint not in DELIVERIES or chat is None:
            return await callback(*args, **kwargs)  # getUpdates, setWebhook …: the caller decides
        budget = _budget.get()
        deadline = self._clock() + budget.seconds
        pause = 0.5
        while True:
            wait = self._blocked_until.get(chat, 0.0) - self._clock()
            if wait > 0:
                await self._sleep(min(wait, max(0.0, deadline - self._clock())))
            try:
                if isinstance(chat, int) and chat < 0 and not budget.urgent:
                    async with self._group(chat), self._overall:
                        return await callback(*args, **kwargs)
                async with self._overall:
                    return await callback(*args, **kwargs)
            except RetryAfter as exc:
                retry = retry_seconds(exc)
                self._blocked_until[chat] = self._clock() + retry + 0.1
                if self._clock() + retry > deadline:
                    raise
                log.info("Telegram asks to wait %.0f s before sending to one chat", retry)
            except BadRequest:
                raise  # Telegram read it and refused it: sending it again changes nothing
            except TimedOut:
                if not budget.urgent or self._clock() + pause > deadline:
                    raise  # it may have arrived: only the emergency card is worth a second copy
                await self._sleep(pause)
                pause = min(pause * 2, 5.0)
            except NetworkError:
                wait = pause * (1 + random.random() / 4)  # a little jitter: not every chat at once
                if self._clock() + wait > deadline:
                    raise
                await self._sleep(wait)
                pause = min(pause * 2, 5.0)
