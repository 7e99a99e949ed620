"""Polish, Ukrainian and Russian case forms of first names and surnames, as written (lower case)."""

from __future__ import annotations


def _soften_loc(stem: str) -> str:
    """The locative/dative ending 'e' of a hard stem: Piotr → Piotrze, Anna → Annie, Marta → Marcie."""
    for tail, repl in (
        ("st", "ście"),
        ("zd", "ździe"),
        ("sł", "śle"),
        ("sn", "śnie"),
        ("zn", "źnie"),
        ("r", "rze"),
        ("ł", "le"),
        ("t", "cie"),
        ("d", "dzie"),
        ("n", "nie"),
        ("m", "mie"),
        ("w", "wie"),
        ("f", "fie"),
        ("b", "bie"),
        ("p", "pie"),
        ("s", "sie"),
        ("z", "zie"),
        ("k", "ce"),
        ("g", "dze"),
        ("ch", "sze"),
    ):
        if stem.endswith(tail):
            return stem[: -len(tail)] + repl
    return stem + "u"


_SOFT_BEFORE_K = (("si", "ś"), ("ni", "ń"), ("zi", "ź"), ("ci", "ć"), ("dzi", "dź"))
_HARD_U = ("k", "g", "ch", "sz", "cz", "rz", "ż", "c", "j", "l", "dź", "x", "h")


def _consonant_stem_forms(stem: str, plain: bool = True) -> set[str]:
    """Masculine forms on a consonant stem: Piotra, Piotrowi, Piotrem, Piotrze, Piotrowie, Piotrów."""
    velar = stem.endswith(("k", "g"))
    out = {
        stem + "a",
        stem + "owi",
        stem + ("iem" if velar else "em"),
        stem + "owie",
        stem + "ów",
        stem + "om",
        stem + "ami",
        stem + "ach",
    }
    out.add(stem + "u" if stem.endswith(_HARD_U) else _soften_loc(stem))
    if plain:
        out.add(stem + "u")
    return out


def masculine_forms(base: str) -> set[str]:
    """Polish case forms of a masculine name or surname ending in a consonant, -y/-i or -o."""
    out = {base}
    if base.endswith("ek") and len(base) > 3:  # Tomek → Tomka, Krzysiek → Krzyśka
        stem = base[:-2]
        for soft, hard in _SOFT_BEFORE_K:
            if stem.endswith(soft):
                stem = stem[: -len(soft)] + hard
                break
        return out | _consonant_stem_forms(stem + "k")
    if base.endswith("eł"):  # Paweł → Pawła, Pawle
        return out | _consonant_stem_forms(base[:-2] + "ł")
    if base.endswith("ień"):  # Stępień → Stępnia
        return out | {base[:-3] + "ni" + e for e in ("a", "owi", "em", "u", "owie", "ów")}
    if base.endswith("el") and len(base) > 4:  # Wróbel → Wróbla
        out |= _consonant_stem_forms(base[:-2] + "l")
    if base.endswith(("ś", "ń", "ź", "ć")):  # Staś → Stasia, Stasiem
        stem = base[:-1] + {"ś": "si", "ń": "ni", "ź": "zi", "ć": "ci"}[base[-1]]
        return out | {stem + e for e in ("a", "owi", "em", "u", "owie", "ów")}
    if base.endswith("y") and not base.endswith(("ey", "ay", "oy")):  # Jerzy → Jerzego, Jerzym
        return out | {base[:-1] + "ego", base[:-1] + "emu", base + "m"}
    if base.endswith("i") and len(base) > 3 and base[-2] not in "aeiouy":  # Antoni → Antoniego
        return out | {base + "ego", base + "emu", base + "m"}
    if base.endswith("o"):  # Dmytro → Dmytra, Dmytrem
        return out | _consonant_stem_forms(base[:-1])
    if base[-1] in "aeiouyąęó":
        return out
    return out | _consonant_stem_forms(base)


