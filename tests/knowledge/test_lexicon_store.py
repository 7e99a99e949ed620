"""The lexicon adapter: word frequencies read from the shipped table, folded as the bot folds text."""

import itertools
import json
import logging

import pytest

from bot.core.text import fold
from bot.knowledge import lexicon_store
from bot.knowledge.lexicon_fold import MAX_LEMMAS, fold_table
from bot.knowledge.lexicon_store import (
    FREQUENCY_FILE,
    LANGS,
    SHIPPED_FILE,
    FoldedLexicon,
    load_frequencies,
    load_lexicon,
    write_shipped,
    write_tables,
)


def test_frequencies_are_folded_and_per_language(lexicon):
    assert lexicon.zipf("miedzy", "pl") > 5.0  # "między" typed without Polish letters
    assert lexicon.zipf("the", "en") > 7.0
    assert lexicon.zipf("przedawniona", "pl") == 0.0  # rarer than the table keeps: fully informative
    assert lexicon.zipf("the", "pl") < lexicon.zipf("the", "en")


def test_the_table_ships_inside_the_package():
    assert FREQUENCY_FILE.is_file() and FREQUENCY_FILE.parent.name == "data"


def test_a_missing_or_damaged_table_is_one_warning_not_a_crash(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        assert load_frequencies(tmp_path / "absent.tsv") == {}
        broken = tmp_path / "broken.tsv"
        broken.write_text("pl\tslowo\tnot-a-number\n", encoding="utf-8")
        assert load_frequencies(broken) == {}
    assert len(caplog.records) == 2 and "weigh fully" in caplog.records[0].getMessage()


# -- the folded lexicon --------------------------------------------------------------------------------

PAIRS = [("Nóż", "nóż"), ("noża", "nóż"), ("noz", "nożia"), ("Łódź", "łódź"), ("łodzi", "łódź"), ("lodzi", "łodzia")]


def _tiny_shipped(path, source):
    """A shipped file of the real format, folded from a few pairs, for `source`."""
    tables = {lang: fold_table(PAIRS if lang == "pl" else [("cats", "cat")]) for lang in LANGS}
    write_shipped(path, tables, source, preset=0)
    return path


def _never_folded(monkeypatch):
    def refuse(cls):
        raise AssertionError("the lexicon was folded from simplemma")

    monkeypatch.setattr(FoldedLexicon, "build", classmethod(refuse))
    monkeypatch.setattr(lexicon_store, "load_frequencies", dict)  # not what these tests are about


def test_folding_keeps_every_lemma_of_a_form_in_simplemma_s_order():
    table = FoldedLexicon({"pl": lexicon_store._in_memory(fold_table(PAIRS))}, {})
    assert table.lemmas("noz", "pl") == ("noz", "nozia") and table.lemma("noz", "pl") == "noz"
    assert table.lemmas("lodzi", "pl") == ("lodz", "lodzia")  # łodzi and lodzi fold alike
    assert table.lemma("nozia", "pl") == "nozia"  # a lemma is a form of itself
    assert table.lemma("nóż", "pl") is None and table.lemma("no", "pl") is None and table.lemma("", "pl") is None
    assert table.lemmas("lodz", "en") == ()


@pytest.mark.parametrize("lang", LANGS)
def test_lookups_give_simplemma_s_lemmas_of_every_form_that_folds_alike(lexicon, lang):
    # simplemma's first 5,000 forms of the language, in its order: for each folded form the lexicon
    # must give the folded lemmas of these forms first, in the order simplemma gives them.
    expected: dict[str, list[str]] = {}
    diacritics = set()  # folded forms of forms written with letters folding changes (ą, ł, й …)
    for form, lemma in itertools.islice(_simplemma_stream(lang), 5_000):
        lemmas = expected.setdefault(fold(form), [])
        if fold(lemma) not in lemmas:
            lemmas.append(fold(lemma))
        if fold(form) != form.casefold():
            diacritics.add(fold(form))
    assert len(diacritics) > (200 if lang == "pl" else 0)  # Polish typed without its letters
    for token, lemmas in expected.items():
        got = lexicon.lemmas(token, lang)
        assert got[: len(lemmas)] == tuple(lemmas[:MAX_LEMMAS]), token
        assert lexicon.lemma(token, lang) == lemmas[0]


def _simplemma_stream(lang):
    """simplemma's (form, lemma) pairs in its order, decoded as they are read (its dictionary whole
    takes seconds and hundreds of megabytes)."""
    from simplemma.strategies.dictionaries import dictionary_factory, frontcode

    data = dictionary_factory._read_decompressed(lang)
    reverse, _, pos = frontcode._read_header(data)
    for _, key, value in frontcode._iter_records(data, pos):
        key, value = (key[::-1], value[::-1]) if reverse else (key, value)
        yield key.decode("utf-8"), value.decode("utf-8")


def test_the_shipped_lexicon_is_for_the_installed_simplemma_and_today_s_folding():
    with open(SHIPPED_FILE, "rb") as f:
        header = json.loads(f.read(4096).split(b"\n")[1])
    assert header["source"] == lexicon_store._source_version(), "regenerate it: python3 scripts/build_lexicon.py"
    assert header["fold"] == fold(lexicon_store.FOLD_PROBE), "regenerate it: python3 scripts/build_lexicon.py"


def test_a_lexicon_folded_otherwise_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(lexicon_store, "load_frequencies", dict)
    source = lexicon_store._source_version()
    write_tables(tmp_path / "lexicon.bin", {lang: fold_table(PAIRS) for lang in LANGS}, source)
    shipped = _tiny_shipped(tmp_path / "packed.bin", source)
    assert FoldedLexicon.load(tmp_path / "lexicon.bin") is not None
    assert lexicon_store.read_shipped(shipped, source) is not None
    monkeypatch.setattr(lexicon_store, "fold", lambda text: text.lower())  # folding changed since
    assert FoldedLexicon.load(tmp_path / "lexicon.bin") is None
    assert lexicon_store.read_shipped(shipped, source) is None


def test_a_first_start_unpacks_the_shipped_lexicon_and_later_starts_map_the_cache(tmp_path, monkeypatch):
    _never_folded(monkeypatch)
    shipped = _tiny_shipped(tmp_path / "lexicon-packed.bin", lexicon_store._source_version())
    first = load_lexicon(tmp_path / "cache", shipped)
    assert first.lemma("noz", "pl") == "noz" and (tmp_path / "cache" / "lexicon-v4.bin").is_file()
    shipped.unlink()
    again = load_lexicon(tmp_path / "cache", shipped)
    assert again.lemmas("noz", "pl") == ("noz", "nozia") and again.lemma("cats", "en") == "cat"


def test_another_simplemma_than_the_shipped_file_s_is_folded_once_and_cached(tmp_path, monkeypatch, caplog):
    shipped = _tiny_shipped(tmp_path / "lexicon-packed.bin", "simplemma-0.1")
    built = FoldedLexicon({lang: lexicon_store._in_memory(fold_table([("dogs", "dog")])) for lang in LANGS}, {})
    monkeypatch.setattr(FoldedLexicon, "build", classmethod(lambda cls: built))
    monkeypatch.setattr(lexicon_store, "load_frequencies", dict)
    with caplog.at_level(logging.WARNING):
        assert load_lexicon(tmp_path / "cache", shipped).lemma("dogs", "en") == "dog"
    assert any("Folding the word lexicon" in r.getMessage() for r in caplog.records)
    _never_folded(monkeypatch)
    assert load_lexicon(tmp_path / "cache", shipped).lemma("dogs", "en") == "dog"


def test_a_damaged_cache_is_unpacked_again(tmp_path, monkeypatch):
    _never_folded(monkeypatch)
    shipped = _tiny_shipped(tmp_path / "lexicon-packed.bin", lexicon_store._source_version())
    load_lexicon(tmp_path / "cache", shipped)
    cached = tmp_path / "cache" / "lexicon-v4.bin"
    cached.write_bytes(cached.read_bytes()[:-40])
    assert load_lexicon(tmp_path / "cache", shipped).lemma("lodzi", "pl") == "lodz"
    assert FoldedLexicon.load(cached) is not None
