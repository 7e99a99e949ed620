"""The knowledge as last read and validated, cached in $BOT_CACHE_DIR so that a start takes milliseconds
instead of the second reading and validating the shipped YAML takes.

The cache is keyed by the bytes of every knowledge file (the YAML and the danger model's weights,
bot/knowledge/files.py) and of the code that reads and models them (bot/knowledge, bot/core): any
edit to a file, a file added or removed, or a new version of the bot means the knowledge is read and
validated again, as without the cache. Knowledge with errors is never cached. The file is written
atomically; one that cannot be read back is ignored with a warning and replaced. `validate`, `review`
and the running bot's reload always read the files themselves (bot/knowledge/gate.py).
"""

from __future__ import annotations

import array
import dataclasses
import hashlib
import itertools
import logging
import pickle
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

from bot.core.danger_model import DangerModel
from bot.core.model import Knowledge
from bot.knowledge.files import watched_files
from bot.knowledge.lexicon_store import atomic_write, cache_dir
from bot.knowledge.loader import load_knowledge

log = logging.getLogger(__name__)

FORMAT = 1
FILE_NAME = f"knowledge-v{FORMAT}.pickle"
MAGIC = b"EQKNOW"
#: The code whose change changes what the same files are read into.
_CODE = [Path(__file__).resolve().parents[1] / name for name in ("core", "knowledge")]


def key(directory: Path) -> str:
    """A digest of the knowledge files of `directory`, their names, and the code that reads them
    (raises OSError when a file cannot be read)."""
    digest = hashlib.sha256()  # twice as fast as blake2b where the CPU has SHA instructions
    digest.update(f"{FORMAT} {sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    for folder in _CODE:
        for path in sorted(folder.glob("*.py")):
            digest.update(f"{folder.name}/{path.name}\0".encode() + path.read_bytes() + b"\0")
    for path in watched_files(directory):
        digest.update(f"knowledge/{path.name}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()


def load_knowledge_cached(directory: Path, cache: Path | None = None) -> Knowledge:
    """The knowledge in `directory` (raises KnowledgeError listing every error, as load_knowledge):
    from the cache when it holds these very files, else read, validated and cached."""
    directory = Path(directory)
    try:
        wanted = key(directory)
    except OSError:  # a file that cannot be read: the loader says which, as an error
        return load_knowledge(directory)
    path = (cache or cache_dir()) / FILE_NAME
    knowledge = _read(path, wanted)
    if knowledge is None:
        knowledge = load_knowledge(directory)
        _write(path, wanted, knowledge)
    return knowledge


def _read(path: Path, wanted: str) -> Knowledge | None:
    try:
        with open(path, "rb") as f:
            if f.readline() != MAGIC + b" " + wanted.encode() + b"\n":
                return None  # other files, another version, or not a cache file: read them afresh
            data = f.read()
    except OSError:
        return None
    try:
        knowledge, packed = pickle.loads(data)
        if not isinstance(knowledge, Knowledge):
            raise TypeError(type(knowledge).__name__)
        if packed is not None:
            knowledge = dataclasses.replace(
                knowledge, crisis=dataclasses.replace(knowledge.crisis, model=_unpack(*packed))
            )
        return knowledge
    except Exception as exc:  # noqa: BLE001 - whatever a damaged pickle raises, the files are read instead
        log.warning(
            "The cached knowledge in %s is damaged (%s); reading the knowledge files.", path, type(exc).__name__
        )
        return None


def _write(path: Path, wanted: str, knowledge: Knowledge) -> None:
    model = knowledge.crisis.model
    packed = None
    if model is not None and len({len(w) for w in model.weights.values()}) == 1:
        # Its half a million weights as one array of floats: a quarter of the time to read back.
        knowledge = dataclasses.replace(knowledge, crisis=dataclasses.replace(knowledge.crisis, model=None))
        packed = _pack(model)
    try:
        data = pickle.dumps((knowledge, packed), protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write(path, [MAGIC + b" " + wanted.encode() + b"\n", data])
    except OSError as exc:
        log.warning("Could not cache the knowledge in %s (%s); it is read afresh next time.", path.parent, exc.strerror)


def _pack(model: DangerModel) -> tuple:
    width = len(next(iter(model.weights.values()), ()))
    flat = array.array("d", itertools.chain.from_iterable(model.weights.values()))
    return (list(model.weights), flat, width, model.bias, model.threshold, model.situations, model.situation_bias)


def _unpack(
    grams: list[str], flat: array.array, width: int, bias, threshold, situations, situation_bias
) -> DangerModel:
    if len(flat) != len(grams) * width:
        raise ValueError("the weights do not fill the n-grams")
    return DangerModel(PackedWeights(grams, flat, width), bias, threshold, situations, situation_bias)


class PackedWeights(Mapping[str, tuple[float, ...]]):
    """The danger model's weights, read from one array as they are asked for and kept once made:
    making half a million floats at once would take longer than the rest of the cached knowledge,
    and making them again for every message would slow each reply's danger check."""

    def __init__(self, grams: list[str], flat: array.array, width: int):
        self._rows = dict(zip(grams, range(len(grams)), strict=True))
        self._flat, self._width = flat, width
        self._made: dict[str, tuple[float, ...]] = {}

    def get(self, key, default=None):
        made = self._made.get(key)
        if made is not None:
            return made
        row = self._rows.get(key)
        if row is None:
            return default
        made = self._made[key] = tuple(self._flat[row * self._width : (row + 1) * self._width])
        return made

    def __getitem__(self, key: str) -> tuple[float, ...]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)
