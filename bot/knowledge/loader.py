"""Reads `knowledge/*.yaml` into the core model and reports every problem as `file:line: message`."""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bot.core.danger_model import DangerModel
from bot.core.markup import markup_problems
from bot.core.model import Contact, Crisis, Entry, Knowledge, Routing, SmallTalk, Topic
from bot.core.phrase import Phrase
from bot.core.text import tokens
from bot.knowledge.contact_reader import check_retired, read_contact, read_retired
from bot.knowledge.crisis_reader import CrisisReader
from bot.knowledge.danger_model_reader import FILE_NAME as MODEL_FILE
from bot.knowledge.danger_model_reader import ModelFileError, read_model
from bot.knowledge.files import knowledge_files
from bot.knowledge.problems import KnowledgeError, Problem
from bot.knowledge.routing_reader import RoutingReader, read_synonyms
from bot.knowledge.schema import ID_LINE, ShapeReader, display_path, field_label, item_label
from bot.knowledge.yaml_lines import LDict, LList, line_of, read


class KnowledgeReader(ShapeReader):
    """Reads every section of the knowledge files into the core model."""

    def __init__(self, root: Path):
        super().__init__(root)
        self.entries: list[Entry] = []
        self.entry_lines: dict[str, tuple[str, int]] = {}
        self.question_lines: dict[str, dict[str, tuple[int, ...]]] = {}
        self.paths: dict[str, Path] = {}  # file as problems name it -> path
        self.contacts: dict[str, Contact] = {}
        self.contact_lines: dict[str, tuple[str, int]] = {}
        self.smalltalk: list[SmallTalk] = []
        self.topics: list[Topic] = []
        self.crisis: list[tuple[Crisis, str, int]] = []
        self.fallback: list[tuple[str, ...]] = []
        self.other_languages: tuple[str, ...] = ()
        self.variants: dict[str, tuple[str, str, int]] = {}
        self.unparsed_ids: set[str] = set()
        self.synonyms: list[tuple[str, ...]] = []
        self.out_of_scope: dict[str, list[str]] = {}
        self.courtesy: dict[str, list[str]] = {}
        self.routing: Routing | None = None
        self.synonym_lines: dict[str, tuple[str, str, int]] = {}
        self.retired: dict[str, tuple[str, str, str, int]] = {}  # digits -> (as written, closed, file, line)
        self.texts: list[tuple[str, str, int, Phrase]] = []  # what residents read: (text, file, line, whose)
        self.model: DangerModel | None = None
        self.model_path = root / MODEL_FILE

    def read_file(self, path: Path) -> None:
        self.file = display_path(path, self.root)
        self.paths[self.file] = path
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.problem(1, Phrase("cannot read the file: {reason}", reason=exc.strerror))
            return
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            self.problem(
                line,
                Phrase(
                    "the file is not UTF-8 text (this line has a character in another encoding); save the file as UTF-8"
                ),
            )
            # Its ids still exist, so references to them are no further errors.
            self.unparsed_ids.update(m.group(1) for m in ID_LINE.finditer(raw.decode("utf-8", "replace")))
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
                topic_id = self.text(topic, "id", field_label(label, "id"), required=False) or topic_id
                self.topics.append(Topic(topic_id, self.bilingual(topic, "title", field_label(label, "title"))))
        for key, reader in (
            ("entries", self.read_entry),
            ("contacts", lambda node, line, topic: read_contact(self, node, line, topic)),
            ("smalltalk", self.read_smalltalk),
        ):
            if key in data:
                items = data[key]
                if not isinstance(items, LList):
                    self.problem(
                        line_of(data, key), Phrase("'{key}' must be a list (items starting with '- ')", key=key)
                    )
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
            read_retired(self, data["retired"], line_of(data, "retired"))
        if "fallback" in data:
            label = Phrase("fallback")
            node = self.mapping(data["fallback"], "fallback", line_of(data, "fallback"), label)
            if node is not None:
                self.fallback.append(self.id_list(node, "contacts", "contact", field_label(label, "contacts")))
                self.other_languages += self.id_list(
                    node, "other_languages", "contact", field_label(label, "other_languages")
                )

    def read_entry(self, node, line: int, topic: str) -> None:
        node = self.mapping(node, "entry", line, item_label("entry", node))
        if node is None:
            return
        entry_id = self.ident(node, Phrase("entry"))
        label = Phrase("entry '{id}'", id=entry_id) if entry_id else Phrase("an entry")
        if entry_id in self.entry_lines:
            file, first = self.entry_lines[entry_id]
            self.problem(
                line_of(node, "id"),
                Phrase(
                    "entry id '{id}' is already used at {where}; ids must be unique",
                    id=entry_id,
                    where=f"{file}:{first}",
                ),
            )
            entry_id = ""
        elif entry_id:
            self.entry_lines[entry_id] = (self.file, line_of(node, "id"))
        questions = self.bilingual_lists(node, "questions", field_label(label, "questions"))
        if entry_id:
            self.question_lines[entry_id] = {
                lang: tuple(qline for _, qline in items) for lang, items in questions.items()
            }
        for items in questions.values():
            for question, qline in items:
                key = " ".join(tokens(question))
                if key in self.variants and self.variants[key][0] != entry_id:
                    other, ofile, oline = self.variants[key]
                    self.problem(
                        qline,
                        Phrase(
                            "question '{question}' is also a question of entry '{other}' ({where}); "
                            "one question can lead to only one answer",
                            question=question,
                            other=other,
                            where=f"{ofile}:{oline}",
                        ),
                    )
                else:
                    self.variants.setdefault(key, (entry_id, self.file, qline))
        answer = self.bilingual(node, "answer", field_label(label, "answer"))
        answers = node.get("answer") if isinstance(node.get("answer"), LDict) else LDict()
        for lang, text in answer.items():
            self.texts.append(
                (text, self.file, line_of(answers, lang), Phrase("{label} answer ({lang})", label=label, lang=lang))
            )
            for issue in markup_problems(text):
                self.problem(
                    line_of(answers, lang),
                    Phrase("{label} answer ({lang}): {issue}", label=label, lang=lang, issue=issue),
                )
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
                self.problem(
                    line_of(node, "reviewed"),
                    Phrase("{label} reviewed date must be YYYY-MM-DD, not '{day}'", label=label, day=reviewed),
                )
        related = self.id_list(node, "related", "entry", field_label(label, "related"))
        if entry_id and entry_id in related:
            self.problem(line_of(node, "related"), Phrase("{label} lists itself as related", label=label))
        if entry_id:
            self.entries.append(
                Entry(
                    entry_id,
                    topic,
                    self.bilingual(node, "title", field_label(label, "title")),
                    {lang: tuple(q for q, _ in items) for lang, items in questions.items()},
                    answer,
                    tuple(sources),
                    reviewed,
                    related,
                )
            )

    def read_smalltalk(self, node, line: int, topic: str) -> None:
        node = self.mapping(node, "smalltalk", line, item_label("small talk", node))
        if node is None:
            return
        intent_id = self.ident(node, Phrase("small-talk"))
        label = Phrase("small talk '{id}'", id=intent_id)
        phrases = self.bilingual_lists(node, "phrases", field_label(label, "phrases"))
        reply = self.bilingual(node, "reply", field_label(label, "reply"))
        for lang, text in reply.items():
            self.texts.append(
                (text, self.file, line_of(node, "reply"), Phrase("{label} reply ({lang})", label=label, lang=lang))
            )
        if intent_id:
            self.smalltalk.append(SmallTalk(intent_id, {k: tuple(p for p, _ in v) for k, v in phrases.items()}, reply))

    def read_report(self, node, line: int) -> None:
        self.routing = RoutingReader(self).read(node, line) or self.routing

    def read_synonyms(self, node, line: int) -> None:
        read_synonyms(self, node, line)

    def read_model(self) -> None:
        """The learnt danger back-off, when its file is there; a damaged one is a warning and not used
        (the rules alone still bring the card)."""
        if not self.model_path.exists():
            return
        try:
            self.model = read_model(self.model_path).model
        except ModelFileError as error:
            self.problems.append(
                Problem(
                    display_path(self.model_path, self.root),
                    error.line,
                    Phrase(
                        "the danger model cannot be used ({reason}); the rules work without it; retrain it with "
                        "scripts/train_danger_model.py",
                        reason=error.message,
                    ),
                    "warning",
                )
            )

    def read_crisis(self, node, line: int) -> None:
        crisis = CrisisReader(self).read(node, line)
        if crisis is not None:
            self.crisis.append((crisis, self.file, line))

    def places(self, lines: dict[str, tuple[str, int]], questions: dict) -> dict[str, Place]:
        """Where each item of `lines` (id -> (file, line)) is written."""
        return {i: Place(self.paths[file], file, line, questions.get(i, {})) for i, (file, line) in lines.items()}

    def finish(self) -> Knowledge | None:
        check_retired(self)
        known = {"entry": self.entry_lines, "contact": self.contact_lines}
        for ref in self.refs:
            if ref.id not in known[ref.target] and ref.id not in self.unparsed_ids:
                close = difflib.get_close_matches(ref.id, list(known[ref.target]), n=1)
                missing = (
                    Phrase("{what}: there is no entry '{id}'", what=ref.what, id=ref.id)
                    if ref.target == "entry"
                    else Phrase("{what}: there is no contact '{id}'", what=ref.what, id=ref.id)
                )
                if close:
                    missing = Phrase("{message} (did you mean '{close}'?)", message=missing, close=close[0])
                self.problems.append(Problem(ref.file, ref.line, missing))
        if not self.crisis:
            self.problems.append(
                Problem(
                    display_path(self.root, self.root.parent),
                    1,
                    Phrase("no file has a 'crisis' block; the emergency numbers must be defined"),
                )
            )
        for _, file, line in self.crisis[1:]:
            self.problems.append(
                Problem(
                    file,
                    line,
                    Phrase("a second 'crisis' block; keep one (the first is in {file})", file=self.crisis[0][1]),
                )
            )
        if not self.entries and not any(p.severity == "error" for p in self.problems):
            self.problems.append(Problem(display_path(self.root, self.root.parent), 1, Phrase("no entries found")))
        if any(p.severity == "error" for p in self.problems):
            return None
        fallback = tuple(c for group in self.fallback for c in group)
        crisis = self.crisis[0][0]
        if self.model is not None:
            unknown = [s for s in self.model.situations if crisis.situation(s) is None]
            if unknown:
                self.problems.append(
                    Problem(
                        display_path(self.model_path, self.root),
                        1,
                        Phrase(
                            "the danger model names situations the crisis block does not have ({names}); it is not used "
                            "until it is retrained with scripts/train_danger_model.py",
                            names=", ".join(unknown),
                        ),
                        "warning",
                    )
                )
            else:
                crisis = dataclasses.replace(crisis, model=self.model)
        return Knowledge(
            tuple(self.entries),
            dict(self.contacts),
            crisis,
            tuple(self.smalltalk),
            fallback,
            tuple(self.topics),
            tuple(self.synonyms),
            {k: tuple(v) for k, v in self.out_of_scope.items()},
            self.routing,
            self.other_languages,
            {k: tuple(v) for k, v in self.courtesy.items()},
        )


