"""Builds the assistant from configuration: knowledge directory, lexicon, catalogs."""

from __future__ import annotations

import os
from pathlib import Path

from bot.core.assistant import Assistant
from bot.i18n import Catalogs
from bot.knowledge.loader import load_knowledge
from bot.knowledge.lexicon_store import load_lexicon

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_KNOWLEDGE_DIR = PROJECT_DIR / "knowledge"


def knowledge_dir(explicit: str | None = None) -> Path:
    """The knowledge directory: the given one, else $BOT_KNOWLEDGE_DIR, else `knowledge/`."""
    return Path(explicit or os.environ.get("BOT_KNOWLEDGE_DIR") or DEFAULT_KNOWLEDGE_DIR)


def build_assistant(directory: str | Path | None = None) -> Assistant:
    """Load and validate the knowledge and build the assistant (raises KnowledgeError, CatalogError)."""
    knowledge = load_knowledge(knowledge_dir(str(directory) if directory else None))
    return Assistant(knowledge, load_lexicon(), Catalogs())
