"""What the core needs to know about words: lemmas, which language a word belongs to, how common it is."""

from __future__ import annotations

from typing import Protocol


class Lexicon(Protocol):
    """Word knowledge for folded (lower-case, diacritic-free) tokens of Polish, English, Ukrainian and Russian.
    A lexicon never changes and is hashable: what is read from it may be kept, keyed by it."""

    def __hash__(self) -> int: ...

    def lemma(self, token: str, lang: str) -> str | None:
        """The folded lemma of `token` in `lang` ("pl" | "en" | "uk" | "ru"), or None if the word is unknown there."""

    def lemmas(self, token: str, lang: str) -> tuple[str, ...]:
        """Every folded lemma `token` may stand for in `lang` (folding merges words: "noz" is nóż and more)."""

    def zipf(self, token: str, lang: str) -> float:
        """How common the folded word is in `lang` ("pl" | "en"): log10 of its uses per billion words
        (about 7 for "the", 5.6 for "między", 3 for "landlady"); 0.0 for a rare or unknown word."""


class NoLexicon:
    """A lexicon that knows no words: every token is its own lemma (for tests of other parts)."""

    def lemma(self, token: str, lang: str) -> str | None:
        return None

    def lemmas(self, token: str, lang: str) -> tuple[str, ...]:
        return ()

    def zipf(self, token: str, lang: str) -> float:
        return 0.0
