"""Names of people in running text: which words are names (from the name lists, titles, roles and
the shape of words) and their replacement, with initials, by one label."""

from __future__ import annotations

import re

from bot.core import names as N
from bot.core.redact_marks import MARK, UPPER
from bot.core.redact_words import ABBREVIATIONS, WORD, Token, gap
from bot.core.text import fold, word_list

_POSSESSIVES = frozenset(
    fold(w)
    for w in word_list("""
mój moja moje mojego mojej mojemu moją moim nasz nasza naszego naszej nasze naszym twój twoja jego
jej ich były była byłego byłej my our the a an his her their your old former new
""")
)
_ROLE_VERB_HOMOGRAPHS = frozenset(
    word_list("""
will may can hope mark bill rob pat chase art guy max said young long rich
""")
)
# Hedges between a naming phrase and the name: "nazywa się chyba Mirek".
_HEDGES = frozenset(fold(w) for w in ["chyba", "podobno", "prawdopodobnie", "raczej", "probably", "maybe", "perhaps"])
_NAME_NOUNS = frozenset(
    fold(w)
    for w in word_list("""
imię imieniu imie imieniem nazwisko nazwiska nazwiskiem nazwisku
""")
)
_LOCATIVE_END = ("ie", "i", "u", "im", "ym", "ej", "y")
_ROMAN = re.compile(r"\s+(?:XX|X|IX|VIII|VII|VI|V|IV|III|II|I)\b")
_COPULA = frozenset(
    fold(w)
    for w in word_list("""
jestem jesteś jest są jesteśmy jesteście byłem byłam był była byli były
""")
)
_EPONYM_BEFORE = tuple(fold(w) for w in ["chorob", "zespół", "zespoł", "zespol", "syndrom", "gwiazd", "krzyż"])
_EPONYM_AFTER = frozenset(["syndrome", "disease's", "disease", "syndrom"])


def _predicate_noun(t: Token) -> bool:
    """An instrumental noun that is no first name's case: "Kurdem", "Romką", not "Piotrem", "Pauliną"."""
    low = t.raw.lower()
    for end, base in (("iem", ""), ("em", ""), ("ą", "a")):
        if low.endswith(end):
            return fold(low[: -len(end)] + base) not in N.BASE_FIRST_NAMES
    return False


def _place_after(prev: Token, t: Token) -> bool:
    """A street or place after a preposition of place, not a person: "przy Józefa", "przy Lea" (a person
    after "przy" takes the locative: "przy Kasi"), "na Kapelance", "w Zielonkach", "in Kazimierz",
    and a weak name after a place or institution word ("w Galerii Kazimierz")."""
    if prev.f == "przy":
        return not t.raw.lower().endswith(_LOCATIVE_END) or not (t.first or t.surname)
    if t.first or t.surname:
        return False
    if prev.f in ("w", "we", "na"):
        return t.raw.lower().endswith(("ce", "ach", "owie", "iu", "ej"))
    if prev.f in ("in", "near"):
        return True
    return (
        prev.cap
        and prev.not_name
        and not prev.context_word()
        and len(prev.f) > 3
        and prev.f not in ("i'm", "i’m")
        and (t.weak_first or t.weak_surname)
    )


_ADJECTIVE_END = re.compile(r"(?:sk|ck|dzk)(?:i|a|iego|iej|im|ą|ie)$")


def _institution_neighbour(text: str, tokens: list[Token], a: int, b: int) -> bool:
    """True when tokens a and b stand side by side and the other one than the candidate is a
    capitalised word that is no name (a place or institution word)."""
    if a < 0 or b >= len(tokens) or not gap(text, tokens[a], tokens[b], " "):
        return False
    other = [tokens[a], tokens[b]]
    return any(o.cap and o.not_name and not o.context_word() for o in other)


def _digit_next(text: str, t: Token) -> bool:
    """True when a digit stands within three characters of the word ("Jan 3", "3 maja")."""
    before = text[max(0, t.start - 3) : t.start].strip()
    after = text[t.end : t.end + 3].strip()
    return bool(before and before[-1].isdigit() or after and after[0].isdigit())


def _listed(text: str, tokens: list[Token], name: list[bool]) -> None:
    """Words the name lists know: a name; a weak one (also a word) when capitalised inside a sentence."""
    for i, t in enumerate(tokens):
        if len(t.f) < 2 or t.context_word() or t.function and not t.cap:
            continue
        if t.not_name:
            continue
        if t.first or t.surname:
            name[i] = not (t.f in ("jan", "maja") and _digit_next(text, t))
        elif t.shape and t.cap:
            name[i] = True
        elif (t.weak_first or t.weak_surname) and t.cap and not t.start_of_sentence and not t.upper:
            name[i] = not _digit_next(text, t)


