"""PostgreSQL storage (BOT_DATABASE=postgresql://…) for several bot replicas: the same tables and
methods as the SQLite Store, shared by every process; failures never stop answers."""

from __future__ import annotations

import logging
import threading
import time

import psycopg
import psycopg.conninfo
from cryptography.fernet import Fernet, InvalidToken

from bot.storage import FEEDBACK_QUERY, PENDING_MAX, REPLY_DAYS, SAMPLE_DAYS, flood_step, usage_figures

log = logging.getLogger(__name__)

MIGRATIONS = [
    """CREATE TABLE preferences (
           pseudonym TEXT PRIMARY KEY,
           lang TEXT NOT NULL CHECK (lang IN ('pl', 'en')),
           updated TIMESTAMPTZ NOT NULL DEFAULT now()
       )""",
    """CREATE TABLE feedback (
           pseudonym TEXT NOT NULL,
           entry TEXT NOT NULL,
           helpful BOOLEAN NOT NULL,
           day DATE NOT NULL DEFAULT current_date,
           PRIMARY KEY (pseudonym, entry)
       )""",
    """CREATE TABLE samples (
           id BIGSERIAL PRIMARY KEY,
           day DATE NOT NULL DEFAULT current_date,
           lang TEXT NOT NULL,
           text BYTEA NOT NULL
       )""",
    """CREATE TABLE events (
           id BIGSERIAL PRIMARY KEY,
           at TIMESTAMP NOT NULL DEFAULT date_trunc('minute', now() AT TIME ZONE 'UTC'),
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
    """CREATE TABLE rate (
           pseudonym TEXT PRIMARY KEY,
           window_start DOUBLE PRECISION NOT NULL,
           count INTEGER NOT NULL,
           quiet_until DOUBLE PRECISION NOT NULL DEFAULT 0
       )""",
    """CREATE TABLE replies (
           message TEXT PRIMARY KEY,
           reply_id BIGINT NOT NULL,
           at DOUBLE PRECISION NOT NULL
       )""",
]
_LOCK_MIGRATE = 7_236_001  # advisory-lock ids: one replica migrates, one purges per day
_LOCK_PURGE = 7_236_002


class PostgresStore:
    """The bot's tables in a shared PostgreSQL database; one connection, re-opened after a failure."""

    EVENT_COLUMNS = ("pseudonym", "kind", "chat_type", "lang", "outcome", "entry", "band", "latency_ms")

    def __init__(self, url: str, sample_key: bytes | None = None, retention_days: int = 90,
                 connect_timeout: int = 3, statement_timeout_ms: int = 2000):
        self.url = url
        self.path = None  # no file: `backup` uses pg_dump (docs/deployment.md)
        self.retention_days = retention_days
        self.failures = 0
        self.last_error = ""
        self._pending: list[tuple] = []
        self._purged_on = ""
        self._fernet = Fernet(sample_key) if sample_key else None
        self._options = {"connect_timeout": connect_timeout, "autocommit": True,
                         "options": f"-c statement_timeout={statement_timeout_ms}"}
        self._lock = threading.Lock()
        self._conn: psycopg.Connection | None = None
        self._migrated = False
        try:
            psycopg.conninfo.conninfo_to_dict(url)
        except psycopg.ProgrammingError as exc:
            raise ValueError(f"BOT_DATABASE is not a valid PostgreSQL URL: {exc}") from None
        try:
            with self._lock:
                self._db()
        except psycopg.Error as exc:  # answer without storage until the server is back
            self._failed("connecting to PostgreSQL", exc)
            return
        self.purge()

    # -- connection ------------------------------------------------------------------------------

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed and not self._conn.broken

    def _db(self) -> psycopg.Connection:
        """The connection (call with the lock held), opened - and the schema migrated - when needed."""
        if self._conn is None or self._conn.closed or self._conn.broken:
            self._conn = psycopg.connect(self.url, **self._options)
        if not self._migrated:
            self._migrate(self._conn)
            self._migrated = True
        return self._conn

    def _failed(self, what: str, exc: Exception) -> None:
        self.failures += 1
        self.last_error = f"{type(exc).__name__}: {exc}".splitlines()[0]
        log.warning("%s failed: %s", what, type(exc).__name__)

    @staticmethod
    def _migrate(db: psycopg.Connection) -> None:
        """Create or upgrade the tables; replicas starting together wait for each other."""
        with db.transaction():
            db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_MIGRATE,))
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = db.execute("SELECT version FROM schema_version").fetchone()
            version = row[0] if row else 0
            if row is None:
                db.execute("INSERT INTO schema_version VALUES (0)")
            for number, statement in enumerate(MIGRATIONS[version:], start=version + 1):
                db.execute(statement)
                db.execute("UPDATE schema_version SET version = %s", (number,))

    # -- residents --------------------------------------------------------------------------------

    def language(self, pseudonym: str) -> str | None:
        try:
            with self._lock:
                row = self._db().execute("SELECT lang FROM preferences WHERE pseudonym = %s", (pseudonym,)).fetchone()
            return row[0] if row else None
        except psycopg.Error as exc:
            self._failed("preferences read", exc)
            return None

    def set_language(self, pseudonym: str, lang: str) -> bool:
        try:
            with self._lock:
                self._db().execute(
                    "INSERT INTO preferences (pseudonym, lang) VALUES (%s, %s) ON CONFLICT (pseudonym) "
                    "DO UPDATE SET lang = excluded.lang, updated = now()", (pseudonym, lang))
            return True
        except psycopg.Error as exc:
            self._failed("preferences write", exc)
            return False

    def record_feedback(self, pseudonym: str, entry: str, helpful: bool) -> bool:
        try:
            with self._lock:
                self._db().execute(
                    "INSERT INTO feedback (pseudonym, entry, helpful) VALUES (%s, %s, %s) ON CONFLICT "
                    "(pseudonym, entry) DO UPDATE SET helpful = excluded.helpful, day = current_date",
                    (pseudonym, entry, helpful))
            return True
        except psycopg.Error as exc:
            self._failed("feedback write", exc)
            return False

    def add_sample(self, redacted_text: str, lang: str) -> bool:
        if self._fernet is None:
            return False
        try:
            token = self._fernet.encrypt(redacted_text.encode("utf-8"))
            with self._lock:
                self._db().execute("INSERT INTO samples (lang, text) VALUES (%s, %s)", (lang, token))
            return True
        except psycopg.Error as exc:
            self._failed("sample write", exc)
            return False

    def samples(self) -> list[tuple[str, str, str]]:
        if self._fernet is None:
            return []
        with self._lock:
            rows = self._db().execute("SELECT day, lang, text FROM samples ORDER BY id DESC").fetchall()
        out = []
        for day, lang, token in rows:
            try:
                out.append((day.isoformat(), lang, self._fernet.decrypt(bytes(token)).decode("utf-8")))
            except InvalidToken:
                log.warning("a sample could not be decrypted with the current key")
        return out

    def purge_samples(self, days: int = SAMPLE_DAYS) -> int:
        try:
            with self._lock:
                return self._db().execute("DELETE FROM samples WHERE day < current_date - %s::int",
                                          (days,)).rowcount
        except psycopg.Error as exc:
            log.warning("sample purge failed: %s", type(exc).__name__)
            return 0

    def log_event(self, pseudonym: str, kind: str, chat_type: str, lang: str, outcome: str | None = None,
                  entry: str | None = None, band: str | None = None, latency_ms: int | None = None) -> bool:
        return self.log_events([(pseudonym, kind, chat_type, lang, outcome, entry, band, latency_ms)])

    def log_events(self, rows: list[tuple]) -> bool:
        """Record events with any still waiting; on failure they wait in memory (at most PENDING_MAX)."""
        self._pending.extend(rows)
        del self._pending[:-PENDING_MAX]
        if not self._pending:
            return True
        try:
            with self._lock:
                db = self._db()
                with db.transaction(), db.cursor() as cursor:
                    cursor.executemany(f"INSERT INTO events ({', '.join(self.EVENT_COLUMNS)}) "
                                       f"VALUES ({', '.join(['%s'] * 8)})", self._pending)
            self._pending.clear()
        except psycopg.Error as exc:
            self._failed(f"event write ({len(self._pending)} waiting)", exc)
            return False
        if self._purged_on != time.strftime("%Y-%m-%d"):
            self.purge()
        return True

    @property
    def waiting(self) -> int:
        return len(self._pending)

    def purge(self) -> dict[str, int]:
        """Delete what is past its retention - by one replica a day: the first to take the lock and
        record today's date; the others find the date already there."""
        today = time.strftime("%Y-%m-%d")
        self._purged_on = today
        deleted: dict[str, int] = {}
        try:
            with self._lock:
                db = self._db()
                with db.transaction():
                    if not db.execute("SELECT pg_try_advisory_xact_lock(%s)", (_LOCK_PURGE,)).fetchone()[0]:
                        return deleted
                    db.execute("CREATE TABLE IF NOT EXISTS purged (day TEXT NOT NULL)")
                    if db.execute("SELECT 1 FROM purged WHERE day = %s", (today,)).fetchone():
                        return deleted
                    db.execute("DELETE FROM purged")
                    db.execute("INSERT INTO purged VALUES (%s)", (today,))
                    deleted = self._purge_now(db)
        except psycopg.Error as exc:
            log.warning("purge failed: %s", type(exc).__name__)
        return deleted

    def purge_now(self) -> dict[str, int]:
        """Delete what is past its retention now (the `purge` command for cron)."""
        with self._lock:
            db = self._db()
            with db.transaction():
                return self._purge_now(db)

    def _purge_now(self, db) -> dict[str, int]:
        now = time.time()
        return {
            "samples": db.execute("DELETE FROM samples WHERE day < current_date - %s::int", (SAMPLE_DAYS,)).rowcount,
            "events": db.execute("DELETE FROM events WHERE at < (now() AT TIME ZONE 'UTC') - make_interval(days => %s)",
                                 (self.retention_days,)).rowcount,
            "rate": db.execute("DELETE FROM rate WHERE window_start < %s", (now - 86400,)).rowcount,
            "replies": db.execute("DELETE FROM replies WHERE at < %s", (now - REPLY_DAYS * 86400,)).rowcount,
        }

    def forget(self, pseudonym: str) -> dict[str, int] | None:
        waiting = len(self._pending)
        self._pending = [row for row in self._pending if row[0] != pseudonym]
        try:
            deleted = {}
            with self._lock:
                db = self._db()
                with db.transaction():
                    for table in ("preferences", "feedback", "events", "rate"):
                        deleted[table] = db.execute(f"DELETE FROM {table} WHERE pseudonym = %s", (pseudonym,)).rowcount
            deleted["events"] += waiting - len(self._pending)
            return deleted
        except psycopg.Error as exc:
            self._failed("forget", exc)
            return None

    # -- shared state of the handlers -------------------------------------------------------------

    def flood_check(self, pseudonym: str, limit: int, window: float, quiet: float, now: float | None = None) -> str:
        now = time.time() if now is None else now
        with self._lock:
            db = self._db()
            with db.transaction():
                db.execute("INSERT INTO rate (pseudonym, window_start, count) VALUES (%s, %s, 0) "
                           "ON CONFLICT (pseudonym) DO NOTHING", (pseudonym, now))
                row = db.execute("SELECT window_start, count, quiet_until FROM rate WHERE pseudonym = %s FOR UPDATE",
                                 (pseudonym,)).fetchone()
                verdict, (start, count, quiet_until) = flood_step(row, limit, window, quiet, now)
                db.execute("UPDATE rate SET window_start = %s, count = %s, quiet_until = %s WHERE pseudonym = %s",
                           (start, count, quiet_until, pseudonym))
        return verdict

    def remember_reply(self, message: str, reply_id: int) -> None:
        with self._lock:
            self._db().execute("INSERT INTO replies (message, reply_id, at) VALUES (%s, %s, %s) ON CONFLICT (message) "
                               "DO UPDATE SET reply_id = excluded.reply_id, at = excluded.at",
                               (message, reply_id, time.time()))

    def reply_for(self, message: str) -> int | None:
        with self._lock:
            row = self._db().execute("SELECT reply_id FROM replies WHERE message = %s", (message,)).fetchone()
        return row[0] if row else None

    # -- admins' figures and key rotation -----------------------------------------------------------

    def usage(self, since: str, until: str) -> dict:
        with self._lock:
            db = self._db()
            with db.transaction(), db.cursor(name="usage") as events:  # server-side: rows in batches
                events.itersize = 10_000
                events.execute("SELECT to_char(at, 'YYYY-MM-DD'), lang, outcome, entry, pseudonym FROM events "
                               "WHERE kind = 'reply' AND at BETWEEN %s AND %s", (since, until + "T23:59"))
                feedback = db.execute(FEEDBACK_QUERY, (since, until)).fetchall()
                return usage_figures(events, feedback)

    def rotate_samples(self, rotate) -> tuple[int, int]:
        done = unreadable = 0
        with self._lock:
            db = self._db()
            with db.transaction():
                for row_id, token in db.execute("SELECT id, text FROM samples FOR UPDATE").fetchall():
                    new = rotate(bytes(token))
                    if new is None:
                        db.execute("DELETE FROM samples WHERE id = %s", (row_id,))
                        unreadable += 1
                    else:
                        db.execute("UPDATE samples SET text = %s WHERE id = %s", (new, row_id))
                        done += 1
        return done, unreadable

    def rekey_pseudonyms(self, salt: bytes) -> dict[str, int]:
        unlink = "encode(sha256(%s || convert_to(pseudonym, 'UTF8')), 'hex')"
        with self._lock:
            db = self._db()
            with db.transaction():
                changed = {"preferences": db.execute("DELETE FROM preferences").rowcount,
                           "feedback": db.execute(f"UPDATE feedback SET pseudonym = {unlink}", (salt,)).rowcount,
                           "events": db.execute(f"UPDATE events SET pseudonym = {unlink}", (salt,)).rowcount}
                db.execute("DELETE FROM rate")
                db.execute("DELETE FROM replies")
        return changed

    def close(self) -> None:
        if self._pending and not self.log_events([]):
            log.warning("%d events could not be written before closing", len(self._pending))
        if self._conn is not None:
            self._conn.close()
