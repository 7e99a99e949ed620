"""Storage benchmark on both backends: usage events written per second the way the bot writes them
(one transaction each) and in batches, and the admins' report over 1 million events. Prints figures;
asserts nothing. PostgreSQL: a throw-away server from Debian's binaries (tests/postgres_support.py),
with fsync on, like SQLite's default.

    python bench/bench_storage.py [--events 1000000] [--single 5000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from postgres_support import PostgresServer  # noqa: E402

from bot.storage.sqlite import open_store  # noqa: E402
from bot.usage import figures  # noqa: E402

OUTCOMES = ["answer"] * 6 + ["suggest", "fallback", "fallback", "smalltalk", "crisis"]
ENTRIES = [f"entry-{i}" for i in range(55)]


def rows(n: int, days: int = 90, residents: int = 20_000, seed: int = 7):
    """n events spread over the last `days` days (minute precision), as the bot stores them."""
    rng = random.Random(seed)
    now = time.time()
    for _ in range(n):
        outcome = rng.choice(OUTCOMES)
        at = time.strftime("%Y-%m-%dT%H:%M", time.gmtime(now - rng.random() * days * 86400))
        yield (
            at,
            f"p{rng.randrange(residents):06d}",
            "reply",
            "private",
            rng.choice(("pl", "pl", "en")),
            outcome,
            rng.choice(ENTRIES) if outcome == "answer" else None,
            "h",
            rng.randrange(1, 40),
        )


def bulk_load(store, n: int) -> float:
    """Insert n events with their own timestamps, in batches; seconds taken."""
    columns = "at, pseudonym, kind, chat_type, lang, outcome, entry, band, latency_ms"
    started = time.perf_counter()
    batch = []
    for row in rows(n):
        batch.append(row)
        if len(batch) == 10_000:
            _insert(store, columns, batch)
            batch = []
    if batch:
        _insert(store, columns, batch)
    return time.perf_counter() - started


def _insert(store, columns: str, batch: list) -> None:
    if store.path is not None:  # SQLite
        with store._lock, store._db:
            store._db.execute("BEGIN")
            store._db.executemany(f"INSERT INTO events ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
    else:
        with store._lock:
            db = store._db()
            with db.transaction(), db.cursor() as cursor:
                cursor.executemany(f"INSERT INTO events ({columns}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)", batch)


def measure(name: str, store, events: int, single: int) -> None:
    started = time.perf_counter()
    for i in range(single):
        store.log_event(f"bench{i % 500}", "reply", "private", "pl", "answer", "entry-1", "h", 3)
    one_by_one = single / (time.perf_counter() - started)
    loaded = bulk_load(store, events)
    if store.path is None:
        with store._lock:
            store._db().execute("ANALYZE events")
    today = date.today()
    timings = {}
    for label, days in (("7 days", 7), ("90 days", 90)):
        started = time.perf_counter()
        counted = figures.collect(store, today - timedelta(days=days - 1), today)
        timings[label] = (time.perf_counter() - started, counted.messages)
    print(
        f"{name:10} one event a transaction: {one_by_one:8,.0f} events/s   "
        f"batches of 10,000: {events / loaded:9,.0f} events/s ({events:,} in {loaded:.1f} s)"
    )
    for label, (seconds, messages) in timings.items():
        print(f"{'':10} report over {label:8} {seconds * 1000:8.0f} ms ({messages:,} events)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--single", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite3")
        measure("SQLite", store, args.events, args.single)
        store.close()
    server = PostgresServer.start(durable=True)
    if server is None:
        print("PostgreSQL: no server binaries (apt-get install postgresql); skipped")
        return
    try:
        store = open_store(server.new_database())
        measure("PostgreSQL", store, args.events, args.single)
        store.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
