"""Reads a message as sentences: courtesy dropped, the asking sentences found, the story's words told apart."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bot.core.text import tokens as split_tokens
from bot.core.text import word_list

# A sentence ends at ".", "!", "?" or ";" — a full stop only before a space or the end (not in "3.5")
# and not after an abbreviation ("ul. Długa", "np.", "Mr."). "…" and ".." are pauses inside a sentence.
# (text.danger_tokens splits more eagerly - after any letter - because a danger phrase must not run
# across sentences; here a split too many would turn a question's tail into a "story".)
_END = re.compile(r"(?<=\w)\.(?=\s|$)|[!?;]+")
_PAUSE = re.compile(r"…|\.{2,}")
_LAST_WORD = re.compile(r"(\w+)$")
ABBREVIATIONS = frozenset(
    word_list("""
ul al os pl np tj tzn nr godz św sw dr prof mgr inż inz ds tel wg ust art pkt zł zl r ww jw pn
mr mrs ms st vs etc eg ie approx
""")
)

#: Words that open a question when they start a sentence (folded), besides a closing "?".
QUESTION_OPENERS = frozenset(
    word_list("""
co czy gdzie jak jaki jaka jakie jakiej jakim kto kogo komu kiedy ile dlaczego czemu skad dokad ktory
ktora ktore mozna moge mozemy musze musi powinienem powinnam trzeba prosze pomozcie pomoz
what where how who whom when why which can could should do does did is are am will would may must
""")
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a message: its words without courtesy, and whether it asks."""

    words: tuple[str, ...]
    asks: bool


@dataclass(frozen=True)
class ReadMessage:
    """A message as the matcher reads it: words (question sentences first), and those only the
    sentences around the question use (the story: what happened, told around what is asked)."""

    words: list[str]
    story_words: frozenset[str]
    sentences: tuple[Sentence, ...]
    courtesy_only: bool  # the message was nothing but greetings, thanks and set phrases

    @property
    def story(self) -> bool:
        """True when some sentences ask and others tell (a story around a question)."""
        return _is_story(self.sentences)


def _is_story(sentences: tuple[Sentence, ...]) -> bool:
    return any(s.asks for s in sentences) and not all(s.asks for s in sentences)


class MessageReader:
    """Splits a message into sentences, drops courtesy phrases at each sentence's start and end, and
    tells the question sentences' words from the story's (the matcher weighs the story's less)."""

    def __init__(self, courtesy: Iterable[str], max_words: int = 60):
        phrases = {tuple(split_tokens(p)) for p in courtesy}
        self.courtesy = sorted((p for p in phrases if p), key=lambda p: (-len(p), p))  # the longest first
        # Which phrases (by place in that order) start and end with each word: only they may be stripped.
        self._starting: dict[str, list[int]] = defaultdict(list)
        self._ending: dict[str, list[int]] = defaultdict(list)
        for at, phrase in enumerate(self.courtesy):
            self._starting[phrase[0]].append(at)
            self._ending[phrase[-1]].append(at)
        self.max_words = max_words

    def sentences(self, text: str) -> tuple[Sentence, ...]:
        """The sentences of a cleaned message, courtesy removed; sentences left empty are dropped."""
        out = []
        text = _PAUSE.sub(" ", text)
        start = 0
        ends = [m for m in _END.finditer(text) if m.group() != "." or not self._abbreviation(text[: m.start()])]
        for end in ends + [None]:
            piece = text[start : end.start() if end else len(text)]
            mark = end.group() if end else ""
            start = end.end() if end else len(text)
            words = self._strip(split_tokens(piece))
            if words:
                out.append(Sentence(tuple(words), "?" in mark or words[0] in QUESTION_OPENERS))
        return tuple(out)

    @staticmethod
    def _abbreviation(before: str) -> bool:
        """True when the text before a full stop ends in an abbreviation ("ul", "np", "Mr")."""
        word = _LAST_WORD.search(before)
        return word is not None and word.group(1).lower() in ABBREVIATIONS

    def _strip(self, words: list[str]) -> list[str]:
        """Words with courtesy phrases removed from the start and the end, repeatedly: each round tries
        the phrases in order, longest first, skipping those that neither start nor end as the words do."""
        changed = True
        while words and changed:
            changed = False
            at = -1
            while words and (following := self._next_phrase(words, at)) is not None:
                at = following
                phrase = self.courtesy[at]
                n = len(phrase)
                if tuple(words[:n]) == phrase:
                    words, changed = words[n:], True
                elif len(words) >= n and tuple(words[-n:]) == phrase:
                    words, changed = words[:-n], True
        return words

    def _next_phrase(self, words: list[str], after: int) -> int | None:
        """The place of the next phrase after `after` that starts with the first word or ends with the last."""
        places = []
        for listed in (self._starting.get(words[0]), self._ending.get(words[-1])):
            if listed and (k := bisect_right(listed, after)) < len(listed):
                places.append(listed[k])
        return min(places, default=None)

    def read(self, text: str) -> ReadMessage:
        """The words to match, at most `max_words`, the asking sentences' first, and the story's words."""
        sentences = self.sentences(text)
        if not sentences:
            return ReadMessage([], frozenset(), (), courtesy_only=bool(split_tokens(text)))
        story = _is_story(sentences)
        ordered = sorted(sentences, key=lambda s: not s.asks) if story else list(sentences)
        words: list[str] = []
        for sentence in ordered:
            words += sentence.words[: self.max_words - len(words)]
        asked = {w for s in sentences if s.asks for w in s.words}
        story_words = frozenset(w for s in sentences if story and not s.asks for w in s.words if w not in asked)
        return ReadMessage(words, story_words, sentences, courtesy_only=False)