@dataclass(frozen=True)
class Place:
    """Where an item is written: its file, the line of its id, and (entries) the lines of its
    question variants per language."""

    path: Path
    file: str  # as problems name it: "knowledge/law.yaml"
    line: int
    question_lines: dict[str, tuple[int, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Loaded:
    """What reading a knowledge directory gives: the knowledge (None when any error), every problem
    sorted, and where each entry and contact is written (contacts may share an id with an entry)."""

    knowledge: Knowledge | None
    problems: list[Problem]
    entries: dict[str, Place] = field(default_factory=dict)
    contacts: dict[str, Place] = field(default_factory=dict)


def read_knowledge(directory: Path) -> Loaded:
    """Read every knowledge file (bot/knowledge/files.py) of `directory`."""
    directory = Path(directory)
    if not directory.is_dir():
        return Loaded(None, [Problem(str(directory), 1, Phrase("the knowledge directory does not exist"))])
    files = knowledge_files(directory)
    if not files:
        return Loaded(None, [Problem(str(directory), 1, Phrase("the knowledge directory has no .yaml files"))])
    reader = KnowledgeReader(directory)
    for path in files:
        reader.read_file(path)
    reader.read_model()
    knowledge = reader.finish()
    return Loaded(
        knowledge,
        sorted(set(reader.problems)),
        reader.places(reader.entry_lines, reader.question_lines),
        reader.places(reader.contact_lines, {}),
    )


def check_knowledge(directory: Path) -> tuple[Knowledge | None, list[Problem]]:
    """The schema check alone: the knowledge (None if any error) and all problems, sorted. Whether an
    edit may go live is bot/knowledge/gate.py's to say."""
    loaded = read_knowledge(directory)
    return loaded.knowledge, loaded.problems


def load_knowledge(directory: Path) -> Knowledge:
    """The knowledge in `directory`; raises KnowledgeError listing every error."""
    knowledge, problems = check_knowledge(directory)
    if knowledge is None:
        raise KnowledgeError([p for p in problems if p.severity == "error"])
    return knowledge
