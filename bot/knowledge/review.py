"""Editors' review loop: what residents could not find, which answers disappoint, what is due for
review, and adding a question variant to the right file without disturbing its formatting."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from bot.core.model import Knowledge


class ReviewError(Exception):
    """The variant could not be added; the message says why."""


def add_variant(directory: Path, entry_id: str, lang: str, question: str) -> tuple[Path, int]:
    """Insert `question` after the last `lang` variant of the entry, as a line of its own, keeping every
    other byte of the file (comments, quotes, folded answers). Returns (file, line)."""
    question = " ".join(question.split())
    if not question:
        raise ReviewError("the question is empty")
    if question.startswith(("-", "[", "{", "&", "*", "!", "|", ">", "'", '"', "%", "@", "`")) or ": " in question \
            or question.endswith(":") or " #" in question:
        question = '"' + question.replace("\\", "\\\\").replace('"', '\\"') + '"'
    for path in sorted(Path(directory).glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        start = next((i for i, line in enumerate(lines)
                      if re.match(rf"^\s*-\s*id:\s*[\"']?{re.escape(entry_id)}[\"']?\s*$", line)), None)
        if start is None:
            continue
        end = next((i for i in range(start + 1, len(lines)) if re.match(r"^\s*-\s*id:", lines[i])), len(lines))
        lang_line = next((i for i in range(start, end) if re.match(rf"^\s+{lang}:\s*$", lines[i])
                          and i > start and any(re.match(r"^\s+questions:\s*$", lines[j]) for j in range(start, i))),
                         None)
        if lang_line is None:
            raise ReviewError(f"entry '{entry_id}' in {path.name} does not list its {lang} questions one per line "
                              f"('- question'); add the variant by hand")
        item = lang_line + 1
        indent = None
        while item < end and re.match(r"^\s+- ", lines[item]):
            indent = re.match(r"^(\s+)- ", lines[item]).group(1)
            item += 1
        if indent is None:
            raise ReviewError(f"entry '{entry_id}' has no {lang} question list to add to")
        lines.insert(item, f"{indent}- {question}")
        path.write_text("\n".join(lines), encoding="utf-8")
        return path, item + 1
    raise ReviewError(f"there is no entry '{entry_id}'")


def due_for_review(knowledge: Knowledge, today: date, within_days: int = 30) -> list[tuple[str, str]]:
    """(entry id, reviewed date) of entries that reach 12 months without review within `within_days`."""
    limit = today - timedelta(days=365 - within_days)
    return sorted((e.id, e.reviewed) for e in knowledge.entries if date.fromisoformat(e.reviewed) <= limit)
