"""The lexicon adapter: word frequencies read from the shipped table, folded as the bot folds text."""

import logging

from bot.knowledge.lexicon_store import FREQUENCY_FILE, load_frequencies


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
