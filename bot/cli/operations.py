"""The operators' side of the command line: `run` (the Telegram bot), `health` (the container's
HEALTHCHECK), `backup`, `rotate-keys`, `purge` and `report` (the admins' usage figures)."""

from __future__ import annotations

import logging
import os
import signal
import sqlite3
from pathlib import Path

from bot.app import build_assistant
from bot.config import ConfigError
from bot.i18n import Catalogs
from bot.knowledge.files import knowledge_dir

log = logging.getLogger(__name__)


def _stopped_while_starting(signum: int, frame: object) -> None:
    raise SystemExit(0)  # asked to stop before serving: nothing to finish, nothing lost


def cmd_run(args) -> int:
    # Until serving starts (and installs its own handler), SIGTERM ends the start-up cleanly.
    signal.signal(signal.SIGTERM, _stopped_while_starting)
    from bot.config import load_config
    from bot.health import heartbeat_path
    from bot.storage.gateway import StoreGateway
    from bot.storage.keys import Pseudonymizer, load_key, load_sample_key
    from bot.storage.sqlite import open_store
    from bot.telegram.application import Services, run

    config = load_config()
    old_place = config.key_file == config.data_dir / "pseudonym.key" and not os.environ.get("BOT_KEY_FILE", "").strip()
    key_setting = "BOT_DATA_DIR" if old_place else "BOT_KEY_FILE"
    try:
        key = load_key(config.secret, config.key_file, key_setting)
    except OSError as exc:
        raise ConfigError(
            f"{key_setting}: cannot use {config.key_file} for the pseudonym key: {exc.strerror or exc}."
        ) from None
    except ValueError as exc:  # a damaged key file
        raise ConfigError(str(exc)) from None
    if config.secret is None and config.key_file_warning:
        log.warning("%s", config.key_file_warning)
    try:
        store = open_store(config.database, load_sample_key(config.sample_key_file), config.retention_days)
    except OSError as exc:
        raise ConfigError(f"BOT_DATA_DIR: cannot use {config.data_dir}: {exc.strerror or exc}.") from None
    except sqlite3.Error as exc:
        raise ConfigError(f"BOT_DATABASE: cannot use {config.database} as the database: {exc}.") from None
    except ValueError as exc:  # a damaged key file
        raise ConfigError(str(exc)) from None
    svc = Services(
        build_assistant(args.knowledge),
        Catalogs(),
        StoreGateway(store),
        Pseudonymizer(key),
        admin_ids=config.admin_ids,
        knowledge_dir=knowledge_dir(args.knowledge),
        reload_seconds=config.reload_seconds,
        heartbeat=heartbeat_path(config.data_dir),
    )
    logging.getLogger().setLevel(logging.INFO)
    logging.getLogger("bot").setLevel(config.log_level)
    run(config, svc)
    svc.store.close()
    return 0


def cmd_health(args) -> int:
    from bot.config import data_directory
    from bot.health import check, heartbeat_path

    healthy, why = check(heartbeat_path(data_directory()), args.max_age)
    print(why)
    return 0 if healthy else 1


def cmd_backup(args) -> int:
    import time

    from bot.config import data_directory, database_path, key_file_location, sample_key_path
    from bot.storage.sqlite import backup

    database = database_path()
    if isinstance(database, str):
        raise ConfigError("BOT_DATABASE is PostgreSQL: back it up with pg_dump (see docs/deployment.md).")
    if not database.exists():
        raise ConfigError(
            f"no database at {database}: the bot creates it when it first runs (equality-bot run); "
            "set BOT_DATA_DIR (or BOT_DATABASE) as for the bot."
        )
    target = backup(database, Path(args.directory), time.strftime("%Y%m%d-%H%M%S"))
    pseudonym_key = "BOT_SECRET" if os.environ.get("BOT_SECRET", "").strip() else key_file_location()[0]
    print(
        f"Backed up to {target}. The keys are not in it: back up {pseudonym_key} and "
        f"{sample_key_path(data_directory())} separately (see docs/deployment.md)."
    )
    return 0


