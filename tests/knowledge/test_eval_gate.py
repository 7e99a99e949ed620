"""The question set guards against regressions: `equality-bot eval` must pass its gate."""

from conftest import PROJECT

from bot.cli.main import main
from bot.knowledge import evaluation


def test_project_question_set_passes_the_gate(capsys):
    assert main(["eval"]) == 0, capsys.readouterr().out


def test_question_set_covers_what_residents_ask():
    items = evaluation.load_items(PROJECT / "eval" / "questions.yaml")
    kinds = {k: sum(i.outcome == k for i in items) for k in evaluation.OUTCOMES}
    assert len(items) >= 200
    assert kinds["fallback"] >= 30 and kinds["crisis"] >= 20 and kinds["any"] >= 10
    assert {i.lang for i in items} >= {"pl", "en"}


def test_questions_are_not_copies_of_variants(real_assistant):
    from bot.core.text import tokens

    variants = {
        " ".join(tokens(q)) for e in real_assistant.knowledge.entries for qs in e.questions.values() for q in qs
    }
    copies = [
        i.q for i in evaluation.load_items(PROJECT / "eval" / "questions.yaml") if " ".join(tokens(i.q)) in variants
    ]
    assert copies == []


def test_every_entry_is_asked_about(real_assistant):
    asked = {i.entry for i in evaluation.load_items(PROJECT / "eval" / "questions.yaml") if i.entry}
    missing = [e.id for e in real_assistant.knowledge.entries if e.id not in asked]
    assert len(missing) <= 5, missing
