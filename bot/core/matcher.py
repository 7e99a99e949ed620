"""Finds the entry a question is about: rare words weighing most, typo tolerance, candidates scored in bulk."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from bot.core import stopwords
from bot.core.analysis import Analyzer
from bot.core.model import LANGS, Entry
from bot.core.term_index import LATIN_LANGS, TermIndex, uses_in_script, variant_hits

FUNCTION_WORDS = sorted(
    w
    for w in stopwords.POLISH | stopwords.ENGLISH | stopwords.UKRAINIAN | stopwords.RUSSIAN | stopwords.QUESTION_WORDS
    if len(w) >= 3
)
QUESTION_WORDS = stopwords.QUESTION_WORDS
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
    out-of-scope phrases as one pseudo-entry that, when it wins, means "not ours". The index is held
    in arrays (bot/core/term_index.py) and a question's candidates are scored in bulk."""

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
        self.index = TermIndex(entries, analyzer, self.settings.question_word_weight)
        self.idf_by_script = self.index.idf_by_script
        self.max_idf_by_script = {
            latin: max(table.values(), default=1.0) for latin, table in self.idf_by_script.items()
        }
        self.idf = self.idf_by_script[True]
        self.max_idf = self.max_idf_by_script[True]
        self.surface = self.index.surface
        self.variant_langs = frozenset(LANGS[code] for code in np.unique(self.index.variant_lang).tolist())
        by_initial: dict[str, list[str]] = defaultdict(list)
        for form in self.surface:
            by_initial[form[0]].append(form)
        self._by_initial = dict(by_initial)
        # The index never changes: what a word resolves to and how informative it is are kept.
        self._resolve = lru_cache(maxsize=50_000)(self._resolve_word)
        self.informative = lru_cache(maxsize=50_000)(self._informative)
        self._is_misspelt_function_word = lru_cache(maxsize=50_000)(self._misspelt_function_word)
        self.variant = lru_cache(maxsize=4096)(self._variant)
        self._joined_of = lru_cache(maxsize=4096)(self._joined_variants)

    @property
    def variant_count(self) -> int:
        return len(self.index.variant_text)

    def entries_using(self, term: str) -> int:
        """How many entries use a term in their variants (0 for a term the knowledge never uses)."""
        tid = self.index.vocab.get(term)
        return 0 if tid is None else len(self.index.entries_with(tid))

    def _variant(self, vid: int) -> Variant:
        """One variant as an object (built for the few candidates a question ends with)."""
        index = self.index
        terms = index.variant_terms(vid)
        weights = {latin: float(index.variant_weight[latin][vid]) for latin in (True, False)}
        lang = LANGS[int(index.variant_lang[vid])]
        return Variant(
            int(index.variant_entry[vid]), lang, index.variant_text[vid], terms, " ".join(sorted(terms)), weights
        )

    def _joined_variants(self, eid: int, latin: bool) -> tuple[str, ...]:
        """The sorted terms of an entry's variants in one script, joined (for the whole-question similarity)."""
        start, end = self.index.entry_starts[eid], self.index.entry_starts[eid + 1]
        return tuple(
            self.variant(vid).joined
            for vid in range(int(start), int(end))
            if (LANGS[int(self.index.variant_lang[vid])] in LATIN_LANGS) == latin
        )

    # -- query side -------------------------------------------------------------------------

    def _resolve_word(self, token: str, term: str, lang: str) -> tuple[str | None, float]:
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

    def _informative(self, token: str) -> float:
        """A word's share of its weight by how common it is in any of the languages read (1.0 for a rare word)."""
        s = self.settings
        zipf = max(self.analyzer.lexicon.zipf(token, lang) for lang in FREQUENCY_LANGS)
        if zipf <= s.rare_zipf:
            return 1.0
        if zipf >= s.common_zipf:
            return s.least_informative
        return 1.0 - (1.0 - s.least_informative) * (zipf - s.rare_zipf) / (s.common_zipf - s.rare_zipf)

    def _misspelt_function_word(self, token: str) -> bool:
        """True for an unknown token one edit away from a function word ("wher", "gdize")."""
        if len(token) < 4 or self.analyzer.is_word(token):
            return False
        return process.extractOne(token, FUNCTION_WORDS, scorer=OSA.distance, score_cutoff=1) is not None

    def overlapping_entries(self, min_overlap: float, max_sharing: int = 20) -> list[tuple[Entry, Entry, float]]:
        """Pairs of entries whose question vocabularies mostly overlap (Jaccard >= `min_overlap`), found
        through the terms that at most `max_sharing` entries use; the out-of-scope pseudo-entry is left out."""
        seen, pairs = set(), []
        terms_of = lru_cache(maxsize=None)(self.index.entry_terms)
        for term in range(len(self.index.terms)):
            sharing = self.index.entries_with(term).tolist()
            if len(sharing) > max_sharing:
                continue
            for n, a in enumerate(sharing):
                for b in sharing[n + 1 :]:
                    if (a, b) in seen or OUT_OF_SCOPE in (self.entries[a].id, self.entries[b].id):
                        continue
                    seen.add((a, b))
                    ta, tb = terms_of(a), terms_of(b)
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
        if not matched:
            return MatchResult([], query, corrections)
        qs, vs = s.query_share, 1.0 - s.query_share
        hits = variant_hits(self.index, matched, s.candidate_cap)
        index = self.index
        score = (hits.gain / total) ** qs * (hits.full / index.variant_weight[latin][hits.vids]) ** vs
        # Each entry's best variant: the highest score, the first found among equals. Candidates are
        # in ascending order, and an entry's variants are contiguous, so each entry is one run.
        owner = index.variant_entry[hits.vids]
        change = np.empty(len(owner), dtype=bool)
        change[0] = True
        np.not_equal(owner[1:], owner[:-1], out=change[1:])
        starts = np.flatnonzero(change)
        run = np.cumsum(change) - 1
        top_score = np.maximum.reduceat(score, starts)
        among_best = np.where(score == top_score[run], hits.first, np.iinfo(np.int64).max)
        best = np.flatnonzero(among_best == np.minimum.reduceat(among_best, starts)[run])
        eids, best_vids, best_score = owner[starts], hits.vids[best], score[best]
        found_first = np.minimum.reduceat(hits.first, starts)
        # Which matched terms each entry's variants in the question's script, or its best variant, use. Every
        # variant using one of the rarer terms is a candidate; the commoner terms are looked up in the index.
        in_script = hits.uses & (index.variant_latin[hits.vids] == latin)[:, None]
        pooled = np.logical_or.reduceat(in_script, starts, axis=0)
        pooled |= hits.uses[best]
        if hits.looked_up:
            script = index.script_postings[latin]
            pooled[:, hits.looked_up] |= uses_in_script(script, [hits.term_ids[j] for j in hits.looked_up], eids)
        # Summed term by term in the question's order (cumsum adds sequentially, as a loop would).
        entry_gain = np.cumsum(np.where(pooled, [gain for _, gain, _ in matched], 0.0), axis=1)[:, -1]
        covered = np.cumsum(np.where(pooled, [cover[term] for term, _, _ in matched], 0.0), axis=1)[:, -1]
        covered /= cover_total
        lexical = s.variant_share * best_score + (1.0 - s.variant_share) * (entry_gain / total)
        top = np.lexsort((found_first, -lexical))[: s.rerank]
        joined = " ".join(sorted({term for _, term, _, f in query}))
        matched_terms = {term for _, term, _, f in query if f > 0}
        informative = {term: self.informative(token) * factor for token, term, _, factor in query if factor > 0}
        # How informative the words each of the top entries matches are, summed in the question's order.
        content = np.cumsum(np.where(pooled[top], [informative[term] for term, _, _ in matched], 0.0), axis=1)[:, -1]
        top_vids = best_vids[top]
        variant_coverage = hits.full[best][top] / index.variant_weight[latin][top_vids]
        chosen = [(int(eids[at]), self.variant(vid)) for at, vid in zip(top.tolist(), top_vids.tolist(), strict=True)]
        fuzzy = self._fuzzy(joined, chosen, latin) if s.fuzzy_share > 0 else [0.0] * len(chosen)
        lex_top = lexical[top]
        scores = (1.0 - s.fuzzy_share) * lex_top + s.fuzzy_share * np.array(fuzzy, dtype=np.float64)
        candidates = [
            Candidate(
                self.entries[eid],
                round(total_score, 4),
                round(lex, 4),
                round(fz, 4),
                variant,
                sorted(matched_terms & variant.terms),
                round(cov, 4),
                round(vcov, 4),
                round(cnt, 4),
            )
            for (eid, variant), total_score, lex, fz, cov, vcov, cnt in zip(
                chosen,
                scores.tolist(),
                lex_top.tolist(),
                fuzzy,
                covered[top].tolist(),
                variant_coverage.tolist(),
                content.tolist(),
                strict=True,
            )
        ]
        candidates.sort(key=lambda c: c.score, reverse=True)
        return MatchResult(candidates, query, corrections)

    def _fuzzy(self, joined: str, chosen: list[tuple[int, Variant]], latin: bool) -> list[float]:
        """For each (entry, best variant): the whole question's best similarity to the entry's variants
        in its script, or to its best variant. The terms on both sides are sorted already, so the plain
        ratio is the token-sort ratio; one call scores them all."""
        choices: list[str] = []
        ends = []
        for eid, best in chosen:
            choices.extend(self._joined_of(eid, latin))
            if (best.lang in LATIN_LANGS) != latin:
                choices.append(best.joined)
            ends.append(len(choices))
        ratios = process.cdist([joined], choices, scorer=fuzz.ratio, dtype=np.float64, workers=1)[0]
        similarity: list[float] = (np.maximum.reduceat(ratios, [0] + ends[:-1]) / 100.0).tolist()
        return similarity
