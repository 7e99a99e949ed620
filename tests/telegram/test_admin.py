"""Admin commands through the real Application: only for admins, only in private chats; /reload keeps working knowledge."""

from telegram_support import edited, run, update


def test_admin_commands_are_unknown_commands_for_others(make_app):
    app, request, _ = make_app()
    run(app, update("/stats", user_id=7), update("/reload", user_id=7, update_id=2))
    assert all(t.startswith("Ask a question in your own words") for t in request.sent())


def test_stats_for_an_admin(make_app):
    app, request, svc = make_app()
    for i in range(6):
        svc.store.store.log_event(f"p{i}", "reply", "private", "en", "answer", "rpo-complaint", "h", 2)
    run(app, update("/stats", user_id=42))
    assert "Messages: 6" in request.sent()[0] and "rpo-complaint: 6" in request.sent()[0]


def test_reload_keeps_the_old_knowledge_on_errors_and_swaps_on_success(make_app, tmp_path):
    import shutil

    from conftest import DATA

    kb = tmp_path / "kb"
    shutil.copytree(DATA / "kb_small", kb)
    (kb / "broken.yaml").write_text("entries: [\n")
    app, request, svc = make_app(knowledge_dir=kb)
    before = svc.assistant
    kept = []
    run(app, update("/reload", user_id=42), lambda: kept.append(svc.assistant is before),
        (kb / "broken.yaml").unlink, update("/reload", user_id=42, update_id=2))
    assert "previous version" in request.sent()[0] and "kb/broken.yaml:2: YAML syntax error" in request.sent()[0]
    assert kept == [True]
    assert request.sent()[-1] == "Reloaded: 4 entries."
    assert svc.assistant.knowledge.entry("rainbow-flag") is not None


def test_a_knowledge_file_that_becomes_unreadable_keeps_the_old_knowledge(make_app, tmp_path):
    import shutil

    from bot.telegram.admin import knowledge_signature
    from conftest import DATA

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


def test_admin_commands_answer_only_in_private_chats_and_never_from_edits(make_app):
    app, request, _ = make_app()
    run(app, update("/stats", user_id=42, chat_type="group"), update("/reload", user_id=42, chat_type="group", update_id=2),
        edited("/stats"))
    assert not any("Messages:" in t or t.startswith("Reloaded") for t in request.sent())
    run(app, update("/stats", user_id=42, update_id=4))
    assert "Messages:" in request.sent()[-1]