def cmd_rotate_keys(args) -> int:
    from bot.config import data_directory, key_file_location, sample_key_path
    from bot.health import heartbeat_path, seconds_since_processed
    from bot.storage import keys

    data_dir = data_directory()
    if not (args.samples or args.pseudonyms):
        raise ConfigError("say which key to replace: --samples, --pseudonyms, or both.")
    age = seconds_since_processed(heartbeat_path(data_dir))
    if age is not None and age < 60:
        raise ConfigError("the bot is running (its heartbeat is fresh); stop it first, then rotate the keys.")
    store = open_usage_store()
    try:
        if args.samples:
            key_file = sample_key_path(data_dir)
            if not key_file.exists():
                raise ConfigError(f"no samples key at {key_file}; nothing is encrypted yet.")
            rotated, unreadable = keys.rotate_sample_key(store, key_file)
            print(
                f"Samples key replaced: {rotated} kept question(s) re-encrypted"
                + (f", {unreadable} unreadable one(s) deleted." if unreadable else ".")
            )
        if args.pseudonyms:
            secret_in_env = bool(os.environ.get("BOT_SECRET", "").strip())
            key_file, warning = key_file_location()
            if warning and not secret_in_env:
                log.warning("%s", warning)
            changed = keys.rekey_pseudonyms(store, None if secret_in_env else key_file)
            print(
                f"Pseudonyms re-keyed: {changed['events']} event(s), {changed['feedback']} rating(s); "
                f"{changed['preferences']} language choice(s) deleted."
            )
            print(
                "Now set a new BOT_SECRET before starting the bot."
                if secret_in_env
                else f"A new pseudonym key was written to {key_file}."
            )
    finally:
        store.close()
    return 0


def cmd_purge(args) -> int:
    store = open_usage_store()
    try:
        deleted = store.purge_now()
    finally:
        store.close()
    names = {
        "samples": "kept questions",
        "events": "usage events",
        "rate": "flood counters",
        "replies": "reply links",
        "handled": "handled-update marks",
    }
    print("Purged: " + ", ".join(f"{n} {names.get(table, table)}" for table, n in deleted.items()))
    return 0


def open_usage_store(required: bool = True):
    """The usage store named by BOT_DATABASE / BOT_DATA_DIR, with the samples key if one exists
    (never creating one); None if there is no SQLite file and `required` is False."""
    from bot.config import data_directory, database_path, retention_days, sample_key_path
    from bot.storage.sqlite import open_store

    database = database_path()
    if not isinstance(database, str) and not database.exists():
        if not required:
            return None
        raise ConfigError(
            f"BOT_DATABASE / BOT_DATA_DIR: there is no usage database at {database}; the bot "
            "creates it when it first runs (equality-bot run) - set these as for the bot."
        )
    key_file = sample_key_path(data_directory())
    try:
        store = open_store(database, key_file.read_bytes().strip() if key_file.exists() else None, retention_days())
    except sqlite3.Error as exc:
        raise ConfigError(f"BOT_DATABASE: cannot open {database}: {exc}.") from None
    except ValueError as exc:  # a malformed PostgreSQL URL or a damaged key
        raise ConfigError(str(exc)) from None
    if not store.connected:
        raise ConfigError(f"BOT_DATABASE: cannot reach the database ({store.last_error}).")
    return store


def cmd_report(args) -> int:
    from datetime import date, timedelta

    from bot.usage import figures

    if args.days < 1:
        raise ConfigError(f"--days must be a number of days from 1 upwards, not {args.days}.")
    try:
        until = date.fromisoformat(args.until) if args.until else date.today()
        since = date.fromisoformat(args.since) if args.since else until - timedelta(days=args.days - 1)
    except ValueError:
        raise ConfigError("--since and --until take dates as YYYY-MM-DD.") from None
    if since > until:
        raise ConfigError(f"--since ({since}) is after --until ({until}).")
    store = open_usage_store()
    try:
        counted = figures.collect(store, since, until)
        samples = store.samples() if args.html else []
    finally:
        store.close()
    if args.html:
        from bot.core.analysis import Analyzer
        from bot.knowledge.lexicon_store import load_lexicon
        from bot.usage.html import html_report

        analyzer = Analyzer(load_lexicon())
        key = lambda q: " ".join(sorted(t for _w, t in analyzer.terms(q, args.lang)))  # noqa: E731
        page = html_report(counted, samples, args.lang, Catalogs()(args.lang), key, _entry_titles(args))
        Path(args.html).write_text(page, encoding="utf-8")
        print(args.html)
    elif args.csv:
        for path in figures.write_csv(counted, Path(args.csv)):
            print(path)
    else:
        print(figures.text_report(counted, args.lang, Catalogs()(args.lang)))
    return 0


def _entry_titles(args) -> dict[str, str]:
    """Entry id -> title in the report's language, for the HTML page; none when the knowledge cannot be
    read (the page then names entries by id)."""
    from bot.knowledge.loader import check_knowledge

    knowledge, _problems = check_knowledge(knowledge_dir(args.knowledge))
    if knowledge is None:
        return {}
    return {e.id: e.title.get(args.lang) or e.title["en"] for e in knowledge.entries}
