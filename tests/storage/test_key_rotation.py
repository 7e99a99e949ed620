"""Replacing the keys of the data directory: questions stay readable with the new samples key only;
re-keyed pseudonyms keep the counts and lose every link to the old key."""

import os
import re
import sqlite3
import stat

import pytest

from bot.cli.main import main
from bot.health import heartbeat_path, write_heartbeat
from bot.storage.keys import Pseudonymizer, load_key, load_sample_key
from bot.storage.sqlite import Store


@pytest.fixture
def data(tmp_path, monkeypatch):
    for name in list(os.environ):
        if name.startswith("BOT_"):
            monkeypatch.delenv(name)
    root = tmp_path / "data"
    root.mkdir()
    monkeypatch.setenv("BOT_DATA_DIR", str(root))
    monkeypatch.setenv("BOT_KEY_FILE", str(key_file(root)))
    pseudonym = Pseudonymizer(load_key(None, key_file(root)))
    store = Store(root / "bot.sqlite3", load_sample_key(root / "samples.key"))
    store.add_sample("czy jest tu parking", "pl")
    store.set_language(pseudonym(42), "en")
    store.record_feedback(pseudonym(42), "rpo-complaint", True)
    for user in (42, 42, 43):
        store.log_event(pseudonym(user), "reply", "private", "pl", "answer")
    store.close()
    return root, pseudonym(42)


def key_file(root):
    """The pseudonym key, apart from the data directory as by default."""
    return root.parent / "keys" / "pseudonym.key"


def test_samples_key_rotation_re_encrypts_every_kept_question(data, capsys):
    root, _ = data
    old = (root / "samples.key").read_bytes()
    assert main(["rotate-keys", "--samples"]) == 0
    assert "1 kept question(s) re-encrypted." in capsys.readouterr().out
    new = (root / "samples.key").read_bytes()
    assert new != old and stat.S_IMODE((root / "samples.key").stat().st_mode) == 0o600
    assert Store(root / "bot.sqlite3", new).samples()[0][1:] == ("pl", "czy jest tu parking")
    assert Store(root / "bot.sqlite3", old).samples() == []  # the old key reads nothing any more
    assert not (root / "samples.key.new").exists()


def test_pseudonym_rotation_keeps_counts_and_breaks_every_link(data, capsys):
    root, old_pseudonym = data
    old_key = key_file(root).read_text()
    assert main(["rotate-keys", "--pseudonyms"]) == 0
    assert "3 event(s), 1 rating(s); 1 language choice(s) deleted." in capsys.readouterr().out
    assert key_file(root).read_text() != old_key
    with sqlite3.connect(root / "bot.sqlite3") as db:
        assert db.execute("SELECT count(DISTINCT pseudonym), count(*) FROM events").fetchone() == (2, 3)
        rows = db.execute("SELECT pseudonym FROM events UNION ALL SELECT pseudonym FROM feedback").fetchall()
        assert old_pseudonym not in {r[0] for r in rows}
        assert db.execute("SELECT count(*) FROM preferences").fetchone()[0] == 0


def test_refuses_while_the_bot_runs_and_says_what_to_rotate(data, capsys):
    root, _ = data
    assert main(["rotate-keys"]) == 1
    assert "--samples, --pseudonyms, or both" in capsys.readouterr().err
    write_heartbeat(heartbeat_path(root), "polling", None)
    assert main(["rotate-keys", "--samples"]) == 1
    assert "the bot is running" in capsys.readouterr().err


def test_backup_is_a_private_consistent_copy_taken_while_the_store_is_open(data, tmp_path, capsys):
    root, _ = data
    live = Store(root / "bot.sqlite3")
    live.log_event("p9", "reply", "private", "en", "crisis")  # the bot is still writing
    assert main(["backup", str(tmp_path / "backups")]) == 0
    out = capsys.readouterr().out
    assert re.search(r"The keys are not in it: back up \S+/pseudonym\.key and \S+/samples\.key separately", out)
    (copy,) = (tmp_path / "backups").glob("bot-*.sqlite3")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with sqlite3.connect(copy) as db:
        assert db.execute("SELECT count(*) FROM events").fetchone()[0] == 4
    live.close()
