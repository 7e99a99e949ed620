"""Writes bot/data/word-frequency.tsv: how common each frequent Polish, English, Ukrainian and Russian word is, folded.

The matcher weighs a word the knowledge does not use by how common it is in the language: "między"
or "wondering" says little about what a question asks, "przedawniona" or "forklift" a lot. The
figures are wordfreq's Zipf frequencies (log10 of uses per billion words); only words at 3.0 or
above are kept (rarer words count as fully informative), folded as the bot folds text (ł→l, ą→a),
the highest figure kept when folding merges two words.

    pip install "wordfreq>=3.1,<4" && python3 scripts/build_word_frequency.py

wordfreq's data is licensed CC BY-SA 4.0 (Robyn Speer, https://github.com/rspeer/wordfreq), and so
is the file this writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.core.text import tokens  # noqa: E402

OUT = ROOT / "bot" / "data" / "word-frequency.tsv"
LANGS = ("pl", "en", "uk", "ru")
FLOOR = 3.0


def main() -> None:
    from importlib.metadata import version

    import wordfreq

    lines = [
        f"# Zipf frequency of folded Polish, English, Ukrainian and Russian words (3.0 and above), from wordfreq {version('wordfreq')}",
        "# Data: wordfreq by Robyn Speer, CC BY-SA 4.0 (https://github.com/rspeer/wordfreq). "
        "Regenerate: python3 scripts/build_word_frequency.py",
    ]
    for lang in LANGS:
        best: dict[str, float] = {}
        for word in wordfreq.get_frequency_dict(lang, "best"):
            zipf = wordfreq.zipf_frequency(word, lang)
            if zipf < FLOOR:
                continue
            folded = tokens(word)
            if len(folded) != 1:
                continue
            best[folded[0]] = max(best.get(folded[0], 0.0), zipf)
        lines += [f"{lang}\t{w}\t{z:.2f}" for w, z in sorted(best.items())]
        print(f"{lang}: {len(best)} words")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
