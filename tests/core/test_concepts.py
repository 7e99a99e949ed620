"""Concepts are found however residents write the words: inflected, without Polish letters, misspelt,
in Latin letters for Cyrillic, English without apostrophes; phrases keep their order and closeness."""

import pytest

from bot.core.concepts import ConceptIndex, PatternError, compile_pattern
from bot.core.text import danger_tokens


def index(lexicon, patterns: dict[str, dict[str, list[str]]]) -> ConceptIndex:
    return ConceptIndex(
        [
            compile_pattern(concept, text, lang)
            for concept, by_lang in patterns.items()
            for lang, texts in by_lang.items()
            for text in texts
        ],
        lexicon,
    )


def concepts(idx: ConceptIndex, text: str) -> set[str]:
    return set(idx.find(danger_tokens(text)))


@pytest.fixture(scope="module")
def idx(lexicon):
    return index(
        lexicon,
        {
            "jump": {"pl": ["skoczyć"], "en": ["jump"], "uk": ["стрибнути"], "ru": ["прыгнуть"]},
            "suicide": {"pl": ["samobój*", "zabić się"], "en": ["kill myself"], "uk": ["покінчити з собою"]},
            "not-living": {
                "pl": ["nie chcieć żyć"],
                "en": ["not want to live"],
                "uk": ["не хочу жити"],
                "ru": ["не хочу жить"],
            },
            "self-harm": {"pl": ["się tnę"]},
            "me": {"pl": ["=mnie"], "en": ["=me"]},
            "many": {"en": ["#10+"]},
        },
    )


@pytest.mark.parametrize(
    "text",
    ["skoczę z mostu", "skoczyłam", "skoczylam", "skocze dzis", "I will jump", "jumping", "я стрибну", "хочу прыгнуть"],
)
def test_any_inflected_form_with_or_without_polish_letters(idx, text):
    assert "jump" in concepts(idx, text)


@pytest.mark.parametrize(
    "text",
    [
        "mysle o samobojstwie",
        "samobójcze myśli",
        "chyba się zabiję",
        "zabije się dziś",
        "kill myself",
        "i want to kill myslef",
    ],
)
def test_stems_phrases_and_the_reflexive_on_either_side(idx, text):
    assert "suicide" in concepts(idx, text)


@pytest.mark.parametrize(
    "text",
    [
        "i dont want to live",
        "i don't want to live",
        "I do not want to live anymore",
        "nie chce juz zyc",
        "nie chcę żyć",
        "ne hochu zhyty",
        "ne hochu bolshe zhit",
    ],
)
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


@pytest.mark.parametrize(
    "text, message", [("ab*", "shorter than 3 letters"), ("!!!", "has no letters"), ("kto-to*", "must be one word")]
)
def test_patterns_that_cannot_work_are_refused(text, message):
    with pytest.raises(PatternError, match=message):
        compile_pattern("x", text, "pl")


def test_a_phrase_is_read_within_one_sentence(lexicon):
    idx = index(lexicon, {"hopeless": {"pl": ["już nie mogę"]}, "follow": {"en": ["stalking me"]}})
    assert "hopeless" in concepts(idx, "już nie mogę")
    assert "hopeless" in concepts(idx, "już... nie mogę")  # a pause is no sentence end
    assert "hopeless" not in concepts(idx, "Już tam nie pracuję. Czy mogę dochodzić odszkodowania?")
    assert "follow" not in concepts(idx, "What does the law say about stalking? Me and my friend write an article.")


def test_polish_words_spelt_like_english_ones_are_not_read_in_an_english_message(lexicon):
    idx = index(lexicon, {"rope": {"pl": ["=linę"]}, "height": {"pl": ["=most"]}})
    assert "rope" in concepts(idx, "kupiłam linę i mam dość")
    assert "rope" in concepts(idx, "kupilam line i mam dosc")  # Polish typed without its letters
    assert "rope" not in concepts(idx, "Is there an English-speaking crisis line? I just want it saved in my phone.")
    assert "height" in concepts(idx, "stoję na most dębnicki")
    assert "height" not in concepts(idx, "I stand in the queue most of the day at the office")


@pytest.mark.parametrize(
    "text, concept",
    [
        ("thinkin bout endin it tonite", "end-it"),
        ("someone tryna open my front door rn", "intruder"),
        ("ppl in my class say theyll stab me tmrw", "stab"),
    ],
)
def test_chat_spellings_are_read_as_the_words_they_stand_for(lexicon, text, concept):
    idx = index(
        lexicon,
        {
            "end-it": {"en": ["end it tonight"]},
            "intruder": {"en": ["trying to open my door"]},
            "stab": {"en": ["stab me tomorrow"]},
        },
    )
    assert concept in concepts(idx, text)


def test_laughter_does_not_make_polish_read_as_latin_cyrillic(lexicon):
    idx = index(lexicon, {"sorry": {"uk": ["пробачте"]}, "self-harm": {"ru": ["скрыть порезы"]}})
    assert "sorry" not in concepts(idx, "zabiłem w końcu tego bossa po 40 próbach hahah")
    assert "self-harm" in concepts(idx, "kak skryt porezy ot mamy")


def test_a_negation_stands_right_before_its_word(lexicon):
    idx = index(lexicon, {"weary": {"pl": ["nie chcieć"], "uk": ["не хотіти"]}})
    assert "weary" in concepts(idx, "już nie chcę") and "weary" in concepts(idx, "я не хочу")
    assert "weary" not in concepts(idx, "nic mi nie grozi, chcę tylko wiedzieć")


@pytest.mark.parametrize("text", ["mam sznór w plecaku", "я хачу жыць", "у трамваi якийсь чоловiк"])
def test_common_misspellings_and_mixed_keyboards_are_read(lexicon, text):
    idx = index(lexicon, {"rope": {"pl": ["sznur"]}, "live": {"ru": ["жить"]}, "man": {"uk": ["чоловік"]}})
    assert concepts(idx, text) & {"rope", "live", "man"}


def test_an_english_object_pronoun_in_a_phrase_is_only_itself(lexicon):
    # the lexicon reads "me" as "i": "help me" must not read "get help if I ever need it"
    index = ConceptIndex(
        [compile_pattern("help-now", "help me", "en"), compile_pattern("hit", "hit him", "en")], lexicon
    )
    assert "help-now" not in index.find(danger_tokens("where can I get help if I ever need it"))
    assert "help-now" in index.find(danger_tokens("please help me"))
    assert "hit" not in index.find(danger_tokens("did he hit, or did I"))


def test_a_latin_typed_word_that_spells_a_real_word_is_not_corrected_into_another(lexicon):
    # "peresliduvannia" is переслідування (stalking), not a typo of передозування (an overdose).
    idx = index(lexicon, {"overdose": {"uk": ["передозування"]}, "farewell": {"ru": ["прощайте"]}})
    assert "overdose" not in concepts(idx, "peresliduvannia uporczywe nekanie yak zaiavyty")
    assert "overdose" in concepts(idx, "ja dumaju shcho v mene peredozuvannia")
    # Polish-keyboard spelling of Russian: szcz, ie, io.
    assert "farewell" in concepts(idx, "proszczajtie wsie, spasibo za wsio")
