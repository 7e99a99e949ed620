"""Edits going live through the real Application: /reload and the watcher pass the knowledge through
the same gate as `validate`, and keep serving the previous knowledge when it refuses."""

import html
import shutil

from conftest import DATA
from telegram_support import run, update

from bot.cli.main import main


def test_reload_keeps_the_old_knowledge_on_errors_and_swaps_on_success(make_app, tmp_path):
    import shutil

    from conftest import DATA

    kb = tmp_path / "kb"
    shutil.copytree(DATA / "kb_small", kb)
    (kb / "broken.yaml").write_text("entries: [\n")
    app, request, svc = make_app(knowledge_dir=kb)
    before = svc.assistant
    kept = []
    run(
        app,
        update("/reload", user_id=42),
        lambda: kept.append(svc.assistant is before),
        (kb / "broken.yaml").unlink,
        update("/reload", user_id=42, update_id=2),
    )
    assert "previous version" in request.sent()[0] and "kb/broken.yaml:2: YAML syntax error" in request.sent()[0]
    assert kept == [True]
    assert request.sent()[-1] == "Reloaded: 4 entries."
    assert svc.assistant.knowledge.entry("rainbow-flag") is not None


def test_a_knowledge_file_that_becomes_unreadable_keeps_the_old_knowledge(make_app, tmp_path):
    import shutil

    from conftest import DATA

    from bot.telegram.knowledge_reload import knowledge_signature

    kb = tmp_path / "kb"
    shutil.copytree(DATA / "kb_small", kb)
    app, request, svc = make_app(knowledge_dir=kb)
    before, signature = svc.assistant, knowledge_signature(kb)
    (kb / "entries.yaml").unlink()
    (kb / "entries.yaml").symlink_to(tmp_path / "gone.yaml")  # e.g. a network share that went away
    assert knowledge_signature(kb) != signature
    run(app, update("/reload", user_id=42), update("what is the equality council", update_id=2))
    assert "previous version" in request.sent()[0] and "kb/entries.yaml:1: cannot read the file" in request.sent()[0]
    assert svc.assistant is before and "Council" in request.sent()[-1]


def test_the_running_bot_refuses_exactly_what_validate_refuses(make_app, tmp_path, capsys):
    """A variant another entry answers passes the schema but not the deeper checks: validate rejects
    it, and so must /reload (before, the running bot took it)."""
    kb = tmp_path / "kb"
    shutil.copytree(DATA / "kb_small", kb)
    entries = kb / "entries.yaml"
    entries.write_text(
        entries.read_text(encoding="utf-8").replace(
            "        - council recruitment\n",
            "        - council recruitment\n        - discrimination at work where to report\n",
        ),
        encoding="utf-8",
    )
    assert main(["validate", str(kb)]) == 1
    refused = [line for line in capsys.readouterr().out.splitlines() if "cannot be told apart" in line]
    assert refused
    app, request, svc = make_app(knowledge_dir=kb)
    before = svc.assistant
    run(app, update("/reload", user_id=42))
    sent = html.unescape(request.sent()[0])
    assert "previous version" in sent and all(line in sent for line in refused)
    assert svc.assistant is before
