"""The same bot in webhook mode: updates pushed by the emulator with the secret token."""

import os

import pytest

from tests.e2e.harness import TOKEN, BotProcess, Emulator, Resident, buttons, free_port, node_available

if not node_available():
    if os.environ.get("CI"):
        raise RuntimeError("the Telegram E2E tests need node and `npm ci`; CI must install them")
    pytest.skip("node or telegram-test-api missing: run `npm ci`", allow_module_level=True)

SECRET = "webhook-secret-for-tests-0123456789"


@pytest.fixture(scope="module")
def webhook(tmp_path_factory):
    emulator = Emulator()
    port = free_port()
    bot = BotProcess(emulator, tmp_path_factory.mktemp("hook-data"), {
        "BOT_WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram", "BOT_WEBHOOK_SECRET": SECRET,
        "BOT_WEBHOOK_LISTEN": "127.0.0.1", "BOT_WEBHOOK_PORT": str(port)})
    import time
    deadline = time.monotonic() + 60
    while TOKEN not in emulator.webhooks_set() and time.monotonic() < deadline:
        time.sleep(0.2)
    yield emulator, bot
    bot.stop()
    emulator.stop()


def test_webhook_answers_questions_commands_and_buttons(webhook):
    emulator, _ = webhook
    resident = Resident(emulator, 201, "en")
    assert "Hello!" in resident.command("/start")[0]["text"]
    answer = resident.say("czym jest rada rownego traktowania")
    assert "17 maja 2019" in answer[-1]["text"]
    opened = resident.tap(answer[-1], "e:en:equality-council")
    assert "17 May 2019" in opened[-1]["text"]
    assert "112" in resident.say("I want to kill myself")[0]["text"].splitlines()[0]


def test_webhook_refuses_requests_without_the_secret(webhook):
    emulator, _ = webhook
    status = emulator.post("/forgedWebhook", {"token": TOKEN, "update": {"update_id": 999999, "message": {
        "message_id": 1, "date": 0, "chat": {"id": 1, "type": "private"}, "text": "forged"}}})["result"]
    assert status == 403
