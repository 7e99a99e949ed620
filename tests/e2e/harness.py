"""End-to-end harness: the Bot API emulator (node) and the real bot process, driven like a resident."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw-test"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def node_available() -> bool:
    return shutil.which("node") is not None and (PROJECT / "node_modules" / "telegram-test-api").exists()


def require_emulator() -> None:
    """At the top of an E2E module: skip it without node locally; in CI, where it must run, fail."""
    if node_available():
        return
    if os.environ.get("CI"):
        raise RuntimeError("the Telegram E2E tests need node and `npm ci`; CI must install them")
    import pytest

    pytest.skip("node or telegram-test-api missing: run `npm ci`", allow_module_level=True)


class Emulator:
    """telegram-test-api behind tests/e2e/emulator.js, on a free loopback port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            ["node", str(PROJECT / "tests" / "e2e" / "emulator.js"), str(self.port)],
            cwd=PROJECT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        line = self.process.stdout.readline()
        if "ready" not in line:
            raise RuntimeError(f"emulator did not start: {line}")

    def post(self, path: str, body: dict) -> dict:
        request = urllib.request.Request(
            self.url + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read())

    def webhooks_set(self) -> list[str]:
        return self.post("/webhooks", {})["result"]

    def menus(self) -> list[dict]:
        """The setMyCommands / setMyDescription / setMyShortDescription calls the bot made, in order."""
        return self.post("/menus", {})["result"]

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


class BotProcess:
    """`python -m bot run` against the emulator, with its own data directory and a captured log."""

    def __init__(
        self, emulator: Emulator, data_dir: Path, extra_env: dict | None = None, command: list[str] | None = None
    ) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = data_dir / "bot.log"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
        env.update(
            {
                "TELEGRAM_BOT_TOKEN": TOKEN,
                "BOT_TELEGRAM_API_URL": emulator.url,
                "BOT_DATA_DIR": str(data_dir),
                "PYTHONUNBUFFERED": "1",
            }
            | (extra_env or {})
        )
        self.log = open(self.log_path, "a")  # noqa: SIM115  # closed in stop(), after the process
        self.process = subprocess.Popen(
            command or [sys.executable, "-m", "bot", "run"],
            cwd=PROJECT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def stop(self) -> int:
        self.process.terminate()
        try:
            code = self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = self.process.wait()
        self.log.close()
        return code

    def log_text(self) -> str:
        return self.log_path.read_text()


class Resident:
    """A Telegram user in one chat, talking to the bot through the emulator."""

    def __init__(
        self,
        emulator: Emulator,
        user_id: int,
        language_code: str = "pl",
        chat_type: str = "private",
        chat_id: int | None = None,
    ) -> None:
        self.emulator = emulator
        self.user = {"id": user_id, "is_bot": False, "first_name": "Resident", "language_code": language_code}
        self.chat = {"id": chat_id or user_id, "type": chat_type}
        if chat_type != "private":
            self.chat["title"] = "Test group"
        else:
            self.chat["first_name"] = "Resident"

    def _message(self, text: str, **extra) -> dict:
        return {"botToken": TOKEN, "from": self.user, "chat": self.chat, "date": int(time.time()), "text": text} | extra

    def history(self) -> list[dict]:
        return self.emulator.post("/history", {"token": TOKEN, "chatId": self.chat["id"]})["result"]

    def _wait(self, before: int, count: int, timeout: float, settle: float = 0.3, poll: float = 0.05) -> list[dict]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            messages = self.history()
            if len(messages) >= before + count:
                if settle:
                    time.sleep(settle)  # let a multi-part reply finish
                    return self.history()[before:]
                return messages[before:]
            time.sleep(poll)
        raise AssertionError(f"no reply within {timeout} s; history: {self.history()[before:]}")

    def say(
        self,
        text: str,
        timeout: float = 20,
        expect: int = 1,
        message_id: int | None = None,
        settle: float = 0.3,
        poll: float = 0.05,
    ) -> list[dict]:
        before = len(self.history())
        extra = {"message_id": message_id} if message_id else {}
        self.emulator.post("/sendMessage", self._message(text, **extra))
        return self._wait(before, expect, timeout, settle, poll) if expect else []

    def command(self, text: str, timeout: float = 20) -> list[dict]:
        before = len(self.history())
        name = text.split()[0]
        entities = [{"offset": 0, "length": len(name), "type": "bot_command"}]
        self.emulator.post("/sendCommand", self._message(text, entities=entities))
        return self._wait(before, 1, timeout)

    def edit(self, message_id: int, text: str, timeout: float = 20) -> dict:
        """Edit an earlier message; returns our earlier reply once the bot has edited it."""
        before = [m.get("text") for m in self.history()]
        self.emulator.post("/editMessage", self._message(text, message_id=message_id))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            now = self.history()
            changed = [m for m, old in zip(now, before, strict=False) if m.get("text") != old]
            if changed:
                return changed[0]
            time.sleep(0.05)
        raise AssertionError("the earlier reply was not edited")

    def send_raw(self, message: dict, expect: int = 1, timeout: float = 20) -> list[dict]:
        before = len(self.history())
        self.emulator.post(
            "/sendMessage",
            {"botToken": TOKEN, "from": self.user, "chat": self.chat, "date": int(time.time())} | message,
        )
        return self._wait(before, expect, timeout) if expect else []

    def tap(self, bot_message: dict, data: str, timeout: float = 20) -> list[dict]:
        before = len(self.history())
        message = {
            "message_id": bot_message["message_id"],
            "date": int(time.time()),
            "chat": self.chat,
            "text": bot_message.get("text", ""),
        }
        self.emulator.post("/sendCallback", {"botToken": TOKEN, "from": self.user, "message": message, "data": data})
        return self._wait(before, 1, timeout)


def buttons(message: dict) -> list[tuple[str, str]]:
    """(label, callback data) of every inline button of a bot message."""
    markup = message.get("reply_markup") or {}
    return [(b["text"], b.get("callback_data", "")) for row in markup.get("inline_keyboard", []) for b in row]
