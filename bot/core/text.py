"""Text normalisation: folding case and diacritics, stripping noise, tokenising, capping length."""

from __future__ import annotations

import re
import unicodedata

#: Longest message the core looks at; the rest is ignored (adapters tell the resident).
MAX_CHARS = 4000
#: Most tokens used for matching; crisis checks see all of them.
MAX_MATCH_TOKENS = 60

_POLISH = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
_POLISH_LETTERS = frozenset("ąćęłńóśźż")
# Zero-width, bidi and other format characters (Unicode category Cf) and controls (Cc).
_INVISIBLE = re.compile(r"[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_TOKEN = re.compile(r"[^\W_]+")
# An apostrophe inside a Cyrillic word is a letter sign in Ukrainian (б'є, бʼє, б’є), not a word break.
_CYRILLIC_APOSTROPHE = re.compile(r"(?<=[\u0400-\u04ff])['\u2019\u02bc`](?=[\u0400-\u04ff])")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Digits split by spaces or dashes, as phone numbers are written: "800 676 676".
_DIGIT_GAPS = re.compile(r"(?<=\d)[\s\-](?=\d)")


def word_list(block: str) -> list[str]:
    """The words of a word list kept as a block of text, several words a line, as the core's lists are
    written so that editors can edit them as text."""
    return block.split()


def clean(text: str) -> str:
    """Drop invisible and control characters, collapse whitespace, cap the length."""
    text = _INVISIBLE.sub("", text[: MAX_CHARS * 2])
    return " ".join(text.split())[:MAX_CHARS]


def fold(text: str) -> str:
    """Lower-case and strip diacritics (ł→l, ą→a, é→e …) so typed-without-diacritics text matches."""
    if text.isascii():
        return text.lower()
    text = text.translate(_POLISH).casefold()
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", _CYRILLIC_APOSTROPHE.sub("", text))
    return "".join(c for c in text if not unicodedata.combining(c))


# Ukrainian and Russian write one word with different letters (робота/работа, дискримінація/дискриминация):
# Cyrillic terms are compared on a common skeleton, so that a Russian question finds Ukrainian variants.
_SKELETON = str.maketrans({"і": "и", "ї": "и", "ы": "и", "є": "е", "э": "е", "ё": "е", "ґ": "г", "ъ": None, "ь": None})


def skeleton(term: str) -> str:
    """A Cyrillic term with the letters Ukrainian and Russian spell differently made alike; others unchanged."""
    return term if term.isascii() else term.translate(_SKELETON)


def has_polish_letters(text: str) -> bool:
    """True when the text uses a letter only Polish has (ą, ł, ż …)."""
    return not _POLISH_LETTERS.isdisjoint(text.lower())


def cyrillic_share(text: str) -> float:
    """The share of the text's letters that are Cyrillic (0.0 when it has no letters)."""
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if _CYRILLIC.match(c)) / len(letters) if letters else 0.0


def tokens(text: str) -> list[str]:
    """Folded word tokens of a text; punctuation, emoji and symbols are dropped. An apostrophe that
    stands for a soft sign in Latin-typed Ukrainian or Russian ("til'ky") stays in its word as ʹ."""
    if "'" in text or "\u2019" in text:
        text = _SOFT_SIGN.sub(SOFT_SIGN, text)
    return _TOKEN.findall(fold(text))


def join_digits(text: str) -> str:
    """Remove the spaces and dashes inside digit groups ("800 70 2222" → "800702222")."""
    return _DIGIT_GAPS.sub("", text)


# English contractions, typed with or without the apostrophe ("don't", "dont"): the apostrophe
# splits "don't" into "don" + "t", so both spellings are read back as the two words they stand for.
_CONTRACTIONS = {
    "dont": ("do", "not"),
    "doesnt": ("does", "not"),
    "didnt": ("did", "not"),
    "cant": ("can", "not"),
    "cannot": ("can", "not"),
    "wont": ("will", "not"),
    "wouldnt": ("would", "not"),
    "couldnt": ("could", "not"),
    "shouldnt": ("should", "not"),
    "isnt": ("is", "not"),
    "arent": ("are", "not"),
    "wasnt": ("was", "not"),
    "werent": ("were", "not"),
    "havent": ("have", "not"),
    "hasnt": ("has", "not"),
    "hadnt": ("had", "not"),
    "aint": ("am", "not"),
    "im": ("i", "am"),
    "ive": ("i", "have"),
    "ima": ("i", "am", "going", "to"),
    "imma": ("i", "am", "going", "to"),
    "gonna": ("going", "to"),
    "wanna": ("want", "to"),
    "gotta": ("got", "to"),
    "youre": ("you", "are"),
    "theyre": ("they", "are"),
    "hes": ("he", "is"),
    "shes": ("she", "is"),
    "theres": ("there", "is"),
    "thats": ("that", "is"),
    "whats": ("what", "is"),
    "ur": ("your",),
    "pls": ("please",),
    "plz": ("please",),
    "smth": ("something",),
    "sth": ("something",),
    "some1": ("someone",),
    "sum1": ("someone",),
    "sb": ("somebody",),
    "bc": ("because",),
    "cuz": ("because",),
    # Chat spellings that are no word of Polish, Ukrainian or Russian typed in Latin letters.
    "tonite": ("tonight",),
    "2nite": ("tonight",),
    "tmrw": ("tomorrow",),
    "tmr": ("tomorrow",),
    "2morrow": ("tomorrow",),
    "rn": ("right", "now"),
    "ppl": ("people",),
    "msg": ("message",),
    "luv": ("love",),
    "bout": ("about",),
    "abt": ("about",),
    "tryna": ("trying", "to"),
    "idk": ("i", "do", "not", "know"),
    "bf": ("boyfriend",),
    "gf": ("girlfriend",),
    "bday": ("birthday",),
    "thx": ("thanks",),
    "thnx": ("thanks",),
}
# Second halves after an apostrophe: "i'm" -> i + m, "he'll" -> he + ll.
_AFTER_APOSTROPHE = {"m": ("am",), "ll": ("will",), "re": ("are",), "ve": ("have",), "d": ("would",)}
_BEFORE_IS = frozenset(["what", "that", "it", "he", "she", "there", "where", "who", "here", "how"])
# Words that start or are part of a contraction: text without any of them is left as it is.
_CONTRACTION_PARTS = frozenset(_CONTRACTIONS) | frozenset(_AFTER_APOSTROPHE) | {"t", "s"}


