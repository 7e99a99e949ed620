"""The matcher's index as arrays: a vocabulary of terms, each variant's terms, each term's variants and entries."""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bot.core.analysis import Analyzer
from bot.core.model import LANGS, Entry
from bot.core.stopwords import QUESTION_WORDS

#: Languages written in Latin letters (the others in this index: Cyrillic).
LATIN_LANGS = ("pl", "en")

IntArray = npt.NDArray[np.int32]


class Postings:
    """Rows of ascending integers in one flat array (compressed sparse rows): row r is
    `values[starts[r]:starts[r + 1]]`."""

    def __init__(self, starts: npt.NDArray[np.int64], values: IntArray):
        self.starts, self.values = starts, values
        self._bounds = starts.data  # the same numbers, read as Python ints without numpy's overhead

    @classmethod
    def of_pairs(cls, rows: npt.NDArray[np.int64], values: IntArray, n_rows: int) -> Postings:
        """Rows from (row, value) pairs, each row's values ascending and unique."""
        width = int(values.max()) + 1 if len(values) else 1
        pairs = np.sort(rows.astype(np.int64) * width + values)  # by row, then value
        if len(pairs):
            pairs = pairs[np.concatenate(([True], pairs[1:] != pairs[:-1]))]
        rows, values = pairs // width, pairs % width
        starts = np.zeros(n_rows + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=n_rows), out=starts[1:])
        return cls(starts, values.astype(np.int32))

    def row(self, r: int) -> IntArray:
        bounds = self._bounds
        return self.values[bounds[r] : bounds[r + 1]]

    def length(self, r: int) -> int:
        bounds = self._bounds
        return int(bounds[r + 1] - bounds[r])

    def __len__(self) -> int:
        return len(self.starts) - 1

    def nbytes(self) -> int:
        return int(self.starts.nbytes + self.values.nbytes)


def contains(row: IntArray, values: IntArray) -> npt.NDArray[np.bool_]:
    """For each of `values`, whether the ascending `row` holds it."""
    if len(row) == 0:
        return np.zeros(len(values), dtype=bool)
    at = np.searchsorted(row, values)
    at[at == len(row)] = 0
    found: npt.NDArray[np.bool_] = row[at] == values
    return found


#: Most (term, entry) pairs looked up in one go; beyond, term by term (the other way round).
BATCH_PAIRS = 20_000


def uses_in_script(script: Postings, term_ids: list[int], entries: IntArray) -> npt.NDArray[np.bool_]:
    """For each of the ascending `entries` and each term, whether the entry's variants in one
    script use the term (`script`: term -> entries)."""
    used = np.zeros((len(entries), len(term_ids)), dtype=bool)
    sizes = [script.length(t) for t in term_ids]
    if sum(sizes) > BATCH_PAIRS:
        for j, tid in enumerate(term_ids):
            used[:, j] = contains(script.row(tid), entries)
        return used
    users = np.concatenate([script.row(t) for t in term_ids])
    column = np.repeat(np.arange(len(term_ids)), sizes)
    at = np.searchsorted(entries, users)
    at[at == len(entries)] = 0
    found = entries[at] == users
    used[at[found], column[found]] = True
    return used


