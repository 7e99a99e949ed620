"""The editors' review loop: adding variants safely, and the review listing."""

import shutil
from datetime import date

import pytest
from conftest import DATA

from bot.cli.main import main
from bot.knowledge.loader import load_knowledge, read_knowledge
from bot.knowledge.review import ReviewError, add_variant, due_for_review


@pytest.fixture
def kb(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(DATA / "kb_small", root)
    return root


def test_add_variant_inserts_one_line_and_keeps_the_rest(kb):
    before = (kb / "entries.yaml").read_text().splitlines()
    path, line = add_variant(read_knowledge(kb), "council-join", "en", "can students join the council")
    after = path.read_text().splitlines()
    assert after[line - 1].strip() == "- can students join the council"
    assert after[: line - 1] + after[line:] == before
    assert "can students join the council" in load_knowledge(kb).entry("council-join").questions["en"]


def test_add_variant_quotes_what_yaml_would_misread(kb):
    add_variant(read_knowledge(kb), "council-join", "pl", "nabór: kiedy?")
    assert "nabór: kiedy?" in load_knowledge(kb).entry("council-join").questions["pl"]


def test_add_variant_errors(kb):
    with pytest.raises(ReviewError, match="there is no entry 'nope'"):
        add_variant(read_knowledge(kb), "nope", "pl", "x")
    (kb / "flow.yaml").write_text(
        "entries:\n  - id: flowy\n    title: {pl: a, en: b}\n    questions: {pl: [a1, a2], en: [b1, b2]}\n"
    )
    with pytest.raises(ReviewError, match="does not list its pl questions one per line"):
        add_variant(read_knowledge(kb), "flowy", "pl", "x")


def test_add_variant_goes_to_the_entry_when_a_contact_has_the_same_id(kb):
    contacts = (
        "contacts:\n  - id: council-join\n    name: {pl: Biuro Rady, en: Council office}\n"
        "    source: {title: T, publisher: P}\n"
    )
    (kb / "a-contacts.yaml").write_text(contacts, encoding="utf-8")
    path, _line = add_variant(read_knowledge(kb), "council-join", "en", "can students join the council")
    assert path.name == "entries.yaml"
    assert (kb / "a-contacts.yaml").read_text(encoding="utf-8") == contacts
    assert "can students join the council" in load_knowledge(kb).entry("council-join").questions["en"]


def test_add_variant_goes_after_a_last_question_written_over_two_lines(kb):
    entries = kb / "entries.yaml"
    entries.write_text(
        entries.read_text(encoding="utf-8").replace(
            "        - council recruitment\n", '        - "council recruitment\n          for students"\n'
        ),
        encoding="utf-8",
    )  # quoted: one question
    add_variant(read_knowledge(kb), "council-join", "en", "how do I apply to the council")
    questions = load_knowledge(kb).entry("council-join").questions["en"]
    assert questions[-2:] == ("council recruitment for students", "how do I apply to the council")


def test_cli_add_variant_is_refused_like_validate_refuses_it(kb, capsys):
    """A variant the deeper checks reject (another entry's question) is an error in validate, so
    review --add-variant must not leave it in the file either."""
    original = (kb / "entries.yaml").read_bytes()
    assert (
        main(
            [
                "--knowledge",
                str(kb),
                "review",
                "--add-variant",
                "council-join",
                "discrimination at work where to report",
                "--lang",
                "en",
            ]
        )
        == 1
    )
    out = capsys.readouterr()
    assert (
        "question 'discrimination at work where to report' cannot be told apart from entry 'work-discrimination'"
    ) in out.out
    assert "was not added" in out.err
    assert (kb / "entries.yaml").read_bytes() == original


def test_cli_add_variant_restores_the_file_when_the_result_is_invalid(kb, capsys):
    original = (kb / "entries.yaml").read_bytes()
    assert (
        main(["--knowledge", str(kb), "review", "--add-variant", "council-join", "flag from leuven", "--lang", "en"])
        == 1
    )
    out = capsys.readouterr()
    assert "question 'flag from leuven' is also a question of entry 'council-join'" in out.out
    assert "was not added" in out.err
    assert (kb / "entries.yaml").read_bytes() == original


def test_due_for_review(kb):
    knowledge = load_knowledge(kb)
    assert due_for_review(knowledge, date(2026, 6, 1)) == []
    assert [e for e, _ in due_for_review(knowledge, date(2026, 12, 15))] == sorted(e.id for e in knowledge.entries)


def test_review_listing_without_a_database(kb, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BOT_DATABASE", str(tmp_path / "none.sqlite3"))
    assert main(["--knowledge", str(kb), "review"]) == 0
    out = capsys.readouterr().out
    assert "No usage database" in out and "Entries due for review within 30 days:" in out


def test_the_listing_never_prints_a_kept_questions_control_or_bidi_characters(kb, tmp_path, monkeypatch, capsys):
    from bot.storage.keys import load_sample_key
    from bot.storage.sqlite import open_store

    database = tmp_path / "bot.sqlite3"
    store = open_store(database, load_sample_key(tmp_path / "samples.key"))
    store.add_sample("jak zgłosić\x1b[2J\x1b]0;pwned\x07 mobbing\u202e w pracy\nproszę", "pl")
    store.close()
    monkeypatch.setenv("BOT_DATABASE", str(database))
    monkeypatch.setenv("BOT_DATA_DIR", str(tmp_path))
    assert main(["--knowledge", str(kb), "review"]) == 0
    out = capsys.readouterr().out
    assert "1 x jak zgłosić[2J]0;pwned mobbing w pracy proszę" in out
    assert not any(c in out for c in "\x1b\x07\u202e")


def test_add_variant_refuses_a_question_the_entry_already_has(kb):
    add_variant(read_knowledge(kb), "council-join", "en", "can students join the council")
    with pytest.raises(ReviewError, match="entry 'council-join' already has this en question"):
        add_variant(read_knowledge(kb), "council-join", "en", "Can students join the Council?")
