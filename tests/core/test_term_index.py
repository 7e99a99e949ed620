"""The array index decides as plain loops over the variants do: every question of the project's set,
scored both ways, gets the same candidates in the same order with the same numbers."""

from __future__ import annotations

import heapq
from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest
from rapidfuzz import fuzz

from bot.core.assistant import Assistant
from bot.core.matcher import LATIN_LANGS, Matcher, MatchSettings
from bot.core.term_index import Postings, contains, first_found
from bot.core.text import tokens
from bot.knowledge.evaluation import load_items

PROJECT_QUESTIONS = Path(__file__).parents[2] / "eval" / "questions.yaml"


class PlainIndex:
    """The matcher's variants as Python sets: each variant's terms, each entry's terms per script."""

    def __init__(self, m: Matcher):
        self.terms = [m.variant(v).terms for v in range(m.variant_count)]
        self.script_terms: dict[tuple[int, bool], set[str]] = defaultdict(set)
        for v, terms in enumerate(self.terms):
            self.script_terms[m.variant(v).entry, m.variant(v).lang in LATIN_LANGS] |= terms


def reference_candidates(m: Matcher, plain: PlainIndex, words: list[str], lang: str) -> list[tuple]:
    """Matcher.match's candidates computed the plain way: a dict of hits per variant, Python sets per
    entry (the scoring as it was before the index was made of arrays)."""
    s, latin = m.settings, lang in LATIN_LANGS
    result = m.match(words, lang)  # the question's side (query terms and weights) is not what is compared
    query = result.query_terms
    total = sum(w for _, _, w, _ in query)
    if total <= 0:
        return []
    idf = m.idf_by_script[latin]
    cover: dict[str, float] = {}
    for token, term, weight, factor in query:
        if factor == 0:
            cover[term] = cover.get(term, 0.0) + weight
        else:
            cover[term] = weight * factor * (1.0 - s.known_informative * (1.0 - m.informative(token)))
    cover_total = sum(cover.values())
    matched = [(term, weight * factor, idf[term] * factor) for _, term, weight, factor in query if factor > 0]
    if not matched:
        return []
    index = m.index
    postings = {term: index.postings.row(index.vocab[term]).tolist() for term, _, _ in matched}
    hits: dict[int, list[float]] = {}
    rest = []
    for term, gain, full in sorted(matched, key=lambda tg: len(postings[tg[0]])):
        if hits and len(hits) + len(postings[term]) > s.candidate_cap:
            rest.append((term, gain, full))
            continue
        for vid in postings[term]:
            hit = hits.setdefault(vid, [0.0, 0.0])
            hit[0] += gain
            hit[1] += full
    for vid in hits if rest else ():
        for term, gain, full in rest:
            if term in plain.terms[vid]:
                hits[vid][0] += gain
                hits[vid][1] += full
    best: dict[int, tuple[float, int]] = {}
    for vid, (hit, full) in hits.items():
        weight = float(index.variant_weight[latin][vid])
        score = (hit / total) ** s.query_share * (full / weight) ** (1.0 - s.query_share)
        eid = int(index.variant_entry[vid])
        if score > best.get(eid, (-1.0, -1))[0]:
            best[eid] = (score, vid)
    script_terms = {eid: plain.script_terms[eid, latin] | plain.terms[vid] for eid, (_, vid) in best.items()}
    lexical = {}
    for eid, (vscore, _) in best.items():
        gained = sum(gain for term, gain, _ in matched if term in script_terms[eid])
        lexical[eid] = s.variant_share * vscore + (1.0 - s.variant_share) * (gained / total)
    top = heapq.nlargest(s.rerank, lexical.items(), key=lambda kv: kv[1])
    joined = " ".join(sorted({term for _, term, _, _ in query}))
    out = []
    for eid, lex in top:
        vid = best[eid][1]
        fz = 0.0
        for other in range(int(index.entry_starts[eid]), int(index.entry_starts[eid + 1])):
            if other != vid and (m.variant(other).lang in LATIN_LANGS) != latin:
                continue
            fz = max(fz, fuzz.token_sort_ratio(joined, m.variant(other).joined) / 100.0)
        covered = sum(cover[term] for term, _, _ in matched if term in script_terms[eid]) / cover_total
        score = round((1 - s.fuzzy_share) * lex + s.fuzzy_share * fz, 4)
        out.append((m.entries[eid].id, score, round(covered, 4), m.variant(vid).text, m.variant(vid).lang))
    out.sort(key=lambda c: c[1], reverse=True)
    return out


def array_candidates(m: Matcher, words: list[str], lang: str) -> list[tuple]:
    candidates = m.match(words, lang).candidates
    return [(c.entry.id, c.score, c.coverage, c.variant.text, c.variant.lang) for c in candidates]


@pytest.fixture(scope="module")
def project_questions() -> list[str]:
    return [item.q for item in load_items(PROJECT_QUESTIONS)]


@pytest.mark.parametrize("cap", [MatchSettings().candidate_cap, 40])
def test_the_array_index_ranks_every_project_question_as_plain_loops_do(real_assistant, project_questions, cap):
    matcher = real_assistant.matcher
    if cap != matcher.settings.candidate_cap:  # few candidates: commoner words only add to them
        assistant = Assistant(
            real_assistant.knowledge, real_assistant.lexicon, settings=MatchSettings(candidate_cap=cap)
        )
        matcher = assistant.matcher
        project_questions = project_questions[::3]
    plain = PlainIndex(matcher)
    differ = []
    for question in project_questions:
        words = tokens(question)
        for lang in ("pl", "en", "uk"):
            if array_candidates(matcher, words, lang) != reference_candidates(matcher, plain, words, lang):
                differ.append((lang, question))
    assert not differ, f"{len(differ)} of {3 * len(project_questions)} rankings differ, e.g. {differ[:3]}"


def test_postings_hold_each_rows_values_once_and_ascending():
    rows = np.array([2, 0, 2, 2, 1], dtype=np.int64)
    values = np.array([5, 3, 1, 5, 4], dtype=np.int32)
    postings = Postings.of_pairs(rows, values, 4)
    assert [postings.row(r).tolist() for r in range(4)] == [[3], [4], [1, 5], []]
    assert contains(postings.row(2), np.array([0, 1, 5, 9], dtype=np.int32)).tolist() == [False, True, True, False]


def test_first_found_is_unique_with_first_places():
    values = np.array([7, 3, 7, 1, 3], dtype=np.int32)
    distinct, first, inverse = first_found(values)
    assert distinct.tolist() == [1, 3, 7] and first.tolist() == [3, 1, 0] and inverse.tolist() == [2, 1, 2, 0, 1]
