"""Concepts are found however residents write the words: inflected, without Polish letters, misspelt,
in Latin letters for Cyrillic, English without apostrophes; phrases keep their order and closeness."""

import pytest

from bot.core.concepts import ConceptIndex, PatternError, compile_pattern
from bot.core.text import danger_tokens


def index(lexicon, patterns: dict[str, dict[str, list[str]]]) -> ConceptIndex:
    return ConceptIndex([compile_pattern(concept, text, lang) for concept, by_lang in patterns.items()
                         for lang, texts in by_lang.items() for text in texts], lexicon)


def concepts(idx: ConceptIndex, text: str) -> set[str]:
    return set(idx.find(danger_tokens(text)))


@pytest.fixture(scope="module")
def idx(lexicon):
    return index(lexicon, {
        "jump": {"pl": ["skoczyć"], "en": ["jump"], "uk": ["стрибнути"], "ru": ["прыгнуть"]},
        "suicide": {"pl": ["samobój*", "zabić się"], "en": ["kill myself"], "uk": ["покінчити з собою"]},
        "not-living": {"pl": ["nie chcieć żyć"], "en": ["not want to live"], "uk": ["не хочу жити"],
                       "ru": ["не хочу жить"]},
        "self-harm": {"pl": ["się tnę"]},
        "me": {"pl": ["=mnie"], "en": ["=me"]},
        "many": {"en": ["#10+"]},
    })


@pytest.mark.parametrize("text", ["skoczę z mostu", "skoczyłam", "skoczylam", "skocze dzis", "I will jump",
                                  "jumping", "я стрибну", "хочу прыгнуть"])
def test_any_inflected_form_with_or_without_polish_letters(idx, text):
    assert "jump" in concepts(idx, text)


@pytest.mark.parametrize("text", ["mysle o samobojstwie", "samobójcze myśli", "chyba się zabiję", "zabije się dziś",
                                  "kill myself", "i want to kill myslef"])
def test_stems_phrases_and_the_reflexive_on_either_side(idx, text):
    assert "suicide" in concepts(idx, text)


@pytest.mark.parametrize("text", ["i dont want to live", "i don't want to live", "I do not want to live anymore",
                                  "nie chce juz zyc", "nie chcę żyć", "ne hochu zhyty", "ne hochu bolshe zhit"])
def test_negated_living_in_every_spelling(idx, text):
    assert "not-living" in concepts(idx, text)


def test_a_typo_is_read_as_the_word_it_stands_for(lexicon):
    idx = index(lexicon, {"suicide": {"en": ["suicid*", "suicide note"]}})
    assert "suicide" in concepts(idx, "i keep thinking about suicde")


def test_phrase_words_keep_their_order_and_closeness(idx):
    assert "not-living" not in concepts(idx, "chcę żyć, nie wiem jak")  # "nie" after the verb
    assert "not-living" not in concepts(idx, "nie wiem, czy ktoś mi pomoże, ale chcę dalej normalnie żyć")


def test_a_reflexive_pronoun_stays_next_to_its_verb(idx):
    assert "suicide" not in concepts(idx, "szef mnie zabije, jak się znowu spóźnię")
    assert "self-harm" in concepts(idx, "mordo ja się znowu tnę")  # an adverb may stand between


def test_exact_forms_and_numbers(idx):
    assert "me" in concepts(idx, "he hits me") and "me" not in concepts(idx, "meeting")
    assert "many" in concepts(idx, "i took 30 of them") and "many" not in concepts(idx, "i took 2")


@pytest.mark.parametrize("text, message", [("ab*", "shorter than 3 letters"), ("!!!", "has no letters"),
                                           ("kto-to*", "must be one word")])
def test_patterns_that_cannot_work_are_refused(text, message):
    with pytest.raises(PatternError, match=message):
        compile_pattern("x", text, "pl")
