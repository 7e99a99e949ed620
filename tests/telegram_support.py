"""Offline Telegram test support: a recording BaseRequest and update builders."""

import asyncio
import json
import time

from telegram import Update
from telegram.request import BaseRequest

TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw-test"


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

    async def do_request(self, url, method, request_data=None, read_timeout=None, write_timeout=None,
                         connect_timeout=None, pool_timeout=None):
        name = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        self.calls.append((name, params))
        if name == "getMe":
            result = {"id": 666, "is_bot": True, "first_name": "Bot", "username": "TestNameBot"}
        elif name == "sendMessage":
            self.message_id += 1
            result = {"message_id": self.message_id, "date": int(time.time()), "text": params.get("text", ""),
                      "chat": {"id": int(params["chat_id"]), "type": "private"}}
        else:
            result = True
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def sent(self):
        return [p["text"] for name, p in self.calls if name == "sendMessage"]


def update(text, chat_type="private", user_id=7, language="en", update_id=1):
    chat = {"id": user_id if chat_type == "private" else -100, "type": chat_type}
    message = {"message_id": update_id, "date": int(time.time()), "chat": chat, "text": text,
               "from": {"id": user_id, "is_bot": False, "first_name": "R", "language_code": language}}
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
