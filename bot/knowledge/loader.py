"""Reads `knowledge/*.yaml` into the core model and reports every problem as `file:line: message`."""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bot.core.concepts import PatternError, compile_pattern
from bot.core.hours import HoursError
from bot.core.hours import parse as parse_hours
from bot.core.markup import markup_problems
from bot.core.phrase import Phrase
from bot.core.model import (CARD_LANGS, LANGS, Contact, Crisis, Entry, Knowledge, RouteStep, Routing, SmallTalk,
                            Source, Topic)
from bot.core.danger_model import DangerModel
from bot.knowledge.crisis_reader import CrisisReader
from bot.knowledge.danger_model_reader import FILE_NAME as MODEL_FILE
from bot.knowledge.danger_model_reader import ModelFileError, read_model
from bot.core.text import join_digits, tokens
from bot.knowledge.yaml_lines import LDict, LList, Problem, line_of, read

ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
ID_LINE = re.compile(r"^\s*(?:-\s*)?id:\s*[\"']?([a-z0-9][a-z0-9-]*)", re.M)
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
CONFIDENCE = ("high", "medium", "low")
UNDATED = "undated"  # a source date: the editor looked, the page shows no date (residents read "undated")

FIELDS = {
    "file": {"topic", "entries", "contacts", "crisis", "smalltalk", "fallback", "synonyms", "out_of_scope", "report",
             "retired", "courtesy"},
    "report": {"places", "grounds", "unfair"},
    "route": {"id", "label", "contacts", "entries", "words"},
    "topic": {"id", "title"},
    "entry": {"id", "title", "questions", "answer", "sources", "related", "reviewed"},
    "source": {"title", "publisher", "date", "url"},
    "contact": {"id", "name", "phone", "hours", "open", "hours_confidence", "url", "note", "source"},
    "crisis": {"contacts", "situations", "concepts", "frames", "exceptions", "refinements", "protected", "serious",
               "signals", "local", "near"},
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


class KnowledgeError(Exception):
    """The knowledge could not be loaded; `problems` says why, file by file and line by line."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the knowledge")
        self.problems = problems


@dataclass
class _Ref:
    """An id reference to check once every file is read."""

    target: str  # "entry" | "contact"
    id: str
    file: str
    line: int
    what: Phrase


class _Reader:
    def __init__(self, root: Path):
        self.root = root
        self.problems: list[Problem] = []
        self.entries: list[Entry] = []
        self.entry_lines: dict[str, tuple[str, int]] = {}
        self.contacts: dict[str, Contact] = {}
        self.contact_lines: dict[str, tuple[str, int]] = {}
        self.smalltalk: list[SmallTalk] = []
        self.topics: list[Topic] = []
        self.crisis: list[tuple[Crisis, str, int]] = []
        self.fallback: list[tuple[str, ...]] = []
        self.other_languages: tuple[str, ...] = ()
        self.refs: list[_Ref] = []
        self.variants: dict[str, tuple[str, str, int]] = {}
        self.unparsed_ids: set[str] = set()
        self.synonyms: list[tuple[str, ...]] = []
        self.out_of_scope: dict[str, list[str]] = {}
        self.courtesy: dict[str, list[str]] = {}
        self.routing: Routing | None = None
        self.synonym_lines: dict[str, tuple[str, str, int]] = {}
        self.retired: dict[str, tuple[str, str, str, int]] = {}  # digits -> (as written, closed, file, line)
        self.texts: list[tuple[str, str, int, Phrase]] = []  # what residents read: (text, file, line, whose)
        self.file = ""
        self.model: DangerModel | None = None
        self.model_path = root / MODEL_FILE

    def problem(self, line: int, message: Phrase, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, line, message, severity))

    # -- generic shape checks --------------------------------------------------------------

    def mapping(self, value, kind: str, line: int, label: Phrase) -> LDict | None:
        if not isinstance(value, LDict):
            self.problem(line, Phrase("{label} must be a mapping of fields ({fields})", label=label,
                                      fields=", ".join(sorted(REQUIRED.get(kind, FIELDS[kind])))))
            return None
        for key in value:
            if key not in FIELDS[kind]:
                close = difflib.get_close_matches(key, FIELDS[kind], n=1)
                self.problem(line_of(value, key), Phrase(
                    "unknown field '{key}' in {label} (did you mean '{close}'?)", key=key, label=label, close=close[0])
                    if close else Phrase("unknown field '{key}' in {label}; allowed: {allowed}", key=key, label=label,
                                         allowed=", ".join(sorted(FIELDS[kind]))))
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
        """Texts in Polish and English (both required), and in the `optional` languages if given."""
        value = parent.get(key)
        if value is None:
            return {}
        if not isinstance(value, LDict):
            self.problem(line_of(parent, key), Phrase("{label} must have a Polish (pl) and an English (en) text",
                                                      label=label))
            return {}
        out = {}
        for lang in LANGS:
            if lang not in value or not isinstance(value[lang], str) or not value[lang].strip():
                self.problem(value.line, Phrase("{label} has no Polish (pl) text", label=label) if lang == "pl"
                             else Phrase("{label} has no English (en) text", label=label))
            else:
                out[lang] = value[lang].strip()
        for extra in value:
            if extra in optional:
                text = self.text(value, extra, Phrase("{label} ({lang})", label=label, lang=extra))
                if text:
                    out[extra] = text
            elif extra not in LANGS:
                self.problem(line_of(value, extra), Phrase("{label}: unknown language '{lang}'; use pl and en",
                                                          label=label, lang=extra) if not optional else
                             Phrase("{label}: unknown language '{lang}'; use {langs}", label=label, lang=extra,
                                    langs=", ".join(LANGS + optional)))
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
            if not isinstance(item, str) or not item.strip():
                self.problem(line_of(value, i), Phrase("{label}: item {n} must be non-empty text", label=label, n=i + 1))
            else:
                out.append((item.strip(), line_of(value, i)))
        return tuple(out)

    def bilingual_lists(self, parent, key, label: Phrase) -> dict[str, tuple[tuple[str, int], ...]]:
        value = parent.get(key)
        if value is None:
            return {}
        if not isinstance(value, LDict):
            self.problem(line_of(parent, key), Phrase("{label} must have a list for pl and a list for en", label=label))
            return {}
        out = {}
        for lang in LANGS:
            items = self.string_list(value, lang, Phrase("{label} ({lang})", label=label, lang=lang))
            if not items:
                self.problem(value.line, Phrase("{label} has no Polish (pl) items", label=label) if lang == "pl"
                             else Phrase("{label} has no English (en) items", label=label))
            out[lang] = items
        for extra in value:
            if extra not in LANGS:
                self.problem(line_of(value, extra), Phrase("{label}: unknown language '{lang}'; use pl and en",
                                                          label=label, lang=extra))
        return out

    def ident(self, node: LDict, label: Phrase) -> str:
        value = self.text(node, "id", _field(label, "id"))
        if value and not ID.match(value):
            self.problem(line_of(node, "id"), Phrase("id '{id}' must be 2-40 lower-case letters, digits or dashes "
                                                     "(it appears in links), starting with a letter or digit", id=value))
        return value

    def source(self, node, line: int, label: Phrase) -> Source | None:
        node = self.mapping(node, "source", line, label)
        if node is None:
            return None
        day = self.text(node, "date", _field(label, "date"), required=False)
        if day and not DATE.match(day) and day != UNDATED:
            self.problem(line_of(node, "date"), Phrase("{label} date must be YYYY, YYYY-MM or YYYY-MM-DD (or "
                                                       "'undated' when the page shows no date), not '{day}'",
                                                       label=label, day=day))
        url = self.text(node, "url", _field(label, "url"), required=False)
        return Source(self.text(node, "title", _field(label, "title")),
                      self.text(node, "publisher", _field(label, "publisher")), day, url)

    def id_list(self, parent, key, target: str, label: Phrase) -> tuple[str, ...]:
        items = self.string_list(parent, key, label)
        for value, line in items:
            self.refs.append(_Ref(target, value, self.file, line, label))
        return tuple(v for v, _ in items)

    # -- sections --------------------------------------------------------------------------

    def read_file(self, path: Path) -> None:
        self.file = _display(path, self.root)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.problem(1, Phrase("cannot read the file: {reason}", reason=exc.strerror))
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.problem(line, Phrase("the file is not UTF-8 text (this line has a character in another "
                                      "encoding); save the file as UTF-8"))
            return
        before = len(self.problems)
        data = read(text, self.file, self.problems)
        if data is None:
            if len(self.problems) == before:
                self.problem(1, Phrase("the file is empty"))
            else:
                # The file could not be parsed: its ids still exist, so references to them are fine.
                self.unparsed_ids.update(m.group(1) for m in ID_LINE.finditer(text))
            return
        data = self.mapping(data, "file", 1, Phrase("a knowledge file"))
        if data is None:
            return
        topic_id = path.stem
        if "topic" in data:
            label = Phrase("topic")
            topic = self.mapping(data["topic"], "topic", line_of(data, "topic"), label)
            if topic is not None:
                topic_id = self.text(topic, "id", _field(label, "id"), required=False) or topic_id
                self.topics.append(Topic(topic_id, self.bilingual(topic, "title", _field(label, "title"))))
        for key, reader in (("entries", self.read_entry), ("contacts", self.read_contact),
                            ("smalltalk", self.read_smalltalk)):
            if key in data:
                items = data[key]
                if not isinstance(items, LList):
                    self.problem(line_of(data, key), Phrase("'{key}' must be a list (items starting with '- ')", key=key))
                    continue
                for i, item in enumerate(items):
                    reader(item, line_of(items, i), topic_id)
        if "crisis" in data:
            self.read_crisis(data["crisis"], line_of(data, "crisis"))
        if "out_of_scope" in data:
            lists = self.bilingual_lists(data, "out_of_scope", Phrase("out_of_scope"))
            for lang, items in lists.items():
                self.out_of_scope.setdefault(lang, []).extend(q for q, _ in items)
        if "courtesy" in data:
            lists = self.bilingual_lists(data, "courtesy", Phrase("courtesy"))
            for lang, items in lists.items():
                self.courtesy.setdefault(lang, []).extend(q for q, _ in items)
        if "report" in data:
            self.read_report(data["report"], line_of(data, "report"))
        if "synonyms" in data:
            self.read_synonyms(data["synonyms"], line_of(data, "synonyms"))
        if "retired" in data:
            self.read_retired(data["retired"], line_of(data, "retired"))
        if "fallback" in data:
            label = Phrase("fallback")
            node = self.mapping(data["fallback"], "fallback", line_of(data, "fallback"), label)
            if node is not None:
                self.fallback.append(self.id_list(node, "contacts", "contact", _field(label, "contacts")))
                self.other_languages += self.id_list(node, "other_languages", "contact",
                                                     _field(label, "other_languages"))

    def read_entry(self, node, line: int, topic: str) -> None:
        node = self.mapping(node, "entry", line, _label("entry", node))
        if node is None:
            return
        entry_id = self.ident(node, Phrase("entry"))
        label = Phrase("entry '{id}'", id=entry_id) if entry_id else Phrase("an entry")
        if entry_id in self.entry_lines:
            file, first = self.entry_lines[entry_id]
            self.problem(line_of(node, "id"), Phrase("entry id '{id}' is already used at {where}; ids must be unique",
                                                     id=entry_id, where=f"{file}:{first}"))
            entry_id = ""
        elif entry_id:
            self.entry_lines[entry_id] = (self.file, line_of(node, "id"))
        questions = self.bilingual_lists(node, "questions", _field(label, "questions"))
        for items in questions.values():
            for question, qline in items:
                key = " ".join(tokens(question))
                if key in self.variants and self.variants[key][0] != entry_id:
                    other, ofile, oline = self.variants[key]
                    self.problem(qline, Phrase("question '{question}' is also a question of entry '{other}' ({where}); "
                                               "one question can lead to only one answer", question=question,
                                               other=other, where=f"{ofile}:{oline}"))
                else:
                    self.variants.setdefault(key, (entry_id, self.file, qline))
        answer = self.bilingual(node, "answer", _field(label, "answer"))
        answers = node.get("answer") if isinstance(node.get("answer"), LDict) else LDict()
        for lang, text in answer.items():
            self.texts.append((text, self.file, line_of(answers, lang),
                               Phrase("{label} answer ({lang})", label=label, lang=lang)))
            for issue in markup_problems(text):
                self.problem(line_of(answers, lang), Phrase("{label} answer ({lang}): {issue}", label=label, lang=lang,
                                                            issue=issue))
        sources = []
        raw_sources = node.get("sources")
        if raw_sources is not None and not isinstance(raw_sources, LList):
            self.problem(line_of(node, "sources"), Phrase("{label} sources must be a list", label=label))
        elif raw_sources:
            for i, item in enumerate(raw_sources):
                src = self.source(item, line_of(raw_sources, i), Phrase("{label} source {n}", label=label, n=i + 1))
                if src:
                    sources.append(src)
        reviewed = self.text(node, "reviewed", Phrase("{label} reviewed date", label=label))
        if reviewed:
            try:
                date.fromisoformat(reviewed)
            except ValueError:
                self.problem(line_of(node, "reviewed"), Phrase("{label} reviewed date must be YYYY-MM-DD, not '{day}'",
                                                               label=label, day=reviewed))
        related = self.id_list(node, "related", "entry", _field(label, "related"))
        if entry_id and entry_id in related:
            self.problem(line_of(node, "related"), Phrase("{label} lists itself as related", label=label))
        if entry_id:
            self.entries.append(Entry(
                entry_id, topic, self.bilingual(node, "title", _field(label, "title")),
                {lang: tuple(q for q, _ in items) for lang, items in questions.items()},
                answer, tuple(sources), reviewed, related,
            ))

    def read_contact(self, node, line: int, topic: str) -> None:
        node = self.mapping(node, "contact", line, _label("contact", node))
        if node is None:
            return
        contact_id = self.ident(node, Phrase("contact"))
        label = Phrase("contact '{id}'", id=contact_id)
        if contact_id in self.contact_lines:
            file, first = self.contact_lines[contact_id]
            self.problem(line_of(node, "id"), Phrase("contact id '{id}' is already used at {where}", id=contact_id,
                                                     where=f"{file}:{first}"))
            return
        source = None
        if node.get("source") is not None:
            source = self.source(node["source"], line_of(node, "source"), _field(label, "source"))
        else:
            self.problem(node.line, Phrase("{label} has no 'source'; every number must say where it comes from",
                                           label=label))
        hours = self.bilingual(node, "hours", _field(label, "hours"), CARD_LANGS[2:]) if "hours" in node else {}
        opening = self.string_list(node, "open", _field(label, "open"))
        for rule, rule_line in opening:
            try:
                parse_hours((rule,))
            except HoursError as exc:
                self.problem(rule_line, Phrase("{label} open: {issue}", label=label, issue=exc.phrase))
        confidence = self.text(node, "hours_confidence", _field(label, "hours_confidence"), required=False) or "low"
        if confidence not in CONFIDENCE:
            self.problem(line_of(node, "hours_confidence"), Phrase(
                "{label} hours_confidence must be high, medium or low (as the fact sheet rates the hours), not "
                "'{value}'", label=label, value=confidence))
        note = self.bilingual(node, "note", _field(label, "note"), CARD_LANGS[2:]) if "note" in node else {}
        phone = self.text(node, "phone", _field(label, "phone"), required=False)
        for what, text in [("phone", phone)] + [(f"note ({lang})", t) for lang, t in note.items()]:
            self.texts.append((text, self.file, line_of(node, what.split()[0]), _field(label, what)))
        if contact_id:
            self.contact_lines[contact_id] = (self.file, line_of(node, "id"))
            self.contacts[contact_id] = Contact(
                contact_id, self.bilingual(node, "name", _field(label, "name"), CARD_LANGS[2:]),
                phone, hours,
                self.text(node, "url", _field(label, "url"), required=False), note, source,
                tuple(rule for rule, _ in opening), confidence,
            )

    def read_smalltalk(self, node, line: int, topic: str) -> None:
        node = self.mapping(node, "smalltalk", line, _label("small talk", node))
        if node is None:
            return
        intent_id = self.ident(node, Phrase("small-talk"))
        label = Phrase("small talk '{id}'", id=intent_id)
        phrases = self.bilingual_lists(node, "phrases", _field(label, "phrases"))
        reply = self.bilingual(node, "reply", _field(label, "reply"))
        for lang, text in reply.items():
            self.texts.append((text, self.file, line_of(node, "reply"), Phrase("{label} reply ({lang})", label=label,
                                                                              lang=lang)))
        if intent_id:
            self.smalltalk.append(SmallTalk(intent_id, {k: tuple(p for p, _ in v) for k, v in phrases.items()}, reply))

    def read_report(self, node, line: int) -> None:
        node = self.mapping(node, "report", line, Phrase("the report routing"))
        if node is None:
            return
        steps = {}
        for key in ("places", "grounds"):
            items = node.get(key)
            if not isinstance(items, LList):
                if items is not None:
                    self.problem(line_of(node, key), Phrase("report {key} must be a list", key=key))
                continue
            out = []
            for i, item in enumerate(items):
                place = key == "places"
                item = self.mapping(item, "route", line_of(items, i), Phrase("report place {n}", n=i + 1) if place
                                    else Phrase("report ground {n}", n=i + 1))
                if item is None:
                    continue
                step_id = self.ident(item, Phrase("report place") if place else Phrase("report ground"))
                label = (Phrase("report place '{id}'", id=step_id) if place
                         else Phrase("report ground '{id}'", id=step_id))
                out.append(RouteStep(step_id, self.bilingual(item, "label", _field(label, "label")),
                                     self.id_list(item, "contacts", "contact", _field(label, "contacts")),
                                     self.id_list(item, "entries", "entry", _field(label, "entries")),
                                     self.route_words(item, _field(label, "words"), f"{key[:-1]}:{step_id}")))
            steps[key] = tuple(out)
        unfair = self.route_words(node, Phrase("report: unfair"), "unfair", "unfair")
        self.routing = Routing(steps.get("places", ()), steps.get("grounds", ()), unfair)

    def route_words(self, item: LDict, label: Phrase, concept: str, key: str = "words") -> dict[str, tuple[str, ...]]:
        """A place's or ground's `words`, or the report's `unfair` words (triage): a non-empty list for
        pl and for en, each word a pattern as in the crisis concepts ("ciąż*", "w ciąży")."""
        if key not in item:
            return {}
        out = {}
        for lang, items in self.bilingual_lists(item, key, label).items():
            kept = []
            for text, line in items:
                try:
                    compile_pattern(concept, text, lang)
                except PatternError as exc:
                    self.problem(line, Phrase("pattern {pattern} cannot be used: {reason}", pattern=repr(text),
                                              reason=str(exc)))
                    continue
                kept.append(text)
            out[lang] = tuple(kept)
        return out

    def read_synonyms(self, node, line: int) -> None:
        if not isinstance(node, LList):
            self.problem(line, Phrase("'synonyms' must be a list of groups, each a list of words: "
                                      "- [telefon, numer, phone]"))
            return
        for i, group in enumerate(node):
            gline = line_of(node, i)
            if not isinstance(group, LList) or len(group) < 2:
                self.problem(gline, Phrase("a synonym group must be a list of at least two words"))
                continue
            words = []
            for j, word in enumerate(group):
                if not isinstance(word, str) or len(tokens(word)) != 1:
                    self.problem(line_of(group, j), Phrase("synonym '{word}' must be a single word", word=word))
                    continue
                key = tokens(word)[0]
                if key in self.synonym_lines:
                    first_word, file, first = self.synonym_lines[key]
                    where = f"{file}:{first}"
                    self.problem(line_of(group, j), Phrase(
                        "synonym '{word}' is the same word as '{first}' in the group at {where}; a word can belong to "
                        "one group only", word=word, first=first_word, where=where) if first_word != word.strip()
                        else Phrase("synonym '{word}' is already listed in the group at {where}; a word can belong to "
                                    "one group only", word=word, where=where))
                    continue
                self.synonym_lines[key] = (word.strip(), self.file, line_of(group, j))
                words.append(word.strip())
            if len(words) >= 2:
                self.synonyms.append(tuple(words))

    def read_model(self) -> None:
        """The learnt danger back-off, when its file is there; a damaged one is a warning and not used
        (the rules alone still bring the card)."""
        if not self.model_path.exists():
            return
        try:
            self.model = read_model(self.model_path).model
        except ModelFileError as error:
            self.problems.append(Problem(_display(self.model_path, self.root), error.line, Phrase(
                "the danger model cannot be used ({reason}); the rules work without it; retrain it with "
                "scripts/train_danger_model.py", reason=error.message), "warning"))

    def read_crisis(self, node, line: int) -> None:
        crisis = CrisisReader(self).read(node, line)
        if crisis is not None:
            self.crisis.append((crisis, self.file, line))

    def read_retired(self, node, line: int) -> None:
        if not isinstance(node, LList):
            self.problem(line, Phrase("'retired' must be a list of numbers that no longer work (items starting with "
                                      "'- ')"))
            return
        for i, item in enumerate(node):
            item = self.mapping(item, "retired", line_of(node, i), Phrase("retired number {n}", n=i + 1))
            if item is None:
                continue
            phone = self.text(item, "phone", Phrase("retired number {n} phone", n=i + 1))
            label = Phrase("retired number {phone}", phone=phone)
            closed = self.text(item, "closed", _field(label, "closed"))
            if closed and not DATE.match(closed):
                self.problem(line_of(item, "closed"), Phrase("{label} closed date must be YYYY, YYYY-MM or YYYY-MM-DD, "
                                                             "not '{day}'", label=label, day=closed))
            if item.get("source") is not None:
                self.source(item["source"], line_of(item, "source"), _field(label, "source"))
            if "name" in item:
                self.bilingual(item, "name", _field(label, "name"))
            digits = "".join(c for c in phone if c.isdigit())
            if len(digits) >= 3:
                self.retired[digits] = (phone, closed, self.file, line_of(item, "phone"))

    # -- cross-file checks -----------------------------------------------------------------

    def check_retired(self) -> None:
        """No answer, contact or reply gives a number that no longer works."""
        for text, file, line, whose in self.texts:
            digits = join_digits(text)
            for number, (written, closed, rfile, rline) in self.retired.items():
                if re.search(rf"(?<!\d){number}(?!\d)", digits):
                    self.problems.append(Problem(file, line, Phrase(
                        "{whose} gives {number}, a number that stopped working on {closed} ({where}); remove it and "
                        "point to a working one", whose=whose, number=written, closed=closed, where=f"{rfile}:{rline}")))

    def finish(self) -> Knowledge | None:
        self.check_retired()
        known = {"entry": self.entry_lines, "contact": self.contact_lines}
        for ref in self.refs:
            if ref.id not in known[ref.target] and ref.id not in self.unparsed_ids:
                close = difflib.get_close_matches(ref.id, list(known[ref.target]), n=1)
                missing = (Phrase("{what}: there is no entry '{id}'", what=ref.what, id=ref.id) if ref.target == "entry"
                           else Phrase("{what}: there is no contact '{id}'", what=ref.what, id=ref.id))
                if close:
                    missing = Phrase("{message} (did you mean '{close}'?)", message=missing, close=close[0])
                self.problems.append(Problem(ref.file, ref.line, missing))
        if not self.crisis:
            self.problems.append(Problem(_display(self.root, self.root.parent), 1, Phrase(
                "no file has a 'crisis' block; the emergency numbers must be defined")))
        for _, file, line in self.crisis[1:]:
            self.problems.append(Problem(file, line, Phrase("a second 'crisis' block; keep one (the first is in {file})",
                                                            file=self.crisis[0][1])))
        if not self.entries and not any(p.severity == "error" for p in self.problems):
            self.problems.append(Problem(_display(self.root, self.root.parent), 1, Phrase("no entries found")))
        if any(p.severity == "error" for p in self.problems):
            return None
        fallback = tuple(c for group in self.fallback for c in group)
        crisis = self.crisis[0][0]
        if self.model is not None:
            unknown = [s for s in self.model.situations if crisis.situation(s) is None]
            if unknown:
                self.problems.append(Problem(_display(self.model_path, self.root), 1, Phrase(
                    "the danger model names situations the crisis block does not have ({names}); it is not used "
                    "until it is retrained with scripts/train_danger_model.py", names=", ".join(unknown)), "warning"))
            else:
                crisis = dataclasses.replace(crisis, model=self.model)
        return Knowledge(tuple(self.entries), dict(self.contacts), crisis, tuple(self.smalltalk),
                         fallback, tuple(self.topics), tuple(self.synonyms),
                         {k: tuple(v) for k, v in self.out_of_scope.items()}, self.routing, self.other_languages,
                         {k: tuple(v) for k, v in self.courtesy.items()})


def _field(label: Phrase, field: str) -> Phrase:
    """A field of an item as messages name it: "entry 'x' questions"."""
    return Phrase("{label} {field}", label=label, field=field)


def _label(kind: str, node) -> Phrase:
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


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent)) if root.parent != path else str(path)
    except ValueError:
        return str(path)


def check_knowledge(directory: Path) -> tuple[Knowledge | None, list[Problem]]:
    """Read every `*.yaml` in `directory`; the knowledge (None if any error) and all problems, sorted."""
    directory = Path(directory)
    reader = _Reader(directory)
    if not directory.is_dir():
        return None, [Problem(str(directory), 1, Phrase("the knowledge directory does not exist"))]
    files = sorted(p for p in directory.iterdir() if p.suffix in (".yaml", ".yml") and not p.name.startswith("."))
    if not files:
        return None, [Problem(str(directory), 1, Phrase("the knowledge directory has no .yaml files"))]
    for path in files:
        reader.read_file(path)
    reader.read_model()
    knowledge = reader.finish()
    return knowledge, sorted(set(reader.problems))


def load_knowledge(directory: Path) -> Knowledge:
    """The knowledge in `directory`; raises KnowledgeError listing every error."""
    knowledge, problems = check_knowledge(directory)
    if knowledge is None:
        raise KnowledgeError([p for p in problems if p.severity == "error"])
    return knowledge
