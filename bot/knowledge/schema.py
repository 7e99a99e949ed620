"""The shape of the knowledge files: which fields each item has and needs, and the reader of
generic shapes (mappings, texts in every language, lists, ids, sources) that reports each problem at
its line."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from bot.core.model import REQUIRED_LANGS, TRANSLATING_LANGS, Source
from bot.core.phrase import Phrase
from bot.knowledge.problems import Problem
from bot.knowledge.yaml_lines import LDict, LList, line_of

ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
ID_LINE = re.compile(r"^\s*(?:-\s*)?id:\s*[\"']?([a-z0-9][a-z0-9-]*)", re.M)
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CONFIDENCE = ("high", "medium", "low")
UNDATED = "undated"  # a source date: the editor looked, the page shows no date (residents read "undated")

FIELDS = {
    "file": {
        "topic",
        "entries",
        "contacts",
        "crisis",
        "smalltalk",
        "fallback",
        "synonyms",
        "out_of_scope",
        "report",
        "retired",
        "courtesy",
    },
    "report": {"places", "grounds", "unfair"},
    "route": {"id", "label", "contacts", "entries", "words"},
    "topic": {"id", "title"},
    "entry": {"id", "title", "questions", "answer", "sources", "related", "reviewed"},
    "source": {"title", "publisher", "date", "url"},
    "contact": {"id", "name", "phone", "hours", "open", "hours_confidence", "url", "note", "source"},
    "crisis": {
        "contacts",
        "situations",
        "concepts",
        "frames",
        "exceptions",
        "refinements",
        "protected",
        "serious",
        "signals",
        "local",
        "near",
    },
    "situation": {"id", "contacts", "advice"},
    "frame": {"id", "when", "situation", "tier", "window", "unless", "softened_by", "max_words"},
    "refinement": {"situation", "concept", "adds"},
    "smalltalk": {"id", "phrases", "reply"},
    "fallback": {"contacts", "other_languages"},
    "retired": {"phone", "name", "closed", "source"},
}
REQUIRED = {
    "report": {"places", "grounds"},
    "route": {"id", "label"},
    "topic": {"title"},
    "entry": {"id", "title", "questions", "answer", "sources", "reviewed"},
    "source": {"title", "publisher"},
    "contact": {"id", "name"},
    "crisis": {"contacts", "concepts", "frames"},
    "situation": {"id", "contacts"},
    "frame": {"id", "when", "situation"},
    "refinement": {"situation", "concept", "adds"},
    "smalltalk": {"id", "phrases", "reply"},
    "fallback": {"contacts"},
    "retired": {"phone", "closed", "source"},
}


@dataclass
class Ref:
    """An id reference to check once every file is read."""

    target: str  # "entry" | "contact"
    id: str
    file: str
    line: int
    what: Phrase


class ShapeReader:
    """Reads generic shapes and collects problems; the loader reads the sections with it."""

    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.refs: list[Ref] = []
        self.file = ""

    def problem(self, line: int, message: Phrase, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, line, message, severity))

    # -- generic shape checks --------------------------------------------------------------

    def mapping(self, value, kind: str, line: int, label: Phrase) -> LDict | None:
        if not isinstance(value, LDict):
            self.problem(
                line,
                Phrase(
                    "{label} must be a mapping of fields ({fields})",
                    label=label,
                    fields=", ".join(sorted(REQUIRED.get(kind, FIELDS[kind]))),
                ),
            )
            return None
        for key in value:
            if key not in FIELDS[kind]:
                close = difflib.get_close_matches(key, FIELDS[kind], n=1)
                self.problem(
                    line_of(value, key),
                    Phrase(
                        "unknown field '{key}' in {label} (did you mean '{close}'?)",
                        key=key,
                        label=label,
                        close=close[0],
                    )
                    if close
                    else Phrase(
                        "unknown field '{key}' in {label}; allowed: {allowed}",
                        key=key,
                        label=label,
                        allowed=", ".join(sorted(FIELDS[kind])),
                    ),
                )
        for key in sorted(REQUIRED.get(kind, ())):
            if value.get(key) in (None, "", [], {}):
                self.problem(value.line, Phrase("{label} has no '{key}'", label=label, key=key))
        return value

    def text(self, parent, key, label: Phrase, required: bool = True) -> str:
        value = parent.get(key) if isinstance(parent, dict) else None
        if value is None:
            return ""
        if not isinstance(value, str):
            self.problem(line_of(parent, key), Phrase("{label} must be text, not a list or mapping", label=label))
            return ""
        if required and not value.strip():
            self.problem(line_of(parent, key), Phrase("{label} is empty", label=label))
        return value.strip()

    def bilingual(self, parent, key, label: Phrase, optional: tuple[str, ...] = ()) -> dict[str, str]:
        """Texts in Polish and English (both required), in Ukrainian if written, and in the
        `optional` languages if given."""
        value = parent.get(key)
        if value is None:
            return {}
        if not isinstance(value, LDict):
            self.problem(
                line_of(parent, key), Phrase("{label} must have a Polish (pl) and an English (en) text", label=label)
            )
            return {}
        out = {}
        for lang in REQUIRED_LANGS:
            if lang not in value or not isinstance(value[lang], str) or not value[lang].strip():
                self.problem(
                    value.line,
                    Phrase("{label} has no Polish (pl) text", label=label)
                    if lang == "pl"
                    else Phrase("{label} has no English (en) text", label=label),
                )
            else:
                out[lang] = value[lang].strip()
        known = REQUIRED_LANGS + tuple(lang for lang in TRANSLATING_LANGS + optional if lang not in REQUIRED_LANGS)
        for extra in value:
            if extra in REQUIRED_LANGS:
                continue
            if extra in known:
                text = self.text(value, extra, Phrase("{label} ({lang})", label=label, lang=extra))
                if text:
                    out[extra] = text
            else:
                self.unknown_language(value, extra, label, known)
        return out

    def string_list(self, parent, key, label: Phrase) -> tuple[tuple[str, int], ...]:
        value = parent.get(key)
        if value is None:
            return ()
        if not isinstance(value, LList):
            self.problem(line_of(parent, key), Phrase("{label} must be a list (lines starting with '- ')", label=label))
            return ()
        out = []
        for i, item in enumerate(value):
            if isinstance(item, LDict) and len(item) == 1 and all(isinstance(v, str) for v in item.values()):
                text = next(f"{k}: {v}" for k, v in item.items())
                self.problem(
                    line_of(value, i),
                    Phrase(
                        "{label}: item {n} is read as 'key: value' because of the ': ' in it; put the whole text in "
                        "quotes: - {quoted}",
                        label=label,
                        n=i + 1,
                        quoted='"' + text.replace('"', '\\"') + '"',
                    ),
                )
            elif not isinstance(item, str) or not item.strip():
                self.problem(
                    line_of(value, i), Phrase("{label}: item {n} must be non-empty text", label=label, n=i + 1)
                )
            elif i in getattr(value, "plain_spans", {}):
                self.problem(
                    line_of(value, i),
                    Phrase(
                        "{label}: item {n} goes on over {lines} lines, so YAML reads them as one question: {text}. If "
                        "they are two questions, start each with '- ' at the same indentation; if it is one long "
                        "question, put it in quotes",
                        label=label,
                        n=i + 1,
                        lines=value.plain_spans[i],
                        text=repr(item.strip()),
                    ),
                )
            else:
                out.append((item.strip(), line_of(value, i)))
        return tuple(out)

    def bilingual_lists(self, parent, key, label: Phrase) -> dict[str, tuple[tuple[str, int], ...]]:
        """Lists in Polish and English (both required), and in Ukrainian if written."""
        value = parent.get(key)
        if value is None:
            return {}
        if not isinstance(value, LDict):
            self.problem(line_of(parent, key), Phrase("{label} must have a list for pl and a list for en", label=label))
            return {}
        out = {}
        for lang in REQUIRED_LANGS:
            items = self.string_list(value, lang, Phrase("{label} ({lang})", label=label, lang=lang))
            if not items:
                self.problem(
                    value.line,
                    Phrase("{label} has no Polish (pl) items", label=label)
                    if lang == "pl"
                    else Phrase("{label} has no English (en) items", label=label),
                )
            out[lang] = items
        known = REQUIRED_LANGS + TRANSLATING_LANGS
        for extra in value:
            if extra in TRANSLATING_LANGS:
                items = self.string_list(value, extra, Phrase("{label} ({lang})", label=label, lang=extra))
                if items:
                    out[extra] = items
                else:
                    self.problem(
                        line_of(value, extra),
                        Phrase(
                            "{label} ({lang}) is empty; write its items or leave the language out",
                            label=label,
                            lang=extra,
                        ),
                    )
            elif extra not in REQUIRED_LANGS:
                self.unknown_language(value, extra, label, known)
        return out

    def unknown_language(self, value: LDict, lang: str, label: Phrase, known: tuple[str, ...]) -> None:
        """A text written under a language code the knowledge does not use."""
        self.problem(
            line_of(value, lang),
            Phrase("{label}: unknown language '{lang}'; use {langs}", label=label, lang=lang, langs=", ".join(known)),
        )

    def ident(self, node: LDict, label: Phrase) -> str:
        value = self.text(node, "id", field_label(label, "id"))
        if value and not ID.match(value):
            self.problem(
                line_of(node, "id"),
                Phrase(
                    "id '{id}' must be 2-40 lower-case letters, digits or dashes "
                    "(it appears in links), starting with a letter or digit",
                    id=value,
                ),
            )
        return value

    def source(self, node, line: int, label: Phrase) -> Source | None:
        node = self.mapping(node, "source", line, label)
        if node is None:
            return None
        day = self.text(node, "date", field_label(label, "date"), required=False)
        if day and not DATE.match(day) and day != UNDATED:
            self.problem(
                line_of(node, "date"),
                Phrase(
                    "{label} date must be YYYY, YYYY-MM or YYYY-MM-DD (or "
                    "'undated' when the page shows no date), not '{day}'",
                    label=label,
                    day=day,
                ),
            )
        url = self.text(node, "url", field_label(label, "url"), required=False)
        by_lang: tuple[tuple[str, str], ...] = ()
        if isinstance(node.get("publisher"), LDict):  # the name in each language: {pl: …, en: …}
            names = self.bilingual(node, "publisher", field_label(label, "publisher"))
            publisher, by_lang = names.get("pl", ""), tuple(sorted(names.items()))
        else:
            publisher = self.text(node, "publisher", field_label(label, "publisher"))
        return Source(self.text(node, "title", field_label(label, "title")), publisher, day, url, by_lang)

    def id_list(self, parent, key, target: str, label: Phrase) -> tuple[str, ...]:
        items = self.string_list(parent, key, label)
        for value, line in items:
            self.refs.append(Ref(target, value, self.file, line, label))
        return tuple(v for v, _ in items)

    # -- sections --------------------------------------------------------------------------


def field_label(label: Phrase, field: str) -> Phrase:
    """A field of an item as messages name it: "entry 'x' questions"."""
    return Phrase("{label} {field}", label=label, field=field)


def item_label(kind: str, node) -> Phrase:
    """How messages name an item: by its id when it has one."""
    ident = node.get("id") if isinstance(node, dict) else None
    if isinstance(ident, str) and ident.strip():
        ident = ident.strip()
        if kind == "entry":
            return Phrase("entry '{id}'", id=ident)
        if kind == "contact":
            return Phrase("contact '{id}'", id=ident)
        return Phrase("small talk '{id}'", id=ident)
    if kind == "entry":
        return Phrase("an entry")
    return Phrase("a contact item") if kind == "contact" else Phrase("a small talk item")


def display_path(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent)) if root.parent != path else str(path)
    except ValueError:
        return str(path)
