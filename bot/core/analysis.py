"""Turns text into matching terms: folded tokens, lemmatised, without function words."""

from __future__ import annotations

from functools import lru_cache

from bot.core import stopwords
from bot.core.lexicon import Lexicon
from bot.core.text import tokens as split_tokens

_STOP = stopwords.POLISH | stopwords.ENGLISH
_OTHER = {"pl": "en", "en": "pl"}


class Analyzer:
    """Lemmatises folded tokens with a lexicon, preferring the text's own language."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.term = lru_cache(maxsize=50_000)(self._term)

    def _term(self, token: str, lang: str) -> str:
        if token.isdigit():
            return token
        return self.lexicon.lemma(token, lang) or self.lexicon.lemma(token, _OTHER[lang]) or token

    def is_word(self, token: str) -> bool:
        """True when the lexicon knows the token in either language."""
        return self.lexicon.lemma(token, "pl") is not None or self.lexicon.lemma(token, "en") is not None

    def terms(self, text: str, lang: str) -> list[tuple[str, str]]:
        """(surface token, term) pairs for the content words of `text`, in order, without repeats."""
        return self.terms_of_tokens(split_tokens(text), lang)

    def terms_of_tokens(self, tokens: list[str], lang: str) -> list[tuple[str, str]]:
        """Like `terms`, for tokens already split and folded."""
        seen: set[str] = set()
        out = []
        for token in tokens:
            if token in _STOP or (len(token) == 1 and not token.isdigit()):
                continue
            term = self.term(token, lang)
            if term in _STOP or term in seen:
                continue
            seen.add(term)
            out.append((token, term))
        return out
