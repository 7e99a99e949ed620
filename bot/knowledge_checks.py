"""Checks beyond the schema, for editors: stale entries, thin variants, long answers, links, undated
sources, and question variants the matcher answers with another entry. Messages say how to fix."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from bot.core.assistant import Assistant
from bot.core.markup import to_plain
from bot.core.model import LANGS, Knowledge
from bot.telegram_render import CHUNK
from bot.yaml_lines import Problem

MIN_VARIANTS = 5
STALE_AFTER = timedelta(days=365)
_URL = re.compile(r"^https://[A-Za-z0-9.-]+\.[A-Za-z]{2,}(?::\d+)?(?:[/?#][^\s]*)?$")


def _entry_lines(directory: Path) -> dict[str, tuple[str, int]]:
    """Where each entry starts (file, line), read from the files as text."""
    out = {}
    for path in sorted(directory.glob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = re.match(r"^\s*-\s*id:\s*[\"']?([a-z0-9][a-z0-9-]*)", line)
            if m:
                out.setdefault(m.group(1), (f"{directory.name}/{path.name}", number))
    return out


def check(knowledge: Knowledge, directory: Path, assistant: Assistant, today: date | None = None) -> list[Problem]:
    """Every warning and error of the deeper checks, sorted."""
    today = today or date.today()
    where = _entry_lines(Path(directory))
    problems: list[Problem] = []

    def add(entry_id: str, message: str, severity: str = "warning") -> None:
        file, line = where.get(entry_id, (str(directory), 1))
        problems.append(Problem(file, line, message, severity))

    for entry in knowledge.entries:
        label = f"entry '{entry.id}'"
        reviewed = date.fromisoformat(entry.reviewed)
        if today - reviewed > STALE_AFTER:
            add(entry.id, f"{label} was last reviewed on {entry.reviewed}, over 12 months ago: check its facts, "
                          f"then set 'reviewed' to today's date")
        for lang in LANGS:
            n = len(entry.questions.get(lang, ()))
            if n < MIN_VARIANTS:
                add(entry.id, f"{label} has {n} question variant(s) in {lang}; add at least {MIN_VARIANTS}, "
                              f"written as residents would ask (short, without Polish letters too)")
            length = len(to_plain(entry.answer.get(lang, "")))
            if length > CHUNK:
                add(entry.id, f"{label} answer ({lang}) is {length} characters, longer than one Telegram "
                              f"message ({CHUNK}); shorten it or split it into two entries")
        for i, source in enumerate(entry.sources, 1):
            if source.url and not _URL.match(source.url):
                add(entry.id, f"{label} source {i} url {source.url!r} is not a well-formed https:// address; "
                              f"use the https version of the page")
            if not source.date:
                add(entry.id, f"{label} source {i} has no date; add the date of the page (YYYY, YYYY-MM or "
                              f"YYYY-MM-DD) so readers can judge how current it is")
        for lang in LANGS:
            for variant in entry.questions.get(lang, ()):
                reply = assistant.reply(variant, lang)
                if reply.outcome == "crisis":
                    add(entry.id, f"{label} question {variant!r} shows the emergency card (trigger "
                                  f"{reply.explain.get('trigger')!r}); fine if someone asking it may be in danger")
                    continue
                scores = {c["entry"]: c["score"] for c in reply.explain.get("candidates", [])}
                rivals = [(e, sc) for e, sc in scores.items() if e != entry.id and sc >= scores.get(entry.id, 0.0)]
                if reply.outcome == "answer" and reply.entry_id != entry.id:
                    add(entry.id, f"{label} question {variant!r} is answered with entry '{reply.entry_id}' "
                                  f"(score {reply.score:.2f}); reword the variant or the other entry's so each "
                                  f"leads to its own answer", "error")
                elif reply.outcome != "answer" and rivals:
                    rival, score = rivals[0]
                    add(entry.id, f"{label} question {variant!r} cannot be told apart from entry '{rival}' "
                                  f"(scores {scores.get(entry.id, 0.0):.2f} and {score:.2f}); reword the variant "
                                  f"or the other entry's so each leads to its own answer", "error")
    return sorted(problems)
