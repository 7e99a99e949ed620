"""The learnt back-off behind the danger rules: how likely a message is from someone in danger, read
from the character n-grams of its words, for the phrasings no concept has yet.

A logistic regression trained by `scripts/train_danger_model.py` on the crisis corpus
(`tests/data/crisis/dev-*.yaml`, never the blind part) and the project's in-scope questions; it only
ever adds the emergency card to what the rules decide, never takes it away. Pure: the weights are
read by `bot.knowledge.danger_model_reader`.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from bot.core.text import SENTENCE_BREAK

#: The n-gram lengths read from every word, padded with a space on each side (" tabl", "etki ").
NGRAMS = (3, 4, 5)


def features(tokens: Iterable[str]) -> set[str]:
    """The n-grams of the danger tokens' words; a short word is one feature, whole (" zyc ")."""
    out: set[str] = set()
    for token in tokens:
        out |= token_features(token)
    return out


def token_features(token: str) -> frozenset[str]:
    """The n-grams of one word (none for a sentence break)."""
    if token == SENTENCE_BREAK:
        return frozenset()
    padded = f" {token} "
    if len(padded) <= max(NGRAMS):
        return frozenset((padded,))
    return frozenset(padded[i : i + n] for n in NGRAMS for i in range(len(padded) - n + 1))


@dataclass(frozen=True)
class DangerModel:
    """Weights per n-gram: the first for danger, then one per situation (in `situations` order)."""

    weights: Mapping[str, tuple[float, ...]]
    bias: float
    threshold: float
    situations: tuple[str, ...]
    situation_bias: tuple[float, ...]

    def known(self, grams: Iterable[str]) -> dict[str, tuple[float, ...]]:
        """The weights of those n-grams the model has."""
        return {f: w for f in grams if (w := self.weights.get(f)) is not None}

    def score(self, tokens: Iterable[str]) -> float:
        """The probability (0–1) that the message is from someone who may be in danger."""
        return self.score_of(self.known(features(tokens)).values())

    def score_of(self, known: Collection[tuple[float, ...]]) -> float:
        """`score` from the weights of a message's distinct known n-grams (summed exactly, in any order)."""
        if not known:
            return 0.0
        z = self.bias + math.fsum(w[0] for w in known) / math.sqrt(len(known))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def likely_situations(self, tokens: Iterable[str], count: int = 2) -> tuple[str, ...]:
        """The `count` situations the message most likely describes, most likely first."""
        return self.situations_of(self.known(features(tokens)).values(), count)

    def situations_of(self, known: Collection[tuple[float, ...]], count: int = 2) -> tuple[str, ...]:
        """`likely_situations` from the weights of a message's distinct known n-grams."""
        norm = math.sqrt(len(known)) or 1.0
        scores = [
            self.situation_bias[s] + math.fsum(w[1 + s] for w in known) / norm for s in range(len(self.situations))
        ]
        ranked = sorted(range(len(self.situations)), key=lambda s: scores[s], reverse=True)
        return tuple(self.situations[s] for s in ranked[:count])