def _after_context_words(text: str, tokens: list[Token], name: list[bool]) -> None:
    """A title, a role or a naming phrase: the next word is a name when it is capitalised or looks like one."""
    for i, t in enumerate(tokens):
        if not t.context_word():
            continue
        english_title = t.f in N.ENGLISH_TITLES
        j = i + 1
        while (
            j < len(tokens)
            and (tokens[j].context_word() or tokens[j].f in _POSSESSIVES)
            and gap(text, tokens[j - 1], tokens[j], " \t,:;()-–—.")
            and j - i < 4
        ):
            english_title = english_title or tokens[j].f in N.ENGLISH_TITLES
            j += 1
        if j >= len(tokens) or not gap(text, tokens[j - 1], tokens[j], " \t,:;()-–—.\"'„“”"):
            continue
        if t.f in ("nazywa", "nazywam", "nazywala", "nazywal"):
            if tokens[j].f not in ("sie", "się"):
                continue
            j += 1
            if j >= len(tokens) or not gap(text, tokens[j - 1], tokens[j], " \t,:"):
                continue
        if tokens[j].f in _HEDGES and j + 1 < len(tokens) and gap(text, tokens[j], tokens[j + 1], " "):
            j += 1
        c = tokens[j]
        if t.f in _NAME_NOUNS and not c.cap and not c.name_like():
            continue
        if c.function or c.not_name and not (c.first or c.surname) or len(c.f) < 2:
            continue
        explicit = t.naming and t.f not in ("named", "called")
        if (
            (c.cap and not c.upper)
            or c.name_like()
            and not (c.f in _ROLE_VERB_HOMOGRAPHS and not c.cap and t.role)
            or (english_title or explicit)
            and c.raw.isalpha()
        ):
            name[j] = True
            if (
                explicit
                and j + 1 < len(tokens)
                and gap(text, c, tokens[j + 1], " \t")
                and not tokens[j + 1].function
                and not tokens[j + 1].not_name
                and tokens[j + 1].raw.isalpha()
            ):
                name[j + 1] = True


def _neighbours(text: str, tokens: list[Token], name: list[bool]) -> None:
    """Neighbours of a name: a surname after a first name, a first name before a surname, initials."""
    for _ in range(3):
        changed = False
        for i, t in enumerate(tokens):
            if name[i] or len(t.f) < 2 or t.context_word() or t.function:
                continue
            left = i > 0 and name[i - 1] and gap(text, tokens[i - 1], t)
            right = i + 1 < len(tokens) and name[i + 1] and gap(text, t, tokens[i + 1])
            if not (left or right) or t.not_name and not (t.first or t.surname):
                continue
            strong = t.first or t.surname or t.shape or t.weak_surname and left
            if strong or (t.cap and not t.upper and (left or not t.start_of_sentence)):
                name[i] = changed = True
        if not changed:
            break


def _surname_after_first(text: str, tokens: list[Token], name: list[bool]) -> None:
    """A capitalised word right after a first name is its surname, even when it is also a word,
    a month or a nationality ("Lucyna Marzec", "Dominika Polak", "Eryk Sołtys")."""
    for i in range(1, len(tokens)):
        a, t = tokens[i - 1], tokens[i]
        if name[i] or not (name[i - 1] and a.first and a.cap) or not t.cap or t.upper or t.function or len(t.f) < 2:
            continue
        if gap(text, a, t, " ") and not _ROMAN.match(text, t.end):
            name[i] = True


def _nickname(text: str, tokens: list[Token], name: list[bool]) -> None:
    """A nickname in quotes between two parts of a name: Jan "Żółw" Nowicki."""
    for i in range(1, len(tokens) - 1):
        if (
            name[i - 1]
            and name[i + 1]
            and not name[i]
            and tokens[i].cap
            and gap(text, tokens[i - 1], tokens[i], " \"'„“”«»")
            and gap(text, tokens[i], tokens[i + 1], " \"'„“”«»")
        ):
            name[i] = True


def _after_i_am(text: str, tokens: list[Token], name: list[bool]) -> None:
    """ "I'm Rohan": a capitalised word no list knows after "I'm"."""
    for i in range(1, len(tokens)):
        a, t = tokens[i - 1], tokens[i]
        if (
            a.f in ("i'm", "i’m")
            and t.cap
            and not t.upper
            and not t.not_name
            and not t.function
            and not t.f.endswith(("ian", "ese", "ish", "ans"))
            and gap(text, a, t, " ")
        ):
            name[i] = True


