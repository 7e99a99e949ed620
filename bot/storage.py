"""SQLite storage of residents' preferences, keyed by pseudonym; failures never stop answers."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
import time
from datetime import date
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

log = logging.getLogger(__name__)

MIGRATIONS = [
    """CREATE TABLE preferences (
           pseudonym TEXT PRIMARY KEY,
           lang TEXT NOT NULL CHECK (lang IN ('pl', 'en')),
           updated TEXT NOT NULL DEFAULT (datetime('now'))
       )""",
    """CREATE TABLE feedback (
           pseudonym TEXT NOT NULL,
           entry TEXT NOT NULL,
           helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
           day TEXT NOT NULL DEFAULT (date('now')),
           PRIMARY KEY (pseudonym, entry)
       )""",
    # Questions residents chose to send to the editors: redacted, encrypted, not linked to anyone.
    """CREATE TABLE samples (
           id INTEGER PRIMARY KEY,
           day TEXT NOT NULL DEFAULT (date('now')),
           lang TEXT NOT NULL,
           text BLOB NOT NULL
       )""",
    # One row per reply or language change: never text, ids or names; time to the minute.
    """CREATE TABLE events (
           id INTEGER PRIMARY KEY,
           at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M', 'now')),
           pseudonym TEXT NOT NULL,
           kind TEXT NOT NULL CHECK (kind IN ('reply', 'language')),
           chat_type TEXT NOT NULL,
           lang TEXT NOT NULL,
           outcome TEXT,
           entry TEXT,
           band TEXT,
           latency_ms INTEGER
       )""",
    "CREATE INDEX events_at ON events (at)",
    "CREATE INDEX events_pseudonym ON events (pseudonym)",
    # Shared flood control: messages per resident in the current window (several replicas agree).
    """CREATE TABLE rate (
           pseudonym TEXT PRIMARY KEY,
           window_start REAL NOT NULL,
           count INTEGER NOT NULL,
           quiet_until REAL NOT NULL DEFAULT 0
       )""",
    # Which reply answered which message (keyed by a pseudonym of chat and message), so an edited
    # question edits its answer whichever replica receives the edit; kept two days.
    """CREATE TABLE replies (
           message TEXT PRIMARY KEY,
           reply_id INTEGER NOT NULL,
           at REAL NOT NULL
       )""",
]
REPLY_DAYS = 2
SAMPLE_DAYS = 30
PENDING_MAX = 10_000

#: Every table, and the words /privacy uses for it (tests/test_privacy.py checks both stay in step).
PRIVACY_DESCRIPTION = {
    "preferences": "your language choice",
    "feedback": "your 👍/👎 ratings",
    "events": "a record of each reply",
    "samples": "Send this question anonymously to the editors",
    "rate": "how many messages you sent in the last minute",
    "replies": "which of my messages answered which of yours",
}


class Store:
    """The bot's own small database (one file, WAL, schema versioned by PRAGMA user_version)."""

    def __init__(self, path: Path, sample_key: bytes | None = None, retention_days: int = 90):
        self.path = Path(path)
        self.retention_days = retention_days
        self.failures = 0  # writes that failed, of any kind (the gateway watches it)
        self.last_error = ""
        self._pending: list[tuple] = []
        self._purged_on = ""
        self._fernet = Fernet(sample_key) if sample_key else None
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        new = not self.path.exists()
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, timeout=2.0, check_same_thread=False, isolation_level=None)
        if new:
            os.chmod(self.path, 0o600)
        stat = os.stat(self.path)
        self._identity = (stat.st_dev, stat.st_ino)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._migrate()
        self.purge()

    def _check_file(self) -> None:
        """SQLite keeps writing to a database file that was deleted or replaced; refuse instead."""
        try:
            stat = os.stat(self.path)
        except OSError:
            raise sqlite3.OperationalError("the database file is gone") from None
        if (stat.st_dev, stat.st_ino) != self._identity:
            raise sqlite3.OperationalError("the database file was replaced")

    def _failed(self, what: str, exc: Exception) -> None:
        self.failures += 1
        self.last_error = f"{type(exc).__name__}: {exc}"
        log.warning("%s failed: %s", what, type(exc).__name__)

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        for number, statement in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._db:
                self._db.execute("BEGIN")
                self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number}")

    def language(self, pseudonym: str) -> str | None:
        """The resident's chosen language, or None (also when the database fails)."""
        try:
            with self._lock:
                row = self._db.execute("SELECT lang FROM preferences WHERE pseudonym = ?", (pseudonym,)).fetchone()
            return row[0] if row else None
        except sqlite3.Error as exc:
            log.warning("preferences read failed: %s", type(exc).__name__)
            return None

    def set_language(self, pseudonym: str, lang: str) -> bool:
        """Remember a language choice; False when it could not be stored."""
        try:
            with self._lock:
                self._check_file()
                self._db.execute(
                    "INSERT INTO preferences (pseudonym, lang) VALUES (?, ?) "
                    "ON CONFLICT (pseudonym) DO UPDATE SET lang = excluded.lang, updated = datetime('now')",
                    (pseudonym, lang))
            return True
        except sqlite3.Error as exc:
            self._failed("preferences write", exc)
            return False

    def record_feedback(self, pseudonym: str, entry: str, helpful: bool) -> bool:
        """One 👍/👎 per resident and entry (a second tap replaces the first); False on failure."""
        try:
            with self._lock:
                self._check_file()
                self._db.execute(
                    "INSERT INTO feedback (pseudonym, entry, helpful) VALUES (?, ?, ?) "
                    "ON CONFLICT (pseudonym, entry) DO UPDATE SET helpful = excluded.helpful, day = date('now')",
                    (pseudonym, entry, int(helpful)))
            return True
        except sqlite3.Error as exc:
            self._failed("feedback write", exc)
            return False

    def add_sample(self, redacted_text: str, lang: str) -> bool:
        """Keep an (already redacted) question, encrypted, for the editors; False on failure."""
        if self._fernet is None:
            return False
        try:
            token = self._fernet.encrypt(redacted_text.encode("utf-8"))
            with self._lock:
                self._check_file()
                self._db.execute("INSERT INTO samples (lang, text) VALUES (?, ?)", (lang, token))
            self.purge_samples()
            return True
        except sqlite3.Error as exc:
            self._failed("sample write", exc)
            return False

    def samples(self) -> list[tuple[str, str, str]]:
        """(day, lang, text) of the kept questions, decrypted, newest first (for the editors)."""
        if self._fernet is None:
            return []
        with self._lock:
            rows = self._db.execute("SELECT day, lang, text FROM samples ORDER BY id DESC").fetchall()
        out = []
        for day, lang, token in rows:
            try:
                out.append((day, lang, self._fernet.decrypt(token).decode("utf-8")))
            except InvalidToken:
                log.warning("a sample could not be decrypted with the current key")
        return out

    def purge_samples(self, days: int = SAMPLE_DAYS) -> int:
        """Delete questions older than `days` days; the number deleted (0 on failure)."""
        try:
            with self._lock:
                return self._db.execute("DELETE FROM samples WHERE day < date('now', ?)", (f"-{days} days",)).rowcount
        except sqlite3.Error as exc:
            log.warning("sample purge failed: %s", type(exc).__name__)
            return 0

    EVENT_COLUMNS = ("pseudonym", "kind", "chat_type", "lang", "outcome", "entry", "band", "latency_ms")

    def log_event(self, pseudonym: str, kind: str, chat_type: str, lang: str, outcome: str | None = None,
                  entry: str | None = None, band: str | None = None, latency_ms: int | None = None) -> bool:
        """Record one event; on failure keep it in memory and retry with the next write."""
        return self.log_events([(pseudonym, kind, chat_type, lang, outcome, entry, band, latency_ms)])

    def log_events(self, rows: list[tuple]) -> bool:
        """Record events (EVENT_COLUMNS each) with any still waiting; False if they must wait on.
        At most PENDING_MAX wait in memory (the oldest go first)."""
        self._pending.extend(rows)
        del self._pending[:-PENDING_MAX]
        if not self._pending:
            return True
        try:
            with self._lock, self._db:
                self._check_file()
                self._db.execute("BEGIN")
                self._db.executemany(
                    f"INSERT INTO events ({', '.join(self.EVENT_COLUMNS)}) VALUES ({', '.join('?' * 8)})",
                    self._pending)
            self._pending.clear()
        except sqlite3.Error as exc:
            self._failed(f"event write ({len(self._pending)} waiting)", exc)
            return False
        self._daily_purge()
        return True

    @property
    def waiting(self) -> int:
        """Events kept in memory until the database can be written."""
        return len(self._pending)

    def _daily_purge(self) -> None:
        today = time.strftime("%Y-%m-%d")
        if self._purged_on != today:
            self.purge()

    def purge(self) -> dict[str, int]:
        """Delete events older than the retention period and samples older than 30 days."""
        self._purged_on = time.strftime("%Y-%m-%d")
        deleted = {"samples": self.purge_samples()}
        try:
            with self._lock:
                deleted["events"] = self._db.execute(
                    "DELETE FROM events WHERE at < strftime('%Y-%m-%dT%H:%M', 'now', ?)",
                    (f"-{self.retention_days} days",)).rowcount
                deleted["rate"] = self._db.execute("DELETE FROM rate WHERE window_start < ?",
                                                   (time.time() - 86400,)).rowcount
                deleted["replies"] = self._db.execute("DELETE FROM replies WHERE at < ?",
                                                      (time.time() - REPLY_DAYS * 86400,)).rowcount
        except sqlite3.Error as exc:
            log.warning("event purge failed: %s", type(exc).__name__)
        return deleted

    connected = True  # a file is always there once opened

    def purge_now(self) -> dict[str, int]:
        """Delete what is past its retention now (the `purge` command for cron)."""
        return self.purge()

    # -- shared state of the handlers ---------------------------------------------------------

    def flood_check(self, pseudonym: str, limit: int, window: float, quiet: float, now: float | None = None) -> str:
        """Count a message: "ok", "notify" (the first one over `limit` in `window` s, then `quiet` s of
        silence) or "drop". Raises on database errors (the caller lets the message through)."""
        now = time.time() if now is None else now
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            row = self._db.execute("SELECT window_start, count, quiet_until FROM rate WHERE pseudonym = ?",
                                   (pseudonym,)).fetchone()
            verdict, values = flood_step(row, limit, window, quiet, now)
            self._db.execute("INSERT INTO rate (pseudonym, window_start, count, quiet_until) VALUES (?, ?, ?, ?) "
                             "ON CONFLICT (pseudonym) DO UPDATE SET window_start = excluded.window_start, "
                             "count = excluded.count, quiet_until = excluded.quiet_until", (pseudonym, *values))
        return verdict

    def remember_reply(self, message: str, reply_id: int) -> None:
        with self._lock:
            self._db.execute("INSERT INTO replies (message, reply_id, at) VALUES (?, ?, ?) ON CONFLICT (message) "
                             "DO UPDATE SET reply_id = excluded.reply_id, at = excluded.at",
                             (message, reply_id, time.time()))

    def reply_for(self, message: str) -> int | None:
        with self._lock:
            row = self._db.execute("SELECT reply_id FROM replies WHERE message = ?", (message,)).fetchone()
        return row[0] if row else None

    # -- admins' figures and key rotation ------------------------------------------------------

    def usage(self, since: str, until: str) -> dict:
        """Raw aggregates of [since, until] (ISO days) for bot/report.py (see usage_figures)."""
        with self._lock:
            # Over a long period a full scan beats the time index (`+at` tells SQLite not to use it).
            at = "+at" if (date.fromisoformat(until) - date.fromisoformat(since)).days > 31 else "at"
            events = self._db.execute("SELECT substr(at, 1, 10), lang, outcome, entry, pseudonym FROM events "
                                      f"WHERE kind = 'reply' AND {at} BETWEEN ? AND ?", (since, until + "T23:59"))
            feedback = self._db.execute(FEEDBACK_QUERY.replace("%s", "?"), (since, until)).fetchall()
            return usage_figures(events, feedback)

    def rotate_samples(self, rotate) -> tuple[int, int]:
        """Re-encrypt every kept question with `rotate(token)` (None: unreadable, deleted)."""
        done = unreadable = 0
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            for row_id, token in self._db.execute("SELECT id, text FROM samples").fetchall():
                new = rotate(bytes(token))
                if new is None:
                    self._db.execute("DELETE FROM samples WHERE id = ?", (row_id,))
                    unreadable += 1
                else:
                    self._db.execute("UPDATE samples SET text = ? WHERE id = ?", (new, row_id))
                    done += 1
        return done, unreadable

    def rekey_pseudonyms(self, salt: bytes) -> dict[str, int]:
        """Replace every pseudonym by sha256(salt + pseudonym); drop what only served a resident."""
        def unlink(pseudonym: str) -> str:
            return hashlib.sha256(salt + pseudonym.encode("utf-8")).hexdigest()

        self._db.create_function("unlink", 1, unlink, deterministic=True)
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE")
            changed = {"preferences": self._db.execute("DELETE FROM preferences").rowcount,
                       "feedback": self._db.execute("UPDATE feedback SET pseudonym = unlink(pseudonym)").rowcount,
                       "events": self._db.execute("UPDATE events SET pseudonym = unlink(pseudonym)").rowcount}
            self._db.execute("DELETE FROM rate")
            self._db.execute("DELETE FROM replies")
        return changed

    def forget(self, pseudonym: str) -> dict[str, int] | None:
        """Delete everything stored for a pseudonym: rows deleted per table, or None on failure."""
        waiting = len(self._pending)
        self._pending = [row for row in self._pending if row[0] != pseudonym]
        try:
            deleted = {}
            with self._lock, self._db:
                self._check_file()
                self._db.execute("BEGIN")
                for table in ("preferences", "feedback", "events", "rate"):
                    deleted[table] = self._db.execute(f"DELETE FROM {table} WHERE pseudonym = ?", (pseudonym,)).rowcount
            deleted["events"] += waiting - len(self._pending)
            return deleted
        except sqlite3.Error as exc:
            self._failed("forget", exc)
            return None

    def close(self) -> None:
        """Write any events still waiting (one last try), then close."""
        if self._pending and not self.log_events([]):
            log.warning("%d events could not be written before closing", len(self._pending))
        self._db.close()


