"""The console chat: the same assistant in a terminal, no token and no network."""

from __future__ import annotations

import sys
from typing import TextIO

from bot.core.assistant import Assistant
from bot.core.model import LANGS


def _help(assistant: Assistant, lang: str) -> str:
    return assistant.tr(lang).gettext(
        "Type a question. A number picks a suggestion. /lang pl|en|uk: the language of replies when a message's own "
        "language is unclear. /quit exits."
    )


def _language_set(assistant: Assistant, lang: str) -> str:
    return assistant.tr(lang).gettext("I will answer in English when your language is unclear.")


def chat(assistant: Assistant, lang: str | None, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    """Read questions line by line and print the replies until EOF or /quit."""
    preferred = lang
    suggestions: list[str] = []
    last_lang = preferred or "pl"
    conversation: str | None = None  # the language of the last reply, once there is one
    interactive = stdin.isatty()
    langs = [preferred] if preferred else list(LANGS)
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
            if choice in LANGS:
                preferred = choice
                print(_language_set(assistant, choice), file=stdout)
            else:
                print(_help(assistant, preferred or last_lang), file=stdout)
            continue
        if text in ("/help", "/start"):
            print(_help(assistant, preferred or last_lang), file=stdout)
            continue
        chosen = None
        if text.isdigit() and suggestions:
            if not 1 <= int(text) <= len(suggestions):  # the choices stay on offer
                print(
                    assistant.tr(last_lang)
                    .gettext("Choose a number from 1 to {n}, or ask in other words.")
                    .format(n=len(suggestions))
                    + "\n",
                    file=stdout,
                    flush=True,
                )
                continue
            chosen = assistant.answer(suggestions[int(text) - 1], last_lang)  # an id it offered itself
        # A message whose language is unclear ("7", "ok") is answered in the conversation's language.
        reply = chosen or assistant.reply(text, preferred or conversation)
        suggestions = [s.entry for s in reply.suggestions]
        last_lang = conversation = reply.lang
        print(reply.text + "\n", file=stdout, flush=True)
