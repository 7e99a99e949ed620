"""The `equality-bot` command line: the parser of every command and the error contract (one
`Error: ...` line, or file:line lines, and exit status 1 — never a traceback). A command's module is
imported only when it runs: ask and chat (bot/cli/ask.py), validate, eval and review
(bot/cli/knowledge.py), run, health, backup, rotate-keys, purge and report (bot/cli/operations.py)."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys

from bot.config import ConfigError
from bot.core.model import LANGS
from bot.health import MAX_AGE
from bot.i18n import CatalogError
from bot.knowledge.problems import KnowledgeError, QuestionFileError
from bot.storage.sqlite import DatabaseFileError

COMMANDS = {
    "chat": "ask",
    "ask": "ask",
    "validate": "knowledge",
    "eval": "knowledge",
    "review": "knowledge",
    "report": "operations",
    "run": "operations",
    "backup": "operations",
    "rotate-keys": "operations",
    "purge": "operations",
    "health": "operations",
}


def parser() -> argparse.ArgumentParser:
    """The argument parser with every command."""
    p = argparse.ArgumentParser(prog="equality-bot", description="Kraków equality assistant.")
    p.add_argument("--knowledge", metavar="DIR", help="knowledge directory (default: $BOT_KNOWLEDGE_DIR or knowledge/)")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    chat = sub.add_parser("chat", help="chat with the assistant in the terminal")
    chat.add_argument("--lang", choices=list(LANGS), help="your preferred language")

    ask = sub.add_parser("ask", help="ask one question, or one a line from stdin with '-'")
    ask.add_argument("--lang", choices=list(LANGS), help="preferred language when the question's is unclear")
    ask.add_argument("--json", action="store_true", help="print one JSON object per reply")
    ask.add_argument("--explain", action="store_true", help="show why: the matched variant and scores")
    ask.add_argument("question", nargs="+", help="the question, or '-' to read questions from stdin")

    val = sub.add_parser("validate", help="check the knowledge files and report problems as file:line")
    val.add_argument("directory", nargs="?", help="knowledge directory (default: as --knowledge)")
    val.add_argument("--strict", action="store_true", help="fail on warnings too")
    val.add_argument("--lang", choices=list(LANGS), default="en", help="language of the messages (default: en)")

    ev = sub.add_parser("eval", help="measure accuracy on a question file")
    ev.add_argument("file", nargs="?", help="question file (default: eval/questions.yaml)")
    ev.add_argument("--no-gate", action="store_true", help="report only; do not fail below the CI gate")

    rep = sub.add_parser("report", help="usage figures for admins (cells of fewer than 5 residents withheld)")
    rep.add_argument("--days", type=int, default=7, help="the last N days (default 7)")
    rep.add_argument("--since", help="first day, YYYY-MM-DD")
    rep.add_argument("--until", help="last day, YYYY-MM-DD (default today)")
    rep.add_argument("--csv", metavar="DIR", help="write CSV files into DIR instead of the summary")
    rep.add_argument("--html", metavar="FILE", help="write one self-contained HTML page with charts")
    rep.add_argument("--lang", choices=list(LANGS), default="en", help="language and number format")

    rev = sub.add_parser("review", help="editors: unanswered questions, disappointing answers, entries due for review")
    rev.add_argument("--add-variant", nargs=2, metavar=("ENTRY", "QUESTION"), help="add a question variant to an entry")
    rev.add_argument("--lang", choices=list(LANGS), help="the language of the added variant")

    sub.add_parser("run", help="run the Telegram bot (configuration from environment variables)")

    backup = sub.add_parser("backup", help="a consistent copy of the database (also while the bot runs)")
    backup.add_argument("directory", help="where to write bot-YYYYmmdd-HHMMSS.sqlite3")

    keys = sub.add_parser("rotate-keys", help="replace the samples and/or pseudonym key (stop the bot first)")
    keys.add_argument("--samples", action="store_true", help="new samples key; kept questions re-encrypted")
    keys.add_argument(
        "--pseudonyms", action="store_true", help="new pseudonym key; stored rows re-keyed so no key leads to them"
    )

    sub.add_parser("purge", help="delete what is past its retention now (for cron; the bot also does it daily)")

    health = sub.add_parser("health", help="exit 0 if the running bot processes updates (for HEALTHCHECK)")
    health.add_argument("--max-age", type=float, default=MAX_AGE, help="seconds since the last processed update")
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
        module = importlib.import_module(f"bot.cli.{COMMANDS[args.command]}")
        return getattr(module, "cmd_" + args.command.replace("-", "_"))(args)
    except KnowledgeError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"Error: the knowledge has {len(exc.problems)} problem(s); fix them and try again.", file=sys.stderr)
        return 1
    except (ConfigError, CatalogError, QuestionFileError, DatabaseFileError) as exc:  # each says what to do
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the output's reader went away (`equality-bot report | head`): end quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nor complain when exiting flushes
        return 141  # as a shell reports a command ended by SIGPIPE
    except Exception as exc:  # a database failing under a command: one line, not a traceback
        if type(exc).__module__.split(".")[0] not in ("sqlite3", "psycopg"):
            raise
        print(
            f"Error: the database failed ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}); "
            "check BOT_DATABASE and that the database is reachable.",
            file=sys.stderr,
        )
        return 1
