"""Offline Telegram test support: a recording BaseRequest, a local HTTP stand-in for the Bot API, update
builders (messages, edits, taps), the buttons sent."""

import asyncio
import json
import time

from telegram import Update
from telegram.request import BaseRequest

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw-test"
#: What the stand-in answers every request with.
STAND_IN_BODY = b'{"ok":true,"result":{"message_id":7}}'


async def bot_api_stand_in(received: list[tuple[bytes, bytes]] | None = None, delay: float = 0.0):
    """A local HTTP/1.1 stand-in for the Bot API (an asyncio server on a free port): answers every
    request on a connection with STAND_IN_BODY, `delay` seconds later, recording each request's head
    and body in `received` when given."""

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lengths = (
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length:")
                )
                length = next(lengths, 0)
                body = await reader.readexactly(length) if length else b""
                if received is not None:
                    received.append((head, body))
                await asyncio.sleep(delay)
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
                    % (len(STAND_IN_BODY), STAND_IN_BODY)
                )
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.CancelledError):
            writer.close()

    return await asyncio.start_server(serve, "127.0.0.1", 0)


class RecordingRequest(BaseRequest):
    """Answers every Bot API call like Telegram would and records what the bot sent."""

    def __init__(self):
        self.calls = []
        self.message_id = 100

    @property
    def read_timeout(self):
        return 5.0

    async def initialize(self):
        pass

    async def shutdown(self):
        pass

    async def do_request(
        self,
        url,
        method,
        request_data=None,
        read_timeout=None,
        write_timeout=None,
        connect_timeout=None,
        pool_timeout=None,
    ):
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        self.calls.append((name, params))
        if name == "getMe":
            result = {"id": 666, "is_bot": True, "first_name": "Bot", "username": "TestNameBot"}
        elif name == "sendMessage":
            self.message_id += 1
            result = {
                "message_id": self.message_id,
                "date": int(time.time()),
                "text": params.get("text", ""),
                "chat": {"id": int(params["chat_id"]), "type": "private"},
            }
        else:
            result = True
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def sent(self):
        return [p["text"] for name, p in self.calls if name == "sendMessage"]


def update(text, chat_type="private", user_id=7, language="en", update_id=1):
    chat = {"id": user_id if chat_type == "private" else -100, "type": chat_type}
    message = {
        "message_id": update_id,
        "date": int(time.time()),
        "chat": chat,
        "text": text,
        "from": {"id": user_id, "is_bot": False, "first_name": "R", "language_code": language},
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


def run(app, *steps):
    """Process updates in one event loop; a callable step runs between them (e.g. editing a file)."""

    async def go():
        async with app:
            for step in steps:
                if callable(step):
                    step()
                else:
                    await app.process_update(Update.de_json(step, app.bot))

    asyncio.run(go())


def edited(text, user_id=42, update_id=3):
    """An edited message."""
    raw = update(text, user_id=user_id, update_id=update_id)
    message = raw.pop("message")
    message["edit_date"] = message["date"]
    return {"update_id": update_id, "edited_message": message}


def tap(data, user_id=7, update_id=50, chat_type="private"):
    """A tapped button with this callback data, under a message of the bot."""
    chat = {"id": user_id if chat_type == "private" else -100, "type": chat_type}
    return {
        "update_id": update_id,
        "callback_query": {
            "id": str(update_id),
            "chat_instance": "c",
            "data": data,
            "from": {"id": user_id, "is_bot": False, "first_name": "R", "language_code": "en"},
            "message": {"message_id": 1, "date": 0, "chat": chat, "text": "x"},
        },
    }


def buttons(request):
    """The callback data of every button the bot sent."""
    data = []
    for name, params in request.calls:
        markup = params.get("reply_markup") if name == "sendMessage" else None
        if markup:
            markup = json.loads(markup) if isinstance(markup, str) else markup
            data += [b.get("callback_data", "") for row in markup["inline_keyboard"] for b in row]
    return data
