"""What the SQLite tests share: damaging a database file the way a failing disk would."""


def damage(path):
    """Overwrite the first page of the events table with garbage, as a failing disk might."""
    import sqlite3

    with sqlite3.connect(path) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'events'").fetchone()[0]
    db.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\x0d\x00\x00\x00\x05" + b"\xff" * 200)
