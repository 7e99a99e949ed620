"""Finds the entry a question is about: an index built once, rare words weighing most, typo tolerance."""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.core import stopwords
from bot.core.analysis import Analyzer
from bot.core.model import LANGS, Entry

FUNCTION_WORDS = sorted(
    w
    for w in stopwords.POLISH | stopwords.ENGLISH | stopwords.UKRAINIAN | stopwords.RUSSIAN | stopwords.QUESTION_WORDS
    if len(w) >= 3
)
QUESTION_WORDS = stopwords.QUESTION_WORDS
#: Languages written in Latin letters (the others in this index: Cyrillic).
LATIN_LANGS = ("pl", "en")
#: Languages whose word frequencies tell how informative a word is (Russian: Surzhyk and Russian questions).
FREQUENCY_LANGS = ("pl", "en", "uk", "ru")


@dataclass(frozen=True)
class MatchSettings:
    """The calibrated numbers of the matcher (see docs/matching.md for how they were chosen)."""

    answer_threshold: float = 0.4
    suggest_threshold: float = 0.35
    margin: float = 0.01
    max_suggestions: int = 3
    # Weight of a query word the knowledge never uses, as a share of the rarest indexed word's
    # weight: a dictionary word, and anything else (names, gibberish).
    unknown_word_weight: float = 1.0
    unknown_token_weight: float = 0.8
    # How much the best single variant counts against the entry's variants taken together.
    variant_share: float = 0.6
    # How much query coverage counts against variant coverage in a variant's score.
    query_share: float = 0.5
    # Share of the whole-question rapidfuzz similarity in the final score.
    fuzzy_share: float = 0.1
    rerank: int = 6
    # Weight of a question word ("kto", "how") as a share of its rarity weight.
    question_word_weight: float = 0.2
    # Least share of the question's weight an entry must cover to be answered / suggested.
    min_answer_coverage: float = 0.4
    # Least share of the matched variant's weight the question must cover to be answered.
    min_variant_coverage: float = 0.3
    min_suggest_coverage: float = 0.4
    # A clear winner is answered with less coverage (a story tells more than the knowledge knows): it
    # leads the runner-up by `clear_margin`, covers `clear_variant_coverage` of its best variant and
    # `clear_coverage` of the question.
    clear_margin: float = 0.08
    clear_variant_coverage: float = 0.6
    clear_coverage: float = 0.3
    # … or it covers this much of the question, however long its variants are.
    clear_whole_question: float = 0.9
    # Weight of a word only the sentences around the question sentence use (a story), as a share
    # of its weight: a word the knowledge knows, and one it does not (a story's incidental detail).
    story_share: float = 1.0
    story_unknown_share: float = 0.5
    # How informative a word is, from how common it is in the language (Zipf frequency): a word at
    # `common_zipf` or above ("między", "wondering") weighs `least_informative` of its weight, one at
    # `rare_zipf` or below ("przedawniona", "forklift") all of it, linearly between.
    common_zipf: float = 6.0
    rare_zipf: float = 3.5
    least_informative: float = 0.1
    # How far that also lowers a known word's part in the coverage of the question (a word that only
    # one entry uses but every speaker says, "raz", "waiting", tells little about what is asked).
    known_informative: float = 0.5
    # Least informativeness the words an entry matches must add up to for an answer or a "did you
    # mean": words every speaker uses ("last", "year", "who", "miasto") alone are no content.
    min_content: float = 0.4
    # Triage's reading of a ground in a setting replaces an answer for another setting or ground only
    # when the answer scores below this (an answer matching a variant closely stands).
    triage_overrules_below: float = 0.7
    # Most variants scored for one question (see Matcher._variant_hits).
    candidate_cap: int = 800


@dataclass(frozen=True)
class Variant:
    """One question variant as indexed."""

    entry: int
    lang: str
    text: str
    terms: frozenset[str]
    joined: str
    weights: dict[bool, float]  # its terms' rarity summed, as a Latin (True) / Cyrillic (False) question weighs them


@dataclass
class Candidate:
    """An entry's score for one question, with the numbers behind it."""

    entry: Entry
    score: float
    lexical: float
    fuzzy: float
    variant: Variant
    matched: list[str] = field(default_factory=list)
    coverage: float = 0.0  # share of the question's weight this entry's variants cover
    variant_coverage: float = 0.0  # share of the best variant's weight the question covers
    content: float = 0.0  # how informative the matched words are, summed (1.0: one rare word)


