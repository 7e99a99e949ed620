"""Finds concepts in a message: editor-written word patterns matched as lemmas, stems or exact forms,
with or without Polish letters, tolerating typos, in any of the four languages.

A pattern is one or more words; a phrase's words must come in order with at most a few other words
between them. Each word is written as
- `word`    any inflected form of the word (compared as lemmas), and small typos;
- `stem*`   any word that starts with the stem;
- `=form`   only this form (no other inflections, no typos);
- `#10+`    a number of at least 10.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeAlias

from rapidfuzz import fuzz, process

from bot.core.lexicon import Lexicon
from bot.core.text import SENTENCE_BREAK, SOFT_SIGN, expand_contractions, word_list
from bot.core.text import tokens as split_tokens
from bot.core.translit import latin_cyrillic, to_cyrillic

LEXICON_LANGS = ("pl", "en", "uk", "ru")
#: Most other words allowed between two consecutive words of a phrase: one in a two-word phrase or
#: next to a short word ("jak pomóc" is not "jak pisać po pomoc"), none next to a reflexive pronoun
#: ("zabić się" is not "zabije, jak się spóźnię").
PHRASE_GAP = 2
SHORT = 2
ADJACENT = frozenset({"sie", "себе", "себя", "собі"})
#: A Polish, Ukrainian or Russian negation stands right before its word ("nie chcę", not "nie
#: grozi, chcę"), with only such adverbs as "już" between.
NEGATIONS = frozenset({"nie", "не"})
#: Words that may stand between a reflexive pronoun and its verb ("się znowu tnę"), at most three.
REFLEXIVE_REACH = 3
CLITIC_TRANSPARENT = frozenset(
    word_list("""
znowu znow juz chyba dzis dzisiaj zaraz tez teraz naprawde wreszcie sam sama
ciagle czasem wtedy jeszcze nie rano wieczorem jutro wiecej nigdy po prostu
tak mocno w ogole
""")
)
MIN_STEM = 3
MIN_FUZZY = 5
#: How many of the words read most recently keep what they are (a message's words recur in the next ones).
WORDS_KEPT = 50_000


class PatternError(ValueError):
    """A pattern cannot be compiled; the message says why."""


@dataclass(frozen=True)
class Word:
    """One word of a pattern, compiled."""

    kind: str  # "word" | "stem" | "exact" | "number"
    text: str  # folded form, stem, or the least number
    lang: str


@dataclass(frozen=True)
class Pattern:
    """A compiled pattern: the concept it belongs to and its words in order."""

    concept: str
    source: str
    lang: str
    words: tuple[Word, ...]


#: Where each concept occurs in a message: concept -> [(first token, last token, pattern)].
Found: TypeAlias = dict[str, list[tuple[int, int, Pattern]]]


def compile_words(raw: str, lang: str, exact: bool = False) -> list[Word]:
    """The words of one whitespace-separated piece of a pattern in its editor's notation (a piece
    such as "don't" or "кто-то" is several words, as messages are read)."""
    raw = raw.strip()
    if raw.startswith("#") and raw.endswith("+") and raw[1:-1].isdigit():
        return [Word("number", raw[1:-1], lang)]
    kind = "exact" if exact else "word"
    if raw.startswith("="):
        kind, raw = "exact", raw[1:]
    elif raw.endswith("*"):
        kind, raw = "stem", raw[:-1]
    parts = expand_contractions(split_tokens(raw))
    if not parts:
        raise PatternError(f"'{raw}' has no letters or digits")
    if kind == "stem":
        if len(parts) != 1:
            raise PatternError(f"the stem '{raw}*' must be one word")
        if len(parts[0]) < MIN_STEM:
            raise PatternError(f"the stem '{raw}*' is shorter than {MIN_STEM} letters and would match too many words")
    return [Word(kind, part, lang) for part in parts]


#: English object pronouns, which the lexicon lemmatises to the subject ("me" -> "i").
OBJECT_PRONOUNS = frozenset({"me", "him", "her", "us", "them"})


def compile_pattern(concept: str, text: str, lang: str, exact: bool = False) -> Pattern:
    """A pattern ("nie chcieć żyć", "samobój*", "=mnie", "=zabiję go") compiled for one concept; a
    pattern that starts with "=", or any with `exact` (idioms), matches only as written: "zabijcie
    mnie" is not "zabije, jak mnie …"."""
    if text.startswith("=") and len(text.split()) > 1:
        exact, text = True, text[1:]
    pieces = text.split()
    # In an English phrase an object pronoun is only itself: "help me" must not read "help if I".
    words = tuple(
        w
        for piece in pieces
        for w in compile_words(piece, lang, exact or (lang == "en" and len(pieces) > 1 and piece in OBJECT_PRONOUNS))
    )
    if not words:
        raise PatternError("a pattern must not be empty")
    return Pattern(concept, text, lang, words)


