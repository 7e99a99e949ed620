"""Shared fixtures: the real lexicon and catalogs, the small fixture knowledge, assistants."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.core.assistant import Assistant
from bot.i18n import Catalogs
from bot.knowledge.lexicon_store import load_lexicon
from bot.knowledge.loader import load_knowledge

DATA = Path(__file__).parent / "data"
PROJECT = Path(__file__).parent.parent
E2E = Path(__file__).parent / "e2e"


def pytest_collection_modifyitems(items):
    """Everything in tests/e2e is an end-to-end test (marker `e2e`): `-m "not e2e and not slow"` runs the
    fast suite alone."""
    for item in items:
        if E2E in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session", autouse=True)
def _config_home_of_the_tests(tmp_path_factory):
    """The pseudonym key defaults to $XDG_CONFIG_HOME/equality-bot/: keep the keys the tests (and the
    bots the end-to-end tests start) generate out of the real home directory."""
    before = os.environ.get("XDG_CONFIG_HOME")
    os.environ["XDG_CONFIG_HOME"] = str(tmp_path_factory.mktemp("config-home"))
    yield
    if before is None:
        os.environ.pop("XDG_CONFIG_HOME", None)
    else:
        os.environ["XDG_CONFIG_HOME"] = before


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


@pytest.fixture
def make_app(real_assistant, catalogs, tmp_path):
    """A real python-telegram-bot Application on a recording request (see telegram_support)."""
    from telegram_support import TOKEN, RecordingRequest

    from bot.config import load_config
    from bot.storage.keys import Pseudonymizer
    from bot.storage.sqlite import Store
    from bot.telegram.application import Services, build_application

    def make(store=None, knowledge_dir=None):
        from bot.storage.gateway import StoreGateway

        store = StoreGateway(store or Store(tmp_path / "db.sqlite3"))
        svc = Services(
            real_assistant,
            catalogs,
            store,
            Pseudonymizer(b"k" * 32),
            admin_ids=frozenset({42}),
            knowledge_dir=knowledge_dir,
        )
        request = RecordingRequest()
        app = build_application(load_config({"TELEGRAM_BOT_TOKEN": TOKEN}), svc, request)
        return app, request, svc

    return make


@pytest.fixture(scope="session")
def real_assistant(lexicon, catalogs):
    return Assistant(load_knowledge(PROJECT / "knowledge"), lexicon, catalogs)


@pytest.fixture(scope="session")
def postgres():
    """A PostgreSQL server for the whole run; CI must have one (never skipped there)."""
    from postgres_support import PostgresServer

    server = PostgresServer.start()
    if server is None:
        if os.environ.get("CI"):
            raise RuntimeError("PostgreSQL server binaries are missing; .ci/run installs Debian's postgresql")
        pytest.skip("PostgreSQL server binaries not installed (apt-get install postgresql)")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def make_store(request, tmp_path):
    """Open stores of one backend on one fresh database: make_store(sample_key=None, retention_days=90)."""
    from bot.storage.sqlite import open_store

    location = (
        tmp_path / "bot.sqlite3" if request.param == "sqlite" else request.getfixturevalue("postgres").new_database()
    )
    opened = []

    def make(sample_key: bytes | None = None, retention_days: int = 90):
        store = open_store(location, sample_key, retention_days)
        opened.append(store)
        return store

    make.backend = request.param
    make.location = location
    yield make
    for store in opened:
        try:
            store.close()
        except Exception:
            pass
