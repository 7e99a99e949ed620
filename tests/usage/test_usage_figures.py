"""Admin figures: right counts, and nothing about fewer than 5 residents."""

import csv

import pytest

from bot.cli.main import main
from bot.storage.sqlite import Store
from bot.usage import figures


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


def test_text_and_html_report_in_ukrainian(usage_db, tmp_path, capsys):
    assert main(["report", "--lang", "uk"]) == 0
    out = capsys.readouterr().out
    assert "Повідомлення: 16" in out and "<5" in out and "50%" in out
    page = tmp_path / "report.html"
    assert main(["report", "--html", str(page), "--lang", "uk"]) == 0
    html = page.read_text()
    assert '<html lang="uk">' in html and "Повідомлення" in html and "Messages" not in html


def test_csv_export(usage_db, tmp_path, capsys):
    assert main(["report", "--csv", str(tmp_path / "out")]) == 0
    with open(tmp_path / "out" / "outcomes.csv", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["outcome", "messages"] and ["crisis", "<5"] in rows and ["answer", "8"] in rows


def test_report_errors_are_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BOT_DATABASE", str(tmp_path / "none.sqlite3"))
    assert main(["report"]) == 1
    assert capsys.readouterr().err.startswith("Error: BOT_DATABASE / BOT_DATA_DIR: there is no usage database")


def test_html_report_is_self_contained_with_charts_and_grouped_questions(usage_db, tmp_path, monkeypatch, capsys):
    from bot.storage.keys import load_sample_key

    monkeypatch.setenv("BOT_DATA_DIR", str(tmp_path))
    store = Store(usage_db, load_sample_key(tmp_path / "samples.key"))
    for q in [
        "jak wyrobić kartę parkingową",
        "karta parkingowa kraków",
        "gdzie jest najbliższy basen",
        "<script>alert(1)</script> parking karta",
    ]:
        store.add_sample(q, "pl")
    store.close()
    out = tmp_path / "report.html"
    assert main(["report", "--html", str(out), "--lang", "pl"]) == 0
    page = out.read_text()
    assert page.count("<svg") >= 3 and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "2 × " in page and page.count("<h3>") == 3  # the two parking-card questions form one group
    assert "&lt;5" in page and "Wiadomości" in page


def test_every_cell_of_the_thumbs_split_describes_five_residents_or_is_withheld(usage_db):
    from datetime import date

    f = figures.collect(Store(usage_db), date.today(), date.today())
    assert f.thumbs_down == [("rpo-complaint", 5, None)]  # 5 said 👎, 1 said 👍: that one is withheld


def test_a_zero_is_shown_as_zero_and_withheld_rows_do_not_reveal_their_range_by_their_order(tmp_path):
    from datetime import date

    store = Store(tmp_path / "rows.sqlite3")
    for i in range(9):
        store.log_event(f"a{i}", "reply", "private", "pl", "answer", "big", "h", 1)
    for i in range(2):  # 2 residents, 8 messages: more than the next entry's, but withheld
        for _ in range(4):
            store.log_event(f"b{i}", "reply", "private", "pl", "answer", "hidden", "h", 1)
    for i in range(6):
        store.log_event(f"c{i}", "reply", "private", "pl", "answer", "small", "h", 1)
    store.close()
    f = figures.collect(Store(tmp_path / "rows.sqlite3"), date.today(), date.today())
    assert f.top_entries == [("big", 9), ("small", 6), ("hidden", None)]  # the withheld row after the shown ones
    assert f.crisis == 0 and "Crisis replies: 0" in figures.text_report(
        f, "en", __import__("gettext").NullTranslations()
    )


@pytest.mark.parametrize(
    "args, error",
    [
        (
            ["--since", "2026-12-01", "--until", "2026-11-01"],
            "Error: --since (2026-12-01) is after --until (2026-11-01).",
        ),
        (["--days", "0"], "Error: --days must be a number of days from 1 upwards, not 0."),
    ],
)
def test_a_period_that_is_no_period_is_refused(usage_db, capsys, args, error):
    assert main(["report", *args]) == 1
    assert capsys.readouterr().err.strip() == error


def test_the_html_page_names_entries_by_their_titles_and_heads_the_thumbs_table(usage_db, tmp_path, monkeypatch):
    monkeypatch.setenv("BOT_DATA_DIR", str(tmp_path))
    out = tmp_path / "report.html"
    assert main(["report", "--html", str(out)]) == 0
    page = out.read_text()
    assert "Commissioner for Human Rights (RPO) – how to complain" in page
    assert ">rpo-complaint<" not in page
    assert "<tr><th>Entry</th><th>👎</th><th>👍</th></tr>" in page


def test_a_period_without_messages_shows_zeros_not_withheld_cells(tmp_path):
    from datetime import date

    Store(tmp_path / "empty.sqlite3").close()
    f = figures.collect(Store(tmp_path / "empty.sqlite3"), date.today(), date.today())
    text = figures.text_report(f, "en", __import__("gettext").NullTranslations())
    assert "Messages: 0" in text and "Crisis replies: 0" in text and "Answered directly: –" in text
    assert "<5" not in text.split("\n", 2)[2]  # only the line that explains <5 mentions it
