"""Writes every decision the assistant makes on every question and crisis set to one JSON file, to
compare two trees' decisions before a change lands (a refactoring or a speed-up must not change any).

For each message of `eval/questions.yaml`, `tests/data/*.yaml`, `tests/data/crisis/*.yaml` and, when
they are there, the shared development sets (`../shared/eval/`): the reply (outcome, language,
entry, score, suggestions, related entries, triage, danger reading, text) and, for each time the matcher is asked, its
candidates with every number behind them, the query's terms and the corrections made.

    python3 scripts/dump_decisions.py before.json [SHARED]   # on the old tree
    python3 scripts/dump_decisions.py after.json [SHARED]    # on the new one
    cmp before.json after.json

SHARED is the folder of the shared development sets (by default `../shared/eval` beside the tree).

It prints the number of messages and the file's sha1. Reads the knowledge of the tree it runs in.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.assistant import Assistant  # noqa: E402
from bot.core.matcher import MatchResult  # noqa: E402
from bot.i18n import Catalogs  # noqa: E402
from bot.knowledge.lexicon_store import load_lexicon  # noqa: E402
from bot.knowledge.loader import load_knowledge  # noqa: E402


def message_sets(shared: Path) -> list[Path]:
    local = [ROOT / "eval" / "questions.yaml", *sorted((ROOT / "tests" / "data").glob("*.yaml"))]
    return local + sorted((ROOT / "tests" / "data" / "crisis").glob("*.yaml")) + sorted(shared.glob("*.yaml"))


def messages(path: Path) -> list[str]:
    """The texts of one set: a list of items with `q` or `text`, or a mapping with `texts`."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("texts", [])
    found = []
    for item in data or ():
        text = item if isinstance(item, str) else item.get("q") or item.get("text")
        if isinstance(text, str) and text:
            found.append(text)
    return found


def matcher_record(result: MatchResult) -> list:
    """The candidates with every number behind them, the query's terms and the corrections."""
    candidates = [
        [c.entry.id, c.score, c.lexical, c.fuzzy, c.variant.text, c.matched, c.coverage, c.variant_coverage, c.content]
        for c in result.candidates
    ]
    return [candidates, result.query_terms, sorted(result.corrections.items())]


def main() -> None:
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    shared = Path(sys.argv[2]) if len(sys.argv) == 3 else ROOT.parent / "shared" / "eval"
    assistant = Assistant(load_knowledge(ROOT / "knowledge"), load_lexicon(), Catalogs())
    match = assistant.matcher.match
    asked: list[list] = []

    def recording(*args, **kwargs):
        result = match(*args, **kwargs)
        asked.append(matcher_record(result))
        return result

    assistant.matcher.match = recording  # type: ignore[method-assign]
    out = []
    for path in message_sets(shared):
        for text in messages(path):
            asked.clear()
            reply = assistant.reply(text)
            out.append(
                {
                    "message": text,
                    "outcome": reply.outcome,
                    "lang": reply.lang,
                    "entry": reply.entry_id,
                    "score": reply.score,
                    "suggestions": repr(reply.suggestions),
                    "related": repr(reply.related),
                    "triage": reply.triage,
                    "danger": repr(reply.danger),
                    "text": reply.text,
                    "matcher": list(asked),
                }
            )
    dump = json.dumps(out, ensure_ascii=False, default=repr)
    Path(sys.argv[1]).write_text(dump, encoding="utf-8")
    print(f"{len(out)} messages; sha1 {hashlib.sha1(dump.encode()).hexdigest()}")


if __name__ == "__main__":
    main()
