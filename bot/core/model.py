"""The knowledge model: entries, sources, contacts, crisis block, small talk, and the Reply type."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from bot.core.danger_model import DangerModel

#: Reply languages: answers, interface and matching.
LANGS = ("pl", "en", "uk")
#: Languages every text must have; the others may be missing while a translation is under way.
REQUIRED_LANGS = ("pl", "en")
#: Reply languages a text may be written in before every entry has them (validate warns).
TRANSLATING_LANGS = ("uk",)
#: Languages the emergency card (and the note on other languages) can be shown in.
CARD_LANGS = ("pl", "en", "uk", "ru")


@dataclass(frozen=True)
class Source:
    """Where an answer's facts come from."""

    title: str
    publisher: str
    date: str = ""
    url: str = ""
    # The publisher's name per language when editors write it in both ({pl: …, en: …}).
    publisher_by_lang: tuple[tuple[str, str], ...] = ()

    def publisher_in(self, lang: str) -> str:
        """The publisher's name as the reply language writes it (the one name when there is one)."""
        return dict(self.publisher_by_lang).get(lang, self.publisher)


@dataclass(frozen=True)
class Entry:
    """One answerable question: its variants and answer in both languages, with sources."""

    id: str
    topic: str
    title: dict[str, str]
    questions: dict[str, tuple[str, ...]]
    answer: dict[str, str]
    sources: tuple[Source, ...]
    reviewed: str
    related: tuple[str, ...] = ()

    def answer_lang(self, lang: str) -> str:
        """The language the answer is shown in for a reply in `lang`: Polish while `lang` is untranslated."""
        return lang if self.answer.get(lang) else "pl"

    def title_in(self, lang: str) -> str:
        """The title in `lang`, or in Polish while `lang` is untranslated."""
        return self.title.get(lang) or self.title.get("pl", "")


@dataclass(frozen=True)
class Contact:
    """A place to get help: phone, hours, web address, each with its source."""

    id: str
    name: dict[str, str]
    phone: str = ""
    hours: dict[str, str] = field(default_factory=dict)
    url: str = ""
    note: dict[str, str] = field(default_factory=dict)
    source: Source | None = None
    open: tuple[str, ...] = ()  # machine-readable hours, e.g. ("mon-fri 08:00-16:00",) or ("24/7",)
    hours_confidence: str = "low"  # "high" | "medium" | "low": how well the sources confirm the hours

    @property
    def open_badge(self) -> bool:
        """Whether the card may mark the contact "open now"/"closed now": only for hours the fact
        sheet rates high; a wrong "closed now" can stop someone calling."""
        return bool(self.open) and self.hours_confidence == "high"


@dataclass(frozen=True)
class Frame:
    """Concepts that, close together, mean danger: every slot needs one of its concepts."""

    id: str
    when: tuple[tuple[str, ...], ...]
    situation: str
    tier: str = "crisis"  # "crisis" | "concern"
    window: int = 12
    unless: tuple[tuple[str, ...], ...] = ()  # any of these (all its concepts in the message) cancels the frame
    softened_by: tuple[tuple[str, ...], ...] = ()  # any of these turns crisis into concern; "!c": c is absent
    max_words: int = 0  # when set, only messages of at most this many words ("on wrócił", "pomocy")


@dataclass(frozen=True)
class Refinement:
    """A situation that a concept in the message adds to another (suicide + a friend -> someone else)."""

    situation: str
    concept: str
    adds: str


@dataclass(frozen=True)
class DangerRules:
    """Everything danger recognition needs, as the editors wrote it."""

    concepts: dict[str, dict[str, tuple[str, ...]]]
    frames: tuple[Frame, ...]
    exceptions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    protected: tuple[str, ...] = ()
    serious: str = ""
    signals: tuple[str, ...] = ()
    refinements: tuple[Refinement, ...] = ()
    local: tuple[str, ...] = ()  # softeners that count only just before the frame (an idiom's subject)
    near: tuple[str, ...] = ()  # softeners that count only within a few words of the frame (a date)