def with_clitic_moved(pattern: Pattern) -> Pattern | None:
    """The same pattern with its reflexive pronoun on the other side of its verb ("zabić się" ->
    "się zabić"), as Polish and Ukrainian allow; None when it has none."""
    words = list(pattern.words)
    for k, word in enumerate(words):
        if word.text in ADJACENT and len(words) > 1:
            j = k - 1 if k > 0 else k + 1
            words[k], words[j] = words[j], words[k]
            return Pattern(pattern.concept, pattern.source, pattern.lang, tuple(words))
    return None


class ConceptIndex:
    """Every pattern of every concept, indexed so a message is read in one pass."""

    def __init__(self, patterns: list[Pattern], lexicon: Lexicon):
        self.lexicon = lexicon
        patterns = patterns + [moved for p in patterns if (moved := with_clitic_moved(p)) is not None]
        self.patterns = patterns
        self._words: list[Word] = []
        word_ids: dict[Word, int] = {}
        self._pattern_words: list[tuple[int, ...]] = []
        for pattern in patterns:
            pattern_ids: list[int] = []
            for word in pattern.words:
                if word not in word_ids:
                    word_ids[word] = len(self._words)
                    self._words.append(word)
                pattern_ids.append(word_ids[word])
            self._pattern_words.append(tuple(pattern_ids))
        self._exact: dict[tuple[str, str], set[int]] = defaultdict(set)  # (lang, form) of "=form" words
        self._form: dict[tuple[str, str], set[int]] = defaultdict(set)  # (lang, folded form) of plain words
        self._lemma: dict[tuple[str, str], set[int]] = defaultdict(set)
        self._stems: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
        self._numbers: list[tuple[int, int]] = []
        for i, word in enumerate(self._words):
            if word.kind == "exact":
                self._exact[(word.lang, word.text)].add(i)
            elif word.kind == "stem":
                self._stems[len(word.text)][word.text].add(i)
            elif word.kind == "number":
                self._numbers.append((int(word.text), i))
            else:
                self._form[(word.lang, word.text)].add(i)
                lemma = lexicon.lemma(word.text, word.lang) if word.lang in LEXICON_LANGS else None
                self._lemma[(word.lang, lemma or word.text)].add(i)
        self._fuzzy: dict[str, set[int]] = defaultdict(set)
        for i, word in enumerate(self._words):
            if word.kind == "word" and len(word.text) >= MIN_FUZZY or word.kind == "stem" and len(word.text) >= 6:
                self._fuzzy[word.text].add(i)
        self._fuzzy_choices = sorted(self._fuzzy)
        # Each pattern under its word fewest patterns have: a message without that word cannot match it.
        sharing = Counter(w for ids in self._pattern_words for w in set(ids))
        self._by_rarest_word: dict[int, list[int]] = defaultdict(list)
        for p, ids in enumerate(self._pattern_words):
            self._by_rarest_word[min(ids, key=lambda w: (sharing[w], w))].append(p)
        self._pattern_gaps = [self._gaps(ids) for ids in self._pattern_words]
        self._word_hits = lru_cache(maxsize=WORDS_KEPT)(self._read_word)
        self._only_in = lru_cache(maxsize=WORDS_KEPT)(self._read_only_in)

    def _gaps(self, ids: tuple[int, ...]) -> tuple[int, ...]:
        """The gap allowed before each word after the first: one word in a two-word phrase."""
        texts = [self._words[i].text for i in ids]
        widest = 1 if len(texts) == 2 else PHRASE_GAP
        return tuple(
            0
            if texts[k] in ADJACENT or texts[k + 1] in ADJACENT or texts[k] in NEGATIONS
            else 1
            if min(len(texts[k]), len(texts[k + 1])) <= SHORT
            else widest
            for k in range(len(texts) - 1)
        )

    def known(self, token: str, langs: tuple[str, ...] = LEXICON_LANGS) -> bool:
        """True when one of the lexicons of `langs` knows the token."""
        return any(self.lexicon.lemma(token, lang) for lang in langs)

    def latin_cyrillic(self, tokens: list[str]) -> bool:
        """True when the message looks like Ukrainian or Russian typed in Latin letters (bot.core.translit)."""
        return latin_cyrillic(tokens, self.lexicon)

    def plainly_english(self, tokens: list[str]) -> bool:
        """True when the message is plainly English: three words only English knows, more than
        twice as many as words only Polish knows (folded Polish knows many English spellings, so
        the converse cannot be told this way)."""
        sides = [self._only_in(t) for t in tokens]
        en, pl = sides.count("en"), sides.count("pl")
        return en >= 3 and en > 2 * pl

    def _read_only_in(self, token: str) -> str | None:
        """Which one of English and Polish alone knows the word: "en", "pl", or None (both or neither)."""
        en, pl = self.known(token, ("en",)), self.known(token, ("pl",))
        return "en" if en and not pl else "pl" if pl and not en else None

    def word_hits(self, token: str, latin_cyrillic: bool = False, english: bool = False) -> frozenset[int]:
        """Ids of the pattern words this token is, in any language (messages mix languages, and
        patterns are written so that a word of one language is not another's: "=mostu", not "most").
        In a message plainly in English, an English word is not read as a Polish one: "line" is no
        "linę" folded, "most" no bridge. Kept for the words read most recently: the index never changes."""
        return self._word_hits(token, latin_cyrillic, english)

    def _read_word(self, token: str, latin_cyrillic: bool, english: bool) -> frozenset[int]:
        hits: set[int] = set()
        skip_polish = english and self.known(token, ("en",))
        if token.isdecimal():  # int() reads decimal digits of any script, not every digit-like sign
            value = int(token) if len(token) < 7 else 0
            hits.update(i for least, i in self._numbers if value >= least)
            return frozenset(hits)
        for other in LEXICON_LANGS:
            if other == "pl" and skip_polish:
                continue
            hits |= self._exact.get((other, token), set())
            hits |= self._form.get((other, token), set())
            for lemma in self.lexicon.lemmas(token, other) + (_ing_verbs(token) if other == "en" else ()):
                hits |= self._lemma.get((other, lemma), set())
            hits |= self._lemma.get((other, token), set())
        for length, stems in self._stems.items():
            if len(token) >= length:
                hits |= stems.get(token[:length], set())
        if latin_cyrillic and token.replace(SOFT_SIGN, "").isascii():  # Ukrainian or Russian typed in Latin
            candidates = to_cyrillic(token)
            spelt = [c for c in candidates if self.known(c, ("uk", "ru"))]
            for candidate in spelt:
                hits |= self.word_hits(candidate)
            if not spelt and candidates and not self.known(token):  # a misspelt word: "dverymy" (дверима)
                hits |= self.word_hits(candidates[0])
            if hits:
                return frozenset(hits)
        if not hits and not self.known(token):  # common Russian misspellings: "повесица" (-ться), "жыть" (жи)
            if token.endswith("ца"):
                for ending in ("ться", "тся"):
                    hits |= self.word_hits(token[:-2] + ending)
            if "жы" in token or "шы" in token:
                hits |= self.word_hits(token.replace("жы", "жи").replace("шы", "ши"))
            for variant in _spelling_variants(token):  # "sznór" (sznur), "жыць" (жить), "зарэжет"
                if self.known(variant):
                    hits |= self.word_hits(variant)
        if not hits and token.endswith("in") and not self.known(token, ("en",)) and self.known(token + "g", ("en",)):
            hits |= self.word_hits(token + "g")  # "endin", "slowin": -ing typed without its g
        if not hits and len(token) >= MIN_FUZZY and not self.known(token):
            cutoff = 80 if len(token) >= 8 else 82 if len(token) >= 6 else 85
            found = process.extractOne(token, self._fuzzy_choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            if found:  # read the corrected word as if it had been typed ("suicde" -> "suicide", suicid*)
                hits |= self._fuzzy[found[0]] | self.word_hits(found[0])
        return frozenset(hits)

    def split_negation(self, tokens: list[str]) -> list[str]:
        """Tokens with a negation written together with its verb split off ("niechce" -> "nie chce",
        "незнаю" -> "не знаю"), as residents often type it."""
        out = []
        for token in tokens:
            for neg, lang, infinitive in (("nie", "pl", ("c",)), ("не", "uk", ("ти", "ть")), ("не", "ru", ("ть",))):
                rest = token[len(neg) :]
                if (
                    token.startswith(neg)
                    and len(rest) >= 2
                    and not self.lexicon.lemma(token, lang)
                    and any(lemma.endswith(infinitive) for lemma in self.lexicon.lemmas(rest, lang))
                ):
                    out += [neg, rest]
                    break
            else:
                out.append(token)
        return out

    def find(self, tokens: list[str]) -> Found:
        """Where each concept occurs: concept -> [(first token, last token, pattern)]."""
        tokens = self.split_negation(tokens)
        positions: dict[int, list[int]] = defaultdict(list)
        latin_cyrillic = self.latin_cyrillic(tokens)
        english = self.plainly_english(tokens)
        for t, token in enumerate(tokens):
            for w in self.word_hits(token, latin_cyrillic, english):
                positions[w].append(t)
        found: Found = defaultdict(list)
        candidates = sorted(p for w in positions for p in self._by_rarest_word.get(w, ()))
        for p in candidates:
            ids, gaps = self._pattern_words[p], self._pattern_gaps[p]
            if len(ids) == 1:
                found[self.patterns[p].concept] += [(start, start, self.patterns[p]) for start in positions[ids[0]]]
                continue
            if not all(w in positions for w in ids):
                continue  # a word of the phrase is not in the message
            for start in positions[ids[0]]:
                end = _follow(ids[1:], gaps, positions, start, tokens)
                if end is not None:
                    found[self.patterns[p].concept].append((start, end, self.patterns[p]))
        return found


# Letters residents confuse: Polish ó/u, rz/ż, ch/h (folded: o/u, rz/z, ch/h); Russian written
# the Belarusian way (ць for ть, э for е, дз for д, ы for и).
_POLISH_SWAPS = (("o", "u"), ("u", "o"), ("rz", "z"), ("z", "rz"), ("ch", "h"), ("h", "ch"))
_CYRILLIC_WHOLE = (("ць", "ть"), ("э", "е"), ("дз", "д"), ("ы", "и"), ("ў", "в"))


def _spelling_variants(token: str) -> list[str]:
    """Spellings the token may be a misspelling of: one Polish letter confusion at a time, or a
    Belarusian-style Russian word written the Russian way."""
    if token.isascii():
        return [
            token[:i] + new + token[i + len(old) :]
            for old, new in _POLISH_SWAPS
            for i in range(len(token))
            if token.startswith(old, i)
        ][:24]
    whole = token
    for old, new in _CYRILLIC_WHOLE:
        whole = whole.replace(old, new)
    return [whole] if whole != token else []


def _ing_verbs(token: str) -> tuple[str, ...]:
    """The verbs an English -ing form may come from ("ending" -> "end", "hoping" -> "hope", "cutting"
    -> "cut"), which the lexicon reads as nouns ("ending")."""
    if not token.endswith("ing") or len(token) < 6:
        return ()
    stem = token[:-3]
    return (stem, stem + "e") + ((stem[:-1],) if len(stem) > 2 and stem[-1] == stem[-2] else ())


def _follow(
    rest: tuple[int, ...], gaps: tuple[int, ...], positions: dict[int, list[int]], at: int, tokens: list[str]
) -> int | None:
    """The last position of the phrase's remaining words after `at`, in order with small gaps (next
    to a reflexive pronoun, only adverbs such as "znowu", "po prostu", "rano" may stand between),
    within one sentence."""
    for w, gap in zip(rest, gaps, strict=True):
        reach = gap if gap else REFLEXIVE_REACH
        nxt = next(
            (
                p
                for p in positions.get(w, ())
                if at < p <= at + 1 + reach
                and SENTENCE_BREAK not in tokens[at + 1 : p]
                and (gap or all(t in CLITIC_TRANSPARENT for t in tokens[at + 1 : p]))
            ),
            None,
        )
        if nxt is None:
            return None
        at = nxt
    return at
