"""The CLI contract that the scorer, CI and editors rely on."""

import json
import subprocess
import sys

import pytest
from conftest import DATA, PROJECT

from bot.cli.main import main, parser

KEYS = {"lang", "outcome", "entry", "score", "text", "suggestions"}


def run(*args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True, cwd=PROJECT, timeout=120
    )


def test_ask_json_stdin_answers_one_line_per_question_in_order():
    questions = [
        "Czym jest Rada ds. Równego Traktowania?",
        "chce sie zabic",
        "I want to kill myself",
        "hello",
        "",
        "What's a good hotel in the old town?",
        "lgbt",
    ]
    result = run("ask", "--json", "-", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(questions)
    replies = [json.loads(line) for line in lines]
    assert all(set(r) >= KEYS for r in replies)
    assert [r["outcome"] for r in replies] == [
        "answer",
        "crisis",
        "crisis",
        "smalltalk",
        "fallback",
        "fallback",
        "suggest",
    ]
    assert [r["lang"] for r in replies[:4]] == ["pl", "pl", "en", "en"]
    assert replies[0]["entry"] == "equality-council" and "Źródło:" in replies[0]["text"]
    for crisis in replies[1:3]:
        assert crisis["text"].splitlines()[0].count("112") == 1
    assert all({"entry", "title"} == set(s) for s in replies[6]["suggestions"]) and replies[6]["suggestions"]


def test_ask_single_question_with_explain(capsys):
    assert main(["--knowledge", str(DATA / "kb_small"), "ask", "--explain", "flag", "from", "leuven"]) == 0
    out = capsys.readouterr().out
    assert "The partner city of Leuven sent a rainbow flag." in out
    assert "rainbow-flag: 1.000" in out and "via 'flag from leuven'" in out and "decision: answer" in out


def test_ask_json_with_explain(capsys):
    main(["--knowledge", str(DATA / "kb_small"), "ask", "--json", "--explain", "flaga z leuven"])
    reply = json.loads(capsys.readouterr().out)
    assert reply["entry"] == "rainbow-flag" and reply["explain"]["candidates"][0]["entry"] == "rainbow-flag"


def test_validate_ok_and_broken(tmp_path, capsys):
    assert main(["validate", str(DATA / "kb_small")]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("OK: 4 entries")
    broken = tmp_path / "kb"
    broken.mkdir()
    (broken / "a.yaml").write_text("entries: [\n")
    assert main(["validate", str(broken)]) == 1
    assert capsys.readouterr().out.startswith("kb/a.yaml:2: YAML syntax error")


def test_validate_checks_the_directory_given_with_knowledge(tmp_path, capsys):
    broken = tmp_path / "kb"
    broken.mkdir()
    (broken / "a.yaml").write_text("entries: [\n")
    assert main(["--knowledge", str(broken), "validate"]) == 1
    assert capsys.readouterr().out.startswith("kb/a.yaml:2: YAML syntax error")
    assert main(["--knowledge", str(broken), "validate", str(DATA / "kb_small")]) == 0  # the argument wins


def test_broken_knowledge_stops_any_command_with_file_lines_not_a_traceback(tmp_path):
    (tmp_path / "a.yaml").write_text("entries:\n  - id: x\n")
    result = run("--knowledge", str(tmp_path), "ask", "hello")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == "Error: the knowledge has 7 problem(s); fix them and try again."
    assert f"{tmp_path.name}/a.yaml:2: entry 'x' has no 'answer'" in result.stderr


def test_eval_reports_accuracy_and_gate(tmp_path, capsys):
    questions = tmp_path / "q.yaml"
    questions.write_text(
        '- {q: "flaga z leuven", lang: pl, outcome: answer, must: [[leuven]], entry: rainbow-flag}\n'
        '- {q: "parking permit", lang: en, outcome: fallback}\n'
        '- {q: "I want to kill myself", lang: en, outcome: crisis, must: [["112"]]}\n'
        '- {q: "who sits on the council", lang: en, outcome: answer, must: [[nonexistent]]}\n'
    )
    assert main(["--knowledge", str(DATA / "kb_small"), "eval", str(questions)]) == 1
    out = capsys.readouterr().out
    assert "MISS [answer/en] 'who sits on the council'" in out
    assert "4 questions: answer=1/2 (0.500) lang=4/4 (1.000) fallback=1/1 (1.000) crisis=1/1 (1.000)" in out
    assert main(["--knowledge", str(DATA / "kb_small"), "eval", "--no-gate", str(questions)]) == 0


def test_eval_bad_file_is_one_error_line(tmp_path, capsys):
    bad = tmp_path / "q.yaml"
    bad.write_text("- {q: x, outcome: maybe}\n")
    assert main(["eval", str(bad)]) == 1
    assert (
        capsys.readouterr().err.strip()
        == f"Error: {bad}: item 1 has unknown outcome 'maybe' (use answer, info, fallback, crisis, any)"
    )


@pytest.mark.parametrize("command", ["chat", "ask", "validate", "eval", "report", "review", "run"])
def test_every_command_has_help(command):
    sub = parser()._subparsers._group_actions[0].choices[command]
    assert sub.description or sub.format_help()
    assert parser()._subparsers._group_actions[0]._choices_actions
    helps = {a.dest: a.help for a in parser()._subparsers._group_actions[0]._choices_actions}
    assert helps[command]


def test_an_unreachable_or_malformed_postgresql_url_is_one_error_line(monkeypatch, capsys):
    monkeypatch.setenv("BOT_DATABASE", "postgresql://nobody@127.0.0.1:1/none?connect_timeout=1")
    assert main(["report"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("Error: BOT_DATABASE: cannot reach the database")
    monkeypatch.setenv("BOT_DATABASE", "postgresql://x:y@h/db?nosuchoption=1")
    assert main(["purge"]) == 1
    assert capsys.readouterr().err.startswith("Error: BOT_DATABASE is not a valid PostgreSQL URL")


def test_ask_json_and_explain_name_the_triage_reading(capsys):
    question = ["my", "manager", "keeps", "mocking", "me", "since", "I", "came", "out", "as", "gay"]
    main(["--knowledge", str(DATA / "kb_small"), "ask", "--json", " ".join(question)])
    reply = json.loads(capsys.readouterr().out)
    assert reply["entry"] == "work-discrimination" and reply["triage"] == {"place": "work", "ground": "orientation"}
    main(["--knowledge", str(DATA / "kb_small"), "ask", "--explain", *question])
    assert (
        "triage: place work (from 'manager'), ground orientation (from 'gay') -> work-discrimination"
        in capsys.readouterr().out
    )
    main(["--knowledge", str(DATA / "kb_small"), "ask", "--json", "flaga z leuven"])
    assert "triage" not in json.loads(capsys.readouterr().out)


def test_output_into_a_pipe_that_closes_early_ends_quietly(tmp_path):
    """`equality-bot … | head -1`: the reader goes away; no BrokenPipeError traceback."""
    questions = tmp_path / "questions.txt"
    questions.write_text("czym jest rada rownego traktowania\n" * 3000)  # far more output than a pipe holds
    with open(questions, "rb") as stdin:
        bot = subprocess.Popen(
            [sys.executable, "-m", "bot", "--knowledge", str(DATA / "kb_small"), "ask", "-"],
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=PROJECT,
        )
    bot.stdout.readline()
    bot.stdout.close()  # as `head -1` does
    assert bot.wait(timeout=120) != 0
    err = bot.stderr.read().decode()
    assert "Traceback" not in err and "BrokenPipeError" not in err, err
