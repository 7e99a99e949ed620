"""The storage suite, run against SQLite and PostgreSQL alike (the `make_store` fixture): what the
handlers, the admins' report and key rotation rely on, including failures that must not raise."""

import sqlite3
import time
from datetime import date

import psycopg
import pytest
from cryptography.fernet import Fernet

from bot.storage import keys
from bot.usage import figures


def sql(store, statement: str) -> list:
    """Run SQL on the store's own connection (for ageing rows in tests)."""
    if hasattr(store, "_db") and isinstance(store._db, sqlite3.Connection):
        return store._db.execute(statement).fetchall()
    with store._lock:
        cursor = store._db().execute(statement)
        return cursor.fetchall() if cursor.description else []


def days_ago(store, days: int) -> str:
    if isinstance(getattr(store, "_db", None), sqlite3.Connection):
        return f"strftime('%Y-%m-%dT%H:%M', 'now', '-{days} days')"
    return f"(now() AT TIME ZONE 'UTC') - interval '{days} days'"


def break_connection(store) -> None:
    """Make the next write fail once: SQLite loses its file for a moment; PostgreSQL its session."""
    if isinstance(getattr(store, "_db", None), sqlite3.Connection):
        store.path.rename(store.path.with_name("away"))
        store.restore = lambda: store.path.with_name("away").rename(store.path)
    else:
        with psycopg.connect(store.url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        store.restore = lambda: None


def test_language_feedback_and_forget(make_store):
    store = make_store()
    assert store.language("abc") is None
    assert store.set_language("abc", "en") and store.set_language("abc", "pl")
    store.close()
    store = make_store()
    assert store.language("abc") == "pl"
    assert store.record_feedback("abc", "rpo-complaint", True) and store.record_feedback("abc", "rpo-complaint", False)
    assert store.log_event("abc", "reply", "private", "en", "answer", "rpo-complaint", "h", 3)
    assert store.flood_check("abc", 20, 60, 60) == "ok"
    store.remember_reply("a-message", 7, resident="abc")
    store.remember_reply("a-message-of-someone-else", 8, resident="xyz")
    store.remember_reply("a-message-from-before", 9)  # written before replies knew their resident
    assert store.forget("abc") == {"preferences": 1, "feedback": 1, "events": 1, "rate": 1, "replies": 1}
    assert store.language("abc") is None and store.reply_for("a-message") is None
    assert store.reply_for("a-message-of-someone-else") == 8 and store.reply_for("a-message-from-before") == 9


def test_samples_encrypted_at_rest_and_purged_after_30_days(make_store):
    key = Fernet.generate_key()
    store = make_store(key)
    assert store.add_sample("czy mogę zgłosić [phone] sąsiada", "pl")
    assert store.samples()[0][1:] == ("pl", "czy mogę zgłosić [phone] sąsiada")
    (raw,) = sql(store, "SELECT text FROM samples")[0]
    assert b"s\xc4\x85siada" not in bytes(raw)
    sql(
        store,
        "UPDATE samples SET day = day - 31"
        if make_store.backend == "postgres"
        else "UPDATE samples SET day = date('now', '-31 days')",
    )
    assert store.purge_samples() == 1 and store.samples() == []
    assert make_store(None).add_sample("x", "en") is False  # no key, nothing kept


def test_events_purged_after_the_retention_period(make_store):
    store = make_store(retention_days=90)
    store.log_event("p1", "reply", "private", "pl", "answer", "x", "h", 1)
    store.log_event("p2", "reply", "private", "pl", "fallback", None, "l", 1)
    sql(store, f"UPDATE events SET at = {days_ago(store, 91)} WHERE pseudonym = 'p1'")
    assert store.purge_now()["events"] == 1
    assert [r[0] for r in sql(store, "SELECT pseudonym FROM events")] == ["p2"]


def test_a_failed_write_keeps_events_and_writes_them_with_the_next(make_store):
    store = make_store()
    store.log_event("p0", "reply", "private", "pl", "answer")
    break_connection(store)
    assert store.log_event("p1", "reply", "private", "pl", "crisis") is False
    assert store.failures == 1 and store.waiting == 1 and store.last_error
    store.restore()
    assert store.log_event("p2", "reply", "private", "en", "answer", "x", "h", 2)
    assert sorted(r[0] for r in sql(store, "SELECT pseudonym FROM events")) == ["p0", "p1", "p2"]


def test_figures_for_the_report(make_store):
    store = make_store()
    for i in range(8):
        store.log_event(f"pl{i}", "reply", "private", "pl", "answer", "rpo-complaint", "h", 3)
    for i in range(6):
        store.log_event(f"en{i}", "reply", "private", "en", "fallback", None, None, 2)
    for i in range(2):
        store.log_event(f"c{i}", "reply", "private", "pl", "crisis", None, None, 1)
    store.log_event("pl0", "language", "private", "en")
    for i in range(5):
        store.record_feedback(f"pl{i}", "rpo-complaint", False)
    store.record_feedback("pl5", "rpo-complaint", True)
    f = figures.collect(store, date.today(), date.today())
    assert (f.messages, f.residents) == (16, 16)
    assert dict(f.outcomes) == {"answer": 8, "fallback": 6, "crisis": None}
    assert dict(f.languages) == {"pl": 10, "en": 6} and f.top_entries == [("rpo-complaint", 8)]
    assert f.thumbs_down == [("rpo-complaint", 5, None)] and f.answered_share == pytest.approx(0.5)
    assert f.per_day == [(date.today().isoformat(), 16, 16)]


def test_flood_control_is_shared_by_every_connection(make_store):
    first, second = make_store(), make_store()  # two replicas
    now = time.time()
    verdicts = [(first if i % 2 else second).flood_check("p", 3, 60, 60, now + i) for i in range(5)]
    assert verdicts == ["ok", "ok", "ok", "notify", "drop"]
    assert first.flood_check("p", 3, 60, 60, now + 70) == "ok"  # the quiet minute is over
    assert second.flood_check("q", 3, 60, 60, now) == "ok"


def test_the_flood_counter_and_the_language_choice_come_in_one_call(make_store):
    first, second = make_store(), make_store()
    now = time.time()
    assert first.flood_check_and_language("p", 2, 60, 60, now) == ("ok", None)
    second.set_language("p", "uk")
    verdicts = [first.flood_check_and_language("p", 2, 60, 60, now + i) for i in range(1, 4)]
    assert verdicts == [("ok", "uk"), ("notify", "uk"), ("drop", "uk")]  # the same counter as flood_check
    assert second.flood_check("p", 2, 60, 60, now + 4) == "drop"


def test_an_edited_question_finds_its_reply_from_any_connection(make_store):
    first, second = make_store(), make_store()
    first.remember_reply("message-key", 41)
    second.remember_reply("message-key", 42)
    assert first.reply_for("message-key") == 42 and second.reply_for("other") is None


def test_the_highest_handled_update_is_known_after_a_restart(make_store):
    store = make_store()
    assert store.last_handled() == -1  # none kept: every update is new
    for update_id in (7, 9, 8):
        store.record_update(update_id)
    assert make_store().last_handled() == 9 and store.update_handled(8)


def test_a_reply_remembered_with_its_update_records_the_update_as_handled(make_store):
    store = make_store()
    assert store.remember_reply("message-key", 41, resident="p", update=12)
    assert make_store().update_handled(12) and store.reply_for("message-key") == 41 and store.last_handled() == 12


def test_key_rotation_on_either_backend(make_store, tmp_path):
    key_file = tmp_path / "samples.key"
    key_file.write_bytes(Fernet.generate_key())
    store = make_store(key_file.read_bytes())
    store.add_sample("pytanie", "pl")
    store.log_event("p1", "reply", "private", "pl", "answer")
    store.log_event("p1", "reply", "private", "pl", "answer")
    store.set_language("p1", "en")
    assert keys.rotate_sample_key(store, key_file) == (1, 0)
    assert make_store(key_file.read_bytes()).samples()[0][2] == "pytanie"
    changed = keys.rekey_pseudonyms(store, None)
    assert changed == {"preferences": 1, "feedback": 0, "events": 2}
    rows = sql(store, "SELECT DISTINCT pseudonym FROM events")
    assert len(rows) == 1 and rows[0][0] != "p1"


def test_the_schema_is_created_once_and_reopening_keeps_the_data(make_store):
    store = make_store()
    store.log_event("p", "reply", "private", "pl", "answer")
    store.close()
    assert sql(make_store(), "SELECT count(*) FROM events")[0][0] == 1


def test_a_database_of_the_previous_schema_is_migrated_and_forget_then_erases_replies(make_store):
    from bot.storage import postgres, sqlite

    if make_store.backend == "sqlite":
        with sqlite3.connect(make_store.location) as db:
            for number, statement in enumerate(sqlite.MIGRATIONS[:9], start=1):
                db.execute(statement)
                db.execute(f"PRAGMA user_version = {number}")
            db.execute(f"INSERT INTO replies (message, reply_id, at) VALUES ('old', 1, {time.time()})")
    else:
        with psycopg.connect(make_store.location, autocommit=True) as db:
            db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            db.execute("INSERT INTO schema_version VALUES (9)")
            for statement in postgres.MIGRATIONS[:9]:
                db.execute(statement)
            db.execute(f"INSERT INTO replies (message, reply_id, at) VALUES ('old', 1, {time.time()})")
    store = make_store()
    assert store.reply_for("old") == 1  # kept (purged after two days like any other)
    store.remember_reply("new", 2, resident="p1")
    assert store.forget("p1")["replies"] == 1 and store.reply_for("new") is None


def test_a_database_from_before_ukrainian_keeps_its_choices_and_accepts_ukrainian(make_store):
    from bot.storage import postgres, sqlite

    before = len(sqlite.MIGRATIONS) - 1  # the schema whose preferences allowed only pl and en
    if make_store.backend == "sqlite":
        with sqlite3.connect(make_store.location) as db:
            for number, statement in enumerate(sqlite.MIGRATIONS[:before], start=1):
                db.execute(statement)
                db.execute(f"PRAGMA user_version = {number}")
            db.execute("INSERT INTO preferences (pseudonym, lang) VALUES ('old', 'en')")
    else:
        with psycopg.connect(make_store.location, autocommit=True) as db:
            db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
            db.execute(f"INSERT INTO schema_version VALUES ({len(postgres.MIGRATIONS) - 1})")
            for statement in postgres.MIGRATIONS[:-1]:
                db.execute(statement)
            db.execute("INSERT INTO preferences (pseudonym, lang) VALUES ('old', 'en')")
    store = make_store()
    assert store.language("old") == "en"
    assert store.set_language("new", "uk") and store.language("new") == "uk"
    assert not store.set_language("new", "'; DROP TABLE preferences; --")  # still only a language code
    assert store.language("new") == "uk"