def _capitalised_pairs(text: str, tokens: list[Token], name: list[bool]) -> None:
    """Two capitalised words in a row, away from a sentence start, that are no place or institution."""
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if a.start_of_sentence or not (a.cap and b.cap) or a.upper or b.upper or len(a.f) < 2 or len(b.f) < 2:
            continue
        if a.not_name or b.not_name or a.context_word() or b.context_word() or a.function or b.function:
            continue
        if gap(text, a, b, " "):
            name[i] = name[i + 1] = True


def _lone_capitalised(text: str, tokens: list[Token], name: list[bool]) -> None:
    """A lone capitalised word away from a sentence start that no list knows: most often a name,
    unless it is part of an institution's or a place's name ("Fundacja Ocalenie", "Helsinki
    Foundation", "Prądnik Biały"), next to a capitalised word that is no name."""
    for i, t in enumerate(tokens):
        if name[i] or not t.cap or t.upper or t.start_of_sentence or len(t.f) < 3:
            continue
        if t.not_name or t.context_word() or t.function or t.f in ABBREVIATIONS:
            continue
        if _institution_neighbour(text, tokens, i - 1, i) or _institution_neighbour(text, tokens, i, i + 1):
            continue
        name[i] = True


def _repeated(tokens: list[Token], name: list[bool]) -> None:
    """A word found to be a name is a name wherever else the message repeats it ("hiroshi's English")."""
    found = {
        t.f for t, n in zip(tokens, name, strict=True) if n and len(t.f) >= 3 and not (t.weak_first or t.weak_surname)
    }
    for i, t in enumerate(tokens):
        if not name[i] and t.f in found and not t.function and not t.not_name:
            name[i] = True


def _never_a_name(text: str, tokens: list[Token], name: list[bool], i: int) -> bool:
    """True when the word, found to be a name, is what a name can never be: the predicate noun after
    "jestem", "jest" ("jest Kurdem", "jestem Romką": a people, not a person), a place's adjective, a
    street or place after a preposition, and a disease's or a symbol's eponym ("zespół Downa", "chorobę
    Crohna", "gwiazdy Dawida", "Down syndrome")."""
    t = tokens[i]
    prev = tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev and gap(text, prev, t, " "):
        if prev.f in _COPULA and _predicate_noun(t):
            return True
        # "Rynku Podgórskim", "Rondzie Mogilskim": a place's adjective, no surname.
        if prev.cap and prev.not_name and not prev.context_word() and not name[i - 1] and _ADJECTIVE_END.search(t.f):
            return True
        if _place_after(prev, t) or prev.f.startswith(_EPONYM_BEFORE):
            return True
    return bool(nxt and nxt.f in _EPONYM_AFTER and gap(text, t, nxt, " '’s"))


def _mark_names(text: str) -> list[Token]:
    """The words of the text that are (parts of) names, by passes that each may add names, then
    the pass that removes what a name can never be."""
    tokens = [Token(m, text) for m in WORD.finditer(text)]
    name = [False] * len(tokens)
    _listed(text, tokens, name)
    _after_context_words(text, tokens, name)
    _neighbours(text, tokens, name)
    _surname_after_first(text, tokens, name)
    _nickname(text, tokens, name)
    _after_i_am(text, tokens, name)
    _capitalised_pairs(text, tokens, name)
    _lone_capitalised(text, tokens, name)
    _repeated(tokens, name)
    for i in range(len(tokens)):
        if name[i] and _never_a_name(text, tokens, name, i):
            name[i] = False
    return [t for t, n in zip(tokens, name, strict=True) if n]


_INITIAL = re.compile(r"\s[" + UPPER + r"]\.(?=\s|,|$)")
_INITIAL_BEFORE = re.compile(r"(?:^|(?<=\s))[" + UPPER + r"]\.\s$")


def redact_names(text: str) -> str:
    marked = _mark_names(text)
    if not marked:
        return text
    spans: list[list[int]] = []
    for t in marked:
        start, end = t.start, t.end
        before = _INITIAL_BEFORE.search(text[max(0, start - 4) : start])
        if before:
            start -= len(before.group(0))
        after = _INITIAL.match(text, end)
        if after:
            end = after.end()
        if spans and all(c in " \t-" for c in text[spans[-1][1] : start]):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    out, pos = [], 0
    for start, end in spans:
        out.append(text[pos:start])
        out.append(MARK["[name]"])
        pos = end
    out.append(text[pos:])
    return "".join(out)
