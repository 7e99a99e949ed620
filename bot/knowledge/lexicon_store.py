"""A compact Polish, English, Ukrainian and Russian lexicon derived from simplemma's dictionaries.

simplemma maps 3.7 million Polish word forms to lemmas, but only as written with diacritics,
and loading it takes seconds and over 400 MB. Residents often type without diacritics, so every
form is folded (ł→l, ą→a …) and kept, sorted and front-coded in blocks, with the folded lemmas it
may be; a lookup bisects the blocks' first forms and reads one block.

Folding 6 million forms takes a minute and over a gigabyte, so it is done once, by
scripts/build_lexicon.py (bot/knowledge/lexicon_fold.py), and the result ships compressed in the
package (bot/data/lexicon-packed.bin, 5.6 MiB, stamped with the simplemma version and the folding it
was made with). The first start unpacks it into $BOT_CACHE_DIR (0.5–0.9 s, 56 MB); later starts
read that file (tenths of a second). When the installed simplemma or the folding differs from the
shipped file's, the lexicon is folded from the installed simplemma instead, once, as before.
"""

from __future__ import annotations

import array
import bisect
import importlib.metadata
import json
import logging
import lzma
import os
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from bot.core.text import fold
from bot.knowledge.lexicon_fold import fold_table, simplemma_pairs, uint32

log = logging.getLogger(__name__)

FORMAT = 4
MAGIC = b"EQLEX"
#: Polish and English for matching; Ukrainian and Russian for recognising the language and danger.
LANGS = ("pl", "en", "uk", "ru")
#: The sections of a table, in the order they are stored: the records (`fold_table`), where each
#: block of records starts in them (and one past the last), and the first form of each block,
#: newline-separated.
SECTIONS = ("records", "blocks", "heads")
#: The prebuilt lexicon shipped in the package.
SHIPPED_FILE = Path(__file__).resolve().parents[1] / "data" / "lexicon-packed.bin"


class _Table:
    """Folded form → folded lemmas (several when folding makes two words one: "noz" is nóż and
    nożia), for one language; the first is the one simplemma gives the form that sorts first."""

    def __init__(self, records: bytes | memoryview, blocks: array.array, heads: bytes | memoryview):
        self.records, self.blocks = records, blocks
        self.heads = bytes(heads).split(b"\n") if len(heads) else []

    def lemmas(self, token: str) -> tuple[str, ...]:
        key = token.encode("utf-8")
        b = bisect.bisect_right(self.heads, key) - 1
        if b < 0:
            return ()
        data, at, end = self.records, self.blocks[b], self.blocks[b + 1]
        form = b""
        while at < end:
            shared, length = data[at], data[at + 1]
            form = form[:shared] + data[at + 2 : at + 2 + length]
            at += 2 + length
            count = data[at]
            at += 1
            if form == key:
                out = []
                for _ in range(count):
                    trim, length = data[at], data[at + 1]
                    out.append((form[: len(form) - trim] + data[at + 2 : at + 2 + length]).decode("utf-8"))
                    at += 2 + length
                return tuple(out)
            if form > key:
                return ()
            for _ in range(count):
                at += 2 + data[at + 1]
        return ()

    def lemma(self, token: str) -> str | None:
        found = self.lemmas(token)
        return found[0] if found else None


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

    @classmethod
    def load(cls, path: Path, source: str | None = None) -> FoldedLexicon | None:
        """Read tables written by `write_tables`; None when the file is missing, of another format
        or simplemma version (`source`, by default the installed one), or damaged."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            tables = _tables(data, source or _source_version())
        except (ValueError, KeyError, TypeError, IndexError):
            tables = None
        return cls(tables) if tables is not None else None

    @classmethod
    def build(cls) -> FoldedLexicon:
        """Fold the tables from the installed simplemma's dictionaries (a minute and over a gigabyte)."""
        return cls({lang: _in_memory(fold_table(simplemma_pairs(lang))) for lang in LANGS})


def _in_memory(sections: dict[str, bytes]) -> _Table:
    blocks = uint32([])
    blocks.frombytes(sections["blocks"])
    return _Table(sections["records"], blocks, sections["heads"])


def _tables(data: bytes, source: str) -> dict[str, _Table] | None:
    """The tables of a file written by `write_tables`."""
    sections = _split(data, source)
    return None if sections is None else {lang: _in_memory(sections[lang]) for lang in LANGS}


def _split(data: bytes, source: str) -> dict[str, dict[str, bytes]] | None:
    if not data.startswith(MAGIC + b"\n"):
        return None
    header_end = data.index(b"\n", len(MAGIC) + 1) + 1
    header = json.loads(data[len(MAGIC) + 1 : header_end])
    if not _fits(header, source):
        return None
    sections: dict[str, dict[str, bytes | memoryview]] = {}
    view = memoryview(data)  # the sections are views into the file's bytes, not copies
    at = header_end
    for lang in LANGS:
        sections[lang] = {}
        for name in SECTIONS:
            size = header["tables"][lang][name]
            at += -at % 8  # every section starts 8-byte aligned
            if at + size > len(data):
                return None
            sections[lang][name] = view[at : at + size]
            at += size
    if at != len(data):
        return None
    return sections


def _raw(tables: dict[str, dict[str, bytes]], source: str) -> list[bytes]:
    """The file `_tables` reads, in pieces: a header, then every section, 8-byte aligned."""
    layout = {lang: {name: len(tables[lang][name]) for name in SECTIONS} for lang in LANGS}
    header = {**_stamp(source), "tables": layout}
    chunks = [MAGIC + b"\n" + json.dumps(header).encode() + b"\n"]
    at = len(chunks[0])
    for lang in LANGS:
        for name in SECTIONS:
            chunks.append(b"\0" * (-at % 8))
            at += -at % 8
            chunks.append(tables[lang][name])
            at += len(tables[lang][name])
    return chunks


