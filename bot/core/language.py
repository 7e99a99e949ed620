"""Tells Polish from English in a short, messy message, and picks the reply language."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core import stopwords
from bot.core.lexicon import Lexicon
from bot.core.text import has_polish_letters

_PL_ONLY = (stopwords.POLISH | stopwords.QUESTION_POLISH) - stopwords.ENGLISH - stopwords.QUESTION_ENGLISH
_EN_ONLY = (stopwords.ENGLISH | stopwords.QUESTION_ENGLISH) - stopwords.POLISH - stopwords.QUESTION_POLISH
# One dictionary word is not enough ("lgbt" is in the English list, "helo" is a Polish form).
MIN_EVIDENCE = 1.5


@dataclass(frozen=True)
class LanguageGuess:
    """Evidence for each language and the verdict (None when the message is not clearly either)."""

    lang: str | None
    pl: float
    en: float

    @property
    def leaning(self) -> str | None:
        """The language with more evidence, however little; None on a tie."""
        return "pl" if self.pl > self.en else "en" if self.en > self.pl else None

    @property
    def weak(self) -> str | None:
        """The language that at least one word and no more than half as much counter-evidence favour."""
        lang = self.leaning
        if lang is None:
            return None
        mine, other = (self.pl, self.en) if lang == "pl" else (self.en, self.pl)
        return lang if mine >= 1.0 and mine >= 2 * other else None


def detect(text: str, tokens: list[str], lexicon: Lexicon) -> LanguageGuess:
    """Weigh function words, Polish letters and dictionary membership; clear winners only."""
    pl = 3.0 if has_polish_letters(text) else 0.0
    en = 0.0
    for token in tokens:
        if token.isdigit():
            continue
        if token in _PL_ONLY:
            pl += 1.5
        elif token in _EN_ONLY:
            en += 1.5
        in_pl = lexicon.lemma(token, "pl") is not None
        in_en = lexicon.lemma(token, "en") is not None
        if in_pl and not in_en:
            pl += 1.0
        elif in_en and not in_pl:
            en += 1.0
        elif in_pl and in_en:
            pl += 0.25
            en += 0.25
    lang = None
    if pl >= MIN_EVIDENCE and pl >= 1.5 * en:
        lang = "pl"
    elif en >= MIN_EVIDENCE and en >= 1.5 * pl:
        lang = "en"
    return LanguageGuess(lang, pl, en)


def reply_language(guess: LanguageGuess, preferred: str | None, phrase: str | None = None,
                   variant: str | None = None) -> str:
    """The message's language when clear; else the resident's preference; else the language of a
    whole phrase recognised (small talk, crisis trigger); else the language weak evidence favours;
    else the language of the question variant matched; else any lean at all; else Polish."""
    for lang in (guess.lang, preferred, phrase, guess.weak, variant, guess.leaning):
        if lang in ("pl", "en"):
            return lang
    return "pl"
