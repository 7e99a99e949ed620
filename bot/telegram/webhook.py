"""The webhook server, hardened: the secret is checked before a body is read, bodies are capped,
slow clients time out, connections are capped below the descriptor limit, and an update is
answered 200 (confirmed) once it is handled — or, for one that waits long for a group's rate limit,
after `HOLD_SECONDS` (docs/telegram.md says what that costs)."""

from __future__ import annotations

import asyncio
import functools
import hmac
import json
import logging
import resource
from typing import cast

from telegram import Bot, Update
from tornado.http1connection import HTTP1Connection
from tornado.httpserver import HTTPServer
from tornado.web import Application, RequestHandler, stream_request_body

from bot.telegram.dispatch import Dispatcher
from bot.telegram.polling import HandledLog, MemoryHandledLog

log = logging.getLogger(__name__)

MAX_BODY = 1 << 20  # Telegram's updates are a few kilobytes; a megabyte is generous
MAX_HEADERS = 16 << 10
BODY_SECONDS = 10.0
IDLE_SECONDS = 30.0
HOLD_SECONDS = 25.0
MAX_CONNECTIONS = 512
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


def connection_cap(wanted: int = MAX_CONNECTIONS) -> int:
    """Connections to accept at once: `wanted`, but well below the open-files limit."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    return max(8, min(wanted, (soft if soft > 0 else 1024) - 64))


class CappedHTTPServer(HTTPServer):
    """Closes a new connection at once when `cap` are open."""

    def initialize(self, *args, cap: int = MAX_CONNECTIONS, **kwargs) -> None:
        super().initialize(*args, **kwargs)
        self.cap = cap
        self.refused = 0

    def handle_stream(self, stream, address) -> None:
        if len(self._connections) >= self.cap:
            self.refused += 1
            stream.close()
            return
        super().handle_stream(stream, address)


class Inbox:
    """The updates in hand, shared by every request of the server."""

    def __init__(self, bot: Bot, dispatcher: Dispatcher, handled: HandledLog) -> None:
        self.bot, self.dispatcher, self.handled = bot, dispatcher, handled
        self.in_hand: dict[int, asyncio.Future] = {}

    async def take(self, body: bytes) -> int:
        """Handle one update's body; the HTTP status to answer."""
        try:
            data = json.loads(body)
        except ValueError:
            log.warning("webhook: a body that is not JSON")
            return 400
        update_id = data.get("update_id") if isinstance(data, dict) else None
        if not isinstance(update_id, int):
            log.warning("webhook: an update without an id")
            return 400
        finished = self.in_hand.get(update_id)
        if finished is None:
            if await self.handled.seen(update_id):
                return 200
            try:
                update = Update.de_json(data, self.bot)
            except Exception as exc:  # content-free: the update may hold a resident's text and name
                log.warning("skipped update %d: it cannot be read (%s)", update_id, type(exc).__name__)
                return 200
            finished = self.in_hand[update_id] = asyncio.get_running_loop().create_future()
            self.dispatcher.submit(update, functools.partial(self._done, update_id))
        try:
            handled = await asyncio.wait_for(asyncio.shield(finished), HOLD_SECONDS)
        except TimeoutError:
            return 200  # still being sent (a group's rate limit); confirmed so Telegram goes on
        return 200 if handled else 503  # cut short by a shutdown: Telegram delivers it again

    def _done(self, update_id: int, handled: bool) -> None:
        finished = self.in_hand.pop(update_id, None)
        if finished is not None and not finished.done():
            finished.set_result(handled)
        if handled:
            asyncio.ensure_future(_record(self.handled, update_id))


async def _record(handled: HandledLog, update_id: int) -> None:
    try:
        await handled.record(update_id)
    except Exception as exc:
        log.warning("could not record a handled update: %s", type(exc).__name__)


@stream_request_body
class UpdateHandler(RequestHandler):
    """POST /<path>: one update. Everything is refused before the body is read unless the secret
    header is right and the declared length fits."""

    def initialize(self, inbox: Inbox, secret: str | None) -> None:
        self.inbox, self.secret = inbox, secret
        self.parts: list[bytes] = []
        self.size = 0
        self.refused = False

    def _refuse(self, status: int) -> None:
        self.refused = True
        self.set_status(status)
        self.finish()
        self._connection().close()  # the body, if any, is never read

    def _connection(self) -> HTTP1Connection:
        """The request's HTTP/1 connection (Tornado types it optional; a request being served has one)."""
        return cast(HTTP1Connection, self.request.connection)  # Tornado's HTTPServer speaks HTTP/1 only

    def prepare(self) -> None:
        if self.request.method != "POST":
            return self._refuse(405)
        given = self.request.headers.get(SECRET_HEADER, "")
        if self.secret and not hmac.compare_digest(given.encode(), self.secret.encode()):
            return self._refuse(403)
        length = self.request.headers.get("Content-Length")
        if length is None or not length.isdigit() or int(length) > MAX_BODY:
            return self._refuse(413 if length and length.isdigit() else 411)
        self._connection().set_max_body_size(MAX_BODY)
        self._connection().set_body_timeout(BODY_SECONDS)

    def data_received(self, chunk: bytes) -> None:
        if self.refused:
            return
        self.size += len(chunk)
        if self.size > MAX_BODY:
            return self._refuse(413)
        self.parts.append(chunk)

    async def post(self) -> None:
        if self.refused:
            return
        self.set_status(await self.inbox.take(b"".join(self.parts)))

    def log_exception(self, typ, value, tb) -> None:  # never a traceback with request content
        log.warning("webhook request failed: %s", typ.__name__ if typ else "error")


class WebhookServer:
    """Listens on `listen:port` for updates at `path`."""

    def __init__(
        self,
        bot: Bot,
        dispatcher: Dispatcher,
        path: str,
        secret: str | None,
        listen: str,
        port: int,
        handled: HandledLog | None = None,
        cap: int | None = None,
    ) -> None:
        self.inbox = Inbox(bot, dispatcher, handled or MemoryHandledLog())
        app = Application(
            [(f"/{path.strip('/')}", UpdateHandler, {"inbox": self.inbox, "secret": secret})],
            log_function=lambda handler: None,
        )
        self.http = CappedHTTPServer(
            app,
            cap=cap or connection_cap(),
            max_body_size=MAX_BODY,
            max_buffer_size=MAX_BODY + MAX_HEADERS,
            max_header_size=MAX_HEADERS,
            idle_connection_timeout=IDLE_SECONDS,
            body_timeout=BODY_SECONDS,
        )
        self.listen, self.port = listen, port

    def start(self) -> None:
        self.http.listen(self.port, self.listen)

    async def stop(self) -> None:
        """Stop accepting; open connections end as their requests do."""
        self.http.stop()
        try:
            await asyncio.wait_for(self.http.close_all_connections(), 2.0)
        except TimeoutError:
            pass
