"""The handlers' view of storage: a failing database costs no answer, tells the admins once, and
loses no event that can still be written."""

import asyncio
import logging
import sqlite3
import threading
import time
from contextlib import contextmanager

from bot.cli.main import main
from bot.storage import base as base_module
from bot.storage import gateway as gateway_module
from bot.storage.gateway import StoreGateway
from bot.storage.sqlite import Store


def events(path):
    with sqlite3.connect(path) as db:
        return [row[0] for row in db.execute("SELECT pseudonym FROM events ORDER BY id")]


def test_one_notice_per_outage_and_events_written_once_it_is_back(tmp_path):
    path = tmp_path / "bot.sqlite3"
    gateway = StoreGateway(Store(path), pause=0.2, flush_seconds=60)
    notices = []
    gateway.on_trouble = notices.append

    async def scenario():
        await gateway.log_event("before", "reply", "private", "pl", "answer")
        assert await gateway.flush()
        path.rename(tmp_path / "away")
        await gateway.log_event("p1", "reply", "private", "pl", "answer")
        assert await gateway.flush() is False
        assert await gateway.set_language("p1", "en") is False  # paused: not even tried
        assert await gateway.log_event("p2", "reply", "private", "pl", "answer") is False
        await asyncio.sleep(0.25)
        assert await gateway.flush() is False  # still gone
        await gateway.log_event("p3", "reply", "private", "pl", "answer")
        (tmp_path / "away").rename(path)
        await asyncio.sleep(0.25)
        await gateway.log_event("p4", "reply", "private", "pl", "answer")
        assert await gateway.flush()

    asyncio.run(scenario())
    assert len(notices) == 1 and "OperationalError" in notices[0]
    assert events(path) == ["before", "p1", "p2", "p3", "p4"]
    gateway.close()


class CountingStore(Store):
    """A store that counts its write transactions."""

    writes = 0

    @contextmanager
    def _transaction(self, write: bool = True):
        with super()._transaction(write) as run:
            yield run
        if write:
            self.writes += 1


def test_events_of_several_replies_go_in_one_write_and_the_report_counts_them(tmp_path, monkeypatch, capsys):
    path = tmp_path / "bot.sqlite3"
    store = CountingStore(path)
    gateway = StoreGateway(store, flush_seconds=0.05)

    async def scenario():
        before = store.writes
        for i in range(6):
            await gateway.log_event(f"p{i}", "reply", "private", "pl", "answer", "rpo-complaint", "h", 3)
        while gateway.waiting_events:  # the batch goes by itself
            await asyncio.sleep(0.05)
        assert await gateway.flush()  # once it is written: nothing left to write
        return store.writes - before

    assert asyncio.run(scenario()) == 1
    gateway.close()
    monkeypatch.setenv("BOT_DATABASE", str(path))
    assert main(["report", "--lang", "en", "--days", "1"]) == 0
    out = capsys.readouterr().out
    assert "Messages: 6" in out and "rpo-complaint: 6" in out


def test_events_still_queued_at_shutdown_are_written(tmp_path):
    path = tmp_path / "bot.sqlite3"
    gateway = StoreGateway(Store(path), flush_seconds=3600)

    async def scenario():
        for i in range(3):
            await gateway.log_event(f"p{i}", "reply", "private", "pl", "answer")

    asyncio.run(scenario())
    assert events(path) == []  # queued, not yet written
    gateway.close()  # what `equality-bot run` does after SIGTERM
    assert events(path) == ["p0", "p1", "p2"]


def test_a_hanging_database_does_not_hold_up_the_reply_and_its_event_is_written_later(tmp_path):
    path = tmp_path / "bot.sqlite3"
    release = threading.Event()

    class Hanging(Store):
        def log_events(self, rows):
            release.wait()
            return super().log_events(rows)

    gateway = StoreGateway(Hanging(path), timeout=60, flush_seconds=0)

    async def scenario():
        try:  # before events were queued this waited for the database (here: until the test gives up)
            await asyncio.wait_for(gateway.log_event("p1", "reply", "private", "pl", "answer"), 10)
        finally:
            release.set()
        while gateway.waiting_events:
            await asyncio.sleep(0.01)

    asyncio.run(scenario())
    gateway.close()
    assert events(path) == ["p1"]


def test_a_long_outage_drops_the_oldest_events_with_a_content_free_line(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(gateway_module, "PENDING_MAX", 5)
    monkeypatch.setattr(base_module, "PENDING_MAX", 5)
    path = tmp_path / "bot.sqlite3"
    gateway = StoreGateway(Store(path), pause=0, flush_seconds=3600)

    async def scenario():
        path.rename(tmp_path / "away")
        for i in range(4):
            await gateway.log_event(f"first{i}", "reply", "private", "pl", "answer")
        assert await gateway.flush() is False  # the store keeps these 4 and tries them again
        for i in range(8):
            await gateway.log_event(f"second{i}", "reply", "private", "pl", "answer")
        assert await gateway.flush() is False
        (tmp_path / "away").rename(path)
        assert await gateway.flush()

    with caplog.at_level(logging.WARNING):
        asyncio.run(scenario())
    gateway.close()
    assert gateway.dropped == 7 and len(events(path)) == 5
    assert "usage events dropped" in caplog.text and "first" not in caplog.text and "second" not in caplog.text


def test_forget_erases_the_residents_events_still_queued(tmp_path):
    path = tmp_path / "bot.sqlite3"
    gateway = StoreGateway(Store(path), flush_seconds=3600)

    async def scenario():
        await gateway.log_event("p1", "reply", "private", "pl", "answer")
        await gateway.log_event("p2", "reply", "private", "pl", "answer")
        await gateway.log_event("p1", "language", "private", "en")
        deleted = await gateway.forget("p1")
        assert deleted["events"] == 2

    asyncio.run(scenario())
    gateway.close()
    assert events(path) == ["p2"]


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


def test_an_update_recorded_with_its_reply_is_not_written_again(tmp_path):
    store = Store(tmp_path / "bot.sqlite3")
    gateway = StoreGateway(store)
    writes = []
    store.record_update = lambda update_id: writes.append(update_id)

    async def scenario():
        await gateway.remember_reply("message-key", 11, resident="p1", update=5)
        await gateway.record(5)  # the poller, once the update is finished: already written
        await gateway.record(6)  # an update answered without remember_reply (a command, a button)
        assert await gateway.seen(5) and not await gateway.seen(7)

    asyncio.run(scenario())
    gateway.close()
    assert writes == [6]
