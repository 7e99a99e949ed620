"""A compact Polish, English, Ukrainian and Russian lexicon derived from simplemma's dictionaries, cached on disk.

simplemma maps 3.7 million Polish word forms to lemmas, but only as written with diacritics,
and loading it takes seconds and over 400 MB. Residents often type without diacritics, so we
fold every form (ł→l, ą→a …), keep a 64-bit hash of each folded form in a sorted array next to
the index of its folded lemma, and write that to a cache file once. Loading the cache takes
milliseconds and about 45 MB; a lookup is a binary search.
"""

from __future__ import annotations

import array
import bisect
import hashlib
import json
import logging
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from bot.core.text import fold

log = logging.getLogger(__name__)

FORMAT = 3
MAGIC = b"EQLEX"
#: Polish and English for matching; Ukrainian and Russian for recognising the language and danger.
LANGS = ("pl", "en", "uk", "ru")
#: Most lemmas kept for one folded form.
MAX_LEMMAS = 4


def _hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest(), "little")


class _Table:
    """Folded form hash → folded lemmas (several when folding makes two words one: "noz" is nóż and
    nożia), for one language; the first is the one simplemma gives the most common spelling."""

    def __init__(self, keys: array.array, lemma_ids: array.array, offsets: array.array, blob: bytes):
        self.keys, self.lemma_ids, self.offsets, self.blob = keys, lemma_ids, offsets, blob

    def _text(self, lid: int) -> str:
        return self.blob[self.offsets[lid] : self.offsets[lid + 1]].decode("utf-8")

    def lemma(self, token: str) -> str | None:
        h = _hash(token)
        i = bisect.bisect_left(self.keys, h)
        if i == len(self.keys) or self.keys[i] != h:
            return None
        return self._text(self.lemma_ids[i])

    def lemmas(self, token: str) -> tuple[str, ...]:
        h = _hash(token)
        i = bisect.bisect_left(self.keys, h)
        out = []
        while i < len(self.keys) and self.keys[i] == h:
            out.append(self._text(self.lemma_ids[i]))
            i += 1
        return tuple(out)

    def arrays(self) -> list[tuple[str, array.array | bytes]]:
        return [("keys", self.keys), ("lemma_ids", self.lemma_ids), ("offsets", self.offsets), ("blob", self.blob)]


def _build_table(lang: str) -> _Table:
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    source = DefaultDictionaryFactory().get_dictionary(lang)
    lemma_index: dict[str, int] = {}
    by_hash: dict[int, list[int]] = {}

    def add(h: int, lid: int) -> None:
        lids = by_hash.setdefault(h, [])
        if lid not in lids and len(lids) < MAX_LEMMAS:
            lids.append(lid)

    for form, lemma in source.items():
        if isinstance(lemma, bytes):
            lemma = lemma.decode("utf-8")
        folded_lemma = fold(lemma)
        lid = lemma_index.setdefault(folded_lemma, len(lemma_index))
        add(_hash(fold(form)), lid)
    for folded_lemma, lid in list(lemma_index.items()):
        if _hash(folded_lemma) not in by_hash:
            by_hash[_hash(folded_lemma)] = [lid]
    pairs = [(h, lid) for h in sorted(by_hash) for lid in by_hash[h]]
    keys = array.array("Q", (h for h, _ in pairs))
    lemma_ids = array.array("I", (lid for _, lid in pairs))
    lemmas = sorted(lemma_index, key=lemma_index.__getitem__)
    encoded = [lemma.encode("utf-8") for lemma in lemmas]
    offsets = array.array("I", [0])
    for item in encoded:
        offsets.append(offsets[-1] + len(item))
    return _Table(keys, lemma_ids, offsets, b"".join(encoded))


