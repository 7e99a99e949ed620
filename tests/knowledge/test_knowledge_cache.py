"""A start takes the knowledge from the cache only while it holds the very same files: an edit is
always read and validated again, and a damaged cache is a warning, never a wrong answer."""

import logging
import shutil

import pytest
from conftest import DATA, PROJECT

from bot.core.danger_model import DangerModel
from bot.knowledge import knowledge_cache, loader
from bot.knowledge.danger_model_reader import FILE_NAME as MODEL_FILE
from bot.knowledge.danger_model_reader import write_model
from bot.knowledge.knowledge_cache import FILE_NAME, load_knowledge_cached
from bot.knowledge.loader import load_knowledge
from bot.knowledge.problems import KnowledgeError

MODEL = DangerModel(
    {" ab": (1.5, 0.25, -0.25), "cd ": (-0.5, 0.0, 0.1)}, -1.0, 0.8, ("suicide", "violence"), (0.1, -0.1)
)


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "knowledge"
    shutil.copytree(DATA / "kb_small", root)
    return root


def _answer(knowledge, entry_id="work-discrimination"):
    return knowledge.entry(entry_id).answer["en"]


def _files_not_read(monkeypatch):
    def refuse(directory):
        raise AssertionError("the knowledge files were read again")

    monkeypatch.setattr(loader, "read_knowledge", refuse)


def test_a_second_start_takes_the_same_knowledge_from_the_cache(root, tmp_path, monkeypatch):
    first = load_knowledge_cached(root, tmp_path / "cache")
    assert (tmp_path / "cache" / FILE_NAME).is_file() and first == load_knowledge(root)
    _files_not_read(monkeypatch)
    assert load_knowledge_cached(root, tmp_path / "cache") == first


def test_the_shipped_knowledge_and_its_danger_model_come_back_whole(tmp_path, monkeypatch):
    fresh = load_knowledge_cached(PROJECT / "knowledge", tmp_path)
    _files_not_read(monkeypatch)
    cached = load_knowledge_cached(PROJECT / "knowledge", tmp_path)
    assert cached == fresh and cached.crisis.model is not None and cached.crisis.model == fresh.crisis.model


def test_an_edited_file_is_read_and_validated_again(root, tmp_path):
    entries = root / "entries.yaml"
    before = _answer(load_knowledge_cached(root, tmp_path / "cache"))
    entries.write_text(entries.read_text(encoding="utf-8").replace(before, "A new answer."), encoding="utf-8")
    assert _answer(load_knowledge_cached(root, tmp_path / "cache")) == "A new answer."
    entries.write_text(entries.read_text(encoding="utf-8").replace("reviewed:", "reviewd:", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_knowledge_cached(root, tmp_path / "cache")


def test_a_file_added_changed_or_removed_is_read_again(root, tmp_path):
    first = load_knowledge_cached(root, tmp_path / "cache")
    write_model(root / MODEL_FILE, MODEL, "abc123", [])
    assert first.crisis.model is None and load_knowledge_cached(root, tmp_path / "cache").crisis.model == MODEL
    retrained = DangerModel({**MODEL.weights, " ab": (2.0, 0.5, -0.5)}, -1.0, 0.8, MODEL.situations, (0.1, -0.1))
    write_model(root / MODEL_FILE, retrained, "abc123", [])
    assert load_knowledge_cached(root, tmp_path / "cache").crisis.model == retrained
    (root / MODEL_FILE).unlink()
    assert load_knowledge_cached(root, tmp_path / "cache").crisis.model is None


def test_a_damaged_cache_is_ignored_with_a_warning_and_replaced(root, tmp_path, caplog, monkeypatch):
    cache = tmp_path / "cache"
    expected = load_knowledge_cached(root, cache)
    header = (cache / FILE_NAME).read_bytes().split(b"\n", 1)[0]
    (cache / FILE_NAME).write_bytes(header + b"\nnot a pickle")
    with caplog.at_level(logging.WARNING, logger="bot.knowledge.knowledge_cache"):
        assert load_knowledge_cached(root, cache) == expected
    assert [r.getMessage() for r in caplog.records if "damaged" in r.getMessage()]
    _files_not_read(monkeypatch)
    assert load_knowledge_cached(root, cache) == expected  # rewritten whole
    assert [p.name for p in cache.iterdir()] == [FILE_NAME]  # no temporary file left behind


def test_knowledge_loads_when_the_cache_cannot_be_written(root, tmp_path, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="bot.knowledge.knowledge_cache"):
        assert load_knowledge_cached(root, blocked) == load_knowledge(root)
    assert any("Could not cache the knowledge" in r.getMessage() for r in caplog.records)


def test_the_code_that_reads_the_knowledge_is_part_of_the_key(root, tmp_path, monkeypatch):
    before = knowledge_cache.key(root)
    code = tmp_path / "code"
    code.mkdir()
    (code / "reader.py").write_text("# another version of the reader\n", encoding="utf-8")
    monkeypatch.setattr(knowledge_cache, "_CODE", [*knowledge_cache._CODE, code])
    assert knowledge_cache.key(root) != before


def test_the_assistant_starts_from_the_cache_in_bot_cache_dir(root, tmp_path, monkeypatch):
    from bot.app import build_assistant

    monkeypatch.setenv("BOT_CACHE_DIR", str(tmp_path / "cache"))
    first = build_assistant(root)
    _files_not_read(monkeypatch)
    assert build_assistant(root).knowledge == first.knowledge and (tmp_path / "cache" / FILE_NAME).is_file()
