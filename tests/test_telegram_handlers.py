"""Handlers offline: the real Application with a recording BaseRequest (no network, no emulator)."""

import asyncio
import json
import time
from collections import OrderedDict

import pytest
from telegram import Update
from telegram.request import BaseRequest

from bot.config import load_config
from bot.pseudonym import Pseudonymizer
from bot.storage import Store
from bot.telegram_bot import Services, build_application

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


@pytest.fixture
def make_app(real_assistant, catalogs, tmp_path):
    def make(store=None, knowledge_dir=None):
        store = store or Store(tmp_path / "db.sqlite3")
        svc = Services(real_assistant, catalogs, store, Pseudonymizer(b"k" * 32), OrderedDict(),
                       admin_ids=frozenset({42}), knowledge_dir=knowledge_dir)
        request = RecordingRequest()
        app = build_application(load_config({"TELEGRAM_BOT_TOKEN": TOKEN}), svc, request)
        return app, request, svc
    return make


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


def test_crisis_is_answered_even_with_a_broken_database(make_app, tmp_path):
    broken = Store(tmp_path / "broken.sqlite3")
    broken.close()
    app, request, _ = make_app(broken)
    run(app, update("nie chcę już żyć"))
    assert request.sent()[0].startswith("Jeśli grozi Ci niebezpieczeństwo")


def test_group_messages_not_addressed_are_ignored(make_app):
    app, request, _ = make_app()
    run(app, update("dyskryminacja w pracy", chat_type="group"))
    assert request.sent() == []


def test_answer_is_html_with_source_and_buttons(make_app):
    app, request, _ = make_app()
    run(app, update("How do I complain to the ombudsman?"))
    name, params = [c for c in request.calls if c[0] == "sendMessage"][0]
    assert params["parse_mode"] == "HTML" and "<i>Source:" in params["text"]
    keyboard = json.loads(params["reply_markup"]) if isinstance(params["reply_markup"], str) else params["reply_markup"]
    data = [b["callback_data"] for row in keyboard["inline_keyboard"] for b in row]
    assert "fb:rpo-complaint:1" in data and all(len(d.encode()) <= 64 for d in data)


def test_a_failing_handler_apologises_and_logs_no_content(make_app, caplog):
    app, request, svc = make_app()
    svc.assistant = None  # the next message makes the handler fail
    with caplog.at_level("ERROR"):
        run(app, update("bardzo prywatna sprawa"))
    assert any("Sorry, something went wrong" in t for t in request.sent())
    assert "prywatna" not in caplog.text and "handler error AttributeError in update 1" in caplog.text


def test_admin_commands_are_unknown_commands_for_others(make_app):
    app, request, _ = make_app()
    run(app, update("/stats", user_id=7), update("/reload", user_id=7, update_id=2))
    assert all(t.startswith("Ask a question in your own words") for t in request.sent())


def test_stats_for_an_admin(make_app):
    app, request, svc = make_app()
    for i in range(6):
        svc.store.log_event(f"p{i}", "reply", "private", "en", "answer", "rpo-complaint", "h", 2)
    run(app, update("/stats", user_id=42))
    assert "Messages: 6" in request.sent()[0] and "rpo-complaint: 6" in request.sent()[0]


def test_reload_keeps_the_old_knowledge_on_errors_and_swaps_on_success(make_app, tmp_path):
    import shutil

    from conftest import DATA

    kb = tmp_path / "kb"
    shutil.copytree(DATA / "kb_small", kb)
    (kb / "broken.yaml").write_text("entries: [\n")
    app, request, svc = make_app(knowledge_dir=kb)
    before = svc.assistant
    kept = []
    run(app, update("/reload", user_id=42), lambda: kept.append(svc.assistant is before),
        (kb / "broken.yaml").unlink, update("/reload", user_id=42, update_id=2))
    assert "previous version" in request.sent()[0] and "kb/broken.yaml:2: YAML syntax error" in request.sent()[0]
    assert kept == [True]
    assert request.sent()[-1] == "Reloaded: 4 entries."
    assert svc.assistant.knowledge.entry("rainbow-flag") is not None