class FoldedLexicon:
    """Lemmas of folded tokens in Polish, English, Ukrainian and Russian (implements bot.core.lexicon.Lexicon)."""

    def __init__(self, tables: dict[str, _Table], frequencies: dict[str, dict[str, float]] | None = None):
        self.tables = tables
        self.frequencies = load_frequencies() if frequencies is None else frequencies
        self.lemma = lru_cache(maxsize=200_000)(self._lemma)
        self.lemmas = lru_cache(maxsize=100_000)(self._lemmas)

    def zipf(self, token: str, lang: str) -> float:
        return self.frequencies.get(lang, {}).get(token, 0.0)

    def _lemma(self, token: str, lang: str) -> str | None:
        table = self.tables.get(lang)
        return table.lemma(token) if table is not None else None

    def _lemmas(self, token: str, lang: str) -> tuple[str, ...]:
        table = self.tables.get(lang)
        return table.lemmas(token) if table is not None else ()

    # -- persistence ------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the tables to `path` atomically."""
        layout: dict[str, dict[str, list[str | int]]] = {}
        chunks: list[bytes] = []
        for lang, table in self.tables.items():
            layout[lang] = {}
            for name, arr in table.arrays():
                data = arr if isinstance(arr, bytes) else arr.tobytes()
                layout[lang][name] = [arr.typecode if not isinstance(arr, bytes) else "B", len(data)]
                chunks.append(data)
        header = {"format": FORMAT, "source": _source_version(), "tables": layout}
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-")
        with os.fdopen(fd, "wb") as out:
            out.write(MAGIC + b"\n" + json.dumps(header).encode() + b"\n")
            for chunk in chunks:
                out.write(chunk)
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> FoldedLexicon | None:
        """Read tables written by `save`; None when the file is missing, stale or damaged."""
        try:
            with open(path, "rb") as f:
                if f.readline() != MAGIC + b"\n":
                    return None
                header = json.loads(f.readline())
                if header.get("format") != FORMAT or header.get("source") != _source_version():
                    return None
                tables = {}
                for lang in LANGS:
                    arrays: dict[str, array.array] = {}
                    blob = b""
                    for name, (typecode, size) in header["tables"][lang].items():
                        data = f.read(size)
                        if len(data) != size:
                            return None
                        if typecode == "B":
                            blob = data
                        else:
                            arrays[name] = array.array(typecode)
                            arrays[name].frombytes(data)
                    tables[lang] = _Table(arrays["keys"], arrays["lemma_ids"], arrays["offsets"], blob)
                return cls(tables)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    @classmethod
    def build(cls) -> FoldedLexicon:
        """Derive the tables from simplemma's dictionaries (about 40 s and 1.5 GB, once)."""
        return cls({lang: _build_table(lang) for lang in LANGS})


#: How common frequent words are (scripts/build_word_frequency.py writes it from wordfreq's data).
FREQUENCY_FILE = Path(__file__).resolve().parents[1] / "data" / "word-frequency.tsv"


def load_frequencies(path: Path = FREQUENCY_FILE) -> dict[str, dict[str, float]]:
    """Zipf frequency per language and folded word; empty (every unknown word then weighs fully) with
    one warning when the file is missing or damaged."""
    out: dict[str, dict[str, float]] = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                lang, word, zipf = line.rstrip("\n").split("\t")
                out.setdefault(lang, {})[word] = float(zipf)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        log.warning("word frequencies not read from %s (%s); unknown words all weigh fully", path, type(exc).__name__)
        return {}
    return out


def _source_version() -> str:
    import simplemma

    return f"simplemma-{getattr(simplemma, '__version__', 'unknown')}"


def cache_dir() -> Path:
    """Where derived data is cached: $BOT_CACHE_DIR, else $XDG_CACHE_HOME/equality-bot, else ~/.cache."""
    if os.environ.get("BOT_CACHE_DIR"):
        return Path(os.environ["BOT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "equality-bot"


_loaded: FoldedLexicon | None = None


def load_lexicon(directory: Path | None = None) -> FoldedLexicon:
    """The lexicon from the cache, building and caching it first if needed (once per process)."""
    global _loaded
    if _loaded is not None and directory is None:
        return _loaded
    path = (directory or cache_dir()) / f"lexicon-v{FORMAT}.bin"
    lexicon = FoldedLexicon.load(path)
    if lexicon is None:
        log.warning("Building the word lexicon from simplemma once; this takes about 40 seconds.")
        lexicon = FoldedLexicon.build()
        try:
            lexicon.save(path)
        except OSError as exc:
            log.warning(
                "Could not cache the lexicon in %s (%s); it will be rebuilt next time.", path.parent, exc.strerror
            )
    if directory is None:
        _loaded = lexicon
    return lexicon
