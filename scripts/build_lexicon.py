"""Writes bot/data/lexicon-packed.bin: simplemma's Polish, English, Ukrainian and Russian dictionaries folded
as the bot folds text (ł→l, ą→a …), sorted, compressed (xz's LZMA2), with the simplemma version they come from.

Folding six million forms takes a minute and over a gigabyte of memory: too long for a newcomer's
first start, so it is done here, once per simplemma version, and the package ships the result (the
bot unpacks it into its cache on the first start). Run it after upgrading simplemma — a test fails
while the shipped file is for another version, and the bot then folds the lexicon itself, slowly:

    python3 scripts/build_lexicon.py

The file is derived from simplemma's data (MIT licence; its linguistic sources and their licences
are listed in simplemma's README and `licenses` folder, among them Michal Měchura's lemmatization
lists under the Open Database License), and is distributed under the same terms.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.knowledge.lexicon_fold import fold_table, simplemma_pairs  # noqa: E402
from bot.knowledge.lexicon_store import LANGS, SHIPPED_FILE, _source_version, write_shipped  # noqa: E402


def main() -> None:
    started = time.perf_counter()
    tables = {lang: fold_table(simplemma_pairs(lang)) for lang in LANGS}
    write_shipped(SHIPPED_FILE, tables, _source_version())
    print(
        f"{SHIPPED_FILE.relative_to(ROOT)}: {_source_version()}, {SHIPPED_FILE.stat().st_size / 2**20:.1f} MiB, "
        f"{time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
