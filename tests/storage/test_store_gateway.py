"""The handlers' view of storage: a failing database costs no answer, tells the admins once, and
loses no event that can still be written."""

import asyncio
import sqlite3
import time

from bot.storage.gateway import StoreGateway
from bot.storage.sqlite import Store


def events(path):
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT pseudonym FROM events ORDER BY id")]


def test_one_notice_per_outage_and_events_written_once_it_is_back(tmp_path):
    path = tmp_path / "bot.sqlite3"
    gateway = StoreGateway(Store(path), pause=0.2)
    notices = []
    gateway.on_trouble = notices.append

    async def scenario():
        assert await gateway.log_event("before", "reply", "private", "pl", "answer")
        path.rename(tmp_path / "away")
        assert await gateway.log_event("p1", "reply", "private", "pl", "answer") is False
        assert await gateway.set_language("p1", "en") is False  # paused: not even tried
        assert await gateway.log_event("p2", "reply", "private", "pl", "answer") is False
        await asyncio.sleep(0.25)
        assert await gateway.log_event("p3", "reply", "private", "pl", "answer") is False  # still gone
        (tmp_path / "away").rename(path)
        await asyncio.sleep(0.25)
        assert await gateway.log_event("p4", "reply", "private", "pl", "answer")

    asyncio.run(scenario())
    assert len(notices) == 1 and "OperationalError" in notices[0]
    assert events(path) == ["before", "p1", "p2", "p3", "p4"]
    gateway.close()


def test_close_writes_what_waits_and_does_not_hang_on_a_stuck_database(tmp_path):
    path = tmp_path / "bot.sqlite3"
    gateway = StoreGateway(Store(path), pause=60)

    async def scenario():
        path.rename(tmp_path / "away")
        await gateway.log_event("p1", "reply", "private", "en", "answer")
        await gateway.log_event("p2", "reply", "private", "en", "answer")  # paused: kept in memory
        (tmp_path / "away").rename(path)

    asyncio.run(scenario())
    gateway.close()
    assert events(path) == ["p1", "p2"]

    stuck = StoreGateway(Store(tmp_path / "other.sqlite3"))
    stuck._executor.submit(time.sleep, 3)
    started = time.monotonic()
    stuck.close(timeout=0.5)
    assert time.monotonic() - started < 1.5


def test_forget_through_the_gateway_erases_the_replies_remembered_for_the_resident(tmp_path):
    gateway = StoreGateway(Store(tmp_path / "bot.sqlite3"))

    async def scenario():
        await gateway.remember_reply("message-key", 11, resident="p1")
        await gateway.remember_reply("other-key", 12)
        assert await gateway.reply_for("message-key") == 11
        deleted = await gateway.forget("p1")
        assert deleted["replies"] == 1
        assert await gateway.reply_for("message-key") is None and await gateway.reply_for("other-key") == 12

    asyncio.run(scenario())
    gateway.close()
