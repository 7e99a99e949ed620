"""Tells Polish from English (and, in Cyrillic, Ukrainian from Russian) in a short, messy message,
and picks the reply language (Polish, English or Ukrainian; a Russian message is answered in Ukrainian)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.core import stopwords
from bot.core.lexicon import Lexicon
from bot.core.model import LANGS
from bot.core.text import cyrillic_share, fold, has_polish_letters, word_list
from bot.core.translit import cyrillic_spelling, written_in_latin_cyrillic

_PL_ONLY = (stopwords.POLISH | stopwords.QUESTION_POLISH) - stopwords.ENGLISH - stopwords.QUESTION_ENGLISH
_EN_ONLY = (stopwords.ENGLISH | stopwords.QUESTION_ENGLISH) - stopwords.POLISH - stopwords.QUESTION_POLISH
# One dictionary word is not enough ("lgbt" is in the English list, "helo" is a Polish form).
MIN_EVIDENCE = 1.5
# Letters only one of the two languages has, and frequent words only one of them uses (folded: ї is і).
_UK_LETTERS, _RU_LETTERS = frozenset("іїєґ"), frozenset("ыэъё")
# Folded as messages are (й is и, ї is і, ё is е).
_UK_WORDS = frozenset(
    fold(w)
    for w in word_list("""
і й що це та але або чи він вона вони ми ви від для про коли де чому хто мене мені
мій моя моє мої твій себе його її їх є був була було буде дуже вже ще тут там як
щоб якщо бо нема немає треба можна жити більше зараз сьогодні нічого допоможіть будь ласка
робота роботі роботу дякую вітаю привіт теж тільки лише сказати каже робити щось тому
""")
)
_RU_WORDS = frozenset(
    fold(w)
    for w in word_list("""
и что это но или ли он она они мы вы от для про когда где почему кто меня мне мой моя
моё мои твой себя его её их есть был была было будет очень уже ещё тут там как чтобы
если потому нет надо можно жить больше сейчас сегодня ничего помогите пожалуйста
работа работе работу спасибо здравствуйте привет тоже только сказать говорит делать что-то
""")
)


@dataclass(frozen=True)
class LanguageGuess:
    """Evidence for each language and the verdict (None when the message is not clearly either)."""

    lang: str | None
    pl: float
    en: float
    uk: float = 0.0
    ru: float = 0.0
    # "uk" when the writer writes a Cyrillic language though the message is not mostly Cyrillic: a
    # message mixing Ukrainian and Polish words, or Ukrainian (or Russian) typed in Latin letters.
    script: str | None = None
    latin_cyrillic: bool = False  # typed in Latin letters

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
    share = cyrillic_share(text)
    if share >= 0.5:
        return _detect_cyrillic(text, tokens, lexicon)
    guess = _detect_latin(text, tokens, lexicon)
    if share >= MIXED_SHARE or sum(1 for t in tokens if not t.isascii() and not has_polish_letters(t)) >= 2:
        return LanguageGuess(None, guess.pl, guess.en, script="uk")
    if written_in_latin_cyrillic(tokens, lexicon, polish_letters=has_polish_letters(text)):
        # Read as the Cyrillic it stands for: plainly Russian ("spasibo vsem") is Russian, else Ukrainian.
        reading = [cyrillic_spelling(t, lexicon) or t for t in tokens]
        cyrillic = _detect_cyrillic(" ".join(reading), reading, lexicon)
        plainly_russian = cyrillic.ru >= MIN_EVIDENCE and cyrillic.ru >= 1.5 * cyrillic.uk
        lang = "ru" if plainly_russian else None
        return LanguageGuess(lang, guess.pl, guess.en, cyrillic.uk, cyrillic.ru, script="uk", latin_cyrillic=True)
    return guess


#: The share of Cyrillic letters from which a mostly Latin message counts as written by someone who
#: writes Ukrainian (or Russian) and mixes in Polish words ("dostałem wypowiedzenie, скільки днів").
MIXED_SHARE = 0.2


def _detect_latin(text: str, tokens: list[str], lexicon: Lexicon) -> LanguageGuess:
    """Polish or English: function words, Polish letters, dictionaries."""
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


def _detect_cyrillic(text: str, tokens: list[str], lexicon: Lexicon) -> LanguageGuess:
    """Ukrainian or Russian: their own letters, frequent words and dictionaries."""
    letters = set(text.lower())
    uk = 2.0 * len(letters & _UK_LETTERS)
    ru = 2.0 * len(letters & _RU_LETTERS)
    for token in tokens:
        if token in _UK_WORDS and token not in _RU_WORDS:
            uk += 1.5
        elif token in _RU_WORDS and token not in _UK_WORDS:
            ru += 1.5
        in_uk = lexicon.lemma(token, "uk") is not None
        in_ru = lexicon.lemma(token, "ru") is not None
        if in_uk and not in_ru:
            uk += 1.0
        elif in_ru and not in_uk:
            ru += 1.0
    lang = None
    if uk >= MIN_EVIDENCE and uk >= 1.5 * ru:
        lang = "uk"
    elif ru >= MIN_EVIDENCE and ru >= 1.5 * uk:
        lang = "ru"
    else:  # Cyrillic without a clear verdict is answered in Ukrainian (the Cyrillic language answers are in)
        lang = "uk" if uk >= ru else "ru"
    return LanguageGuess(lang, 0.0, 0.0, uk, ru)


def reply_language(
    guess: LanguageGuess, preferred: str | None, phrase: str | None = None, variant: str | None = None
) -> str:
    """The message's language when clear (Ukrainian for Russian); else the resident's preference; else
    Ukrainian for a message mixing in Cyrillic or typed in Latin Ukrainian; else the language of a whole phrase recognised (small talk, crisis trigger); else the language weak
    evidence favours; else the language of the question variant matched; else any lean at all; else
    Polish."""
    for lang in (guess.lang, preferred, guess.script, phrase, guess.weak, variant, guess.leaning):
        lang = ANSWERED_IN.get(lang or "", lang)
        if lang in LANGS:
            return lang
    return "pl"


#: Languages recognised but not answered in, and the reply language their writers get.
ANSWERED_IN = {"ru": "uk"}
