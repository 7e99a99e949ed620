"""The composition root: builds the assistant from the knowledge directory, the lexicon and the catalogs."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bot.core.assistant import Assistant
from bot.core.model import Knowledge
from bot.i18n import Catalogs
from bot.knowledge.files import knowledge_dir
from bot.knowledge.knowledge_cache import load_knowledge_cached
from bot.knowledge.lexicon_store import load_lexicon

__all__ = ["assistant_on", "build_assistant", "knowledge_dir"]


def assistant_on(knowledge: Knowledge) -> Assistant:
    """An assistant answering from given knowledge, with the cached lexicon and the catalogs."""
    return Assistant(knowledge, load_lexicon(), Catalogs())


def build_assistant(directory: str | Path | None = None) -> Assistant:
    """Load and validate the knowledge (or take it from the cache of the same files) and build the
    assistant (raises KnowledgeError, CatalogError). The lexicon is read meanwhile, in a thread: on a
    first start most of it is unpacking, which runs beside the knowledge's reading on another core."""
    with ThreadPoolExecutor(1, thread_name_prefix="lexicon") as pool:
        lexicon = pool.submit(load_lexicon)
        knowledge = load_knowledge_cached(knowledge_dir(directory))
        return Assistant(knowledge, lexicon.result(), Catalogs())
