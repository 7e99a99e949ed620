"""The Bot API connection: python-telegram-bot's requests sent with aiohttp, whose HTTP parser is
compiled and whose connection pool takes no per-request look at its idle connections, where
httpx (with httpcore, anyio and h11) spent about a third of the bot's CPU per message
(bench/bench_telegram.py). httpx, python-telegram-bot's own, stays for a Bot API reached through a
proxy named in the environment, as it reads every kind of proxy setting."""

from __future__ import annotations

import os
import ssl
import time
from urllib.request import getproxies

import aiohttp
import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

#: Idle connections to the Bot API kept open for the next request when httpx carries them: httpcore
#: looks at every idle connection (a system call each) for every request (bench/bench_http_pool.py).
KEEP_ALIVE = 8
#: An idle connection older than this is closed rather than reused (httpx's keepalive_expiry).
KEEP_ALIVE_SECONDS = 5.0
#: python-telegram-bot's default timeouts, in seconds, for a request that names none.
READ_TIMEOUT, CONNECT_TIMEOUT, POOL_TIMEOUT = 5.0, 5.0, 1.0


def bot_api_request(size: int) -> BaseRequest:
    """The connection to the Bot API, at most `size` requests at a time: httpx's when the
    environment names a proxy (HTTPS_PROXY, ALL_PROXY …; httpx also reads NO_PROXY), else aiohttp's."""
    if any(getproxies().get(scheme) for scheme in ("http", "https", "all")):
        return TrackedRequest(size)
    return AiohttpRequest(size)


class TrackedRequest(HTTPXRequest):
    """httpx's connection (python-telegram-bot's own), remembering when Telegram last answered: up
    to `size` connections at once, of which at most KEEP_ALIVE stay open when idle."""

    last_ok: float | None = None

    def __init__(self, size: int) -> None:
        keep = min(size, KEEP_ALIVE)
        super().__init__(
            connection_pool_size=size,
            httpx_kwargs={"limits": httpx.Limits(max_connections=size, max_keepalive_connections=keep)},
        )

    async def do_request(self, *args, **kwargs):
        result = await super().do_request(*args, **kwargs)
        TrackedRequest.last_ok = time.time()
        return result


def trusted_certificates() -> ssl.SSLContext:
    """The certificates httpx trusts: SSL_CERT_FILE, SSL_CERT_DIR, else certifi's bundle."""
    if os.environ.get("SSL_CERT_FILE"):
        return ssl.create_default_context(cafile=os.environ["SSL_CERT_FILE"])
    if os.environ.get("SSL_CERT_DIR"):
        return ssl.create_default_context(capath=os.environ["SSL_CERT_DIR"])
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


class AiohttpRequest(BaseRequest):
    """python-telegram-bot's requests on an aiohttp session: up to `size` connections at once, idle
    ones kept for KEEP_ALIVE_SECONDS; the same timeouts (a request's own, else the defaults) and the
    same errors as HTTPXRequest (TimedOut, NetworkError). Remembers when Telegram last answered."""

    last_ok: float | None = None

    def __init__(self, size: int) -> None:
        self._size = size
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float:
        return READ_TIMEOUT

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(
                limit=self._size, keepalive_timeout=KEEP_ALIVE_SECONDS, ssl=trusted_certificates()
            )
            self._session = aiohttp.ClientSession(connector=connector, headers={"User-Agent": self.USER_AGENT})

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout=BaseRequest.DEFAULT_NONE,
        write_timeout=BaseRequest.DEFAULT_NONE,
        connect_timeout=BaseRequest.DEFAULT_NONE,
        pool_timeout=BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        read = _given(read_timeout, READ_TIMEOUT)
        connect = _given(connect_timeout, CONNECT_TIMEOUT)
        pool = _given(pool_timeout, POOL_TIMEOUT)
        # aiohttp's connect covers waiting for a free connection and opening one; sending a request
        # this small needs no timeout of its own (write_timeout is for uploads, which the bot makes none of).
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=None if pool is None or connect is None else pool + connect,
            sock_connect=connect,
            sock_read=read,
        )
        try:
            async with self._session.request(method, url, data=_body(request_data), timeout=timeout) as response:
                body = await response.read()
        except TimeoutError as err:  # aiohttp's time-outs (asyncio.TimeoutError is TimeoutError)
            raise TimedOut from err
        except aiohttp.ClientError as err:
            raise NetworkError(f"aiohttp.{err.__class__.__name__}: {err}") from err
        AiohttpRequest.last_ok = time.time()
        return response.status, body


def _given(value: object, default: float) -> float | None:
    """A timeout python-telegram-bot passes: the default when it names none, None for no limit."""
    if isinstance(value, type(BaseRequest.DEFAULT_NONE)):
        return default
    return None if value is None else float(value)  # type: ignore[arg-type]


def _body(request_data: RequestData | None) -> dict[str, str] | aiohttp.FormData | None:
    """The parameters as a form (as httpx sends them), with any files as a multipart one."""
    if request_data is None:
        return None
    files = request_data.multipart_data
    if not files:
        return request_data.json_parameters
    form = aiohttp.FormData(request_data.json_parameters)
    for name, upload in files.items():
        if isinstance(upload, tuple):
            filename, content, *rest = upload
            form.add_field(name, content, filename=filename, content_type=rest[0] if rest else None)
        else:
            form.add_field(name, upload)
    return form