def feminine_forms(base: str) -> set[str]:
    """Polish case forms of a name ending in -a: Anna → Anny, Annie, Annę, Anną, Anno; Kasia → Kasi, Kasiu."""
    stem = base[:-1]
    out = {base, stem + "ę", stem + "ą", stem + "o"}
    if stem.endswith("i"):  # Kasia → Kasi; Natalia → Natalii
        return out | {stem, stem + "i", stem + "u"}
    if stem.endswith("j"):  # Maja → Mai, Maji; Patrycja → Patrycji
        out.add(stem + "i")
        if len(stem) > 1 and stem[-2] in "aeiouy":
            out.add(stem[:-1] + "i")
        return out | {stem + "u"}
    if stem.endswith("l"):  # Ola → Oli, Olu
        return out | {stem + "i", stem + "u"}
    if stem.endswith(("k", "g")):  # Agnieszka → Agnieszki, Agnieszce
        return out | {stem + "i", _soften_loc(stem)}
    if stem.endswith(("sz", "cz", "rz", "ż", "c", "dz")):  # Natasza → Nataszy
        return out | {stem + "y", stem + "u"}
    return out | {stem + "y", _soften_loc(stem)}


def name_forms(base: str, declines_in_o: bool = False) -> set[str]:
    """Every inflected form of a name, as written (lower case); -o names only when `declines_in_o`."""
    if len(base) < 3 or base.endswith("o") and not declines_in_o:
        return {base}
    if base.endswith("a"):
        return feminine_forms(base)
    if base[-1] in "eiouy" and not base.endswith(("ek", "y", "o")):
        return {base} | (masculine_forms(base) if base.endswith("i") else set())
    return masculine_forms(base)


def surname_forms(base: str) -> set[str]:
    """Surname forms: the name's cases plus a wife's and a daughter's (Nowakowa, Nowakówna)."""
    out = name_forms(base)
    if base[-1] not in "aeiouyąęó":
        stem = base[:-2] + "k" if base.endswith("ek") else base
        out |= {stem + e for e in ("owa", "owej", "ową", "ówna", "ówny", "ównej", "ówną")}
    return out


def cyrillic_forms(base: str) -> set[str]:
    """Ukrainian and Russian case forms of a Cyrillic name: Олена → Олени, Олену, Оленою; Іван → Івана."""
    out = {base}
    if base.endswith(("енко", "ко")):  # Шевченко → Шевченка (a man's cases)
        return out | {base[:-1] + e for e in ("а", "у", "ом", "ові")}
    if base.endswith(("ий", "ій", "ей", "й")):  # Андрій → Андрія; Андрей → Андрея
        stem = base[:-1]
        return out | {stem + e for e in ("я", "ю", "єм", "ем", "єві", "еві", "ї", "е")}
    if base.endswith("ь"):  # Игорь → Игоря
        stem = base[:-1]
        return out | {stem + e for e in ("я", "ю", "ем", "ем", "еві", "і", "е")}
    if base.endswith("о"):  # Петро → Петра
        stem = base[:-1]
        return out | {stem + e for e in ("а", "у", "ом", "ові", "е")}
    if base.endswith("ія") or base.endswith("ия"):  # Марія → Марії; Мария → Марии
        stem = base[:-1]
        return out | {stem + e for e in ("ї", "и", "ю", "єю", "ей", "ею", "і")}
    if base.endswith(("а", "я")):  # Олена → Олени, Елены, Олені, Олену, Оленою
        stem = base[:-1]
        soft = base.endswith("я")
        ends = ("і", "ю", "ею", "ей", "е", "и") if soft else ("и", "ы", "і", "е", "у", "ою", "ой", "о")
        return out | {stem + e for e in ends}
    # A consonant: Олександр → Олександра; Иванов → Иванова, Ивановой, Ивановым.
    out |= {base + e for e in ("а", "у", "ом", "ові", "е", "ым", "ом", "ові")}
    if base.endswith(("ов", "ев", "ин", "ів")):
        out |= {base + e for e in ("а", "ой", "ою", "ої", "ій", "у", "ых", "ы", "им")}
    return out
