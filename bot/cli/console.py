"""The console chat: the same assistant in a terminal, no token and no network."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.core.assistant import Assistant


def _help(assistant: Assistant, lang: str) -> str:
    return assistant.tr(lang).gettext(
        "Type a question. A number picks a suggestion. /lang pl|en switches the language, /quit exits.")


def _language_set(assistant: Assistant, lang: str) -> str:
    return assistant.tr(lang).gettext("I will answer in English when your language is unclear.")


def chat(assistant: Assistant, lang: str | None, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Read questions line by line and print the replies until EOF or /quit."""
    preferred = lang
    suggestions: list[str] = []
    last_lang = preferred or "pl"
    interactive = stdin.isatty()
    langs = [preferred] if preferred else ["pl", "en"]
    print("\n".join(_help(assistant, lang) for lang in langs), file=stdout)
    while True:
        if interactive:
            print("> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            return 0
        text = line.strip()
        if text in ("/quit", "/exit"):
            return 0
        if text.startswith("/lang"):
            choice = text.split()[-1]
            if choice in ("pl", "en"):
                preferred = choice
                print(_language_set(assistant, choice), file=stdout)
            else:
                print(_help(assistant, preferred or last_lang), file=stdout)
            continue
        if text in ("/help", "/start"):
            print(_help(assistant, preferred or last_lang), file=stdout)
            continue
        chosen = None
        if text.isdigit() and suggestions and 1 <= int(text) <= len(suggestions):
            chosen = assistant.answer(suggestions[int(text) - 1], last_lang)  # an id it offered itself
        reply = chosen or assistant.reply(text, preferred)
        suggestions = [s.entry for s in reply.suggestions]
        last_lang = reply.lang
        print(reply.text + "\n", file=stdout, flush=True)
