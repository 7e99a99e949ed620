"""Reads the vocabulary sections for the knowledge loader: the `report` routing (where it happened, on
what ground, which entries and contacts answer it, and the words triage recognises them by) and the
`synonyms` groups."""

from __future__ import annotations

from bot.core.concepts import PatternError, compile_pattern
from bot.core.model import RouteStep, Routing
from bot.core.phrase import Phrase
from bot.core.text import tokens
from bot.knowledge.schema import ShapeReader, field_label
from bot.knowledge.yaml_lines import LDict, LList, line_of


class RoutingReader:
    """Reads one `report` block with a loader's shape checks, its problems reported through it."""

    def __init__(self, reader: ShapeReader):
        self.reader = reader

    def read(self, node, line: int) -> Routing | None:
        node = self.reader.mapping(node, "report", line, Phrase("the report routing"))
        if node is None:
            return None
        steps = {}
        for key in ("places", "grounds"):
            items = node.get(key)
            if not isinstance(items, LList):
                if items is not None:
                    self.reader.problem(line_of(node, key), Phrase("report {key} must be a list", key=key))
                continue
            out = []
            for i, item in enumerate(items):
                place = key == "places"
                item = self.reader.mapping(
                    item,
                    "route",
                    line_of(items, i),
                    Phrase("report place {n}", n=i + 1) if place else Phrase("report ground {n}", n=i + 1),
                )
                if item is None:
                    continue
                step_id = self.reader.ident(item, Phrase("report place") if place else Phrase("report ground"))
                label = (
                    Phrase("report place '{id}'", id=step_id) if place else Phrase("report ground '{id}'", id=step_id)
                )
                out.append(
                    RouteStep(
                        step_id,
                        self.reader.bilingual(item, "label", field_label(label, "label")),
                        self.reader.id_list(item, "contacts", "contact", field_label(label, "contacts")),
                        self.reader.id_list(item, "entries", "entry", field_label(label, "entries")),
                        self.route_words(item, field_label(label, "words"), f"{key[:-1]}:{step_id}"),
                    )
                )
            steps[key] = tuple(out)
        unfair = self.route_words(node, Phrase("report: unfair"), "unfair", "unfair")
        return Routing(steps.get("places", ()), steps.get("grounds", ()), unfair)

    def route_words(self, item: LDict, label: Phrase, concept: str, key: str = "words") -> dict[str, tuple[str, ...]]:
        """A place's or ground's `words`, or the report's `unfair` words (triage): a non-empty list for
        pl and for en, each word a pattern as in the crisis concepts ("ciąż*", "w ciąży")."""
        if key not in item:
            return {}
        out = {}
        for lang, items in self.reader.bilingual_lists(item, key, label).items():
            kept = []
            for text, line in items:
                try:
                    compile_pattern(concept, text, lang)
                except PatternError as exc:
                    self.reader.problem(
                        line, Phrase("pattern {pattern} cannot be used: {reason}", pattern=repr(text), reason=str(exc))
                    )
                    continue
                kept.append(text)
            out[lang] = tuple(kept)
        return out


def read_synonyms(loader, node, line: int) -> None:
    """The `synonyms` groups, into the loader's synonyms; a word belongs to one group only."""
    if not isinstance(node, LList):
        loader.problem(
            line, Phrase("'synonyms' must be a list of groups, each a list of words: - [telefon, numer, phone]")
        )
        return
    for i, group in enumerate(node):
        gline = line_of(node, i)
        if not isinstance(group, LList) or len(group) < 2:
            loader.problem(gline, Phrase("a synonym group must be a list of at least two words"))
            continue
        words = []
        for j, word in enumerate(group):
            if not isinstance(word, str) or len(tokens(word)) != 1:
                loader.problem(line_of(group, j), Phrase("synonym '{word}' must be a single word", word=word))
                continue
            key = tokens(word)[0]
            if key in loader.synonym_lines:
                first_word, file, first = loader.synonym_lines[key]
                where = f"{file}:{first}"
                loader.problem(
                    line_of(group, j),
                    Phrase(
                        "synonym '{word}' is the same word as '{first}' in the group at {where}; a word can belong to "
                        "one group only",
                        word=word,
                        first=first_word,
                        where=where,
                    )
                    if first_word != word.strip()
                    else Phrase(
                        "synonym '{word}' is already listed in the group at {where}; a word can belong to "
                        "one group only",
                        word=word,
                        where=where,
                    ),
                )
                continue
            loader.synonym_lines[key] = (word.strip(), loader.file, line_of(group, j))
            words.append(word.strip())
        if len(words) >= 2:
            loader.synonyms.append(tuple(words))
