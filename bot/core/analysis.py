"""Turns text into matching terms: folded tokens, lemmatised, without function words."""

from __future__ import annotations

from functools import lru_cache

from bot.core import stopwords
from bot.core.lexicon import Lexicon
from bot.core.text import expand_contractions, skeleton
from bot.core.text import tokens as split_tokens
from bot.core.translit import cyrillic_spelling, written_in_latin_cyrillic

_STOP = stopwords.POLISH | stopwords.ENGLISH | stopwords.UKRAINIAN | stopwords.RUSSIAN
# The lexicon tried when the text's own language does not know a word: Polish and English words mix
# in one message, and so do Ukrainian and Russian ones (Surzhyk).
_OTHER = {"pl": "en", "en": "pl", "uk": "ru", "ru": "uk"}
# A word in the other script than the text's language (a Polish word in a Ukrainian question, a
# Cyrillic word in a Polish one) is read in the first language of its own script.
_LATIN = ("pl", "en")
_SCRIPT_DEFAULT = {True: "pl", False: "uk"}


class Analyzer:
    """Lemmatises folded tokens with a lexicon, preferring the text's own language, and maps
    words of one synonym group ("telefon", "numer", "phone") to the group's first word."""

    def __init__(self, lexicon: Lexicon, synonyms: tuple[tuple[str, ...], ...] = ()) -> None:
        self.lexicon = lexicon
        self.term = lru_cache(maxsize=50_000)(self._term)
        self.canonical: dict[str, str] = {}
        self.listed: dict[str, str] = {}  # a word written in a group, as written (folded): its group
        for group in synonyms:
            forms = [self._forms(word) for word in group]
            head = self._term(split_tokens(group[0])[0], "pl") if split_tokens(group[0]) else ""
            for word_forms in forms:
                for form in word_forms:
                    self.canonical.setdefault(form, head)
            for word in group:
                folded = split_tokens(word)
                if len(folded) == 1:
                    self.listed.setdefault(skeleton(folded[0]), head)
        self.matching_term = lru_cache(maxsize=50_000)(self._matching_term)

    def _forms(self, word: str) -> set[str]:
        folded = split_tokens(word)
        if len(folded) != 1:
            return set()
        token = folded[0]
        forms = {token, skeleton(token)}
        for lang in _OTHER:
            lemma = self.lexicon.lemma(token, lang)
            if lemma:
                forms |= {lemma, skeleton(lemma)}
        return forms

    def _term(self, token: str, lang: str) -> str:
        if token.isdigit():
            return token
        own = lang if token.isascii() == (lang in _LATIN) else _SCRIPT_DEFAULT[token.isascii()]
        return skeleton(self.lexicon.lemma(token, own) or self.lexicon.lemma(token, _OTHER[own]) or token)

    def _matching_term(self, token: str, lang: str) -> str:
        # A word an editor wrote in a group belongs to that group, whatever the lemmatiser makes of it
        # (Ukrainian "лгбт" is not "геї").
        listed = self.listed.get(skeleton(token))
        if listed is not None and not token.isascii():
            return listed
        term = self._term(token, lang)
        return self.canonical.get(term) or self.canonical.get(token) or term

    def is_word(self, token: str, lang: str | None = None) -> bool:
        """True when the lexicon knows the token in `lang`, or in any language when None."""
        if lang in _OTHER:
            return self.lexicon.lemma(token, lang) is not None
        return any(self.lexicon.lemma(token, other) is not None for other in _OTHER)

    def terms(self, text: str, lang: str) -> list[tuple[str, str]]:
        """(surface token, term) pairs for the content words of `text`, in order, without repeats. A
        Ukrainian text typed in Latin letters is read as the Cyrillic it stands for, as questions are."""
        tokens = split_tokens(text)
        if lang in ("uk", "ru") and written_in_latin_cyrillic(tokens, self.lexicon):
            tokens = self.cyrillic_reading(tokens)
        return self.terms_of_tokens(tokens, lang)

    def cyrillic_reading(self, tokens: list[str]) -> list[str]:
        """Latin-typed Ukrainian or Russian tokens as the Cyrillic words they stand for (others unchanged)."""
        return [cyrillic_spelling(t, self.lexicon) or t for t in tokens]

    def terms_of_tokens(self, tokens: list[str], lang: str) -> list[tuple[str, str]]:
        """Like `terms`, for tokens already split and folded; English contractions are written out
        first ("won't" is "will not", not the verb "won")."""
        seen: set[str] = set()
        out = []
        for token in expand_contractions(tokens):
            if token in _STOP or (len(token) == 1 and not token.isdigit()):
                continue
            term = self.matching_term(token, lang)
            if term in _STOP or term in seen:
                continue
            seen.add(term)
            out.append((token, term))
        return out