def expand_contractions(words: list[str]) -> list[str]:
    """Folded tokens with English contractions written out ("dont" -> "do not", "i'm" -> "i am")."""
    if _CONTRACTION_PARTS.isdisjoint(words):
        return list(words)
    out: list[str] = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else ""
        if following == "t" and word + "t" in _CONTRACTIONS:  # "don't" -> "don" + "t"
            out.extend(_CONTRACTIONS[word + "t"])
        elif word == "t" and out and out[-1] == "not":
            continue
        elif word in _AFTER_APOSTROPHE and out and i > 0 and words[i - 1].isalpha() and len(words[i - 1]) <= 5:
            out.extend(_AFTER_APOSTROPHE[word])
        elif word == "s" and out and out[-1] in _BEFORE_IS:  # "what's", "she's"; not "John's"
            out.append("is")
        else:
            out.extend(_CONTRACTIONS.get(word, (word,)))
    return out


# Emoji that mark a message as a joke become a word the danger rules can see ("lol").
_JOKE_EMOJI = re.compile(
    "[\U0001f604\U0001f601\U0001f602\U0001f923\U0001f480\U0001f605\U0001f606\U0001f61c\U0001f61d\U0001f644]"
)


# An apostrophe inside a Latin word that is not an English contraction ("skol'ko", "prosnut'sya")
# is the soft sign of Russian or Ukrainian typed in Latin letters: kept in the word as ʹ.
_SOFT_SIGN = re.compile(r"(?<=[A-Za-z])['\u2019](?!(?:t|s|m|ll|re|ve|d)\b)(?=[A-Za-z])")
SOFT_SIGN = "\u02b9"


#: Stands between two sentences in danger tokens: a phrase is read within one sentence ("Już tam nie
#: pracuję. Czy mogę …" is not "już nie mogę"); it is no word, so no pattern matches it.
SENTENCE_BREAK = "|"
_SENTENCE_END = re.compile(r"(?<=[^\W\d_])\.(?=\s|$)|[!?;]+")
_PAUSE = re.compile(r"…|\.{2,}")  # "nie… chcę", "ok.." — a pause, not the end of a sentence


def danger_tokens(text: str) -> list[str]:
    """Folded tokens as danger recognition reads them: contractions written out, joke emoji as "lol",
    a Latin soft-sign apostrophe kept as ʹ (by `tokens`), SENTENCE_BREAK between sentences."""
    text = _JOKE_EMOJI.sub(" lol ", text)  # `tokens` keeps the soft sign
    out: list[str] = []
    for sentence in _SENTENCE_END.split(_PAUSE.sub(" ", text)):
        words = expand_contractions([_cyrillic_lookalikes(w) for w in tokens(sentence)])
        if words:
            out += ([SENTENCE_BREAK] if out else []) + words
    return out


# Latin letters typed inside a Cyrillic word, as a keyboard without і or with a stuck layout
# leaves them ("чоловiк", "трамваi"): read as the Cyrillic letters they look like.
_LOOKALIKES = str.maketrans("aceiopxykmt", "асеіорхукмт")


def _cyrillic_lookalikes(token: str) -> str:
    """The token with Latin lookalike letters made Cyrillic when it is a Cyrillic word."""
    if token.isascii() or not _CYRILLIC.search(token) or not any("a" <= c <= "z" for c in token):
        return token
    return token.translate(_LOOKALIKES)


def word_count(danger_tokens: list[str]) -> int:
    """How many words the danger tokens hold (sentence breaks are not words)."""
    return sum(1 for token in danger_tokens if token != SENTENCE_BREAK)
