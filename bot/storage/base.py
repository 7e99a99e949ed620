"""What the SQLite and PostgreSQL stores share: every operation the bot performs, written once in SQL
both accept (`?` parameters), on top of a few primitives each backend provides."""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager

from cryptography.fernet import Fernet, InvalidToken

log = logging.getLogger(__name__)

REPLY_DAYS = 2
SAMPLE_DAYS = 30
PENDING_MAX = 10_000
#: Where each table keeps the resident's pseudonym: /forget deletes by it.
FORGET_COLUMNS = {
    "preferences": "pseudonym",
    "feedback": "pseudonym",
    "events": "pseudonym",
    "rate": "pseudonym",
    "replies": "resident",
}
EVENT_COLUMNS = ("pseudonym", "kind", "chat_type", "lang", "outcome", "entry", "band", "latency_ms")
RECORD_UPDATE = "INSERT INTO handled (update_id, at) VALUES (?, ?) ON CONFLICT (update_id) DO NOTHING"


class SqlStore:
    """Residents' preferences, ratings, kept questions, usage events and the handlers' shared state,
    keyed by pseudonym; failures of a write are counted (`failures`, `last_error`), never raised.

    A backend sets `ERRORS` (its exception types), the SQL expressions below, and implements
    `_transaction()` (a context manager yielding `run(sql, args)` -> cursor, holding the lock) and
    `_check()` (raise one of ERRORS when the database cannot be trusted for writing)."""

    ERRORS: tuple[type[BaseException], ...] = ()
    NOW = TODAY = ""  # SQL for the current time and date
    SAMPLES_OLDER = EVENTS_OLDER = ""  # SQL conditions, one `?`: a number of days

    @property
    def connected(self) -> bool:
        """Whether the database can be reached now (a SQLite file always can once opened)."""
        return True

    def __init__(self, sample_key: bytes | None, retention_days: int):
        self.retention_days = retention_days
        self.failures = 0  # writes that failed, of any kind (the gateway watches it)
        self.last_error = ""
        self._pending: list[tuple] = []
        self._purged_on = ""  # the day this process last tried the retention purge
        self._fernet = Fernet(sample_key) if sample_key else None

    @contextmanager
    def _transaction(self, write: bool = True):
        raise NotImplementedError
        yield

    def _check(self) -> None:
        """Nothing to check by default."""

    def _failed(self, what: str, exc: BaseException) -> None:
        self.failures += 1
        self.last_error = f"{type(exc).__name__}: {exc}".splitlines()[0]
        log.warning("%s failed: %s", what, type(exc).__name__)

    def _read(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._transaction(write=False) as run:
            return run(sql, args).fetchall()

    def _write(self, what: str, sql: str, args: tuple) -> bool:
        try:
            with self._transaction() as run:
                self._check()
                run(sql, args)
            return True
        except self.ERRORS as exc:
            self._failed(what, exc)
            return False

    # -- residents -------------------------------------------------------------------------------

    def language(self, pseudonym: str) -> str | None:
        """The resident's chosen language, or None (also when the database fails)."""
        try:
            rows = self._read("SELECT lang FROM preferences WHERE pseudonym = ?", (pseudonym,))
            return rows[0][0] if rows else None
        except self.ERRORS as exc:
            self._failed("preferences read", exc)
            return None

    def set_language(self, pseudonym: str, lang: str) -> bool:
        """Remember a language choice; False when it could not be stored."""
        return self._write(
            "preferences write",
            "INSERT INTO preferences (pseudonym, lang) VALUES (?, ?) ON CONFLICT (pseudonym) "
            f"DO UPDATE SET lang = excluded.lang, updated = {self.NOW}",
            (pseudonym, lang),
        )

    def record_feedback(self, pseudonym: str, entry: str, helpful: bool) -> bool:
        """One 👍/👎 per resident and entry (a second tap replaces the first); False on failure."""
        return self._write(
            "feedback write",
            "INSERT INTO feedback (pseudonym, entry, helpful) VALUES (?, ?, ?) ON CONFLICT "
            f"(pseudonym, entry) DO UPDATE SET helpful = excluded.helpful, day = {self.TODAY}",
            (pseudonym, entry, bool(helpful)),
        )

    def add_sample(self, redacted_text: str, lang: str) -> bool:
        """Keep an (already redacted) question, encrypted, for the editors; False on failure."""
        if self._fernet is None:
            return False
        token = self._fernet.encrypt(redacted_text.encode("utf-8"))
        stored = self._write("sample write", "INSERT INTO samples (lang, text) VALUES (?, ?)", (lang, token))
        if stored:
            self.purge_samples()
        return stored

    def samples(self) -> list[tuple[str, str, str]]:
        """(day, lang, text) of the kept questions, decrypted, newest first (for the editors)."""
        if self._fernet is None:
            return []
        out = []
        for day, lang, token in self._read("SELECT day, lang, text FROM samples ORDER BY id DESC"):
            try:
                out.append((str(day), lang, self._fernet.decrypt(bytes(token)).decode("utf-8")))
            except InvalidToken:
                log.warning("a sample could not be decrypted with the current key")
        return out

    def purge_samples(self, days: int = SAMPLE_DAYS) -> int:
        """Delete questions older than `days` days; the number deleted (0 on failure)."""
        try:
            with self._transaction() as run:
                return run(f"DELETE FROM samples WHERE {self.SAMPLES_OLDER}", (days,)).rowcount
        except self.ERRORS as exc:
            log.warning("sample purge failed: %s", type(exc).__name__)
            return 0

    def log_event(
        self,
        pseudonym: str,
        kind: str,
        chat_type: str,
        lang: str,
        outcome: str | None = None,
        entry: str | None = None,
        band: str | None = None,
        latency_ms: int | None = None,
    ) -> bool:
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
            with self._transaction() as run:
                self._check()
                run.many(
                    f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * 8)})", self._pending
                )
            self._pending.clear()
        except self.ERRORS as exc:
            self._failed(f"event write ({len(self._pending)} waiting)", exc)
            return False
        self._purge_daily()
        return True

    @property
    def waiting(self) -> int:
        """Events kept in memory until the database can be written."""
        return len(self._pending)

    def forget(self, pseudonym: str) -> dict[str, int] | None:
        """Delete everything stored for a pseudonym: rows deleted per table, or None on failure."""
        waiting = len(self._pending)
        self._pending = [row for row in self._pending if row[0] != pseudonym]
        try:
            with self._transaction() as run:
                self._check()
                deleted = {
                    table: run(f"DELETE FROM {table} WHERE {column} = ?", (pseudonym,)).rowcount
                    for table, column in FORGET_COLUMNS.items()
                }
        except self.ERRORS as exc:
            self._failed("forget", exc)
            return None
        deleted["events"] += waiting - len(self._pending)
        self._erased()
        return deleted

    def _erased(self) -> None:
        """After /forget: make sure the deleted rows do not linger in the backend's files (SQLite)."""

    # -- retention -------------------------------------------------------------------------------

    def _purge_daily(self) -> None:
        """Purge once a day (whichever process records today's date first; see `_claim_purge`)."""
        today = time.strftime("%Y-%m-%d")
        if self._purged_on == today:
            return
        self._purged_on = today
        try:
            with self._transaction() as run:
                if self._claim_purge(run, today):
                    self._purge(run)
        except self.ERRORS as exc:
            log.warning("purge failed: %s", type(exc).__name__)

    def _claim_purge(self, run, today: str) -> bool:
        """True for the one process that purges today (records the day in `purged`)."""
        if run("SELECT 1 FROM purged WHERE day = ?", (today,)).fetchall():
            return False
        run("DELETE FROM purged", ())
        run("INSERT INTO purged (day) VALUES (?)", (today,))
        return True

    def purge_now(self) -> dict[str, int]:
        """Delete what is past its retention now (the `purge` command for cron)."""
        with self._transaction() as run:
            return self._purge(run)

    def _purge(self, run) -> dict[str, int]:
        now = time.time()
        return {
            "samples": run(f"DELETE FROM samples WHERE {self.SAMPLES_OLDER}", (SAMPLE_DAYS,)).rowcount,
            "events": run(f"DELETE FROM events WHERE {self.EVENTS_OLDER}", (self.retention_days,)).rowcount,
            "rate": run("DELETE FROM rate WHERE window_start < ?", (now - 86400,)).rowcount,
            "replies": run("DELETE FROM replies WHERE at < ?", (now - REPLY_DAYS * 86400,)).rowcount,
            "handled": run("DELETE FROM handled WHERE at < ?", (now - REPLY_DAYS * 86400,)).rowcount,
        }

    # -- shared state of the handlers (raise on failure: the gateway decides) ----------------------

    def flood_check(self, pseudonym: str, limit: int, window: float, quiet: float, now: float | None = None) -> str:
        """Count a message: "ok", "notify" (the first one over `limit` in `window` s, then `quiet` s of
        silence) or "drop"."""
        with self._transaction() as run:
            return self._count(run, pseudonym, limit, window, quiet, time.time() if now is None else now)

    def flood_check_and_language(
        self, pseudonym: str, limit: int, window: float, quiet: float, now: float | None = None
    ) -> tuple[str, str | None]:
        """`flood_check`, and the resident's chosen language (or None) read in the same transaction:
        one round trip for what every message needs first."""
        with self._transaction() as run:
            verdict = self._count(run, pseudonym, limit, window, quiet, time.time() if now is None else now)
            rows = run("SELECT lang FROM preferences WHERE pseudonym = ?", (pseudonym,)).fetchall()
        return verdict, rows[0][0] if rows else None

    def _count(self, run, pseudonym: str, limit: int, window: float, quiet: float, now: float) -> str:
        run(
            "INSERT INTO rate (pseudonym, window_start, count) VALUES (?, ?, 0) ON CONFLICT (pseudonym) DO NOTHING",
            (pseudonym, now),
        )
        row = run(
            f"SELECT window_start, count, quiet_until FROM rate WHERE pseudonym = ?{self.FOR_UPDATE}", (pseudonym,)
        ).fetchone()
        verdict, values = flood_step(row, limit, window, quiet, now)
        run("UPDATE rate SET window_start = ?, count = ?, quiet_until = ? WHERE pseudonym = ?", (*values, pseudonym))
        return verdict

    FOR_UPDATE = ""  # PostgreSQL locks the row it reads

    def remember_reply(self, message: str, reply_id: int, resident: str | None = None, update: int | None = None):
        """Which reply answered a message (a pseudonym of chat and message id), kept REPLY_DAYS days;
        `resident` lets /forget erase it; `update` is recorded as handled in the same transaction. True."""
        with self._transaction() as run:
            run(
                "INSERT INTO replies (message, reply_id, at, resident) VALUES (?, ?, ?, ?) ON CONFLICT (message) "
                "DO UPDATE SET reply_id = excluded.reply_id, at = excluded.at, resident = excluded.resident",
                (message, reply_id, time.time(), resident),
            )
            if update is not None:
                run(RECORD_UPDATE, (update, time.time()))
        return True

    def reply_for(self, message: str) -> int | None:
        rows = self._read("SELECT reply_id FROM replies WHERE message = ?", (message,))
        return rows[0][0] if rows else None

    def update_handled(self, update_id: int) -> bool:
        """True when this Telegram update was answered already."""
        return bool(self._read("SELECT 1 FROM handled WHERE update_id = ?", (update_id,)))

    def last_handled(self) -> int | None:
        """The highest update recorded as answered; -1 when none is kept."""
        rows = self._read("SELECT max(update_id) FROM handled")
        return -1 if not rows or rows[0][0] is None else int(rows[0][0])

    def record_update(self, update_id: int) -> None:
        """Remember that a Telegram update was answered (kept REPLY_DAYS days)."""
        with self._transaction() as run:
            run(RECORD_UPDATE, (update_id, time.time()))

    # -- admins' figures and key rotation --------------------------------------------------------

    def usage(self, since: str, until: str) -> dict:
        """Raw aggregates of [since, until] (ISO days) for bot/usage/figures.py (see usage_figures)."""
        with self._transaction(write=False) as run:
            feedback = run(FEEDBACK_QUERY, (since, until)).fetchall()
            return usage_figures(self._period_events(run, since, until), feedback)

    def _period_events(self, run, since: str, until: str):
        """(day, lang, outcome, entry, pseudonym) of the period's reply events."""
        raise NotImplementedError

    def rotate_samples(self, rotate) -> tuple[int, int]:
        """Re-encrypt every kept question with `rotate(token)` (None: unreadable, deleted)."""
        done = unreadable = 0
        with self._transaction() as run:
            for row_id, token in run(f"SELECT id, text FROM samples{self.FOR_UPDATE}", ()).fetchall():
                new = rotate(bytes(token))
                if new is None:
                    run("DELETE FROM samples WHERE id = ?", (row_id,))
                    unreadable += 1
                else:
                    run("UPDATE samples SET text = ? WHERE id = ?", (new, row_id))
                    done += 1
        return done, unreadable

    def rekey_pseudonyms(self, salt: bytes) -> dict[str, int]:
        """Replace every pseudonym by sha256(salt + pseudonym); drop what only served a resident."""
        with self._transaction() as run:
            changed = {
                "preferences": run("DELETE FROM preferences", ()).rowcount,
                "feedback": run(f"UPDATE feedback SET pseudonym = {self.UNLINK}", (salt,)).rowcount,
                "events": run(f"UPDATE events SET pseudonym = {self.UNLINK}", (salt,)).rowcount,
            }
            run("DELETE FROM rate", ())
            run("DELETE FROM replies", ())
        return changed

    UNLINK = ""  # SQL: the hex sha256 of the salt `?` followed by the pseudonym

    def close(self) -> None:
        """Write any events still waiting (one last try), then close."""
        if self._pending and not self.log_events([]):
            log.warning("%d events could not be written before closing", len(self._pending))
        self._close()

    def _close(self) -> None:
        raise NotImplementedError


def flood_step(row, limit: int, window: float, quiet: float, now: float) -> tuple[str, tuple[float, int, float]]:
    """One message through the flood rule, from the stored (window_start, count, quiet_until) or None:
    the verdict and the values to store."""
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
    return {
        "total": (total, len(residents)),
        "per_day": sorted(listed("per_day")),
        "languages": sorted(listed("languages"), key=by_count),
        "outcomes": sorted(listed("outcomes"), key=by_count),
        "entries": sorted(listed("entries"), key=by_count)[:10],
        "feedback": sorted((tuple(r) for r in feedback_rows), key=lambda r: (-r[1], r[0])),
    }


FEEDBACK_QUERY = (
    "SELECT entry, sum(CASE WHEN helpful THEN 0 ELSE 1 END), sum(CASE WHEN helpful THEN 1 ELSE 0 END), "
    "count(DISTINCT pseudonym) FROM feedback WHERE day BETWEEN ? AND ? GROUP BY entry"
)
