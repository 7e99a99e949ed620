"""Reads Ukrainian and Russian typed in Latin letters ("ne hochu zhyty") back into Cyrillic
candidates, so that a message written without a Cyrillic keyboard is still understood."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from bot.core.lexicon import Lexicon
from bot.core.text import SOFT_SIGN

# Longest first; each Latin group may stand for several Cyrillic letters.
_GROUPS = [
    ("shch", ("щ",)),
    ("szcz", ("щ",)),  # Polish spelling: "szczo", "szcze"
    ("sch", ("щ", "ш")),
    ("zh", ("ж",)),
    ("kh", ("х",)),
    ("ch", ("ч", "х")),  # English "chomu"; Polish "chto", "dychaty"
    ("cz", ("ч",)),
    ("sz", ("ш",)),
    ("sh", ("ш",)),
    ("ts", ("ц", "тс")),
    ("yu", ("ю",)),
    ("ju", ("ю",)),
    ("ya", ("я",)),
    ("ja", ("я",)),
    ("ia", ("я", "іа")),  # "zvernutysia", "ukrajinciam"
    ("iu", ("ю", "іу")),
    ("ie", ("е", "є", "іе")),  # Polish spelling: "siegodnia", "mienia"
    ("io", ("е", "іо")),  # "wsio" (всё)
    ("ye", ("е", "є")),
    ("je", ("е", "є")),
    ("yo", ("е",)),
    ("jo", ("е", "йо")),  # "bjot" (бьёт)
    ("yi", ("і", "ы")),
    ("ji", ("і",)),
    ("a", ("а",)),
    ("b", ("б",)),
    ("v", ("в",)),
    ("w", ("в",)),
    ("g", ("г",)),
    ("h", ("г", "х")),
    ("d", ("д",)),
    ("e", ("е",)),
    ("z", ("з", "ж")),  # Polish ż is folded to z: "żyty", "uże"
    ("i", ("и", "і")),
    ("y", ("и", "ы", "й")),
    ("j", ("й", "и")),
    ("k", ("к",)),
    ("l", ("л",)),
    ("m", ("м",)),
    ("n", ("н",)),
    ("o", ("о",)),
    ("p", ("п",)),
    ("r", ("р",)),
    ("s", ("с",)),
    ("t", ("т",)),
    ("u", ("у",)),
    ("f", ("ф",)),
    ("c", ("ц", "к")),
    ("x", ("кс",)),
    ("q", ("к",)),
    (SOFT_SIGN, ("ь", "")),  # a soft sign, or the apostrophe of "pid'jizd" (під'їзд)
]
MAX_CANDIDATES = 32
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")


def to_cyrillic(token: str) -> list[str]:
    """Cyrillic spellings a folded Latin token may stand for (at most MAX_CANDIDATES), or []."""
    return list(_spellings(token))


@lru_cache(maxsize=65536)  # language detection, the danger check and matching each read a message's words
def _spellings(token: str) -> tuple[str, ...]:
    if not token.replace(SOFT_SIGN, "").isascii() or not token.isalpha() or len(token) < 2:
        return ()
    options: list[tuple[str, ...]] = []
    i = 0
    while i < len(token):
        for latin, cyrillic in _GROUPS:
            if token.startswith(latin, i):
                i += len(latin)
                if latin in ("l", "n") and i < len(token) and token[i] in _CONSONANTS:
                    cyrillic += (cyrillic[0] + "ь",)  # "bolno", "proshchalnogo", "dengi": ль, нь
                options.append(tuple(dict.fromkeys(cyrillic)))
                break
        else:
            return ()
    out = []
    for letters in product(*options):
        word = "".join(letters)
        out.append(word)
        if word[-1] not in "аеиоуыяюєіїй":  # the soft sign is rarely typed: "zhit" is жить
            out.append(word + "ь")
        for typed in ("тса", "ца", "тся"):  # "lomitsa", "boitsya": -тся, -ться
            if word.endswith(typed) and len(word) > 4:
                out += [word[: -len(typed)] + "тся", word[: -len(typed)] + "ться"]
        if len(out) >= MAX_CANDIDATES:
            break
    return tuple(out)


_LAUGHTER = re.compile(r"(?:h+a+)+h*|(?:h+e+)+h*|(?:a+h+)+a*|x+d+")  # "hahah", "xdd": no word of any language


def _known(lexicon: Lexicon, token: str, langs: tuple[str, ...]) -> bool:
    return any(lexicon.lemma(token, lang) for lang in langs)


@lru_cache(maxsize=65536)  # each message is read so by language detection, the danger check and matching
def _reads_as_cyrillic(token: str, lexicon: Lexicon) -> bool:
    """True when one Cyrillic spelling of a Latin token is a Ukrainian or Russian word."""
    return any(_known(lexicon, c, ("uk", "ru")) for c in to_cyrillic(token))


def latin_cyrillic(tokens: list[str], lexicon: Lexicon, reads: dict[str, bool] | None = None) -> bool:
    """True when the message looks like Ukrainian or Russian typed in Latin letters: most of its
    longer words read as Cyrillic words (two at least, one in a short message), and one of those
    is no Polish or English word at all (folded Polish knows "kak", "mne", "noch"). `reads` holds
    tokens already read (`_reads_as_cyrillic`)."""
    latin = [t for t in tokens if t.replace(SOFT_SIGN, "").isascii() and t.isalpha()]
    longer = [t for t in latin if len(t) >= 3 and not _LAUGHTER.fullmatch(t)]
    if reads is None:
        reads = {t: _reads_as_cyrillic(t, lexicon) for t in longer}
    if not any(reads[t] for t in longer if not _known(lexicon, t, ("pl", "en"))):
        return False
    readable = [t for t in longer if reads[t]]
    return len(readable) >= min(2, (len(latin) + 3) // 4) and 2 * len(readable) > len(longer)


def cyrillic_spelling(token: str, lexicon: Lexicon) -> str | None:
    """The Cyrillic word a Latin token of such a message most likely is: the first spelling that
    Ukrainian knows, else one Russian knows; None when neither knows one (a Polish word, a name)."""
    candidates = to_cyrillic(token)
    for lang in ("uk", "ru"):
        for candidate in candidates:
            if lexicon.lemma(candidate, lang):
                return candidate
    return None


#: Words that read only as Cyrillic a message with Polish letters needs to count as Latin-typed Ukrainian
#: or Russian: a Polish keyboard gives Polish words their letters ("taksówkarz vysadyv mene").
WITH_POLISH_LETTERS = 3


def written_in_latin_cyrillic(tokens: list[str], lexicon: Lexicon, polish_letters: bool = False) -> bool:
    """True when the message is Ukrainian or Russian typed in Latin letters for its language too, not
    only for the danger check: it reads so (`latin_cyrillic`), and its words that read only as Cyrillic
    outnumber more than twice those that are only Polish or English ("mandat", "autobusie"), and are
    WITH_POLISH_LETTERS at least when the message has Polish letters."""
    longer = [t for t in tokens if len(t) >= 3 and t.replace(SOFT_SIGN, "").isascii()]
    reads = {t: _reads_as_cyrillic(t, lexicon) for t in longer}  # each token read once for both tests
    if not latin_cyrillic(tokens, lexicon, reads):
        return False
    cyrillic = sum(1 for t in longer if reads[t] and not _known(lexicon, t, ("pl", "en")))
    latin = sum(1 for t in longer if not reads[t] and _known(lexicon, t, ("pl", "en")))
    return cyrillic >= 2 * latin + 1 and (not polish_letters or cyrillic >= WITH_POLISH_LETTERS)
