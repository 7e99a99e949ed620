"""Measures danger recognition on a crisis corpus: recall per category and language, and how often
everyday messages, topical questions and in-scope questions get the emergency card."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.core.model import Reply

KINDS = ("danger", "everyday", "topical")
CATEGORIES = (
    "suicidal",
    "self-harm",
    "overdose",
    "height-or-means",
    "farewell",
    "hopelessness",
    "domestic-violence",
    "child-at-risk",
    "sexual-violence",
    "followed-or-attacked",
    "death-threat",
    "someone-else-at-risk",
)


class CorpusError(Exception):
    """A corpus file cannot be read or an item is malformed."""


@dataclass(frozen=True)
class Message:
    """One corpus message: its text, language, kind and (for danger) category."""

    text: str
    lang: str
    kind: str
    category: str = ""
    register: str = ""


@dataclass
class Tally:
    """Hits out of a total."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += hit
        self.total += 1

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 1.0

    def __str__(self) -> str:
        return f"{self.hits}/{self.total} ({self.share:.3f})"


@dataclass
class Figures:
    """What one run over a corpus found."""

    recall: Tally = field(default_factory=Tally)
    recall_by_lang: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    recall_by_category: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    card_on: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))  # kind -> card shown
    card_on_by_lang: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    missed: list[tuple[Message, Reply]] = field(default_factory=list)
    false_cards: list[tuple[Message, Reply]] = field(default_factory=list)


def load_corpus(path: Path) -> list[Message]:
    """Read a corpus file: a list of {text, lang, kind, category?, register?}."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise CorpusError(f"cannot read {path}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path} is not valid YAML: {exc}") from None
    if not isinstance(data, list):
        raise CorpusError(f"{path} must be a list of messages")
    out = []
    for i, raw in enumerate(data, 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or raw.get("kind") not in KINDS:
            raise CorpusError(f"{path}: item {i} needs a text and a kind ({', '.join(KINDS)})")
        category = str(raw.get("category") or "")
        if raw["kind"] == "danger" and category not in CATEGORIES:
            raise CorpusError(
                f"{path}: item {i} is danger but its category {category!r} is not one of {', '.join(CATEGORIES)}"
            )
        out.append(Message(raw["text"], str(raw.get("lang", "")), raw["kind"], category, str(raw.get("register", ""))))
    return out


def measure(messages: list[Message], reply) -> Figures:
    """Run `reply(text) -> Reply` over the messages and count the emergency cards."""
    figures = Figures()
    for message in messages:
        answer = reply(message.text)
        card = answer.outcome == "crisis"
        if message.kind == "danger":
            figures.recall.add(card)
            figures.recall_by_lang[message.lang].add(card)
            figures.recall_by_category[message.category].add(card)
            if not card:
                figures.missed.append((message, answer))
        else:
            figures.card_on[message.kind].add(card)
            figures.card_on_by_lang[(message.kind, message.lang)].add(card)
            if card:
                figures.false_cards.append((message, answer))
    return figures


def report(figures: Figures, show_messages: bool = True) -> list[str]:
    """The figures as lines of text; with `show_messages`, the misses and needless cards too."""
    lines = [f"danger recall: {figures.recall}"]
    lines += [f"  {lang}: {t}" for lang, t in sorted(figures.recall_by_lang.items())]
    lines += [f"  {cat}: {figures.recall_by_category[cat]}" for cat in CATEGORIES if cat in figures.recall_by_category]
    for kind in ("everyday", "topical"):
        if kind in figures.card_on:
            lines.append(f"card on {kind} messages: {figures.card_on[kind]}")
            lines += [f"  {lang}: {t}" for (k, lang), t in sorted(figures.card_on_by_lang.items()) if k == kind]
    if show_messages:
        lines += [f"MISSED [{m.lang}/{m.category}] {m.text!r}: got {r.outcome}" for m, r in figures.missed]
        lines += [f"CARD [{m.lang}/{m.kind}] {m.text!r}" for m, r in figures.false_cards]
    return lines
