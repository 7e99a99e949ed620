"""Reads Ukrainian and Russian typed in Latin letters ("ne hochu zhyty") back into Cyrillic
candidates, so that a message written without a Cyrillic keyboard is still understood."""

from __future__ import annotations

from itertools import product

from bot.core.text import SOFT_SIGN

# Longest first; each Latin group may stand for several Cyrillic letters.
_GROUPS = [
    ("shch", ("щ",)),
    ("sch", ("щ", "ш")),
    ("zh", ("ж",)),
    ("kh", ("х",)),
    ("ch", ("ч",)),
    ("sh", ("ш",)),
    ("ts", ("ц", "тс")),
    ("yu", ("ю",)),
    ("ju", ("ю",)),
    ("ya", ("я",)),
    ("ja", ("я",)),
    ("ye", ("е", "є")),
    ("je", ("е", "є")),
    ("yo", ("е",)),
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
    ("z", ("з",)),
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
    (SOFT_SIGN, ("ь",)),
]
MAX_CANDIDATES = 16
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxz")


def to_cyrillic(token: str) -> list[str]:
    """Cyrillic spellings a folded Latin token may stand for (at most MAX_CANDIDATES), or []."""
    if not token.replace(SOFT_SIGN, "").isascii() or not token.isalpha() or len(token) < 2:
        return []
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
            return []
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
    return out