def atomic_write(path: Path, chunks: list[bytes], mode: int | None = None) -> None:
    """Write `chunks` to `path` through a temporary file beside it, so a reader sees the old file or the new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
    try:
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_tables(path: Path, tables: dict[str, dict[str, bytes]], source: str) -> None:
    """Write the sections of every language's table to `path` atomically, as `load` maps them."""
    atomic_write(path, _raw(tables, source))


def write_shipped(path: Path, tables: dict[str, dict[str, bytes]], source: str, preset: int = 9) -> None:
    """Write the tables xz-compressed, section by section (the block offsets as differences), for
    the package."""
    text = [{"id": lzma.FILTER_LZMA2, "preset": preset}]
    numbers = [{"id": lzma.FILTER_DELTA, "dist": 4}, *text]
    packed = {
        lang: {
            name: lzma.compress(tables[lang][name], lzma.FORMAT_XZ, filters=numbers if name == "blocks" else text)
            for name in SECTIONS
        }
        for lang in LANGS
    }
    layout = {lang: {name: len(packed[lang][name]) for name in SECTIONS} for lang in LANGS}
    header = {**_stamp(source), "packed": layout}
    chunks = [MAGIC + b"\n" + json.dumps(header).encode() + b"\n"]
    chunks += [packed[lang][name] for lang in LANGS for name in SECTIONS]
    atomic_write(path, chunks, 0o644)


def read_shipped(path: Path, source: str) -> dict[str, dict[str, bytes]] | None:
    """The sections of the shipped file, unpacked; None when it is missing, damaged, or for another
    simplemma version than `source` (known before anything is unpacked)."""
    try:
        with open(path, "rb") as f:
            if f.readline() != MAGIC + b"\n":
                return None
            header = json.loads(f.readline())
            if not _fits(header, source):
                return None
            tables: dict[str, dict[str, bytes]] = {}
            for lang in LANGS:
                tables[lang] = {}
                for name in SECTIONS:
                    size = header["packed"][lang][name]
                    data = f.read(size)
                    if len(data) != size:
                        return None
                    tables[lang][name] = lzma.decompress(data, lzma.FORMAT_XZ)
            return tables
    except (OSError, ValueError, KeyError, TypeError, lzma.LZMAError):
        return None


def _sections(lexicon: FoldedLexicon) -> dict[str, dict[str, bytes]]:
    return {
        lang: {"records": t.records, "blocks": bytes(t.blocks), "heads": b"\n".join(t.heads)}
        for lang, t in lexicon.tables.items()
    }


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


#: Text that shows how the bot folds (bot.core.text.fold): a file folded otherwise is not used.
FOLD_PROBE = "ŁÓDŹ żółć ĄĘŚŃ Straße ﬁ café über Йод ёлка м'ясо м’ясо ґанок ЇЄІ"


def _stamp(source: str) -> dict:
    """What a lexicon file says it was made for: this format, simplemma version, byte order and folding."""
    return {"format": FORMAT, "source": source, "byteorder": sys.byteorder, "fold": fold(FOLD_PROBE)}


def _fits(header: dict, source: str) -> bool:
    return all(header.get(name) == value for name, value in _stamp(source).items())


def _source_version() -> str:
    """The installed simplemma's version, read from its metadata (importing it takes longer)."""
    try:
        return f"simplemma-{importlib.metadata.version('simplemma')}"
    except importlib.metadata.PackageNotFoundError:
        return "simplemma-unknown"


def cache_dir() -> Path:
    """Where derived data is cached: $BOT_CACHE_DIR, else $XDG_CACHE_HOME/equality-bot, else ~/.cache."""
    if os.environ.get("BOT_CACHE_DIR"):
        return Path(os.environ["BOT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "equality-bot"


_loaded: FoldedLexicon | None = None


def load_lexicon(directory: Path | None = None, shipped: Path = SHIPPED_FILE) -> FoldedLexicon:
    """The lexicon from the cache; else unpacked from the shipped file into the cache; else (another
    simplemma than the shipped file's) folded from simplemma and cached. Once per process."""
    global _loaded
    if _loaded is not None and directory is None:
        return _loaded
    path = (directory or cache_dir()) / f"lexicon-v{FORMAT}.bin"
    lexicon = FoldedLexicon.load(path)
    if lexicon is None:
        lexicon = _unpack_shipped(shipped, path)
    if lexicon is None:
        log.warning(
            "Folding the word lexicon from simplemma %s once (the package's prebuilt one is missing or "
            "for another simplemma version or folding); this takes about a minute.",
            _source_version().removeprefix("simplemma-"),
        )
        lexicon = FoldedLexicon.build()
        try:
            write_tables(path, _sections(lexicon), _source_version())
        except OSError as exc:
            log.warning(
                "Could not cache the lexicon in %s (%s); it will be rebuilt next time.", path.parent, exc.strerror
            )
    if directory is None:
        _loaded = lexicon
    return lexicon


def _unpack_shipped(shipped: Path, path: Path) -> FoldedLexicon | None:
    """The shipped lexicon, unpacked and written to `path` for the next start; None when it is
    missing, damaged or for another simplemma."""
    source = _source_version()
    sections = read_shipped(shipped, source)
    if sections is None:
        return None
    try:
        write_tables(path, sections, source)
    except OSError as exc:
        log.warning(
            "Could not cache the lexicon in %s (%s); it is unpacked again next time.", path.parent, exc.strerror
        )
    return FoldedLexicon({lang: _in_memory(sections[lang]) for lang in LANGS})
