"""The editors' review helpers: adding a question variant to the right entry without disturbing its
file's formatting, and which entries are due for review."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from bot.core.model import Knowledge
from bot.core.text import tokens
from bot.knowledge.loader import Loaded


class ReviewError(Exception):
    """The variant could not be added; the message says why."""


def add_variant(loaded: Loaded, entry_id: str, lang: str, question: str) -> tuple[Path, int]:
    """Insert `question` after the last `lang` variant of the entry (found by the loader, so a contact
    with the same id is never touched), as a line of its own, keeping every other byte of the file
    (comments, quotes, folded answers). Returns (file, line)."""
    question = " ".join(question.split())
    if not question:
        raise ReviewError("the question is empty")
    entry = loaded.knowledge.entry(entry_id) if loaded.knowledge else None
    if entry is not None and any(tokens(q) == tokens(question) for q in entry.questions.get(lang, ())):
        raise ReviewError(f"entry '{entry_id}' already has this {lang} question")
    if (
        question.startswith(("-", "[", "{", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`"))
        or ": " in question
        or question.endswith(":")
        or " #" in question
    ):
        question = '"' + question.replace("\\", "\\\\").replace('"', '\\"') + '"'
    place = loaded.entries.get(entry_id)
    if place is None:
        raise ReviewError(f"there is no entry '{entry_id}'")
    item_lines = place.question_lines.get(lang, ())
    if not item_lines:
        raise ReviewError(f"entry '{entry_id}' has no {lang} question list to add to")
    lines = place.path.read_text(encoding="utf-8").split("\n")
    last = max(item_lines) - 1  # 0-based
    item = re.match(r"^(\s*)- ", lines[last])
    if item is None or len(set(item_lines)) != len(item_lines):
        raise ReviewError(
            f"entry '{entry_id}' in {place.path.name} does not list its {lang} questions one per line "
            f"('- question'); add the variant by hand"
        )
    indent = item.group(1)
    end = last + 1
    while (
        end < len(lines)
        and lines[end].strip()
        and len(lines[end]) - len(lines[end].lstrip()) > len(indent)
        and not lines[end].lstrip().startswith("#")
    ):
        end += 1  # the last question goes on over several lines
    lines.insert(end, f"{indent}- {question}")
    place.path.write_text("\n".join(lines), encoding="utf-8")
    return place.path, end + 1


def due_for_review(knowledge: Knowledge, today: date, within_days: int = 30) -> list[tuple[str, str]]:
    """(entry id, reviewed date) of entries that reach 12 months without review within `within_days`."""
    limit = today - timedelta(days=365 - within_days)
    return sorted((e.id, e.reviewed) for e in knowledge.entries if date.fromisoformat(e.reviewed) <= limit)
