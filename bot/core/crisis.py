"""Recognises a message from someone who may be in danger, before anything else is done with it.

Triggers are phrases from the knowledge (`crisis.triggers`). A trigger matches when each of its
words appears, in any order, within a short window of the message, compared as lemmas and also
as written, so inflected, diacritic-free and slightly misspelt forms are caught. Recall matters
more than precision here: a needless emergency card costs little, a missed one may cost a life.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.core.analysis import Analyzer
from bot.core.model import LANGS
from bot.core.text import tokens as split_tokens

WINDOW_SLACK = 3
# Pronouns match only as written: their lemmas merge "me" with "I" and "mnie" with "ja", which
# would turn "an attack I witnessed" into "attacking me".
PRONOUNS = frozenset("i me my mine myself he him his she her it we us you ja mnie mi mna moj moja moje "
                     "sie siebie sobie on ona ono go jej jemu ich nas".split())


@dataclass(frozen=True)
class Trigger:
    """A compiled crisis phrase: one set of accepted forms per word."""

    text: str
    lang: str
    words: tuple[frozenset[str], ...]


class CrisisDetector:
    """Checks a message against every crisis trigger of both languages."""

    def __init__(self, triggers: dict[str, tuple[str, ...]], analyzer: Analyzer):
        self.analyzer = analyzer
        self.triggers: list[Trigger] = []
        self.vocabulary: set[str] = set()
        for lang in LANGS:
            for phrase in triggers.get(lang, ()):
                words = tuple(self._forms(token, lang) for token in split_tokens(phrase))
                if words:
                    self.triggers.append(Trigger(phrase, lang, words))
                    for forms in words:
                        self.vocabulary |= forms
        self._fuzzy_vocabulary = sorted(f for f in self.vocabulary if len(f) >= 5)
        # Triggers by the forms of their first word: a trigger can only match where that word is.
        self._by_first_form: dict[str, list[int]] = defaultdict(list)
        for i, trigger in enumerate(self.triggers):
            for form in trigger.words[0]:
                self._by_first_form[form].append(i)

    def _forms(self, token: str, lang: str) -> frozenset[str]:
        if token in PRONOUNS:
            return frozenset({token})
        forms = {token, self.analyzer.term(token, lang)}
        for other in LANGS:
            lemma = self.analyzer.lexicon.lemma(token, other)
            if lemma:
                forms.add(lemma)
        return frozenset(forms)

    def _message_forms(self, token: str) -> set[str]:
        forms = {token}
        if token in PRONOUNS:
            return forms
        for lang in LANGS:
            lemma = self.analyzer.lexicon.lemma(token, lang)
            if lemma:
                forms.add(lemma)
        if forms.isdisjoint(self.vocabulary) and len(token) >= 5 and not self.analyzer.is_word(token):
            cutoff = 78 if len(token) >= 8 else 84
            found = process.extractOne(token, self._fuzzy_vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff)
            if found:
                forms.add(found[0])
        return forms

    def check(self, tokens: list[str]) -> Trigger | None:
        """The first trigger found in the message's folded tokens, or None."""
        positions: dict[str, list[int]] = defaultdict(list)
        for i, token in enumerate(tokens):
            for form in self._message_forms(token) & self.vocabulary:
                positions[form].append(i)
        if not positions:
            return None
        candidates = sorted({i for form in positions for i in self._by_first_form.get(form, ())})
        for i in candidates:
            if self._occurs(self.triggers[i], positions):
                return self.triggers[i]
        return None

    @staticmethod
    def _occurs(trigger: Trigger, positions: dict[str, list[int]]) -> bool:
        spots = []
        for forms in trigger.words:
            where = sorted({p for f in forms for p in positions.get(f, ())})
            if not where:
                return False
            spots.append(where)
        if len(spots) == 1:
            return True
        window = len(spots) + WINDOW_SLACK
        return any(all(any(abs(p - q) < window for q in other) for other in spots[1:]) for p in spots[0])
