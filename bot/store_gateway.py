"""Storage as the Telegram handlers see it: every call on one worker thread, with a time limit and a
circuit breaker, so a slow, locked, read-only or vanished database never holds up an answer."""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from bot.storage import Store

log = logging.getLogger(__name__)


class StoreGateway:
    """Async access to a Store. A call that fails or takes longer than `timeout` seconds returns its
    default, and storage is then skipped for `pause` seconds (one log line, no content)."""

    def __init__(self, store: Store, timeout: float = 1.5, pause: float = 30.0):
        self.store = store
        self.timeout, self.pause = timeout, pause
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self._skip_until = 0.0
        self.failures = 0

    @property
    def retention_days(self) -> int:
        return self.store.retention_days

    @property
    def path(self):
        return self.store.path

    async def call(self, default: Any, fn: Callable, *args) -> Any:
        """Run any storage function the same way (e.g. reading the usage figures)."""
        return await self._call(default, fn, *args)

    async def _call(self, default: Any, fn: Callable, *args) -> Any:
        if time.monotonic() < self._skip_until:
            return default
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(self._executor, fn, *args), self.timeout)
        except Exception as exc:  # TimeoutError, sqlite3 errors, a closed store …
            self.failures += 1
            self._skip_until = time.monotonic() + self.pause
            log.warning("storage unavailable (%s); answering without it for %.0f s", type(exc).__name__, self.pause)
            return default

    async def language(self, pseudonym: str) -> str | None:
        return await self._call(None, self.store.language, pseudonym)

    async def set_language(self, pseudonym: str, lang: str) -> bool:
        return await self._call(False, self.store.set_language, pseudonym, lang)

    async def record_feedback(self, pseudonym: str, entry: str, helpful: bool) -> bool:
        return await self._call(False, self.store.record_feedback, pseudonym, entry, helpful)

    async def add_sample(self, text: str, lang: str) -> bool:
        return await self._call(False, self.store.add_sample, text, lang)

    async def log_event(self, *args, **kwargs) -> bool:
        return await self._call(False, lambda: self.store.log_event(*args, **kwargs))

    async def forget(self, pseudonym: str) -> dict[str, int] | None:
        return await self._call(None, self.store.forget, pseudonym)

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
