"""Admin figures: right counts, and nothing about fewer than 5 residents."""

import csv

import pytest

from bot.usage import figures
from bot.cli.main import main
from bot.storage.sqlite import Store


@pytest.fixture
def usage_db(tmp_path, monkeypatch):
    path = tmp_path / "bot.sqlite3"
    store = Store(path)
    for i in range(8):  # 8 residents ask in Polish, all answered by the same entry
        store.log_event(f"pl{i}", "reply", "private", "pl", "answer", "rpo-complaint", "h", 3)
    for i in range(6):  # 6 residents in English, not answered
        store.log_event(f"en{i}", "reply", "private", "en", "fallback", None, None, 2)
    for i in range(2):  # 2 crisis replies: too few residents to show
        store.log_event(f"c{i}", "reply", "private", "pl", "crisis", None, None, 1)
    store.log_event("pl0", "language", "private", "en")
    for i in range(5):
        store.record_feedback(f"pl{i}", "rpo-complaint", False)
    store.record_feedback("pl5", "rpo-complaint", True)
    store.close()
    monkeypatch.setenv("BOT_DATABASE", str(path))
    return path


def test_a_small_period_withholds_everything(tmp_path):
    from datetime import date

    store = Store(tmp_path / "small.sqlite3")
    for i in range(3):
        store.log_event(f"p{i}", "reply", "private", "pl", "answer", "x", "h", 1)
    store.close()
    f = figures.collect(Store(tmp_path / "small.sqlite3"), date.today(), date.today())
    assert f.messages is None and f.residents is None and dict(f.outcomes) == {"answer": None}


def test_text_report_in_polish_and_english(usage_db, capsys):
    assert main(["report", "--lang", "pl"]) == 0
    out = capsys.readouterr().out
    assert "Wiadomości: 16" in out and "Odpowiedzi kryzysowe: <5" in out and "50%" in out
    assert main(["report", "--days", "30"]) == 0
    out = capsys.readouterr().out
    assert "Messages: 16" in out and "emergency card: <5" in out and "rpo-complaint: 8" in out


def test_csv_export(usage_db, tmp_path, capsys):
    assert main(["report", "--csv", str(tmp_path / "out")]) == 0
    rows = list(csv.reader(open(tmp_path / "out" / "outcomes.csv")))
    assert rows[0] == ["outcome", "messages"] and ["crisis", "<5"] in rows and ["answer", "8"] in rows


def test_report_errors_are_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BOT_DATABASE", str(tmp_path / "none.sqlite3"))
    assert main(["report"]) == 1
    assert capsys.readouterr().err.startswith("Error: BOT_DATABASE / BOT_DATA_DIR: there is no usage database")


def test_html_report_is_self_contained_with_charts_and_grouped_questions(usage_db, tmp_path, monkeypatch, capsys):
    from bot.storage.keys import load_sample_key

    monkeypatch.setenv("BOT_DATA_DIR", str(tmp_path))
    store = Store(usage_db, load_sample_key(tmp_path / "samples.key"))
    for q in ["jak wyrobić kartę parkingową", "karta parkingowa kraków", "gdzie jest najbliższy basen",
              "<script>alert(1)</script> parking karta"]:
        store.add_sample(q, "pl")
    store.close()
    out = tmp_path / "report.html"
    assert main(["report", "--html", str(out), "--lang", "pl"]) == 0
    page = out.read_text()
    assert page.count("<svg") >= 3 and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "2 × " in page and page.count("<h3>") == 3  # the two parking-card questions form one group
    assert "&lt;5" in page and "Wiadomości" in page
