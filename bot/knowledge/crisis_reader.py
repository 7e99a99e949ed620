"""Reads the `crisis` block of the knowledge — situations, concepts, frames, exceptions — and says,
line by line, what an editor got wrong (an unknown concept in a frame, a pattern that cannot work)."""

from __future__ import annotations

import difflib

from bot.core.concepts import PatternError, compile_pattern
from bot.core.model import CARD_LANGS, Crisis, DangerRules, Frame, Refinement, Situation
from bot.core.phrase import Phrase
from bot.knowledge.schema import ShapeReader
from bot.knowledge.yaml_lines import LDict, LList, line_of

TIERS = ("crisis", "concern")
MAX_WINDOW = 60


class CrisisReader:
    """Reads one crisis block with the knowledge loader's shape checks, its problems reported through it."""

    def __init__(self, reader: ShapeReader) -> None:
        self.r = reader
        self.concept_lines: dict[str, int] = {}
        self.situation_ids: set[str] = set()

    def read(self, node, line: int) -> Crisis | None:
        r = self.r
        node = r.mapping(node, "crisis", line, Phrase("the crisis block"))
        if node is None:
            return None
        contacts = r.id_list(node, "contacts", "contact", Phrase("crisis contacts"))
        situations = self.situations(node)
        concepts = self.concepts(node)
        exceptions = self.exceptions(node)
        frames = self.frames(node)
        refinements = self.refinements(node)
        protected = self.concept_names(node, "protected")
        signals = self.concept_names(node, "signals")
        local = self.concept_names(node, "local")
        near = self.concept_names(node, "near")
        serious = r.text(node, "serious", Phrase("crisis serious"), required=False)
        if serious:
            self.check_concept(serious, line_of(node, "serious"), Phrase("crisis serious"))
        rules = DangerRules(concepts, frames, exceptions, protected, serious, signals, refinements, local, near)
        return Crisis(contacts, rules, situations)

    # -- parts -------------------------------------------------------------------------------

    def situations(self, node) -> tuple[Situation, ...]:
        r = self.r
        items = node.get("situations")
        if items is None:
            return ()
        if not isinstance(items, LList):
            r.problem(
                line_of(node, "situations"), Phrase("crisis situations must be a list (items starting with '- ')")
            )
            return ()
        out = []
        for i, item in enumerate(items):
            item = r.mapping(item, "situation", line_of(items, i), Phrase("crisis situation {n}", n=i + 1))
            if item is None:
                continue
            ident = r.ident(item, Phrase("crisis situation"))
            label = Phrase("crisis situation '{id}'", id=ident)
            if ident in self.situation_ids:
                r.problem(line_of(item, "id"), Phrase("{label} is defined twice", label=label))
                continue
            self.situation_ids.add(ident)
            contacts = r.id_list(item, "contacts", "contact", Phrase("{label} contacts", label=label))
            advice = (
                r.bilingual(item, "advice", Phrase("{label} advice", label=label), optional=CARD_LANGS[2:])
                if "advice" in item
                else {}
            )
            out.append(Situation(ident, contacts, advice))
        return tuple(out)

    def concepts(self, node) -> dict[str, dict[str, tuple[str, ...]]]:
        r = self.r
        block = node.get("concepts")
        if block is None:
            return {}
        if not isinstance(block, LDict):
            r.problem(
                line_of(node, "concepts"),
                Phrase("crisis concepts must be a mapping: a concept name, then its words per language"),
            )
            return {}
        out: dict[str, dict[str, tuple[str, ...]]] = {}
        for name, by_lang in block.items():
            label = Phrase("concept '{name}'", name=name)
            self.concept_lines[name] = line_of(block, name)
            if not isinstance(by_lang, LDict) or not by_lang:
                r.problem(
                    line_of(block, name),
                    Phrase("{label} must list its words per language (pl, en, uk, ru)", label=label),
                )
                out[name] = {}
                continue
            words = {}
            for lang, _items in by_lang.items():
                if lang not in CARD_LANGS:
                    r.problem(
                        line_of(by_lang, lang),
                        Phrase("{label}: unknown language '{lang}'; use pl, en, uk or ru", label=label, lang=lang),
                    )
                    continue
                words[lang] = self.patterns(
                    name, lang, r.string_list(by_lang, lang, Phrase("{label} ({lang})", label=label, lang=lang))
                )
            out[name] = words
        return out

    def patterns(self, concept: str, lang: str, items, exact: bool = False) -> tuple[str, ...]:
        kept = []
        for text, line in items:
            try:
                compile_pattern(concept, text, lang, exact)
            except PatternError as exc:
                self.r.problem(
                    line, Phrase("pattern {pattern} cannot be used: {reason}", pattern=repr(text), reason=str(exc))
                )
                continue
            kept.append(text)
        return tuple(kept)

    def exceptions(self, node) -> dict[str, tuple[str, ...]]:
        r = self.r
        block = node.get("exceptions")
        if block is None:
            return {}
        if not isinstance(block, LDict):
            r.problem(
                line_of(node, "exceptions"), Phrase("crisis exceptions must list idioms per language (pl, en, uk, ru)")
            )
            return {}
        out = {}
        for lang, _items in block.items():
            if lang not in CARD_LANGS:
                r.problem(
                    line_of(block, lang),
                    Phrase("crisis exceptions: unknown language '{lang}'; use pl, en, uk or ru", lang=lang),
                )
                continue
            label = Phrase("crisis exceptions ({lang})", lang=lang)
            out[lang] = self.patterns("exception", lang, r.string_list(block, lang, label), exact=True)
        return out

    def frames(self, node) -> tuple[Frame, ...]:
        r = self.r
        items = node.get("frames")
        if items is None:
            return ()
        if not isinstance(items, LList):
            r.problem(line_of(node, "frames"), Phrase("crisis frames must be a list (items starting with '- ')"))
            return ()
        out, seen = [], set()
        for i, item in enumerate(items):
            fline = line_of(items, i)
            item = r.mapping(item, "frame", fline, Phrase("crisis frame {n}", n=i + 1))
            if item is None:
                continue
            ident = r.ident(item, Phrase("crisis frame"))
            label = Phrase("frame '{id}'", id=ident)
            if ident in seen:
                r.problem(line_of(item, "id"), Phrase("{label} is defined twice", label=label))
            seen.add(ident)
            when = self.groups(item, "when", label, slots=True)
            if not when:
                r.problem(fline, Phrase("{label} needs 'when': the concepts that must appear", label=label))
            situation = r.text(item, "situation", Phrase("{label} situation", label=label))
            if situation and situation not in self.situation_ids:
                close = difflib.get_close_matches(situation, sorted(self.situation_ids), n=1)
                r.problem(
                    line_of(item, "situation"),
                    Phrase(
                        "{label}: there is no situation '{situation}' (did you mean '{close}'?)",
                        label=label,
                        situation=situation,
                        close=close[0],
                    )
                    if close
                    else Phrase(
                        "{label}: there is no situation '{situation}'; situations: {known}",
                        label=label,
                        situation=situation,
                        known=", ".join(sorted(self.situation_ids)),
                    ),
                )
            tier = r.text(item, "tier", Phrase("{label} tier", label=label), required=False) or "crisis"
            if tier not in TIERS:
                r.problem(
                    line_of(item, "tier"),
                    Phrase("{label} tier must be crisis or concern, not '{tier}'", label=label, tier=tier),
                )
            window = self.window(item, label)
            out.append(
                Frame(
                    ident,
                    when,
                    situation,
                    tier,
                    window,
                    self.groups(item, "unless", label),
                    self.groups(item, "softened_by", label),
                    self.number(item, "max_words", label, 0),
                )
            )
        return tuple(out)

    def window(self, item, label: Phrase) -> int:
        return self.number(item, "window", label, Frame.window)

    def number(self, item, key: str, label: Phrase, default: int) -> int:
        raw = item.get(key)
        if raw is None:
            return default
        if not isinstance(raw, str) or not raw.isdigit() or not 1 <= int(raw) <= MAX_WINDOW:
            self.r.problem(
                line_of(item, key),
                Phrase(
                    "{label} {key} must be a number of words from 1 to {most}", label=label, key=key, most=MAX_WINDOW
                ),
            )
            return default
        return int(raw)

    def groups(self, item, key: str, label: Phrase, slots: bool = False) -> tuple[tuple[str, ...], ...]:
        """`when` slots (each: any one of its concepts) or `unless`/`softened_by` groups (each: all of them)."""
        raw = item.get(key)
        if raw is None:
            return ()
        what = Phrase("{label} {key}", label=label, key=key)
        if not isinstance(raw, LList):
            self.r.problem(line_of(item, key), Phrase("{what} must be a list of concepts", what=what))
            return ()
        out = []
        for i, entry in enumerate(raw):
            names = [entry] if isinstance(entry, str) else list(entry) if isinstance(entry, LList) else None
            if not names or not all(isinstance(n, str) for n in names):
                self.r.problem(
                    line_of(raw, i),
                    Phrase("{what}: item {n} must be a concept or a list of concepts", what=what, n=i + 1),
                )
                continue
            for name in names:
                if slots and name.startswith("!"):
                    self.r.problem(
                        line_of(raw, i),
                        Phrase("{what}: '!' (absent) is for softened_by and unless, not for when", what=what),
                    )
                self.check_concept(name.lstrip("!"), line_of(raw, i), what)
            out.append(tuple(names))
        return tuple(out)

    def refinements(self, node) -> tuple[Refinement, ...]:
        r = self.r
        items = node.get("refinements")
        if items is None:
            return ()
        if not isinstance(items, LList):
            r.problem(line_of(node, "refinements"), Phrase("crisis refinements must be a list"))
            return ()
        out = []
        for i, item in enumerate(items):
            rline = line_of(items, i)
            label = Phrase("crisis refinement {n}", n=i + 1)
            item = r.mapping(item, "refinement", rline, label)
            if item is None:
                continue
            situation, adds = (
                r.text(item, k, Phrase("{label} {key}", label=label, key=k)) for k in ("situation", "adds")
            )
            concept = r.text(item, "concept", Phrase("{label} concept", label=label))
            for value in (situation, adds):
                if value and value not in self.situation_ids:
                    r.problem(
                        rline, Phrase("{label}: there is no situation '{situation}'", label=label, situation=value)
                    )
            if concept:
                self.check_concept(concept, rline, label)
            out.append(Refinement(situation, concept, adds))
        return tuple(out)

    def concept_names(self, node, key: str) -> tuple[str, ...]:
        label = Phrase("crisis {key}", key=key)
        items = self.r.string_list(node, key, label)
        for name, line in items:
            self.check_concept(name, line, label)
        return tuple(name for name, _ in items)

    def check_concept(self, name: str, line: int, what: Phrase) -> None:
        if name in self.concept_lines:
            return
        close = difflib.get_close_matches(name, sorted(self.concept_lines), n=1)
        self.r.problem(
            line,
            Phrase(
                "{what}: there is no concept '{name}' (did you mean '{close}'?)", what=what, name=name, close=close[0]
            )
            if close
            else Phrase("{what}: there is no concept '{name}'", what=what, name=name),
        )
