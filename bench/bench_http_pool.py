"""CPU of one Bot API request through the bot's HTTP client after a burst left idle connections open.

httpcore looks at every idle connection of the pool (a system call each) for every request, so the
connections a burst of sends opens cost every later request while they stay open. This sends a
burst of 50 concurrent requests to a local stand-in for Telegram, then 500 one after another, and
prints the process's CPU per request with the bot's aiohttp connection (AiohttpRequest), with
httpx's as the bot uses it behind a proxy (TrackedRequest) and with every connection kept
(python-telegram-bot's default); asserts nothing.

    python bench/bench_http_pool.py
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import httpx
from telegram.request import BaseRequest, HTTPXRequest, RequestData

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.telegram.bot_api_http import KEEP_ALIVE, AiohttpRequest, TrackedRequest  # noqa: E402
from tests.telegram_support import bot_api_stand_in  # noqa: E402


def idle_connections(request: BaseRequest) -> int:
    if isinstance(request, AiohttpRequest):
        return sum(len(kept) for kept in request._session.connector._conns.values())  # type: ignore[union-attr]
    return len(request._client._transport._pool.connections)  # type: ignore[attr-defined]


async def measure(request: BaseRequest) -> tuple[float, int]:
    server = await bot_api_stand_in(delay=0.002)  # a little later, so a burst overlaps
    url = f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}/botTOKEN/sendMessage"
    await request.initialize()
    await asyncio.gather(*(request.post(url, RequestData()) for _ in range(50)))
    idle = idle_connections(request)
    started = time.process_time()
    for _ in range(500):
        await request.post(url, RequestData())
    cpu = (time.process_time() - started) / 500 * 1000
    await request.shutdown()
    server.close()
    return cpu, idle


def main() -> None:
    every = HTTPXRequest(connection_pool_size=64, httpx_kwargs={"limits": httpx.Limits(max_connections=64)})
    for name, request in (
        ("AiohttpRequest(64)", AiohttpRequest(64)),
        ("TrackedRequest(64)", TrackedRequest(64)),
        ("every connection kept", every),
    ):
        cpu, idle = asyncio.run(measure(request))
        print(f"{name}: {idle} connections open after the burst, {cpu:.2f} ms CPU per request (client and stand-in)")
    print(f"(KEEP_ALIVE = {KEEP_ALIVE}, for httpx)")


if __name__ == "__main__":
    main()
