"""Preferences keyed by pseudonym; the key file and database are private; failures do not raise."""

import os
import stat

import pytest
from sqlite_support import damage

from bot.storage.keys import Pseudonymizer, load_key
from bot.storage.sqlite import DatabaseFileError, Store


def test_pseudonyms_are_stable_keyed_and_not_the_id(tmp_path):
    key = load_key(None, tmp_path / "k" / "pseudonym.key")
    assert stat.S_IMODE(os.stat(tmp_path / "k" / "pseudonym.key").st_mode) == 0o600
    assert load_key(None, tmp_path / "k" / "pseudonym.key") == key
    p = Pseudonymizer(key)
    assert p(42) == p(42) and p(42) != p(43) and len(p(42)) == 64
    assert Pseudonymizer(b"another key with 16+ chars")(42) != p(42)


def test_the_data_directory_and_every_database_file_are_private(tmp_path):
    store = Store(tmp_path / "data" / "bot.sqlite3")
    store.log_event("abc", "reply", "private", "en", "answer")
    files = sorted((tmp_path / "data").iterdir())
    assert [f.name for f in files] == ["bot.sqlite3", "bot.sqlite3-shm", "bot.sqlite3-wal"]
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    store.close()


def test_language_survives_reopening_and_forget_erases(tmp_path):
    store = Store(tmp_path / "bot.sqlite3")
    assert stat.S_IMODE(os.stat(tmp_path / "bot.sqlite3").st_mode) == 0o600
    assert store.language("abc") is None
    assert store.set_language("abc", "en")
    store.close()
    store = Store(tmp_path / "bot.sqlite3")
    assert store.language("abc") == "en"
    assert store.record_feedback("abc", "rpo-complaint", True) and store.record_feedback("abc", "rpo-complaint", False)
    assert store.log_event("abc", "reply", "private", "en", "answer", "rpo-complaint", "h", 3)
    assert store.forget("abc") == {"preferences": 1, "feedback": 1, "events": 1, "rate": 0, "replies": 0}
    assert store.language("abc") is None


def test_a_broken_database_does_not_raise(tmp_path):
    store = Store(tmp_path / "bot.sqlite3")
    store.close()  # every call now fails inside sqlite3
    assert store.language("abc") is None
    assert store.set_language("abc", "pl") is False
    assert store.forget("abc") is None


def test_samples_are_encrypted_at_rest_and_purged_after_30_days(tmp_path):
    from bot.storage.keys import load_sample_key

    key = load_sample_key(tmp_path / "keys" / "samples.key")
    assert stat.S_IMODE(os.stat(tmp_path / "keys" / "samples.key").st_mode) == 0o600
    store = Store(tmp_path / "bot.sqlite3", key)
    assert store.add_sample("czy mogę zgłosić [phone] sąsiada", "pl")
    assert store.samples()[0][1:] == ("pl", "czy mogę zgłosić [phone] sąsiada")
    raw = (tmp_path / "bot.sqlite3").read_bytes() + b"".join(p.read_bytes() for p in tmp_path.glob("bot.sqlite3-*"))
    assert "sąsiada".encode() not in raw
    store._db.execute("UPDATE samples SET day = date('now', '-31 days')")
    assert store.purge_samples() == 1 and store.samples() == []
    assert Store(tmp_path / "other.sqlite3").add_sample("x", "en") is False  # no key, nothing kept


def test_events_are_purged_after_the_retention_period(tmp_path):
    store = Store(tmp_path / "bot.sqlite3", retention_days=90)
    store.log_event("p1", "reply", "private", "pl", "answer", "x", "h", 1)
    store.log_event("p2", "reply", "private", "pl", "fallback", None, "l", 1)
    store._db.execute("UPDATE events SET at = strftime('%Y-%m-%dT%H:%M', 'now', '-91 days') WHERE pseudonym = 'p1'")
    assert store.purge_now()["events"] == 1
    assert [r[0] for r in store._db.execute("SELECT pseudonym FROM events")] == ["p2"]


