"""Polling confirms an update only once it and every earlier one are handled; one that cannot be
read is skipped with a line that holds no content; one answered before a restart is not again."""

import asyncio
import logging

import pytest
from telegram.error import EndPointNotFound, InvalidToken

from bot.telegram.dispatch import Dispatcher
from bot.telegram.polling import MemoryHandledLog, Poller


class FakeBot:
    """getUpdates with Telegram's semantics: what is below `offset` is confirmed and forgotten."""

    def __init__(self, updates):
        self.pending = list(updates)
        self.offsets = []

    async def do_api_request(self, endpoint, api_kwargs=None, **kwargs):
        assert endpoint == "getUpdates"
        offset = api_kwargs["offset"]
        self.offsets.append(offset)
        self.pending = [u for u in self.pending if u["update_id"] >= offset]
        await asyncio.sleep(0.01)
        return list(self.pending)


def raw(update_id, text="pytanie", chat=1):
    return {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 0,
            "text": text,
            "chat": {"id": chat, "type": "private"},
            "from": {"id": chat, "is_bot": False, "first_name": "Jan"},
        },
    }


async def run_for(poller, seconds=0.2):
    """Let the poller run for `seconds`, then stop it."""
    stopping = asyncio.Event()
    task = asyncio.create_task(poller.run(stopping))
    await asyncio.sleep(seconds)
    stopping.set()
    await task


def test_nothing_is_confirmed_before_it_is_handled_and_a_poison_update_is_skipped(caplog):
    handled, slow = [], asyncio.Event

    async def go():
        release = slow()

        async def handle(update):
            if update.update_id == 1:
                await release.wait()
            handled.append(update.update_id)

        poison = {"update_id": 2, "message": {"message_id": "x", "chat": "Jan Kowalski, ul. Długa 5"}}
        bot = FakeBot([raw(1), poison, raw(3, chat=2)])
        poller = Poller(bot, Dispatcher(handle, lambda u: False), ["message"], poll_seconds=0)
        stopping = asyncio.Event()
        task = asyncio.create_task(poller.run(stopping))
        await asyncio.sleep(0.2)
        assert handled == [3] and poller.offset == 1 and max(bot.offsets) == 1  # 1 is not finished
        release.set()
        await asyncio.sleep(0.2)
        assert handled == [3, 1] and poller.offset == 4
        stopping.set()
        await task

    with caplog.at_level(logging.WARNING):
        asyncio.run(go())
    lines = [r.getMessage() for r in caplog.records]
    assert any("skipped update 2" in line for line in lines)
    assert not any("Kowalski" in line or "Długa" in line for line in lines)


def test_an_update_answered_before_a_restart_is_not_answered_again():
    handled = []

    async def go():
        async def handle(update):
            handled.append(update.update_id)

        log = MemoryHandledLog()
        await log.record(5)
        bot = FakeBot([raw(5), raw(6)])
        poller = Poller(bot, Dispatcher(handle, lambda u: False), ["message"], handled=log, poll_seconds=0)
        await run_for(poller)
        await poller.confirm()
        assert bot.offsets[-1] == 7

    asyncio.run(go())
    assert handled == [6]


def test_while_an_update_is_handled_telegram_is_not_asked_again_until_it_is_finished():
    """getUpdates returns an unconfirmed update at once: asking again meanwhile is a wasted request."""
    finish = asyncio.Event()

    async def go():
        async def handle(update):
            await finish.wait()

        bot = FakeBot([raw(1)])
        poller = Poller(bot, Dispatcher(handle, lambda u: False), ["message"], poll_seconds=0)
        stopping = asyncio.Event()
        task = asyncio.create_task(poller.run(stopping))
        await asyncio.sleep(0.3)  # well inside the poller's wait of 1 s
        asked_while_handling = len(bot.offsets)
        finish.set()
        await asyncio.sleep(0.1)
        stopping.set()
        await task
        return asked_while_handling, bot.offsets

    asked, offsets = asyncio.run(go())
    assert asked == 1 and offsets[1] == 2  # the next request confirms update 1


def test_updates_recorded_before_a_restart_are_looked_up_and_newer_ones_are_not():
    class CountingLog(MemoryHandledLog):
        looked_up: list[int] = []

        async def seen(self, update_id):
            self.looked_up.append(update_id)
            return await super().seen(update_id)

    handled = []

    async def go():
        async def handle(update):
            handled.append(update.update_id)

        log = CountingLog()
        await log.record(4)
        await log.record(5)
        bot = FakeBot([raw(4), raw(5), raw(6), raw(7)])
        poller = Poller(bot, Dispatcher(handle, lambda u: False), ["message"], handled=log, poll_seconds=0)
        await run_for(poller)
        return log.looked_up

    assert asyncio.run(go()) == [4, 5]
    assert handled == [6, 7]


def test_a_token_telegram_stops_taking_while_polling_stops_the_bot_as_a_refused_token():
    """Once the bot is initialised, python-telegram-bot reports Telegram's 401 or 404 for getUpdates
    as EndPointNotFound; the poller must treat it as the refused token it is (serve then logs one
    line and stops), not let it escape as an unknown error with a traceback."""

    class RevokedBot(FakeBot):
        async def do_api_request(self, endpoint, api_kwargs=None, **kwargs):
            raise EndPointNotFound("Endpoint 'getUpdates' not found in Bot API")

    poller = Poller(RevokedBot([]), Dispatcher(lambda update: None, lambda u: False), ["message"], poll_seconds=0)
    with pytest.raises(InvalidToken):
        asyncio.run(run_for(poller))
