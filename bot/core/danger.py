"""Recognises a message from someone who may be in danger, before anything else is done with it.

Danger is modelled as situations, not sentences (all of it editor data in `knowledge/crisis.yaml`):
concepts (self, dying, pills, a bridge, hitting, a partner …) are found in the message by
`bot.core.concepts`; frames combine concepts that occur close together ("want" + "die"; "pills" +
"took" + "all"; a violence verb + "me"). A frame decides a tier — `crisis` (the emergency card
first) or `concern` (the answer, with a line about 112 on top) — and a situation, which picks the
card's helplines. Idioms ("my feet are killing me") are exceptions that cancel the words they
cover, except words of protected concepts (self-harm and its means); softeners (a game, a joke, a
question about the law) turn a crisis frame into concern unless the message says it is serious.
Recall matters more than precision: a needless card costs little, a missed one may cost a life.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.core.concepts import WORDS_KEPT, ConceptIndex, Found, Pattern, compile_pattern
from bot.core.danger_model import DangerModel, token_features
from bot.core.lexicon import Lexicon
from bot.core.model import DangerRules, Frame
from bot.core.text import word_count

EXCEPTION = "exception"
#: How far (in words) from a frame a softener may stand: a game, a joke or a question about the law
#: belong to the same part of the message, not to a story's other end.
SOFTENER_REACH = 20
#: How far from a frame a near softener (a date: "rok temu") may stand.
NEAR_REACH = 6
#: How far before a frame a local softener (an idiom's subject: "my feet are killing me") may stand.
LOCAL_REACH = 3
TIERS = ("concern", "crisis")
#: The frame named when the learnt back-off, not a frame, brought the card.
MODEL_FRAME = "model"


@dataclass(frozen=True)
class Danger:
    """What the check found: the tier, the situations (most specific first) and why."""

    tier: str  # "crisis" | "concern"
    situations: tuple[str, ...] = ()
    frame: str | None = None
    evidence: tuple[str, ...] = ()


def compile_patterns(rules: DangerRules) -> list[Pattern]:
    """Every concept pattern and exception of the rules (raises PatternError on a bad one)."""
    patterns = [
        compile_pattern(concept, text, lang)
        for concept, by_lang in rules.concepts.items()
        for lang, texts in by_lang.items()
        for text in texts
    ]
    patterns += [
        compile_pattern(EXCEPTION, text, lang, exact=True) for lang, texts in rules.exceptions.items() for text in texts
    ]
    return patterns


class DangerDetector:
    """Checks one message against the rules; pure, no I/O."""

    def __init__(self, rules: DangerRules, lexicon: Lexicon, model: DangerModel | None = None):
        self.rules = rules
        self.index = ConceptIndex(compile_patterns(rules), lexicon)
        self.model = model
        # The model's weights for each word's n-grams, kept for the words read most recently.
        self._known_of = lru_cache(maxsize=WORDS_KEPT)(self._word_weights)
        # Each frame's slots as sets: a frame whose slot has no concept in the message cannot apply.
        self._frame_slots = [(frame, tuple(frozenset(slot) for slot in frame.when)) for frame in rules.frames]
        self._signals = frozenset(rules.signals)

    def concepts(self, tokens: list[str]) -> Found:
        """The concepts found in the tokens, without the words that idioms cover. An idiom that names
        a protected concept (self-harm or its means) is not an exception at all."""
        found = self.index.find(tokens)
        spans = [(a, b) for a, b, _ in found.pop(EXCEPTION, [])]
        protected = set(self.rules.protected)
        spans = [
            (a, b) for a, b in spans if not any(a <= x and y <= b for c in protected for x, y, _ in found.get(c, ()))
        ]
        for concept in list(found) if spans else ():
            kept = [hit for hit in found[concept] if not any(a <= hit[0] and hit[1] <= b for a, b in spans)]
            if kept:
                found[concept] = kept
            else:
                del found[concept]
        return found

    def check(self, tokens: list[str]) -> Danger | None:
        """The danger in a message's folded tokens, or None: the rules' verdict, raised to the card
        when the learnt back-off is sure enough of a message the rules do not give the card to."""
        found = self.concepts(tokens)
        danger = self._by_rules(tokens, found)
        if self.model is None or danger is not None and danger.tier == "crisis":
            return danger
        known: dict[str, tuple[float, ...]] = {}
        for token in tokens:
            known.update(self._known_of(token))
        score = self.model.score_of(known.values())
        if score < self.model.threshold:
            return danger
        situations = list(
            danger.situations if danger and danger.situations else self.model.situations_of(known.values())
        )
        for refinement in self.rules.refinements:
            if refinement.situation in situations and refinement.concept in found and refinement.adds not in situations:
                situations.insert(0, refinement.adds)
        evidence = (danger.evidence if danger else ()) + (f"model {score:.2f}",)
        return Danger("crisis", tuple(situations), MODEL_FRAME, evidence)

    def _word_weights(self, token: str) -> tuple[tuple[str, tuple[float, ...]], ...]:
        """The model's weights for the n-grams of one word, as (n-gram, weights) pairs."""
        return tuple(self.model.known(token_features(token)).items()) if self.model else ()

    def _by_rules(self, tokens: list[str], found: Found) -> Danger | None:
        """What the frames, softeners and signals make of the concepts found."""
        if not found:
            return None
        present = set(found)
        serious = bool(self.rules.serious) and self.rules.serious in present
        best: list[tuple[int, Frame]] = []
        words = word_count(tokens)
        for frame, slots in self._frame_slots:
            if any(slot.isdisjoint(present) for slot in slots) or frame.max_words and words > frame.max_words:
                continue
            if any(
                all((c[1:] not in present) if c.startswith("!") else (c in present) for c in group)
                for group in frame.unless
            ):
                continue
            span = _occurs(frame, found)
            if span is None:
                continue
            tier = frame.tier
            if (
                tier == "crisis"
                and not serious
                and any(self._softens(group, found, span, frame) for group in frame.softened_by)
            ):
                tier = "concern"
            best.append((TIERS.index(tier), frame))
        if not best:
            signals = sorted(present & self._signals)
            if signals:
                return Danger("concern", (), None, tuple(_evidence(found, signals)))
            return None
        level = max(rank for rank, _ in best)
        frames = [frame for rank, frame in best if rank == level]
        situations: list[str] = []
        for frame in frames:
            if frame.situation not in situations:
                situations.append(frame.situation)
        for refinement in self.rules.refinements:
            if (
                refinement.situation in situations
                and refinement.concept in present
                and refinement.adds not in situations
            ):
                situations.insert(0, refinement.adds)
        concepts = sorted({c for frame in frames for slot in frame.when for c in slot if c in present})
        return Danger(TIERS[level], tuple(situations), frames[0].id, tuple(_evidence(found, concepts)))

    def _softens(self, group: tuple[str, ...], found: Found, span: tuple[int, int], frame: Frame) -> bool:
        """True when every concept of a softener group stands near the frame — and every "!concept"
        does not: local ones (an idiom's subject) just before it or right after, near ones (a date)
        within NEAR_REACH words, the rest within SOFTENER_REACH."""
        local, close = set(self.rules.local), set(self.rules.near)
        # The frame's own words are not its idiom's subject: "połamie mi nogi" has no subject "nogi".
        own = [
            (a, b) for slot in frame.when for c in slot for a, b, _ in found.get(c, ()) if span[0] <= a and b <= span[1]
        ]
        # ... and it is the subject of the danger word itself (a signal: "kill", "hit"), not of any word
        # in the frame's window ("he followed her from the tram stop shouting he will kill").
        core = [
            (a, b)
            for slot in frame.when
            for c in slot
            if c in self._signals
            for a, b, _ in found.get(c, ())
            if span[0] <= a and b <= span[1]
        ] or own
        for item in group:
            absent, concept = item.startswith("!"), item.lstrip("!")
            # An idiom's subject comes before its verb ("my feet are killing me"), or right after it.
            if concept in local:
                there = any(
                    any(c0 - LOCAL_REACH <= a and b <= c1 + 1 for c0, c1 in core) and not _inside((a, b), own)
                    for a, b, _ in found.get(concept, ())
                )
            else:
                reach = NEAR_REACH if concept in close else SOFTENER_REACH
                there = any(span[0] - reach <= a and b <= span[1] + reach for a, b, _ in found.get(concept, ()))
            if there == absent:
                return False
        return True


def _inside(hit: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """True when the hit lies within one of the spans."""
    return any(a <= hit[0] and hit[1] <= b for a, b in spans)


def _occurs(frame: Frame, found: Found) -> tuple[int, int] | None:
    """Where one window of the frame's width holds a concept of every slot: (first, last token), or None."""
    slots = []
    for slot in frame.when:
        hits = [(a, b) for concept in slot for a, b, _ in found.get(concept, ())]
        if not hits:
            return None
        slots.append(hits)
    for left in sorted({a for hits in slots for a, _ in hits}):
        right = left + frame.window
        inside = [[(a, b) for a, b in hits if left <= a and b < right] for hits in slots]
        if all(inside):
            return left, max(b for hits in inside for _, b in hits)
    return None


def _evidence(found: Found, concepts: list[str]) -> list[str]:
    return [f"{c}: {found[c][0][2].source!r}" for c in concepts if c in found]
