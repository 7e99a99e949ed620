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


def test_one_language_cannot_fall_behind_under_the_others_average():
    overall = {"answer": (95, 100), "crisis": (10, 10)}
    by_language = {
        "pl": {"answer": (60, 60)},
        "en": {"answer": (27, 30)},
        "uk": {"answer": (8, 10)},
        "ru": {"answer": (0, 0)},
    }
    assert evaluation.gate_failures(overall, by_language) == ["uk answer: 0.800 < 0.85"]
    by_language["pl"] = {"answer": (53, 60), "crisis": (4, 5)}
    assert evaluation.gate_failures(overall, by_language) == [
        "pl answer: 0.883 < 0.90",
        "pl crisis: 0.800 < 1.00",
        "uk answer: 0.800 < 0.85",
    ]
