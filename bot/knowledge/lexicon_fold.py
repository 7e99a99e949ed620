"""Folding simplemma's dictionaries into the lexicon's tables (bot/knowledge/lexicon_store.py): a
minute and over a gigabyte for the four languages, so scripts/build_lexicon.py does it once per
simplemma version and the package ships the result; the bot folds them itself only for another
simplemma version than the shipped file's."""

from __future__ import annotations

import array
from collections.abc import Iterable

from bot.core.text import fold

#: Most lemmas kept for one folded form.
MAX_LEMMAS = 4
#: Forms per block: a lookup finds its block by bisection and reads at most this many forms.
BLOCK = 16


def fold_table(pairs: Iterable[tuple[str, str]]) -> dict[str, bytes]:
    """The sections of a table folded from (form, lemma) pairs in simplemma's order: every folded
    form with up to MAX_LEMMAS folded lemmas in the order they first come, and every folded lemma a
    form of itself (when no form folds to it).

    The forms are sorted and front-coded in blocks of BLOCK, each form a record: how many bytes it
    shares with the one before (0 at the start of a block), how many follow and those bytes, how
    many lemmas, and each lemma as how many bytes to cut off the form, how many to add and those."""
    lemma_index: dict[str, int] = {}
    by_form: dict[str, list[int]] = {}
    for form, lemma in pairs:
        lid = lemma_index.setdefault(fold(lemma), len(lemma_index))
        lids = by_form.setdefault(fold(form), [])
        if lid not in lids and len(lids) < MAX_LEMMAS:
            lids.append(lid)
    for folded_lemma, lid in lemma_index.items():
        by_form.setdefault(folded_lemma, [lid])
    lemma_text = [text.encode("utf-8") for text in sorted(lemma_index, key=lemma_index.__getitem__)]
    records, blocks, heads = bytearray(), uint32([]), []
    previous = b""
    for row, text in enumerate(sorted(by_form)):  # code point order, which is the UTF-8 bytes' order
        written = text.encode("utf-8")
        if len(written) > 255 or b"\n" in written:
            raise ValueError(f"a folded form the lexicon cannot store: {text!r}")
        if row % BLOCK == 0:
            blocks.append(len(records))
            heads.append(written)
            shared = 0
        else:
            shared = _common(previous, written)
        records += bytes((shared, len(written) - shared)) + written[shared:] + bytes((len(by_form[text]),))
        for lid in by_form[text]:
            spelt = lemma_text[lid]
            keep = _common(written, spelt)
            if len(spelt) - keep > 255:
                raise ValueError(f"a folded lemma the lexicon cannot store: {spelt!r}")
            records += bytes((len(written) - keep, len(spelt) - keep)) + spelt[keep:]
        previous = written
    blocks.append(len(records))
    return {"records": bytes(records), "blocks": blocks.tobytes(), "heads": b"\n".join(heads)}


def _common(a: bytes, b: bytes) -> int:
    """How many leading bytes `a` and `b` share."""
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def uint32(values) -> array.array:
    """An array of 32-bit unsigned integers."""
    out = array.array("I", values)
    if out.itemsize != 4:  # pragma: no cover - every platform the bot runs on has 32-bit unsigned ints
        out = array.array("L", values)
    return out


def simplemma_pairs(lang: str) -> Iterable[tuple[str, str]]:
    """simplemma's (form, lemma) pairs for one language, in its order."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    source = DefaultDictionaryFactory().get_dictionary(lang)
    for form, lemma in source.items():
        yield form, lemma.decode("utf-8") if isinstance(lemma, bytes) else lemma