def test_a_locked_database_keeps_events_and_writes_them_later(tmp_path):
    import sqlite3

    store = Store(tmp_path / "bot.sqlite3")
    other = sqlite3.connect(tmp_path / "bot.sqlite3", isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    assert store.log_event("p1", "reply", "private", "pl", "crisis") is False
    assert store.failures == 1
    other.execute("ROLLBACK")
    assert store.log_event("p2", "reply", "private", "en", "answer", "x", "h", 2)
    assert sorted(r[0] for r in store._db.execute("SELECT pseudonym FROM events")) == ["p1", "p2"]


def _events(path):
    import sqlite3

    with sqlite3.connect(path) as db:
        return db.execute("SELECT pseudonym, outcome FROM events ORDER BY id").fetchall()


def test_a_deleted_database_is_noticed_and_events_wait_until_it_is_back(tmp_path):
    path = tmp_path / "bot.sqlite3"
    store = Store(path)
    away = tmp_path / "moved-away.sqlite3"
    path.rename(away)  # what an admin's rm or an unmounted disk looks like to the bot
    assert store.log_event("p1", "reply", "private", "pl", "answer") is False
    assert store.set_language("p1", "pl") is False
    assert store.failures == 2 and "gone" in store.last_error and store.waiting == 1
    away.rename(path)
    assert store.log_event("p2", "reply", "private", "pl", "crisis")
    assert _events(path) == [("p1", "answer"), ("p2", "crisis")] and store.waiting == 0


def test_events_still_waiting_are_written_on_close(tmp_path):
    path = tmp_path / "bot.sqlite3"
    store = Store(path)
    path.rename(tmp_path / "away")
    store.log_event("p1", "reply", "private", "en", "fallback")
    (tmp_path / "away").rename(path)
    store.close()
    assert _events(path) == [("p1", "fallback")]


def test_forget_also_erases_events_waiting_in_memory(tmp_path):
    path = tmp_path / "bot.sqlite3"
    store = Store(path)
    path.rename(tmp_path / "away")
    store.log_event("p1", "reply", "private", "en", "answer")
    store.log_event("p2", "reply", "private", "en", "answer")
    (tmp_path / "away").rename(path)
    assert store.forget("p1") == {"preferences": 0, "feedback": 0, "events": 1, "rate": 0, "replies": 0}
    store.close()
    assert _events(path) == [("p2", "answer")]


def test_forget_leaves_nothing_of_the_resident_in_the_file_or_its_write_ahead_log(tmp_path, monkeypatch):
    import sqlite3

    connect = sqlite3.connect

    def secure_delete_off_by_default(*args, **kwargs):  # as SQLite is built on most systems
        db = connect(*args, **kwargs)
        db.execute("PRAGMA secure_delete=OFF")
        return db

    monkeypatch.setattr(sqlite3, "connect", secure_delete_off_by_default)
    store = Store(tmp_path / "bot.sqlite3")
    who, message = "resident-" + "7" * 40, "message-key-" + "8" * 40  # easy to find in raw bytes
    assert store._db.execute("PRAGMA secure_delete").fetchone()[0] == 1
    store.set_language(who, "en")
    store.record_feedback(who, "rpo-complaint", True)
    store.log_event(who, "reply", "private", "en", "answer")
    store.flood_check(who, 20, 60, 60)
    store.remember_reply(message, 5, resident=who)
    store.remember_reply("someone-else", 6, resident="other")
    raw = lambda: b"".join(p.read_bytes() for p in sorted(tmp_path.glob("bot.sqlite3*")))  # noqa: E731
    assert who.encode() in raw()
    assert store.forget(who) == {"preferences": 1, "feedback": 1, "events": 1, "rate": 1, "replies": 1}
    assert who.encode() not in raw() and message.encode() not in raw()
    assert (tmp_path / "bot.sqlite3-wal").stat().st_size == 0
    assert store.reply_for("someone-else") == 6 and store.reply_for(message) is None
    store.close()


def test_an_empty_database_file_is_refused_not_replaced(tmp_path):
    path = tmp_path / "bot.sqlite3"
    path.touch()
    with pytest.raises(DatabaseFileError) as info:
        Store(path)
    assert str(path) in str(info.value) and "is empty (0 bytes)" in str(info.value)
    assert "equality-bot backup" in str(info.value) and path.stat().st_size == 0


def test_a_damaged_database_is_refused_when_it_is_opened(tmp_path):
    path = tmp_path / "bot.sqlite3"
    store = Store(path)
    for n in range(300):
        store.log_event(f"p{n}", "reply", "private", "pl", "answer")
    store.close()
    damage(path)
    with pytest.raises(DatabaseFileError) as info:
        Store(path)
    assert str(path) in str(info.value) and "is damaged (" in str(info.value)
    assert "restore the latest backup made with `equality-bot backup`" in str(info.value)
