"""SQLite storage (the default: one file, WAL, schema versioned by PRAGMA user_version), and the
choice of backend for BOT_DATABASE. What the bot does with its store is in bot/storage/base.py."""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from bot.storage.base import SqlStore

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
    # The day the retention purge last ran (one process a day does it).
    "CREATE TABLE purged (day TEXT NOT NULL)",
    # Whose message a reply answered (the resident's pseudonym; NULL for rows written before), so that
    # /forget erases these rows too.
    "ALTER TABLE replies ADD COLUMN resident TEXT",
    "CREATE INDEX replies_resident ON replies (resident)",
    # Which Telegram updates were answered (their ids only: sequence numbers of the bot, no one's),
    # so an update Telegram delivers again after a restart is not answered twice; kept two days.
    "CREATE TABLE handled (update_id INTEGER PRIMARY KEY, at REAL NOT NULL)",
    # Any reply language (Ukrainian came third; a fourth needs no migration): the table rebuilt, as
    # SQLite cannot change a CHECK, in one transaction.
    (
        """CREATE TABLE preferences_new (
               pseudonym TEXT PRIMARY KEY,
               lang TEXT NOT NULL CHECK (lang GLOB '[a-z][a-z]' OR lang GLOB '[a-z][a-z][a-z]'),
               updated TEXT NOT NULL DEFAULT (datetime('now'))
           )""",
        "INSERT INTO preferences_new (pseudonym, lang, updated) SELECT pseudonym, lang, updated FROM preferences",
        "DROP TABLE preferences",
        "ALTER TABLE preferences_new RENAME TO preferences",
    ),
]

#: Tables that hold nothing about residents (bookkeeping of the bot itself).
BOOKKEEPING_TABLES = {"purged", "handled"}

#: Every other table, and the words /privacy uses for it (tests/test_privacy.py checks both stay in step).
PRIVACY_DESCRIPTION = {
    "preferences": "your language choice",
    "feedback": "your 👍/👎 ratings",
    "events": "a record of each reply",
    "samples": "Send this question anonymously to the editors",
    "rate": "how many messages you sent in the last minute",
    "replies": "which of my messages answered which of yours",
}


class DatabaseFileError(Exception):
    """The SQLite file cannot be trusted (empty, or damaged); the message names it and what to do."""


class Store(SqlStore):
    """The bot's own small database in one SQLite file."""

    ERRORS = (sqlite3.Error,)
    NOW, TODAY = "datetime('now')", "date('now')"
    SAMPLES_OLDER = "day < date('now', '-' || ? || ' days')"
    EVENTS_OLDER = "at < strftime('%Y-%m-%dT%H:%M', 'now', '-' || ? || ' days')"
    UNLINK = "unlink(?, pseudonym)"

    def __init__(self, path: Path, sample_key: bytes | None = None, retention_days: int = 90):
        super().__init__(sample_key, retention_days)
        self.path = Path(path)
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        new = not self.path.exists()
        if not new and self.path.is_file() and self.path.stat().st_size == 0:
            raise DatabaseFileError(
                f"BOT_DATABASE: the database file {self.path} is empty (0 bytes) instead of "
                f"holding the bot's data; restore the latest backup made with `equality-bot "
                f'backup` (docs/deployment.md, "Backups"), or delete the file to start with '
                f"an empty database."
            )
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, timeout=2.0, check_same_thread=False, isolation_level=None)
        if new:
            os.chmod(self.path, 0o600)
        stat = os.stat(self.path)
        self._identity = (stat.st_dev, stat.st_ino)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "PRAGMA secure_delete=ON"
            )  # deleted rows are overwritten with zeros, not left in free space
            problems = [row[0] for row in self._db.execute("PRAGMA quick_check")]
        except sqlite3.OperationalError:  # locked, unreadable, a directory …: the caller says "cannot use"
            self._db.close()
            raise
        except sqlite3.DatabaseError as exc:  # not a database, or damaged beyond reading
            problems = [str(exc)]
        if problems != ["ok"]:
            self._db.close()
            found = [
                line.strip()
                for problem in problems
                for line in problem.splitlines()
                if line.strip() and not line.startswith("***")
            ] or ["no answer from quick_check"]
            detail = found[0][:200] + (f", and {len(found) - 1} more problem(s)" if len(found) > 1 else "")
            raise DatabaseFileError(
                f"BOT_DATABASE: the database file {self.path} is damaged ({detail}); stop every "
                f"process using it and restore the latest backup made with `equality-bot "
                f'backup` (docs/deployment.md, "Backups").'
            )
        self._db.create_function("unlink", 2, _unlink, deterministic=True)
        self._migrate()
        self._purge_daily()

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
            with self._db:
                self._db.execute("BEGIN")
                for statement in (step,) if isinstance(step, str) else step:
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number}")

    @contextmanager
    def _transaction(self, write: bool = True):
        with self._lock, self._db:
            self._db.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            yield _Run(self._db)

    def _check(self) -> None:
        """SQLite keeps writing to a database file that was deleted or replaced; refuse instead."""
        try:
            stat = os.stat(self.path)
        except OSError:
            raise sqlite3.OperationalError("the database file is gone") from None
        if (stat.st_dev, stat.st_ino) != self._identity:
            raise sqlite3.OperationalError("the database file was replaced")

    def _erased(self) -> None:
        """Copy the write-ahead log into the file and empty it, so erased rows do not linger there."""
        try:
            with self._lock:
                busy = self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        except sqlite3.Error as exc:
            busy = type(exc).__name__
        if busy:
            log.warning(
                "after /forget the write-ahead log could not be emptied (%s); SQLite empties it at a later checkpoint",
                "a reader was busy" if busy == 1 else busy,
            )

    def _period_events(self, run, since: str, until: str):
        # Over a long period a full scan beats the time index (`+at` tells SQLite not to use it).
        at = "+at" if (date.fromisoformat(until) - date.fromisoformat(since)).days > 31 else "at"
        return run(
            "SELECT substr(at, 1, 10), lang, outcome, entry, pseudonym FROM events "
            f"WHERE kind = 'reply' AND {at} BETWEEN ? AND ?",
            (since, until + "T23:59"),
        )

    def _close(self) -> None:
        self._db.close()


class _Run:
    """`run(sql, args)` and `run.many(sql, rows)` on an open transaction."""

    def __init__(self, db: sqlite3.Connection):
        self.connection = db

    def __call__(self, sql: str, args: tuple = ()):
        return self.connection.execute(sql, args)

    def many(self, sql: str, rows: list) -> None:
        self.connection.executemany(sql, rows)


def _unlink(salt: bytes, pseudonym: str) -> str:
    return hashlib.sha256(salt + pseudonym.encode("utf-8")).hexdigest()


def is_postgres_url(database: str | Path) -> bool:
    return str(database).startswith(("postgres://", "postgresql://"))


def open_store(database: str | Path, sample_key: bytes | None = None, retention_days: int = 90) -> SqlStore:
    """The store for BOT_DATABASE: PostgreSQL for a postgresql:// URL, else a SQLite file."""
    if is_postgres_url(database):
        from bot.storage.postgres import PostgresStore

        return PostgresStore(str(database), sample_key, retention_days)
    return Store(Path(database), sample_key, retention_days)


def backup(database: Path, target_dir: Path, stamp: str) -> Path:
    """A consistent copy of a SQLite database (also while the bot writes to it) in `target_dir`, named
    `<name>-<stamp>.sqlite3`, readable by its owner only; never overwrites a file."""
    target_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = target_dir / f"{database.stem}-{stamp}.sqlite3"
    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return target
