"""What the core needs to know about words: lemmas and which language a word belongs to."""

from __future__ import annotations

from typing import Protocol


class Lexicon(Protocol):
    """Word knowledge for folded (lower-case, diacritic-free) tokens of Polish, English, Ukrainian and Russian."""

    def lemma(self, token: str, lang: str) -> str | None:
        """The folded lemma of `token` in `lang` ("pl" | "en" | "uk" | "ru"), or None if the word is unknown there."""

    def lemmas(self, token: str, lang: str) -> tuple[str, ...]:
        """Every folded lemma `token` may stand for in `lang` (folding merges words: "noz" is nóż and more)."""


class NoLexicon:
    """A lexicon that knows no words: every token is its own lemma (for tests of other parts)."""

    def lemma(self, token: str, lang: str) -> str | None:
        return None

    def lemmas(self, token: str, lang: str) -> tuple[str, ...]:
        return ()
