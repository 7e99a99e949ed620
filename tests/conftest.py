"""Shared fixtures: the real lexicon and catalogs, the small fixture knowledge, assistants."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.assistant import Assistant
from bot.i18n import Catalogs
from bot.knowledge_loader import load_knowledge
from bot.lexicon_store import load_lexicon

DATA = Path(__file__).parent / "data"
PROJECT = Path(__file__).parent.parent


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


@pytest.fixture(scope="session")
def catalogs():
    return Catalogs()


@pytest.fixture(scope="session")
def small_knowledge():
    return load_knowledge(DATA / "kb_small")


@pytest.fixture(scope="session")
def small_assistant(small_knowledge, lexicon, catalogs):
    return Assistant(small_knowledge, lexicon, catalogs)


@pytest.fixture(scope="session")
def real_assistant(lexicon, catalogs):
    return Assistant(load_knowledge(PROJECT / "knowledge"), lexicon, catalogs)