def flood_step(row, limit: int, window: float, quiet: float, now: float) -> tuple[str, tuple[float, int, float]]:
    """One message through the flood rule, from the stored (window_start, count, quiet_until) or None:
    the verdict and the values to store. Shared by every backend."""
    start, count, quiet_until = row if row else (now, 0, 0.0)
    if quiet_until > now:
        return "drop", (start, count, quiet_until)
    if now - start >= window:
        start, count = now, 0
    count += 1
    if count > limit:
        return "notify", (now, 0, now + quiet)
    return "ok", (start, count, quiet_until)


def usage_figures(event_rows, feedback_rows) -> dict:
    """The raw aggregates behind the admins' report, in one pass over the period's reply events
    (day, lang, outcome, entry, pseudonym): totals, then (key, events, residents) per day, language,
    outcome and entry. One pass in Python beats one grouped SQL query per figure on both backends
    (bench/bench_storage.py)."""
    total, residents = 0, set()
    groups: dict[str, dict] = {"per_day": {}, "languages": {}, "outcomes": {}, "entries": {}}
    for day, lang, outcome, entry, pseudonym in event_rows:
        total += 1
        residents.add(pseudonym)
        for name, key in (("per_day", day), ("languages", lang), ("outcomes", outcome), ("entries", entry)):
            if key is not None:
                slot = groups[name].setdefault(key, [0, set()])
                slot[0] += 1
                slot[1].add(pseudonym)

    def listed(name: str) -> list[tuple]:
        return [(key, n, len(who)) for key, (n, who) in groups[name].items()]

    by_count = lambda row: (-row[1], row[0])  # noqa: E731
    return {"total": (total, len(residents)), "per_day": sorted(listed("per_day")),
            "languages": sorted(listed("languages"), key=by_count), "outcomes": sorted(listed("outcomes"), key=by_count),
            "entries": sorted(listed("entries"), key=by_count)[:10],
            "feedback": sorted((tuple(r) for r in feedback_rows), key=lambda r: (-r[1], r[0]))}


FEEDBACK_QUERY = ("SELECT entry, sum(CASE WHEN helpful THEN 0 ELSE 1 END), sum(CASE WHEN helpful THEN 1 ELSE 0 END), "
                  "count(DISTINCT pseudonym) FROM feedback WHERE day BETWEEN %s AND %s GROUP BY entry")


def is_postgres_url(database: str | Path) -> bool:
    return str(database).startswith(("postgres://", "postgresql://"))


def open_store(database: str | Path, sample_key: bytes | None = None, retention_days: int = 90):
    """The store for BOT_DATABASE: PostgreSQL for a postgresql:// URL, else a SQLite file."""
    if is_postgres_url(database):
        from bot.storage_postgres import PostgresStore

        return PostgresStore(str(database), sample_key, retention_days)
    return Store(Path(database), sample_key, retention_days)
