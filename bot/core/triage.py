"""Triage: the grounds and settings of the /report routing a message mentions, and the entry they lead to."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.concepts import ConceptIndex, Found, Pattern, PatternError, compile_pattern
from bot.core.lexicon import Lexicon
from bot.core.model import LANGS, RouteStep, Routing
from bot.core.text import SENTENCE_BREAK, word_count

PLACE, GROUND, UNFAIR = "place", "ground", "unfair"
#: How far another routed entry must outscore a setting's general (first) entry to be chosen instead.
GENERAL_MARGIN = 0.1
#: A message this long that names a setting and a ground tells a case (a story) even without an
#: `unfair` word; a shorter one ("bilet MPK dla seniora") needs one.
STORY_WORDS = 20
#: Least matcher score that counts as an entry sharing words with the message.
SCORED = 0.2


@dataclass(frozen=True)
class Mention:
    """A place or ground of the routing the message names, with the message's words that named it."""

    kind: str  # PLACE | GROUND
    step: RouteStep
    words: tuple[str, ...]
    first: int  # position of its first word in the message


@dataclass(frozen=True)
class Reading:
    """What triage understood: where it happened, on what ground, and the entry to answer with."""

    place: Mention
    ground: Mention
    entry: str
    both: bool = False  # the setting and the ground both list the entry
    scored: bool = False  # the matcher scored the entry (it shares words with the message)
    named: tuple[RouteStep, ...] = ()  # every place and ground the message names


def step_patterns(routing: Routing | None) -> list[Pattern]:
    """The compiled `words` of every place and ground, and the `unfair` words (a pattern that cannot
    be compiled is left out; the loader reports it)."""
    if routing is None:
        return []
    words = [
        (f"{kind}:{step.id}", step.words)
        for kind, steps in ((PLACE, routing.places), (GROUND, routing.grounds))
        for step in steps
    ] + [(UNFAIR, routing.unfair)]
    patterns = []
    for concept, by_lang in words:
        for lang in LANGS:
            for word in by_lang.get(lang, ()):
                try:
                    patterns.append(compile_pattern(concept, word, lang))
                except PatternError:
                    continue
    return patterns


class Triage:
    """Reads a message as a ground in a setting, with the words of the routing table."""

    def __init__(self, routing: Routing | None, lexicon: Lexicon) -> None:
        self.routing = routing
        patterns = step_patterns(routing)
        self.index = ConceptIndex(patterns, lexicon) if patterns else None
        self._routed = routed_entries(routing) if routing else frozenset()

    def mentions(self, tokens: list[str]) -> list[Mention]:
        """The places and grounds the message (danger tokens) names, in the order it names them."""
        if self.index is None or self.routing is None:
            return []
        return _mentions(self.routing, tokens, self.index.find(tokens))

    def contradicts(self, reading: Reading, entry_id: str) -> bool:
        """True when an entry is one of the routing's (a case of some setting or ground) but not one for
        this case: neither the reading's setting nor its ground lists it (a club's refusal is no answer
        for a case at work), or the reading found an entry both list and this one is not such (work
        discrimination in general, when the setting and the ground agree on pregnancy at work) - and no
        other place or ground the message names lists it, and the reading's own entry shares words with
        the message (the matcher scored it)."""
        if self.routing is None or entry_id == reading.entry or entry_id not in self._routed or not reading.scored:
            return False
        if any(
            entry_id in step.entries
            for step in reading.named
            if step is not reading.place.step and step is not reading.ground.step
        ):
            return False  # another place or ground the message names lists it
        in_place, in_ground = entry_id in reading.place.step.entries, entry_id in reading.ground.step.entries
        return not (in_place and in_ground) if reading.both else not (in_place or in_ground)

    def read(self, tokens: list[str], scores: dict[str, float] | None = None) -> Reading | None:
        """The best (place, ground) the message names that routes to an entry, and that entry; None
        unless it names at least one of each and (when the routing has `unfair` words) says that
        someone was treated unfairly or why, or tells a story (STORY_WORDS words or more). `scores`
        are the matcher's scores of entries."""
        if self.index is None or self.routing is None:
            return None
        scores = scores or {}
        found = self.index.find(tokens)
        if self.routing.unfair and not found.get(UNFAIR) and word_count(tokens) < STORY_WORDS:
            return None
        mentions = _mentions(self.routing, tokens, found)
        places = [m for m in mentions if m.kind == PLACE]
        grounds = [m for m in mentions if m.kind == GROUND]
        best: tuple[tuple[bool, float, int], Reading] | None = None
        for place in places:
            for ground in grounds:
                other_places = frozenset(e for p in self.routing.places if p.id != place.step.id for e in p.entries)
                other_grounds = frozenset(e for g in self.routing.grounds if g.id != ground.step.id for e in g.entries)
                entry, both = pick_entry(place.step, ground.step, scores, other_places, other_grounds)
                if entry is None:
                    continue
                key = (both, scores.get(entry, 0.0), -(place.first + ground.first))
                if best is None or key > best[0]:
                    best = (
                        key,
                        Reading(
                            place,
                            ground,
                            entry,
                            both,
                            scores.get(entry, 0.0) >= SCORED,
                            tuple(m.step for m in mentions),
                        ),
                    )
        return best[1] if best else None


def _mentions(routing: Routing, tokens: list[str], found: Found) -> list[Mention]:
    """The routing's places and grounds among the concepts found, in the order the message names them."""
    out = []
    for concept, spans in found.items():
        if concept == UNFAIR:
            continue
        kind, _, step_id = concept.partition(":")
        step = routing.place(step_id) if kind == PLACE else routing.ground(step_id)
        if step is None or not spans:
            continue
        words = tuple(
            dict.fromkeys(
                " ".join(t for t in tokens[a : b + 1] if t != SENTENCE_BREAK)
                for a, b, _ in sorted(spans, key=lambda s: s[0])
            )
        )
        out.append(Mention(kind, step, words, min(a for a, _, _ in spans)))
    return sorted(out, key=lambda m: (m.first, m.kind))


def routed_entries(routing: Routing) -> frozenset[str]:
    """Every entry some place or ground of the routing lists."""
    return frozenset(e for step in routing.places + routing.grounds for e in step.entries)


def pick_entry(
    place: RouteStep,
    ground: RouteStep,
    scores: dict[str, float],
    other_places: frozenset[str] = frozenset(),
    other_grounds: frozenset[str] = frozenset(),
) -> tuple[str | None, bool]:
    """The entry for a place and a ground, and whether both list it: of the entries both list, the
    one the matcher scored highest, when it scored any; else the highest scored of the place's entries
    no other ground lists and the ground's entries no other place lists (those are about another
    ground or setting: a club's refusal is no answer for work) - the place's first of them, its
    general answer, unless another scores GENERAL_MARGIN more; else the first entry both list; else
    the place's first such entry."""
    both = [e for e in place.entries if e in ground.entries]
    if any(e in scores for e in both):
        return max(both, key=lambda e: scores.get(e, 0.0)), True
    own = [e for e in place.entries if e not in other_grounds]
    routed = own + [e for e in ground.entries if e not in other_places and e not in own]
    scored = [e for e in routed if e in scores]
    if scored:
        top = max(scored, key=lambda e: scores[e])
        general = own[0] if own else None  # a setting's first entry is its general answer
        if general is not None and scores.get(general, 0.0) >= scores[top] - GENERAL_MARGIN:
            return general, False
        return top, False
    if both:
        return both[0], True
    first = own + list(place.entries) + routed
    return (first[0] if first else None), False
