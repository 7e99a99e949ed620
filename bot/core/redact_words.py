"""A message's words as the name finder sees them: each word's folded form, its case, whether it
starts a sentence, and what the name lists and the shape of surnames say it could be."""

from __future__ import annotations

import re

from bot.core import names as N
from bot.core.text import fold, word_list

WORD = re.compile(r"[^\W\d_]+(?:['’`-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’`](?:s|ego|emu|em|m|a|owi|om|ie)$", re.I)
_SURNAME_END = re.compile(r"^(\w{2,}?(?:sk|ck|dzk))(?:i|a|iego|iej|iemu|im|ie|ich|imi|ą)$|^(\w{2,}?(?:s|c|dz))cy$")
_WICZ = re.compile(r"^\w{2,}wicz(?:a|em|owi|u|owa|owej|owa|ówna|owna|owie|ów|ow)?$")
_EAST_END = re.compile(
    r"^\w{2,}(?:enko|czuk|chuk|yuk|iuk|juk|nyk|czyk|czak|ova|eva|yeva|ieva|ov|ev|yev|iev|ovna|ivna|"
    r"evna|ovich|evich|ovych|shvili|dze|yan)$"
)
_FUNCTION = frozenset(
    fold(w)
    for w in word_list("""
i a w we z ze na do od o u po za pod nad przy dla bez że to jest był była się sie nie tak jak co czy
który która które ale lub albo bo mi mnie mu jej go ją nas was im ich ten ta te tym tej mój moja
moje mojego mojej mojemu moją moim nasz nasza nasze naszego naszej naszym jego on ona oni one my wy
ty też już tylko jeszcze bardzo gdy kiedy gdzie dlaczego
the a an and or but of to in on at for with from by is was are were be been not no it he she they
we you i me him her them my his our your their this that who which what so as if then than also
just very has have had do does did will would can could should may might must
""")
)
ABBREVIATIONS = frozenset(
    fold(w)
    for w in word_list("""
ul al os pl św dr prof mgr inż hab ks im gen tel nr np tzn tj ds art ust pkt r ur ok godz mr mrs ms
st no vs tzw wg ww jw pn wt śr czw pt sob niedz sp lok m mieszk kl kier dyr prez mec bp kard płk por
kpt sierż asp kom insp proc ew wyd red rej reg jr sr inc ltd co corp hab in dot
""")
)
_OPENING = "\"'„“”«»‘’‚"


class Token:
    """One word of the message and what it could be."""

    __slots__ = (
        "start",
        "end",
        "raw",
        "f",
        "cap",
        "upper",
        "start_of_sentence",
        "first",
        "weak_first",
        "surname",
        "weak_surname",
        "shape",
        "not_name",
        "title",
        "role",
        "naming",
        "function",
    )

    def __init__(self, m: re.Match[str], text: str):
        self.start, self.end, self.raw = m.start(), m.end(), m.group(0)
        tail = _POSSESSIVE.search(self.raw)
        if tail and len(self.raw) - len(tail.group(0)) >= 2:
            base = self.raw[: tail.start()]
            if tail.group(0)[1:].lower() == "s":
                self.end -= len(tail.group(0))
        else:
            base = self.raw
        f = fold(base)
        self.f = f
        self.cap = base[0].isupper()
        head = base.split("-")[0]
        self.upper = head.isupper() and len(head) > 1  # "ZUS", and inflected "MOPS-ie"
        self.start_of_sentence = _starts_sentence(text, self.start)
        parts = f.split("-") if "-" in f else [f]
        self.first = any(p in N.FIRST_NAMES for p in parts)
        self.weak_first = any(p in N.WEAK_FIRST_NAMES for p in parts)
        self.surname = any(p in N.SURNAMES for p in parts)
        self.weak_surname = any(p in N.WEAK_SURNAMES for p in parts)
        # Folding makes "jeżdżę" end like a Georgian "-dze" surname; only the written ending counts.
        self.shape = any(_surname_shaped(p) for p in parts) and not (
            f.endswith("dze") and not base.lower().endswith("dze")
        )
        self.not_name = (
            f in N.NOT_NAMES
            or f.startswith(N.NOT_NAME_STEMS)
            or len(parts) > 1
            and all(p in N.NOT_NAMES or p.startswith(N.NOT_NAME_STEMS) for p in parts)
        )
        self.title = f in N.TITLES
        self.role = f in N.ROLES
        self.naming = f in N.NAMING
        self.function = f in _FUNCTION

    def name_like(self) -> bool:
        return self.first or self.weak_first or self.surname or self.weak_surname or self.shape

    def context_word(self) -> bool:
        return self.title or self.role or self.naming


def _surname_shaped(f: str) -> bool:
    m = _SURNAME_END.match(f)
    if m:
        stem = m.group(1) or (m.group(2)[:-1] + "k" if m.group(2).endswith("c") else m.group(2)[:-2] + "dzk")
        return stem not in N.NOT_SURNAME_STEMS and len(f) >= 5
    return bool(_WICZ.match(f) or len(f) >= 5 and _EAST_END.match(f))


def _starts_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t" + _OPENING + "([-–—*•":
        if text[i] in _OPENING:
            return True
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] in "!?…":
        return True
    if text[i] == ".":
        word = re.search(r"([^\W\d_]+)\.?$", text[max(0, i - 12) : i])
        return not (word and (fold(word.group(1)) in ABBREVIATIONS or len(word.group(1)) == 1))
    return False


def gap(text: str, a: Token, b: Token, allowed: str = " \t-") -> bool:
    """True when only `allowed` characters stand between two tokens."""
    return all(c in allowed for c in text[a.end : b.start])