def first_found(values: IntArray) -> tuple[IntArray, npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The distinct values ascending, where each first occurs, and each value's place among them
    (`numpy.unique` with its index and inverse, in fewer steps)."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    change = np.empty(len(values), dtype=bool)
    change[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=change[1:])
    starts = np.flatnonzero(change)
    inverse = np.empty(len(values), dtype=np.int64)
    inverse[order] = np.cumsum(change) - 1
    return ordered[starts], order[starts], inverse


class TermIndex:
    """Every question variant (and title) of every entry as term ids, and the inverted lists: the
    variants and, per script, the entries that use a term. A word's rarity (idf) is read per script:
    among the variants of the question's script (Polish and English, or Ukrainian), else of the other,
    so that adding one language's variants leaves the other languages' weights as they were."""

    def __init__(self, entries: tuple[Entry, ...], analyzer: Analyzer, question_word_weight: float):
        self.vocab: dict[str, int] = {}
        self.surface: dict[str, str] = {}  # a folded token or term -> the term it stands for
        entry_of, lang_of, texts = array("i"), array("b"), []
        variant_starts, variant_terms = array("q", [0]), array("i")
        for i, entry in enumerate(entries):
            for lang in LANGS:
                for text in self._texts(entry, lang):
                    ids = self._term_ids(analyzer.terms(text, lang))
                    if not ids:
                        continue
                    entry_of.append(i)
                    lang_of.append(LANGS.index(lang))
                    texts.append(text)
                    variant_terms.extend(ids)
                    variant_starts.append(len(variant_terms))
        self.terms = list(self.vocab)
        n_terms, n_entries = len(self.terms), max(len(entries), 1)
        self.variant_entry = np.frombuffer(entry_of, dtype=np.int32).copy()
        self.variant_lang = np.frombuffer(lang_of, dtype=np.int8).copy()
        self.variant_text = texts
        flat = np.frombuffer(variant_terms, dtype=np.int32).copy()
        starts = np.frombuffer(variant_starts, dtype=np.int64).copy()
        self.variant_rows = Postings(starts, flat)
        row_of = np.repeat(np.arange(len(texts), dtype=np.int64), np.diff(starts))
        self.postings = Postings.of_pairs(flat.astype(np.int64), row_of.astype(np.int32), n_terms)
        # term -> entries, per script (the terms an entry's Latin / Cyrillic variants use) and in any script
        owner = self.variant_entry[row_of].astype(np.int32)
        self.variant_latin = np.isin(self.variant_lang, [LANGS.index(lang) for lang in LATIN_LANGS])
        latin_variant = self.variant_latin[row_of]
        self.script_postings = {
            latin: Postings.of_pairs(
                flat[latin_variant == latin].astype(np.int64), owner[latin_variant == latin], n_terms
            )
            for latin in (True, False)
        }
        df = {latin: np.diff(p.starts).tolist() for latin, p in self.script_postings.items()}
        # Python floats, computed as the matcher always did (numpy's vectorised log may differ in the last
        # bit), once per distinct count of entries.
        weight_of: dict[int, float] = {}
        self.idf_by_script: dict[bool, dict[str, float]] = {}
        for latin in (True, False):
            table = {}
            for t, term in enumerate(self.terms):
                d = df[latin][t] or df[not latin][t]
                if d not in weight_of:
                    weight_of[d] = math.log(1.0 + n_entries / d)
                table[term] = weight_of[d] * question_word_weight if term in QUESTION_WORDS else weight_of[d]
            self.idf_by_script[latin] = table
        self.idf = {
            latin: np.array(list(table.values()), dtype=np.float64) for latin, table in self.idf_by_script.items()
        }
        # Each variant's terms' weights summed (every variant has a term: starts are distinct).
        self.variant_weight = {
            latin: np.add.reduceat(self.idf[latin][flat], starts[:-1]) if len(flat) else np.zeros(0)
            for latin in (True, False)
        }
        # An entry's variants are contiguous: entry e owns variants entry_starts[e] to entry_starts[e + 1].
        self.entry_starts = np.searchsorted(self.variant_entry, np.arange(len(entries) + 1)).astype(np.int64)

    @staticmethod
    def _texts(entry: Entry, lang: str) -> Iterator[str]:
        yield from entry.questions.get(lang, ())
        yield entry.title.get(lang, "")

    def _term_ids(self, pairs: Iterable[tuple[str, str]]) -> list[int]:
        """A text's distinct term ids, ascending; new terms join the vocabulary."""
        ids = []
        for token, term in pairs:
            tid = self.vocab.setdefault(term, len(self.vocab))
            self.surface.setdefault(token, term)
            self.surface.setdefault(term, term)
            if tid not in ids:
                ids.append(tid)
        return sorted(ids)

    def entries_with(self, term: int) -> IntArray:
        """The entries whose variants use a term, in any script, ascending."""
        latin, cyrillic = self.script_postings[True].row(term), self.script_postings[False].row(term)
        return np.union1d(latin, cyrillic) if len(cyrillic) and len(latin) else latin if len(latin) else cyrillic

    def entry_terms(self, entry: int) -> frozenset[str]:
        """The terms an entry's variants use, in any script."""
        start, end = self.entry_starts[entry], self.entry_starts[entry + 1]
        ids = self.variant_rows.values[self.variant_rows.starts[start] : self.variant_rows.starts[end]]
        return frozenset(self.terms[t] for t in ids.tolist())

    def variant_terms(self, vid: int) -> frozenset[str]:
        return frozenset(self.terms[t] for t in self.variant_rows.row(vid).tolist())

    def nbytes(self) -> int:
        """The size of the arrays (the vocabulary and texts not counted)."""
        arrays: list[np.ndarray] = [self.variant_entry, self.variant_lang, self.variant_latin, self.entry_starts]
        arrays += [*self.idf.values(), *self.variant_weight.values()]
        lists = [self.variant_rows, self.postings, *self.script_postings.values()]
        return sum(int(a.nbytes) for a in arrays) + sum(p.nbytes() for p in lists)


@dataclass(slots=True)
class VariantHits:
    """A question's candidate variants (ascending), where each was first found, and their matched
    weight as the question and as the variant weighs it; which matched terms each uses, their ids, and
    the columns of the terms only looked up among the candidates (the commoner ones)."""

    vids: npt.NDArray[np.int32]
    first: npt.NDArray[np.int64]
    gain: npt.NDArray[np.float64]
    full: npt.NDArray[np.float64]
    uses: npt.NDArray[np.bool_]
    term_ids: list[int]
    looked_up: list[int]


def variant_hits(index: TermIndex, matched: list[tuple[str, float, float]], cap: int) -> VariantHits:
    """A question's candidate variants and their matched weight, as the question and as the variant
    weighs it (`matched`: each term with both weights). Candidates come from the query's rarest terms
    until there are about `cap` of them; commoner terms then only add to those candidates. Each
    variant's sums add the terms in the same order as a loop over them would, rarest first."""
    postings = index.postings
    ids = [index.vocab[term] for term, _, _ in matched]
    sizes = [postings.length(t) for t in ids]
    taken: list[int] = []
    rest: list[int] = []
    count = 0  # candidates so far: at most `count` until counted exactly, in `seen`
    seen: npt.NDArray[np.bool_] | None = None
    for j in sorted(range(len(ids)), key=sizes.__getitem__):
        size = sizes[j]
        if count and count + size > cap and seen is None:
            seen = np.zeros(len(index.variant_text), dtype=bool)
            seen[np.concatenate([postings.row(ids[t]) for t in taken])] = True
            count = int(np.count_nonzero(seen))
        if count and count + size > cap:
            rest.append(j)
            continue
        taken.append(j)
        if seen is None:
            count += size
        else:
            row = postings.row(ids[j])
            count += size - int(np.count_nonzero(seen[row]))
            seen[row] = True
    rows = [postings.row(ids[j]) for j in taken]
    sizes = [sizes[j] for j in taken]
    vids, first, inverse = first_found(np.concatenate(rows))
    gain = np.bincount(inverse, np.repeat([matched[j][1] for j in taken], sizes), len(vids)).astype(
        np.float64, copy=False
    )
    full = np.bincount(inverse, np.repeat([matched[j][2] for j in taken], sizes), len(vids)).astype(
        np.float64, copy=False
    )
    # Which matched terms each candidate uses (a column per term, in the question's order).
    uses = np.zeros((len(vids), len(ids)), dtype=bool)
    uses[inverse, np.repeat(taken, sizes)] = True
    for j in rest:
        has = contains(postings.row(ids[j]), vids)
        gain[has] += matched[j][1]
        full[has] += matched[j][2]
        uses[has, j] = True
    return VariantHits(vids, first, gain, full, uses, ids, rest)
