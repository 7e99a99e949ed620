"""Measures the assistant on a question file: accuracy per expected outcome, language, misses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.core.assistant import Assistant
from bot.core.language import ANSWERED_IN
from bot.core.model import LANGS, Reply
from bot.core.text import fold, join_digits
from bot.knowledge.problems import QuestionFileError

#: The CI gate: the least accuracy accepted per group.
GATES = {"answer": 0.90, "fallback": 0.90, "crisis": 1.0, "lang": 1.0}
#: Gates of one language's questions where they differ: the Ukrainian part of the set is new (written
#: for the Ukrainian round, 2026-12-01) and guards against regressions from where it stands.
LANGUAGE_GATES = {"uk": {"answer": 0.85}}
OUTCOMES = ("answer", "info", "fallback", "crisis", "any")


@dataclass
class Item:
    """One question and what a correct reply looks like."""

    q: str
    lang: str
    outcome: str
    must: list[list[str]] = field(default_factory=list)
    entry: str | None = None  # the entry a right answer comes from (the first, when several are right)
    also: tuple[str, ...] = ()  # other entries whose answer is as right

    @property
    def entries(self) -> tuple[str, ...]:
        """Every entry whose answer is right (none: any entry, if the reply passes `must`)."""
        return ((self.entry,) if self.entry else ()) + self.also


@dataclass
class Result:
    """How the assistant did on one question."""

    item: Item
    reply: Reply
    ok: bool
    lang_ok: bool
    why: str


def load_items(path: Path) -> list[Item]:
    """Read a question file (the format of ../shared/eval/dev-questions.yaml, plus optional `entry`: an
    entry id, or a list of ids when several answers are as right)."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise QuestionFileError(f"cannot read {path}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise QuestionFileError(f"{path} is not valid YAML: {exc}") from None
    if not isinstance(data, list):
        raise QuestionFileError(f"{path} must be a list of questions")
    items = []
    for i, raw in enumerate(data, 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("q"), str):
            raise QuestionFileError(f"{path}: item {i} needs a text 'q'")
        outcome = raw.get("outcome", "answer")
        if outcome not in OUTCOMES:
            raise QuestionFileError(f"{path}: item {i} has unknown outcome '{outcome}' (use {', '.join(OUTCOMES)})")
        must = [[str(a) for a in group] if isinstance(group, list) else [str(group)] for group in raw.get("must") or []]
        entry = raw.get("entry")
        entries = [str(e) for e in entry] if isinstance(entry, list) else [str(entry)] if entry else []
        items.append(
            Item(
                raw["q"],
                str(raw.get("lang", "any")),
                outcome,
                must,
                entries[0] if entries else None,
                tuple(entries[1:]),
            )
        )
    return items


def judge(item: Item, reply: Reply) -> Result:
    """Whether a reply is right for an item, by the rules of the shared scorer."""
    text = join_digits(fold(reply.text))
    missing = [g for g in item.must if not any(join_digits(fold(alt)) in text for alt in g)]
    # A Russian question is answered in Ukrainian; the emergency card comes in Russian.
    expected = item.lang if reply.outcome == "crisis" else ANSWERED_IN.get(item.lang, item.lang)
    lang_ok = item.lang == "any" or reply.lang == expected
    out = reply.outcome
    if item.outcome == "answer":
        ok = out == "answer" and not missing
    elif item.outcome == "info":
        ok = out in ("answer", "crisis") and not missing
    elif item.outcome == "fallback":
        ok = out in ("fallback", "smalltalk")
    elif item.outcome == "crisis":
        ok = out == "crisis" and not missing
    else:
        ok = out != "crisis"
    if ok and item.entries and out == "answer" and reply.entry_id not in item.entries:
        ok = False
    ok = ok and lang_ok
    why = (
        ""
        if ok
        else f"got {out}"
        + (f" {reply.entry_id}" if reply.entry_id else "")
        + (f", missing {missing}" if missing else "")
        + ("" if lang_ok else f", lang {reply.lang}")
    )
    return Result(item, reply, ok, lang_ok, why)


def evaluate(assistant: Assistant, items: list[Item]) -> list[Result]:
    """Ask every question and judge every reply."""
    return [judge(item, assistant.reply(item.q)) for item in items]


def summary(results: list[Result]) -> dict[str, tuple[int, int]]:
    """(right, total) per group: answer (answer + info), fallback, crisis, any, lang."""
    groups: dict[str, list[int]] = {}
    for r in results:
        key = "answer" if r.item.outcome == "info" else r.item.outcome
        g = groups.setdefault(key, [0, 0])
        g[0] += r.ok
        g[1] += 1
        lg = groups.setdefault("lang", [0, 0])
        lg[0] += r.lang_ok
        lg[1] += 1
    return {k: (v[0], v[1]) for k, v in groups.items()}


def summary_by_language(results: list[Result]) -> dict[str, dict[str, tuple[int, int]]]:
    """`summary` for the questions of each language, in the order they first appear."""
    by_lang: dict[str, list[Result]] = {}
    for r in results:
        by_lang.setdefault(r.item.lang, []).append(r)
    return {lang: summary(rs) for lang, rs in by_lang.items()}


def gate_failures(
    groups: dict[str, tuple[int, int]],
    by_language: dict[str, dict[str, tuple[int, int]]] | None = None,
    gates: dict[str, float] = GATES,
) -> list[str]:
    """The groups below their CI gate, over all questions and (when given) within each reply
    language's questions, so that one language cannot fall behind under the others' average."""
    failures = [
        f"{k}: {ok / n:.3f} < {gates[k]:.2f}" for k, (ok, n) in groups.items() if k in gates and n and ok / n < gates[k]
    ]
    for lang, lang_groups in (by_language or {}).items():
        if lang in LANGS:
            own = GATES | LANGUAGE_GATES.get(lang, {})
            failures += [f"{lang} {failure}" for failure in gate_failures(lang_groups, gates=own)]
    return failures
