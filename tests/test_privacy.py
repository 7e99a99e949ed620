"""/privacy says what the code keeps: every table is described, in both languages."""

import re
import sqlite3

from telegram_support import run, update

from bot.storage.sqlite import BOOKKEEPING_TABLES, PRIVACY_DESCRIPTION, Store


def test_every_table_is_described_in_privacy(tmp_path):
    Store(tmp_path / "db.sqlite3").close()
    db = sqlite3.connect(tmp_path / "db.sqlite3")
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables == set(PRIVACY_DESCRIPTION) | BOOKKEEPING_TABLES


def test_privacy_text_names_every_table_and_the_retention(make_app):
    app, request, svc = make_app()
    run(app, update("/privacy", language="en"), update("/privacy", language="pl", user_id=8, update_id=2))
    english, polish = request.sent()
    for words in PRIVACY_DESCRIPTION.values():
        assert words in english
    assert "deleted after 90 days" in english and "never what you wrote" in english
    assert re.search(r"po 90 dniach", polish) and "Wyślij to pytanie anonimowo do redaktorów" in polish
