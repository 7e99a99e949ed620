"""Benchmark: per-question latency (p50, p99), start-up time and memory of the assistant, on the
shipped knowledge and on synthetic knowledge bases, beside two baselines over the same variants: the
naive rapidfuzz one (`process.extractOne` with `WRatio`) and BM25 over simplemma lemmas (`bm25s`
with its numba backend, bench-only dependencies: `pip install -e '.[bench]'`). At each synthetic size, our
assistant and bm25s are each built and timed in a forked child (Linux), and each one's memory is what
its build adds to the child's resident memory. Prints figures; asserts nothing.

    python bench/bench_matching.py [--questions FILE] [--sizes 1000 10000 50000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import os
import random
import resource
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.assistant import Assistant  # noqa: E402
from bot.core.lexicon import Lexicon  # noqa: E402
from bot.core.model import LANGS, Entry, Knowledge, Reply, Source  # noqa: E402
from bot.core.text import fold, tokens  # noqa: E402
from bot.i18n import Catalogs  # noqa: E402
from bot.knowledge.evaluation import evaluate, judge, load_items, summary  # noqa: E402
from bot.knowledge.lexicon_store import load_lexicon  # noqa: E402
from bot.knowledge.loader import load_knowledge  # noqa: E402

T = TypeVar("T")


def current_rss() -> int:
    """Resident memory of this process now, in bytes (Linux)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize()


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    s = sorted(samples)
    return s[len(s) // 2], s[min(len(s) - 1, int(len(s) * 0.99))], s[-1]


def time_replies(reply, questions: list[str], repeat: int) -> list[float]:
    for q in questions[:20]:
        reply(q)  # warm caches as a running bot would have them
    out = []
    for _ in range(repeat):
        for q in questions:
            t = time.perf_counter()
            reply(q)
            out.append((time.perf_counter() - t) * 1000)
    return out


def time_matching(assistant: Assistant, questions: list[str], repeat: int) -> list[float]:
    """The matcher alone (the index's lookup, scoring and ranking, as bm25s's retrieve is timed), on the
    words each question's reply passes it."""
    calls = []
    match = assistant.matcher.match

    def record(*args, **kwargs):
        calls.append((args, kwargs))
        return match(*args, **kwargs)

    assistant.matcher.match = record  # type: ignore[method-assign]
    try:
        for q in questions:
            assistant.reply(q)
    finally:
        del assistant.matcher.match
    out = []
    for _ in range(repeat):
        for args, kwargs in calls:
            t = time.perf_counter()
            match(*args, **kwargs)
            out.append((time.perf_counter() - t) * 1000)
    return out


#: The largest synthetic knowledge the naive baseline is timed on: it scans every variant per question.
NAIVE_UP_TO = 10_000


class NaiveBaseline:
    """`extractOne(WRatio)` over every folded variant; answer above a cut-off, else fallback."""

    def __init__(self, knowledge: Knowledge, cutoff: float = 86):
        self.knowledge, self.cutoff = knowledge, cutoff
        self.choices, self.owner = [], []
        for e in knowledge.entries:
            for lang in ("pl", "en"):
                for q in e.questions.get(lang, ()):
                    self.choices.append(fold(q))
                    self.owner.append((e, lang))

    def reply(self, text: str) -> Reply:
        found = process.extractOne(fold(text), self.choices, scorer=fuzz.WRatio)
        if found is None or found[1] < self.cutoff:
            return Reply("fallback", "pl", "", score=found[1] / 100 if found else 0.0)
        entry, lang = self.owner[found[2]]
        return Reply("answer", lang, entry.answer[lang], entry_id=entry.id, score=found[1] / 100)


class Bm25Baseline:
    """BM25 (`bm25s`) over the simplemma lemmas of every variant in every language (each word read
    as a lemma of each language, as the query is): the best variant's entry when its score reaches
    the cut-off, else fallback."""

    def __init__(self, knowledge: Knowledge, lexicon: Lexicon, cutoff: float = 0.0):
        import bm25s  # a bench-only dependency

        self.lexicon, self.cutoff = lexicon, cutoff
        docs, self.owner = [], []
        for e in knowledge.entries:
            for lang in LANGS:
                for q in e.questions.get(lang, ()):
                    docs.append(self.terms(q))
                    self.owner.append((e, lang))
        self.retriever = bm25s.BM25(backend=BM25_BACKEND)
        self.retriever.index(docs, show_progress=False)

    def index_bytes(self) -> int:
        """The size of the index's arrays (scores and vocabulary)."""
        arrays = sum(a.nbytes for a in self.retriever.scores.values() if hasattr(a, "nbytes"))
        vocab = sum(sys.getsizeof(k) + 8 for k in self.retriever.vocab_dict)
        return arrays + vocab

    def terms(self, text: str) -> list[str]:
        out: list[str] = []
        for token in tokens(text):
            out += sorted({self.lexicon.lemma(token, lang) or token for lang in ("pl", "en", "uk")})
        return out

    def best(self, text: str) -> tuple[int, float]:
        """The best variant's index and its BM25 score (-1, 0.0 for a question of no known word)."""
        terms = self.terms(text) or ["_"]
        docs, scores = self.retriever.retrieve([terms], k=1, show_progress=False)
        return int(docs[0][0]), float(scores[0][0])

    def reply(self, text: str) -> Reply:
        return self.decide(*self.best(text))

    def decide(self, doc: int, score: float) -> Reply:
        """The reply for the best variant and its score, at the current cut-off."""
        if doc < 0 or score <= 0 or score < self.cutoff:
            return Reply("fallback", "pl", "", score=score)
        entry, lang = self.owner[doc]
        return Reply("answer", lang, entry.answer[lang], entry_id=entry.id, score=score)

    def calibrate(self, items: list) -> float:
        """The cut-off that gets the most of the question set right (tuned on it: optimistic for BM25)."""
        scored = [(item, self.best(item.q)) for item in items]
        candidates = sorted({round(score, 2) for _, (_, score) in scored})
        best = (-1, 0.0)
        for cutoff in candidates[:: max(1, len(candidates) // 60)]:
            self.cutoff = cutoff
            right = sum(bool(judge(item, self.decide(doc, score)).ok) for item, (doc, score) in scored)
            best = max(best, (right, cutoff))
        self.cutoff = best[1]
        return self.cutoff


def numba_available() -> bool:
    try:
        import numba  # noqa: F401
    except ImportError:
        return False
    return True


#: bm25s's compiled backend when numba is installed (the fair baseline), else its numpy one.
BM25_BACKEND = "numba" if numba_available() else "numpy"


def bm25s_available() -> bool:
    try:
        import bm25s  # noqa: F401
    except ImportError:
        print("bm25s is not installed (pip install -e '.[bench]'): its baseline is left out")
        return False
    if BM25_BACKEND != "numba":
        print("numba is not installed: bm25s runs its numpy backend, slower from 10,000 entries")
    return True


def synthetic_knowledge(n_entries: int, real: Knowledge, seed: int = 7) -> tuple[Knowledge, list[str]]:
    """n entries of 8 variants each, built from real and made-up words (Zipf-like frequencies)."""
    rng = random.Random(seed)
    words = sorted(
        {
            w
            for e in real.entries
            for lang in ("pl", "en")
            for q in e.questions[lang]
            for w in fold(q).split()
            if w.isalpha() and len(w) > 3
        }
    )
    syllables = ["ka", "ro", "wi", "sze", "prz", "dom", "lan", "te", "mi", "ou", "ter", "bra", "no", "sk", "ja", "ely"]
    while len(words) < 30_000:
        words.append("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    # Cumulative weights once: the same draws as weights= gives, without summing 30,000 weights per draw.
    cum = list(itertools.accumulate(1 / (i + 1) ** 0.8 for i in range(len(words))))
    entries, questions = [], []
    for i in range(n_entries):
        topic = rng.choices(words, cum_weights=cum, k=3)
        variants = []
        for _ in range(8):
            variants.append(
                " ".join(topic[: rng.randint(1, 3)] + rng.choices(words, cum_weights=cum, k=rng.randint(2, 5)))
            )
        entries.append(
            Entry(
                f"e{i}",
                "synthetic",
                {"pl": variants[0], "en": variants[0]},
                {"pl": tuple(variants[:4]), "en": tuple(variants[4:])},
                {"pl": "x", "en": "x"},
                (Source("s", "p"),),
                "2026-01-01",
            )
        )
        if i % max(1, n_entries // 500) == 0:
            q = rng.choice(variants).split()
            rng.shuffle(q)
            questions.append(" ".join(q[:-1] if len(q) > 2 else q))
    kb = Knowledge(tuple(entries), real.contacts, real.crisis, real.smalltalk, real.fallback_contacts)
    return kb, questions


def line(label: str, samples: list[float]) -> str:
    p50, p99, mx = percentiles(samples)
    return f"{label:<34} p50 {p50:8.3f} ms   p99 {p99:8.3f} ms   max {mx:8.3f} ms   (n={len(samples)})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", default=str(ROOT / "eval" / "questions.yaml"))
    ap.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 50000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    t0 = time.perf_counter()
    lexicon = load_lexicon()
    t_lex = time.perf_counter() - t0
    catalogs = Catalogs()
    knowledge = load_knowledge(ROOT / "knowledge")
    t1 = time.perf_counter()
    assistant = Assistant(knowledge, lexicon, catalogs)
    t_index = time.perf_counter() - t1
    print(
        f"start-up: lexicon {t_lex * 1000:.0f} ms, knowledge+catalogs {(t1 - t0 - t_lex) * 1000:.0f} ms, "
        f"index {t_index * 1000:.1f} ms ({len(knowledge.entries)} entries, {assistant.matcher.variant_count} variants)"
    )

    path = Path(args.questions)
    if not path.exists():
        path = ROOT.parent / "shared" / "eval" / "dev-questions.yaml"
    items = load_items(path)
    questions = [i.q for i in items]
    print(f"\nshipped knowledge, {len(questions)} questions from {path.name}, one core:")
    print(line("assistant (whole reply)", time_replies(assistant.reply, questions, args.repeat)))
    print(line("assistant (matcher alone)", time_matching(assistant, questions, args.repeat)))
    naive = NaiveBaseline(knowledge)
    print(line("naive extractOne(WRatio)", time_replies(naive.reply, questions, args.repeat)))
    ours = summary(evaluate(assistant, items))
    base = summary([judge(i, naive.reply(i.q)) for i in items])
    fmt = lambda g: "  ".join(f"{k} {ok}/{n} ({ok / n:.2f})" for k, (ok, n) in sorted(g.items()))
    print(f"accuracy, assistant: {fmt(ours)}")
    print(f"accuracy, naive:     {fmt(base)}   (WRatio cut-off 86; no crisis check, no language choice)")
    with_bm25 = bm25s_available()
    if with_bm25:
        t = time.perf_counter()
        bm25 = Bm25Baseline(knowledge, lexicon)
        build = time.perf_counter() - t
        memory = bm25.index_bytes() / 2**20
        cutoff = bm25.calibrate(items)
        print(line(f"bm25s (lemmas, {BM25_BACKEND})", time_replies(bm25.reply, questions, args.repeat)))
        ranked = summary([judge(i, bm25.reply(i.q)) for i in items])
        print(
            f"accuracy, bm25s:     {fmt(ranked)}   (index {build:.2f} s, arrays {memory:.1f} MiB; score cut-off "
            f"{cutoff:.2f}, the best on this set; no crisis check, no language choice)"
        )

    for size in args.sizes:
        kb, qs = synthetic_knowledge(size, knowledge)
        print(f"\nsynthetic knowledge: {size} entries x 8 variants")
        # Each system is built and timed in a child of this process, so that each memory figure is
        # the same thing: what the build adds to the resident memory of a process holding the lexicon.
        in_child(partial(measure_assistant, kb, qs, lexicon, catalogs, args.repeat))
        if size <= NAIVE_UP_TO:
            naive = NaiveBaseline(kb)
            print(line("naive extractOne(WRatio)", time_replies(naive.reply, qs, 1)))
            del naive
        else:
            print(f"naive extractOne(WRatio): left out above {NAIVE_UP_TO} entries (seconds per question)")
        if with_bm25:
            in_child(partial(measure_bm25, kb, qs, lexicon, args.repeat))
        del kb
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"\npeak RSS: {rss:.0f} MiB this process (lexicon included), {children:.0f} MiB its largest child")


def in_child(measure: Callable[[], None]) -> None:
    """Run a measurement in a forked child (Linux), which prints its figures and exits."""
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        try:
            measure()
        finally:
            sys.stdout.flush()
            os._exit(0)
    os.waitpid(pid, 0)


def built(build: Callable[[], T]) -> tuple[T, float, float]:
    """What `build` returns, the seconds it took and the MiB it added to this process's resident memory."""
    gc.collect()
    before = current_rss()
    t = time.perf_counter()
    made = build()
    seconds = time.perf_counter() - t
    gc.collect()
    return made, seconds, (current_rss() - before) / 2**20


def measure_assistant(kb: Knowledge, qs: list[str], lexicon: Lexicon, catalogs: Catalogs, repeat: int) -> None:
    big, seconds, memory = built(lambda: Assistant(kb, lexicon, catalogs))
    arrays = big.matcher.index.nbytes() / 2**20
    print(
        f"assistant built in {seconds:.2f} s, resident memory +{memory:.1f} MiB (the matcher's arrays {arrays:.1f} MiB)"
    )
    print(line("assistant (whole reply)", time_replies(big.reply, qs, repeat)))
    print(line("assistant (matcher alone)", time_matching(big, qs, repeat)))


def measure_bm25(kb: Knowledge, qs: list[str], lexicon: Lexicon, repeat: int) -> None:
    bm25, seconds, memory = built(lambda: Bm25Baseline(kb, lexicon))
    arrays = bm25.index_bytes() / 2**20
    print(
        f"bm25s index built in {seconds:.2f} s, resident memory +{memory:.1f} MiB (its arrays and vocabulary {arrays:.1f} MiB)"
    )
    print(line(f"bm25s (lemmas, {BM25_BACKEND})", time_replies(bm25.reply, qs, repeat)))


if __name__ == "__main__":
    main()
