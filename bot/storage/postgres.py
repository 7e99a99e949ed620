"""PostgreSQL storage (BOT_DATABASE=postgresql://…) for several bot replicas: the same tables and
operations as SQLite (bot/storage/base.py), shared by every process; failures never stop answers."""

from __future__ import annotations

import threading
from contextlib import contextmanager

import psycopg
import psycopg.conninfo

from bot.storage.base import SqlStore

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
    "CREATE TABLE purged (day TEXT NOT NULL)",
    "ALTER TABLE replies ADD COLUMN resident TEXT",
    "CREATE INDEX replies_resident ON replies (resident)",
    # Which Telegram updates were answered (their ids only: sequence numbers of the bot, no one's),
    # so an update Telegram delivers again after a restart is not answered twice; kept two days.
    "CREATE TABLE handled (update_id BIGINT PRIMARY KEY, at REAL NOT NULL)",
    # Any reply language (Ukrainian came third; a fourth needs no migration).
    "ALTER TABLE preferences DROP CONSTRAINT preferences_lang_check, "
    "ADD CONSTRAINT preferences_lang_check CHECK (lang ~ '^[a-z]{2,3}$')",
]
_LOCK_MIGRATE = 7_236_001  # advisory-lock ids: one replica migrates, one purges at a time
_LOCK_PURGE = 7_236_002


class PostgresStore(SqlStore):
    """The bot's tables in a shared PostgreSQL database; one connection, re-opened after a failure;
    while the server is unreachable the bot answers without storage."""

    ERRORS = (psycopg.Error,)
    NOW, TODAY = "now()", "current_date"
    SAMPLES_OLDER = "day < current_date - CAST(? AS int)"
    EVENTS_OLDER = "at < (now() AT TIME ZONE 'UTC') - make_interval(days => CAST(? AS int))"
    UNLINK = "encode(sha256(? || convert_to(pseudonym, 'UTF8')), 'hex')"
    FOR_UPDATE = " FOR UPDATE"

    def __init__(
        self,
        url: str,
        sample_key: bytes | None = None,
        retention_days: int = 90,
        connect_timeout: int = 3,
        statement_timeout_ms: int = 2000,
    ):
        super().__init__(sample_key, retention_days)
        try:
            psycopg.conninfo.conninfo_to_dict(url)
        except psycopg.ProgrammingError as exc:
            raise ValueError(f"BOT_DATABASE is not a valid PostgreSQL URL: {exc}") from None
        self.url = url
        self.path = None  # no file: back it up with pg_dump (docs/deployment.md)
        self._options = {
            "connect_timeout": connect_timeout,
            "autocommit": True,
            "options": f"-c statement_timeout={statement_timeout_ms}",
        }
        self._lock = threading.Lock()
        self._conn: psycopg.Connection | None = None
        self._migrated = False
        try:
            with self._lock:
                self._db()
        except psycopg.Error as exc:  # answer without storage until the server is back
            self._failed("connecting to PostgreSQL", exc)
            return
        self._purge_daily()

    @property
    def connected(self) -> bool:
        return self._conn is not None and not self._conn.closed and not self._conn.broken

    def _db(self) -> psycopg.Connection:
        """The connection (call with the lock held), opened - and the schema migrated - when needed."""
        conn = self._conn
        if conn is None or not self.connected:
            conn = self._conn = psycopg.connect(self.url, **self._options)  # type: ignore[arg-type]  # options are psycopg's
        if not self._migrated:
            self._migrate(conn)
            self._migrated = True
        return conn

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

    @contextmanager
    def _transaction(self, write: bool = True):
        with self._lock:
            db = self._db()
            with db.transaction():
                yield _Run(db)

    def _claim_purge(self, run, today: str) -> bool:
        if not run("SELECT pg_try_advisory_xact_lock(?)", (_LOCK_PURGE,)).fetchone()[0]:
            return False  # another replica is purging right now
        return super()._claim_purge(run, today)

    def _period_events(self, run, since: str, until: str):
        events = run.connection.cursor(name="usage")  # server-side: rows arrive in batches
        events.itersize = 10_000
        events.execute(
            "SELECT to_char(at, 'YYYY-MM-DD'), lang, outcome, entry, pseudonym FROM events "
            "WHERE kind = 'reply' AND at BETWEEN %s AND %s",
            (since, until + "T23:59"),
        )
        return events

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()


class _Run:
    """`run(sql, args)` and `run.many(sql, rows)` on an open transaction, with `?` parameters."""

    def __init__(self, db: psycopg.Connection):
        self.connection = db

    def __call__(self, sql: str, args: tuple = ()):
        return self.connection.execute(sql.replace("?", "%s"), args)

    def many(self, sql: str, rows: list) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), rows)
