"""The nasty-input corpus through the real bot: every text, command and button gets a sensible reply
or a polite refusal, nothing is echoed as markup, updates with no resident behind them are ignored,
and no handler fails (tests/data/nasty-inputs.yaml)."""

import re
import unicodedata

import pytest
import yaml

from tests.e2e.harness import PROJECT, TOKEN, BotProcess, Emulator, Resident, require_emulator

require_emulator()

CORPUS = yaml.safe_load((PROJECT / "tests" / "data" / "nasty-inputs.yaml").read_text(encoding="utf-8"))
TELEGRAM_MAX = 4096  # Telegram delivers no longer message; the core test sends the full size


@pytest.fixture(scope="module")
def emulator():
    emu = Emulator()
    yield emu
    emu.stop()


@pytest.fixture(scope="module")
def bot(emulator, tmp_path_factory):
    process = BotProcess(emulator, tmp_path_factory.mktemp("nasty"))
    Resident(emulator, 1).command("/start", timeout=60)
    yield process
    process.stop()


def no_handler_failed(bot) -> None:
    log = bot.log_text()
    assert "handler error" not in log and "Traceback" not in log, log[-3000:]


def unescaped_markup(message: dict) -> bool:
    return bool(re.search(r"<(script|a href='javascript|b>bold)", message.get("text", "")))


@pytest.mark.parametrize("item", CORPUS["texts"], ids=lambda i: i["name"])
def test_nasty_texts(emulator, bot, item):
    text = item["text"] * item.get("repeat", 1)
    text = (unicodedata.normalize("NFD", text) if item.get("nfd") else text)[:TELEGRAM_MAX]
    resident = Resident(emulator, 5000 + CORPUS["texts"].index(item), "pl")
    if not text.strip():  # Telegram never delivers an empty message; the bot must simply stay well
        resident.say(text, expect=0)
        assert resident.say("czym jest rada równego traktowania")[-1]["text"]
    else:
        replies = resident.say(text)
        assert replies and all(m.get("text") for m in replies)
        assert not any(unescaped_markup(m) for m in replies)
        if item.get("expect") == "crisis":
            assert "112" in replies[0]["text"].splitlines()[0]
    no_handler_failed(bot)


@pytest.mark.parametrize("item", CORPUS["commands"], ids=lambda i: i["name"])
def test_nasty_commands(emulator, bot, item):
    resident = Resident(emulator, 6000 + CORPUS["commands"].index(item), "en")
    replies = resident.command(item["command"])
    assert replies and replies[-1].get("text")
    assert not any(unescaped_markup(m) for m in replies)
    if item["command"].split()[0] in ("/stats", "/reload"):  # admin-only: looks like any unknown command
        assert replies[-1]["text"] == resident.command("/no_such_command")[-1]["text"]
    no_handler_failed(bot)


@pytest.mark.parametrize("item", CORPUS["callbacks"], ids=lambda i: i["name"])
def test_forged_and_outdated_buttons(emulator, bot, item):
    resident = Resident(emulator, 7000 + CORPUS["callbacks"].index(item), "en")
    start = resident.command("/start")
    replies = resident.tap(start[-1], item["data"])
    assert replies and replies[-1].get("text")
    assert not any(unescaped_markup(m) for m in replies)
    no_handler_failed(bot)


def test_updates_without_a_resident_are_ignored(emulator, bot):
    for item in CORPUS["updates"]:
        emulator.post("/rawUpdate", {"botToken": TOKEN, "update": item["update"]})
    resident = Resident(emulator, 8000, "pl")
    assert "Rada" in resident.say("czym jest rada równego traktowania")[-1]["text"]
    for chat in (-1001, -2002, -2003, -2004):  # nothing was said in the channel or the groups
        assert emulator.post("/history", {"token": TOKEN, "chatId": chat})["result"] == []
    no_handler_failed(bot)
