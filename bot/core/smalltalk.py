"""Recognises greetings, thanks and questions about the bot itself."""

from __future__ import annotations

from rapidfuzz import fuzz

from bot.core.model import LANGS, SmallTalk
from bot.core.text import tokens as split_tokens

THRESHOLD = 86
#: Intents whose phrases are courtesy: said around a question, they change nothing about it.
COURTESY_INTENTS = ("greeting", "thanks", "goodbye")


class SmallTalkMatcher:
    """Matches a whole short message against small-talk phrases, tolerating typos."""

    def __init__(self, intents: tuple[SmallTalk, ...]):
        self.phrases: list[tuple[str, int, SmallTalk, str]] = []
        for intent in intents:
            for lang in LANGS:
                for phrase in intent.phrases.get(lang, ()):
                    words = split_tokens(phrase)
                    if words:
                        self.phrases.append((" ".join(words), len(words), intent, lang))

    def courtesy(self) -> tuple[SmallTalk, str] | None:
        """The reply to a message of nothing but courtesy ("Dzień dobry państwu, pozdrawiam"): the greeting."""
        for _, _, intent, lang in self.phrases:
            if intent.id == COURTESY_INTENTS[0]:
                return intent, lang
        return None

    def match(self, tokens: list[str]) -> tuple[SmallTalk, str] | None:
        """(intent, language of the phrase matched) when the message is small talk, else None."""
        if not tokens or len(tokens) > 8:
            return None
        text = " ".join(tokens)
        best, best_score = None, 0.0
        for phrase, length, intent, lang in self.phrases:
            if abs(length - len(tokens)) > 1:
                continue
            score = fuzz.ratio(text, phrase)
            if score > best_score:
                best, best_score = (intent, lang), score
        return best if best_score >= THRESHOLD else None