@dataclass
class MatchResult:
    """Ranked candidates and the analysis of the question."""

    candidates: list[Candidate]
    query_terms: list[tuple[str, str, float, float]]  # surface, term, weight, match factor
    corrections: dict[str, str]

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


#: Id of the pseudo-entry holding the out-of-scope phrases (real ids have at least two characters).
OUT_OF_SCOPE = "-"


def out_of_scope_entry(phrases: dict[str, tuple[str, ...]]) -> Entry:
    """A pseudo-entry whose variants are things the assistant does not handle (parking, taxes …)."""
    return Entry(
        OUT_OF_SCOPE, "", {"pl": "", "en": ""}, {k: tuple(v) for k, v in phrases.items()}, {"pl": "", "en": ""}, (), ""
    )


class Matcher:
    """An inverted index over every question variant (and title) of every entry, and over the
    out-of-scope phrases as one pseudo-entry that, when it wins, means "not ours"."""

    def __init__(
        self,
        entries: tuple[Entry, ...],
        analyzer: Analyzer,
        settings: MatchSettings | None = None,
        out_of_scope: dict[str, tuple[str, ...]] | None = None,
    ):
        if out_of_scope:
            entries = tuple(entries) + (out_of_scope_entry(out_of_scope),)
        self.entries = entries
        self.analyzer = analyzer
        self.settings = settings or MatchSettings()
        self.variants: list[Variant] = []
        entry_terms: list[set[str]] = [set() for _ in entries]
        # Per script: how many entries use a term in their Latin (Polish, English) and in their Cyrillic
        # variants. A word's rarity is read in the script where it is commoner, so that adding a
        # language's variants does not make the other languages' words look rarer or commoner.
        script_terms: dict[bool, list[set[str]]] = {True: [set() for _ in entries], False: [set() for _ in entries]}
        surface: dict[str, str] = {}
        raw: list[tuple[int, str, str, list[tuple[str, str]]]] = []
        for i, entry in enumerate(entries):
            for lang in LANGS:
                texts = list(entry.questions.get(lang, ())) + [entry.title.get(lang, "")]
                for text in texts:
                    pairs = analyzer.terms(text, lang)
                    if not pairs:
                        continue
                    raw.append((i, lang, text, pairs))
                    for token, term in pairs:
                        entry_terms[i].add(term)
                        script_terms[lang in LATIN_LANGS][i].add(term)
                        surface.setdefault(token, term)
                        surface.setdefault(term, term)
        n = max(len(entries), 1)
        script_df: dict[bool, dict[str, int]] = {True: defaultdict(int), False: defaultdict(int)}
        for latin, by_entry in script_terms.items():
            for terms in by_entry:
                for term in terms:
                    script_df[latin][term] += 1

        def rarity(d: int, term: str) -> float:
            return math.log(1.0 + n / d) * (self.settings.question_word_weight if term in QUESTION_WORDS else 1.0)

        # A word's rarity as a question of each script reads it: among the variants of its own script
        # (Polish and English, or Ukrainian), else of the other; so Ukrainian variants leave a Polish
        # question's weights as they were, and the other way round.
        self.idf_by_script = {
            latin: {
                t: rarity(script_df[latin].get(t) or script_df[not latin][t], t)
                for t in script_df[latin].keys() | script_df[not latin].keys()
            }
            for latin in (True, False)
        }
        self.max_idf_by_script = {
            latin: max(table.values(), default=1.0) for latin, table in self.idf_by_script.items()
        }
        self.idf = self.idf_by_script[True]
        self.max_idf = self.max_idf_by_script[True]
        self.postings: dict[str, list[int]] = defaultdict(list)
        self.entry_terms = [frozenset(t) for t in entry_terms]
        # An entry's variants taken together are read per script: a Polish question is not covered by
        # the Polish words scattered over an entry's Ukrainian variants, nor the other way round (its
        # best variant still comes from any language).
        self.script_entry_terms = {latin: [frozenset(t) for t in by_entry] for latin, by_entry in script_terms.items()}
        self.entry_postings: dict[str, list[int]] = defaultdict(list)
        for i, terms in enumerate(entry_terms):
            for term in terms:
                self.entry_postings[term].append(i)
        for i, lang, text, pairs in raw:
            variant_terms = frozenset(term for _, term in pairs)
            vid = len(self.variants)
            weights = {latin: sum(table[t] for t in variant_terms) for latin, table in self.idf_by_script.items()}
            self.variants.append(Variant(i, lang, text, variant_terms, " ".join(sorted(variant_terms)), weights))
            for term in variant_terms:
                self.postings[term].append(vid)
        self.surface = surface
        self.variant_langs = frozenset(v.lang for v in self.variants)
        by_initial: dict[str, list[str]] = defaultdict(list)
        for form in surface:
            by_initial[form[0]].append(form)
        self._by_initial = dict(by_initial)
        self._entry_variants: dict[int, list[int]] = defaultdict(list)
        for vid, v in enumerate(self.variants):
            self._entry_variants[v.entry].append(vid)

    # -- query side -------------------------------------------------------------------------

    def _resolve(self, token: str, term: str, lang: str) -> tuple[str | None, float]:
        """The indexed term a query word stands for, and how sure (1.0 exact, less when a typo). A word
        of the question's own language is never corrected; a word only another language knows may be
        a typo ("lawer", a Polish word, in an English question is "lawyer")."""
        if term in self.idf:
            return term, 1.0
        if token in self.surface:
            return self.surface[token], 1.0
        if len(token) < 4 or token.isdigit() or term in QUESTION_WORDS:
            return None, 0.0
        # A Russian question is read against Ukrainian variants: any of its words may stand for one.
        known = lang in self.variant_langs and self.analyzer.is_word(token, lang)
        if known and len(token) < 7:
            return None, 0.0
        # Optimal string alignment counts a swap of two letters ("wrok") as one edit.
        cutoff = 0.85 if known else 0.74
        choices = self._by_initial.get(token[0], ())
        found = process.extractOne(token, choices, scorer=OSA.normalized_similarity, score_cutoff=cutoff)
        if found is None:
            return None, 0.0
        return self.surface[found[0]], found[1]

    def informative(self, token: str) -> float:
        """A word's share of its weight by how common it is in any of the languages read (1.0 for a rare word)."""
        s = self.settings
        zipf = max(self.analyzer.lexicon.zipf(token, lang) for lang in FREQUENCY_LANGS)
        if zipf <= s.rare_zipf:
            return 1.0
        if zipf >= s.common_zipf:
            return s.least_informative
        return 1.0 - (1.0 - s.least_informative) * (zipf - s.rare_zipf) / (s.common_zipf - s.rare_zipf)

    def _is_misspelt_function_word(self, token: str) -> bool:
        """True for an unknown token one edit away from a function word ("wher", "gdize")."""
        if len(token) < 4 or self.analyzer.is_word(token):
            return False
        return process.extractOne(token, FUNCTION_WORDS, scorer=OSA.distance, score_cutoff=1) is not None

    def _variant_hits(self, matched: list[tuple[str, float, float]]) -> dict[int, list[float]]:
        """Matched weight per candidate variant, [as the question weighs it, as the variant does].
        Candidates come from the query's rarest terms until there are about `candidate_cap` of them;
        commoner terms then only add to those candidates."""
        hits: dict[int, list[float]] = {}
        rest = []
        for term, gain, full in sorted(matched, key=lambda tg: len(self.postings.get(tg[0], ()))):
            postings = self.postings.get(term, ())
            if hits and len(hits) + len(postings) > self.settings.candidate_cap:
                rest.append((term, gain, full))
                continue
            for vid in postings:
                hit = hits.setdefault(vid, [0.0, 0.0])
                hit[0] += gain
                hit[1] += full
        for vid in hits if rest else ():
            terms = self.variants[vid].terms
            for term, gain, full in rest:
                if term in terms:
                    hits[vid][0] += gain
                    hits[vid][1] += full
        return hits

    def overlapping_entries(self, min_overlap: float, max_sharing: int = 20) -> list[tuple[Entry, Entry, float]]:
        """Pairs of entries whose question vocabularies mostly overlap (Jaccard >= `min_overlap`), found
        through the terms that at most `max_sharing` entries use; the out-of-scope pseudo-entry is left out."""
        seen, pairs = set(), []
        for sharing in self.entry_postings.values():
            if len(sharing) > max_sharing:
                continue
            for n, a in enumerate(sharing):
                for b in sharing[n + 1 :]:
                    if (a, b) in seen or OUT_OF_SCOPE in (self.entries[a].id, self.entries[b].id):
                        continue
                    seen.add((a, b))
                    ta, tb = self.entry_terms[a], self.entry_terms[b]
                    overlap = len(ta & tb) / len(ta | tb)
                    if overlap >= min_overlap:
                        pairs.append((self.entries[a], self.entries[b], overlap))
        return pairs

    def match(self, tokens: list[str], lang: str, story: frozenset[str] = frozenset()) -> MatchResult:
        """Score entries for a question given as folded tokens, best first. Words in `story` (told
        around the question sentence) weigh less in the question's coverage; a variant's coverage
        counts every matched word fully."""
        s = self.settings
        latin = lang in LATIN_LANGS
        idf, max_idf = self.idf_by_script[latin], self.max_idf_by_script[latin]
        query: list[tuple[str, str, float, float]] = []
        cover: dict[str, float] = {}  # a word's part in the question's coverage
        corrections: dict[str, str] = {}
        seen: set[str] = set()
        for token, term in self.analyzer.terms_of_tokens(tokens, lang):
            told = token in story
            resolved, factor = self._resolve(token, term, lang)
            if resolved is None:
                if term in QUESTION_WORDS or self._is_misspelt_function_word(token):
                    continue
                unknown = s.unknown_word_weight if self.analyzer.is_word(token) else s.unknown_token_weight
                share = (s.story_unknown_share if told else 1.0) * self.informative(token)
                query.append((token, term, unknown * max_idf * share, 0.0))
                cover[term] = cover.get(term, 0.0) + query[-1][2]
                continue
            if resolved in seen:
                continue
            seen.add(resolved)
            if factor < 1.0:
                corrections[token] = resolved
            weight = idf[resolved] * (s.story_share if told else 1.0)
            query.append((token, resolved, weight, factor))
            cover[resolved] = weight * factor * (1.0 - s.known_informative * (1.0 - self.informative(token)))
        total = sum(w for _, _, w, _ in query)
        cover_total = sum(cover.values())
        if total <= 0:
            return MatchResult([], query, corrections)
        matched = [(term, weight * factor, idf[term] * factor) for _, term, weight, factor in query if factor > 0]
        best_variant: dict[int, tuple[float, int]] = {}
        qs, vs = s.query_share, 1.0 - s.query_share
        hits = self._variant_hits(matched)
        for vid, (hit, full) in hits.items():
            v = self.variants[vid]
            score = (hit / total) ** qs * (full / v.weights[latin]) ** vs
            if score > best_variant.get(v.entry, (-1.0, -1))[0]:
                best_variant[v.entry] = (score, vid)
        pooled = {
            eid: self.script_entry_terms[latin][eid] | self.variants[vid].terms
            for eid, (_, vid) in best_variant.items()
        }
        entry_hits, covered = {}, {}
        for eid in best_variant:
            terms = pooled[eid]
            entry_hits[eid] = sum(gain for term, gain, _ in matched if term in terms)
            covered[eid] = sum(cover[term] for term, _, _ in matched if term in terms) / cover_total
        informative = {term: self.informative(token) * factor for token, term, _, factor in query if factor > 0}
        lexical = {
            eid: s.variant_share * vs + (1.0 - s.variant_share) * (entry_hits[eid] / total)
            for eid, (vs, _) in best_variant.items()
        }
        top = heapq.nlargest(s.rerank, lexical.items(), key=lambda kv: kv[1])
        joined = " ".join(sorted({term for _, term, _, f in query}))
        matched_terms = {term for _, term, _, f in query if f > 0}
        candidates = []
        for eid, lex in top:
            fz, vid = 0.0, best_variant[eid][1]
            if s.fuzzy_share > 0:
                for other in self._entry_variants[eid]:
                    if other != vid and (self.variants[other].lang in LATIN_LANGS) != latin:
                        continue
                    ratio = fuzz.token_sort_ratio(joined, self.variants[other].joined) / 100.0
                    if ratio > fz:
                        fz = ratio
            score = (1.0 - s.fuzzy_share) * lex + s.fuzzy_share * fz
            variant = self.variants[vid]
            candidates.append(
                Candidate(
                    self.entries[eid],
                    round(score, 4),
                    round(lex, 4),
                    round(fz, 4),
                    variant,
                    sorted(matched_terms & variant.terms),
                    round(covered[eid], 4),
                    round(hits[vid][1] / variant.weights[latin], 4),
                    round(sum(v for t, v in informative.items() if t in pooled[eid]), 4),
                )
            )
        candidates.sort(key=lambda c: c.score, reverse=True)
        return MatchResult(candidates, query, corrections)