@dataclass(frozen=True)
class Situation:
    """A kind of danger (suicide, violence at home, a child …): the helplines for it, and advice."""

    id: str
    contacts: tuple[str, ...]
    advice: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Crisis:
    """How danger is recognised, and the helplines shown first: per situation, or `contacts`."""

    contacts: tuple[str, ...]
    rules: DangerRules = field(default_factory=lambda: DangerRules({}, ()))
    situations: tuple[Situation, ...] = ()
    model: DangerModel | None = None  # the learnt back-off, when knowledge/danger-model.tsv is there

    def situation(self, situation_id: str) -> Situation | None:
        return next((s for s in self.situations if s.id == situation_id), None)


@dataclass(frozen=True)
class SmallTalk:
    """A greeting, thanks or question about the bot itself, with its reply."""

    id: str
    phrases: dict[str, tuple[str, ...]]
    reply: dict[str, str]


@dataclass(frozen=True)
class Topic:
    """A topic area: one knowledge file."""

    id: str
    title: dict[str, str]


@dataclass(frozen=True)
class RouteStep:
    """A place or a ground in the /report flow, with the contacts and entries it leads to."""

    id: str
    label: dict[str, str]
    contacts: tuple[str, ...] = ()
    entries: tuple[str, ...] = ()
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # per language: what residents call it (triage)


@dataclass(frozen=True)
class Routing:
    """The "where do I report this?" table: where it happened, on what ground."""

    places: tuple[RouteStep, ...]
    grounds: tuple[RouteStep, ...]
    # Words saying someone was treated unfairly or why ("odmówili", "because I am"), per language:
    # triage reads a ground in a setting as a case only when the message also says one of them.
    unfair: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def place(self, step_id: str) -> RouteStep | None:
        return next((p for p in self.places if p.id == step_id), None)

    def ground(self, step_id: str) -> RouteStep | None:
        return next((g for g in self.grounds if g.id == step_id), None)


@dataclass(frozen=True)
class Knowledge:
    """Everything the assistant knows, as loaded and validated from `knowledge/`."""

    entries: tuple[Entry, ...]
    contacts: dict[str, Contact]
    crisis: Crisis
    smalltalk: tuple[SmallTalk, ...]
    fallback_contacts: tuple[str, ...]
    topics: tuple[Topic, ...] = ()
    synonyms: tuple[tuple[str, ...], ...] = ()
    out_of_scope: dict[str, tuple[str, ...]] = field(default_factory=dict)
    routing: Routing | None = None
    other_language_contacts: tuple[str, ...] = ()  # who helps residents who write in Ukrainian or Russian
    # Greetings, thanks and set phrases ("z góry dziękuję", "I have a question") that change nothing
    # about what a message asks: dropped at the start or end of a sentence before matching.
    courtesy: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def entry(self, entry_id: str) -> Entry | None:
        """The entry with this id, or None."""
        return self._by_id.get(entry_id)

    @cached_property
    def _by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}


@dataclass(frozen=True)
class Suggestion:
    """An entry offered in a "did you mean" list or as a related entry."""

    entry: str
    title: str


@dataclass(frozen=True)
class AnswerParts:
    """An answer as the core composed it, in parts, for a front end that lays them out itself
    (`Reply.text` is these parts in plain text, with the related entries)."""

    body: str  # the entry's answer in its markup: the HTML subset Telegram accepts, checked on load
    source: str  # the line naming the answer's sources and when its facts were compared with them
    concern: str = ""  # the 112 line above the answer when the message mentions danger
    understood: str = ""  # what triage understood (where, on what ground), when triage chose the entry
    # Lines about the reply's language: the answer is not translated yet, or the message was in Russian.
    notices: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatchedVariant:
    """The question variant a message looked most like, which "why this answer?" names."""

    entry: str
    lang: str
    index: int  # its place among the entry's questions in `lang`; -1 when it is none of them


@dataclass(frozen=True)
class Reply:
    """What the assistant says to one message, and why."""

    outcome: str  # "answer" | "suggest" | "fallback" | "crisis" | "smalltalk"
    lang: str
    text: str
    danger: str | None = None  # "crisis" | "concern" | None
    entry_id: str | None = None
    score: float = 0.0
    suggestions: tuple[Suggestion, ...] = ()
    related: tuple[Suggestion, ...] = ()
    explain: dict[str, Any] = field(default_factory=dict)  # JSON-like, for the CLI's --explain
    triage: tuple[str, str] | None = None  # (place, ground) when the answer was chosen by triage
    parts: AnswerParts | None = None  # an answer's parts, as composed (answers only)
    matched: MatchedVariant | None = None  # the variant the message matched best, if any
