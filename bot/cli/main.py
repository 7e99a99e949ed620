"""The `equality-bot` command line: chat, ask, validate, eval (see docs/design in the README)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sqlite3
import sys
from pathlib import Path

from bot.app import PROJECT_DIR, build_assistant, knowledge_dir
from bot.core.model import Reply
from bot.config import ConfigError
from bot.knowledge.evaluation import QuestionFileError
from bot.health import MAX_AGE
from bot.i18n import CatalogError, Catalogs
from bot.knowledge.loader import KnowledgeError, check_knowledge
from bot.storage.sqlite import DatabaseFileError

DEFAULT_QUESTIONS = PROJECT_DIR / "tests" / "data" / "questions.yaml"

log = logging.getLogger(__name__)


def reply_json(reply: Reply, explain: bool = False) -> dict:
    """The JSON object of the CLI contract for one reply."""
    data = {
        "lang": reply.lang,
        "outcome": reply.outcome,
        "danger": reply.danger,
        "entry": reply.entry_id,
        "score": round(float(reply.score), 4),
        "text": reply.text,
        "suggestions": [{"entry": s.entry, "title": s.title} for s in reply.suggestions],
        "related": [{"entry": s.entry, "title": s.title} for s in reply.related],
    }
    if reply.triage is not None:
        data["triage"] = {"place": reply.triage[0], "ground": reply.triage[1]}
    if explain:
        data["explain"] = reply.explain
    return data


def explain_text(reply: Reply) -> str:
    """A readable account of why the assistant replied as it did."""
    e = reply.explain
    lines = [f"outcome: {reply.outcome}  entry: {reply.entry_id}  score: {reply.score:.3f}  lang: {reply.lang}"]
    if "language" in e:
        lg = e["language"]
        scores = " ".join(f"{k}={lg[k]:.2f}" for k in ("pl", "en", "uk", "ru") if lg.get(k) or k in ("pl", "en"))
        lines.append(f"language evidence: {scores} -> {lg['verdict'] or 'unclear'}")
    if "danger" in e:
        d = e["danger"]
        lines.append(f"danger: {d['tier']} ({', '.join(d['situations']) or 'no situation'}); frame {d['frame']}; "
                     f"concepts: {'; '.join(d['concepts'])}")
    if "smalltalk" in e:
        lines.append(f"small talk: {e['smalltalk']}")
    if "terms" in e:
        lines.append("terms: " + ", ".join(
            f"{t['word']}→{t['term']} (w={t['weight']}, {'typo ' if 0 < t['match'] < 1 else ''}{'matched' if t['match'] else 'unknown'})"
            for t in e["terms"]))
    for c in e.get("candidates", []):
        lines.append(f"  {c['entry']}: {c['score']:.3f} (lexical {c['lexical']:.3f}, fuzzy {c['fuzzy']:.3f}, "
                     f"covers {c['coverage']:.0%} of the question and {c['variant_coverage']:.0%} of the variant) "
                     f"via {c['variant']!r} on {c['matched']}")
    if "triage" in e:
        t = e["triage"]
        lines.append(f"triage: place {t['place']} (from {', '.join(map(repr, t['place_words']))}), ground "
                     f"{t['ground']} (from {', '.join(map(repr, t['ground_words']))}) -> {t['entry']}")
    if "decision" in e:
        lines.append(f"decision: {e['decision']}")
    return "\n".join(lines)


def cmd_ask(args) -> int:
    assistant = build_assistant(args.knowledge)
    if args.question == ["-"]:
        for line in sys.stdin:
            reply = assistant.reply(line.rstrip("\n"), args.lang)
            if args.json:
                print(json.dumps(reply_json(reply, args.explain), ensure_ascii=False), flush=True)
            else:
                print(reply.text + "\n", flush=True)
        return 0
    reply = assistant.reply(" ".join(args.question), args.lang)
    if args.json:
        print(json.dumps(reply_json(reply, args.explain), ensure_ascii=False))
    else:
        print(reply.text)
        if args.explain:
            print("\n" + explain_text(reply))
    return 0


def cmd_chat(args) -> int:
    from bot.cli.console import chat

    return chat(build_assistant(args.knowledge), args.lang)


def cmd_validate(args) -> int:
    directory = knowledge_dir(args.directory)
    _ = Catalogs()(args.lang).gettext
    knowledge, problems = check_knowledge(directory)
    for problem in problems:
        print(problem.render(_))
    errors = sum(p.severity == "error" for p in problems)
    if knowledge is None:
        print(_("{errors} error(s) in {directory}").format(errors=errors, directory=directory), file=sys.stderr)
        return 1
    from bot.core.assistant import Assistant
    from bot.knowledge.checks import check
    from bot.knowledge.lexicon_store import load_lexicon

    deeper = check(knowledge, directory, Assistant(knowledge, load_lexicon(), Catalogs()))
    for problem in deeper:
        print(problem.render(_))
    errors = sum(p.severity == "error" for p in deeper)
    warnings = len(deeper) - errors
    if errors or (warnings and args.strict):
        print(_("{errors} error(s), {warnings} warning(s) in {directory}").format(
            errors=errors, warnings=warnings, directory=directory), file=sys.stderr)
        return 1
    print(_("OK: {entries} entries, {contacts} contacts, {frames} danger frames in {directory}").format(
        entries=len(knowledge.entries), contacts=len(knowledge.contacts),
        frames=len(knowledge.crisis.rules.frames), directory=directory))
    return 0


def cmd_eval(args) -> int:
    from bot.knowledge import evaluation

    items = evaluation.load_items(Path(args.file))
    results = evaluation.evaluate(build_assistant(args.knowledge), items)
    groups = evaluation.summary(results)
    for r in results:
        if not r.ok:
            print(f"MISS [{r.item.outcome}/{r.item.lang}] {r.item.q!r}: {r.why}")
    print(f"{len(results)} questions: " + " ".join(f"{k}={ok}/{n} ({ok / n:.3f})" for k, (ok, n) in groups.items()))
    failures = evaluation.gate_failures(groups)
    if failures and not args.no_gate:
        print("Below the gate: " + "; ".join(failures), file=sys.stderr)
        return 1
    return 0


def cmd_run(args) -> int:
    from bot.config import load_config
    from bot.health import heartbeat_path
    from bot.storage.keys import Pseudonymizer, load_key, load_sample_key
    from bot.storage.sqlite import open_store
    from bot.storage.gateway import StoreGateway
    from bot.telegram.application import Services, run

    config = load_config()
    old_place = config.key_file == config.data_dir / "pseudonym.key" and not os.environ.get("BOT_KEY_FILE", "").strip()
    key_setting = "BOT_DATA_DIR" if old_place else "BOT_KEY_FILE"
    try:
        key = load_key(config.secret, config.key_file, key_setting)
    except OSError as exc:
        raise ConfigError(f"{key_setting}: cannot use {config.key_file} for the pseudonym key: "
                          f"{exc.strerror or exc}.") from None
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
    svc = Services(build_assistant(args.knowledge), Catalogs(), StoreGateway(store), Pseudonymizer(key),
                   admin_ids=config.admin_ids, knowledge_dir=knowledge_dir(args.knowledge),
                   reload_seconds=config.reload_seconds, heartbeat=heartbeat_path(config.data_dir))
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

    from bot.config import database_path

    database = database_path()
    if isinstance(database, str):
        raise ConfigError("BOT_DATABASE is PostgreSQL: back it up with pg_dump (see docs/deployment.md).")
    if not database.exists():
        raise ConfigError(f"no database at {database}: set BOT_DATA_DIR (or BOT_DATABASE) as for the bot.")
    target_dir = Path(args.directory)
    target_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    target = target_dir / f"{database.stem}-{time.strftime('%Y%m%d-%H%M%S')}.sqlite3"
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    source = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)  # a consistent snapshot, also while the bot is writing
    finally:
        copy.close()
        source.close()
    from bot.config import data_directory, key_file_location, sample_key_path

    pseudonym_key = "BOT_SECRET" if os.environ.get("BOT_SECRET", "").strip() else key_file_location()[0]
    print(f"Backed up to {target}. The keys are not in it: back up {pseudonym_key} and "
          f"{sample_key_path(data_directory())} separately (see docs/deployment.md).")
    return 0


def cmd_rotate_keys(args) -> int:
    from bot.storage import keys
    from bot.config import data_directory, key_file_location, sample_key_path
    from bot.health import heartbeat_path, seconds_since_processed

    data_dir = data_directory()
    if not (args.samples or args.pseudonyms):
        raise ConfigError("say which key to replace: --samples, --pseudonyms, or both.")
    age = seconds_since_processed(heartbeat_path(data_dir))
    if age is not None and age < 60:
        raise ConfigError("the bot is running (its heartbeat is fresh); stop it first, then rotate the keys.")
    store = _open_usage_store()
    try:
        if args.samples:
            key_file = sample_key_path(data_dir)
            if not key_file.exists():
                raise ConfigError(f"no samples key at {key_file}; nothing is encrypted yet.")
            rotated, unreadable = keys.rotate_sample_key(store, key_file)
            print(f"Samples key replaced: {rotated} kept question(s) re-encrypted"
                  + (f", {unreadable} unreadable one(s) deleted." if unreadable else "."))
        if args.pseudonyms:
            secret_in_env = bool(os.environ.get("BOT_SECRET", "").strip())
            key_file, warning = key_file_location()
            if warning and not secret_in_env:
                log.warning("%s", warning)
            changed = keys.rekey_pseudonyms(store, None if secret_in_env else key_file)
            print(f"Pseudonyms re-keyed: {changed['events']} event(s), {changed['feedback']} rating(s); "
                  f"{changed['preferences']} language choice(s) deleted.")
            print("Now set a new BOT_SECRET before starting the bot." if secret_in_env
                  else f"A new pseudonym key was written to {key_file}.")
    finally:
        store.close()
    return 0


def cmd_purge(args) -> int:
    store = _open_usage_store()
    try:
        deleted = store.purge_now()
    finally:
        store.close()
    print("Purged: " + ", ".join(f"{n} {table}" for table, n in deleted.items()))
    return 0


def _open_usage_store(required: bool = True):
    """The usage store named by BOT_DATABASE / BOT_DATA_DIR, with the samples key if one exists
    (never creating one); None if there is no SQLite file and `required` is False."""
    from bot.config import data_directory, database_path, retention_days, sample_key_path
    from bot.storage.sqlite import open_store

    database = database_path()
    if not isinstance(database, str) and not database.exists():
        if not required:
            return None
        raise ConfigError(f"BOT_DATABASE / BOT_DATA_DIR: there is no usage database at {database}.")
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

    try:
        until = date.fromisoformat(args.until) if args.until else date.today()
        since = date.fromisoformat(args.since) if args.since else until - timedelta(days=args.days - 1)
    except ValueError:
        raise ConfigError("--since and --until take dates as YYYY-MM-DD.") from None
    store = _open_usage_store()
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
        page = html_report(counted, samples, args.lang, Catalogs()(args.lang), key)
        Path(args.html).write_text(page, encoding="utf-8")
        print(args.html)
    elif args.csv:
        for path in figures.write_csv(counted, Path(args.csv)):
            print(path)
    else:
        print(figures.text_report(counted, args.lang, Catalogs()(args.lang)))
    return 0


def cmd_review(args) -> int:
    from datetime import date, timedelta

    from bot.knowledge import evaluation
    from bot.usage import figures
    from bot.core.redact import one_line
    from bot.knowledge.loader import check_knowledge
    from bot.usage.html import group_questions
    from bot.knowledge.review import ReviewError, add_variant, due_for_review

    directory = knowledge_dir(args.knowledge)
    if args.add_variant:
        entry_id, question = args.add_variant
        lang = args.lang
        if lang is None:
            raise ConfigError("--lang pl or --lang en: say which language the new question is in.")
        before = {p: p.read_bytes() for p in directory.glob("*.yaml")}
        try:
            path, line = add_variant(directory, entry_id, lang, question)
        except ReviewError as exc:
            raise ConfigError(f"--add-variant: {exc}.") from None
        knowledge, problems = check_knowledge(directory)
        if knowledge is None:
            for p, data in before.items():
                p.write_bytes(data)
            for problem in problems:
                print(problem)
            print("The variant was not added: the knowledge would not be valid (see above).", file=sys.stderr)
            return 1
        print(f"Added to {path.name}:{line}.")
        items = evaluation.load_items(DEFAULT_QUESTIONS)
        groups = evaluation.summary(evaluation.evaluate(build_assistant(directory), items))
        print("Question set: " + " ".join(f"{k}={ok}/{n}" for k, (ok, n) in groups.items()))
        return 1 if evaluation.gate_failures(groups) else 0
    knowledge, _problems = check_knowledge(directory)
    lines = []
    store = _open_usage_store(required=False)
    if store is not None:
        try:
            samples = store.samples()
            counted = figures.collect(store, date.today() - timedelta(days=89), date.today())
        finally:
            store.close()
        lines.append(f"Questions residents sent because the bot could not answer ({len(samples)}, last 30 days):")
        for group in group_questions([one_line(text) for _d, _l, text in samples]):
            lines.append(f"  {len(group)} x {group[0]}" + (f"  (+ {len(group) - 1} similar)" if len(group) > 1 else ""))
        lines.append("Entries with the most thumbs-down (90 days; <5 = fewer than 5 residents):")
        lines += [f"  {e}: {'<5' if d is None else d} down, {'<5' if u is None else u} up"
                  for e, d, u in counted.thumbs_down] or ["  none"]
    else:
        lines.append("No usage database yet (set BOT_DATABASE or BOT_DATA_DIR as for the bot).")
    if knowledge is not None:
        lines.append("Entries due for review within 30 days:")
        lines += [f"  {e} (last reviewed {d})" for e, d in due_for_review(knowledge, date.today())] or ["  none"]
    print("\n".join(lines))
    return 0


def parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    p = argparse.ArgumentParser(prog="equality-bot", description="Kraków equality assistant.")
    p.add_argument("--knowledge", metavar="DIR", help="knowledge directory (default: $BOT_KNOWLEDGE_DIR or knowledge/)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    chat = sub.add_parser("chat", help="chat with the assistant in the terminal")
    chat.add_argument("--lang", choices=["pl", "en"], help="your preferred language")
    chat.set_defaults(func=cmd_chat)

    ask = sub.add_parser("ask", help="ask one question, or one a line from stdin with '-'")
    ask.add_argument("--lang", choices=["pl", "en"], help="preferred language when the question's is unclear")
    ask.add_argument("--json", action="store_true", help="print one JSON object per reply")
    ask.add_argument("--explain", action="store_true", help="show why: the matched variant and scores")
    ask.add_argument("question", nargs="+", help="the question, or '-' to read questions from stdin")
    ask.set_defaults(func=cmd_ask)

    val = sub.add_parser("validate", help="check the knowledge files and report problems as file:line")
    val.add_argument("directory", nargs="?", help="knowledge directory (default: as --knowledge)")
    val.add_argument("--strict", action="store_true", help="fail on warnings too")
    val.add_argument("--lang", choices=["pl", "en"], default="en", help="language of the messages (default: en)")
    val.set_defaults(func=cmd_validate)

    ev = sub.add_parser("eval", help="measure accuracy on a question file")
    ev.add_argument("file", nargs="?", default=str(DEFAULT_QUESTIONS), help="question file (default: tests/data/questions.yaml)")
    ev.add_argument("--no-gate", action="store_true", help="report only; do not fail below the CI gate")
    ev.set_defaults(func=cmd_eval)

    rep = sub.add_parser("report", help="usage figures for admins (cells of fewer than 5 residents withheld)")
    rep.add_argument("--days", type=int, default=7, help="the last N days (default 7)")
    rep.add_argument("--since", help="first day, YYYY-MM-DD")
    rep.add_argument("--until", help="last day, YYYY-MM-DD (default today)")
    rep.add_argument("--csv", metavar="DIR", help="write CSV files into DIR instead of the summary")
    rep.add_argument("--html", metavar="FILE", help="write one self-contained HTML page with charts")
    rep.add_argument("--lang", choices=["pl", "en"], default="en", help="language and number format")
    rep.set_defaults(func=cmd_report)

    rev = sub.add_parser("review", help="editors: unanswered questions, disappointing answers, entries due for review")
    rev.add_argument("--add-variant", nargs=2, metavar=("ENTRY", "QUESTION"), help="add a question variant to an entry")
    rev.add_argument("--lang", choices=["pl", "en"], help="the language of the added variant")
    rev.set_defaults(func=cmd_review)

    run = sub.add_parser("run", help="run the Telegram bot (configuration from environment variables)")
    run.set_defaults(func=cmd_run)

    backup = sub.add_parser("backup", help="a consistent copy of the database (also while the bot runs)")
    backup.add_argument("directory", help="where to write bot-YYYYmmdd-HHMMSS.sqlite3")
    backup.set_defaults(func=cmd_backup)

    keys = sub.add_parser("rotate-keys", help="replace the samples and/or pseudonym key (stop the bot first)")
    keys.add_argument("--samples", action="store_true", help="new samples key; kept questions re-encrypted")
    keys.add_argument("--pseudonyms", action="store_true",
                      help="new pseudonym key; stored rows re-keyed so no key leads to them")
    keys.set_defaults(func=cmd_rotate_keys)

    purge = sub.add_parser("purge", help="delete what is past its retention now (for cron; the bot also does it daily)")
    purge.set_defaults(func=cmd_purge)

    health = sub.add_parser("health", help="exit 0 if the running bot processes updates (for HEALTHCHECK)")
    health.add_argument("--max-age", type=float, default=MAX_AGE, help="seconds since the last processed update")
    health.set_defaults(func=cmd_health)
    return p


def _log_with_utc_times() -> None:
    from bot.telegram.log_redaction import UtcFormatter

    handler = logging.StreamHandler()
    handler.setFormatter(UtcFormatter())
    logging.basicConfig(level=logging.WARNING, handlers=[handler])  # nothing when logging is set up already


def main(argv: list[str] | None = None) -> int:
    """Run a command; errors become one `Error: ...` line (or file:line lines) and exit status 1."""
    _log_with_utc_times()
    args = parser().parse_args(argv)
    try:
        return args.func(args)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"Error: the knowledge has {len(exc.problems)} problem(s); fix them and try again.", file=sys.stderr)
        return 1
    except ConfigError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except CatalogError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except QuestionFileError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except DatabaseFileError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a database failing under a command: one line, not a traceback
        if type(exc).__module__.split(".")[0] not in ("sqlite3", "psycopg"):
            raise
        print(f"Error: the database failed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}); "
              "check BOT_DATABASE and that the database is reachable.", file=sys.stderr)
        return 1
