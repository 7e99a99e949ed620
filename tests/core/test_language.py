import pytest

from bot.core.language import detect, reply_language
from bot.core.text import tokens


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Gdzie zgłosić dyskryminację?", "pl"),
        ("gdzie zglosic dyskryminacje w pracy", "pl"),
        ("mam mysli samobojcze", "pl"),
        ("numer telefonu rpo", "pl"),
        ("czy w krakowie sa strefy wolne od lgbt", "pl"),
        ("discrimination at work", "en"),
        ("free lawyer krakow", "en"),
        ("my boss treats me differently because im gay", "en"),
        ("Dzień dobry", "pl"),
        ("good morning", "en"),
    ],
)
def test_detects_the_language_of_messy_messages(lexicon, text, lang):
    assert detect(text, tokens(text), lexicon).lang == lang


@pytest.mark.parametrize("text", ["", "lgbt", "helo", "12345", "🙂🙂"])
def test_unclear_messages_have_no_verdict(lexicon, text):
    assert detect(text, tokens(text), lexicon).lang is None


def test_reply_language_prefers_message_then_choice_then_fallback(lexicon):
    clear = detect("where can I get help", tokens("where can I get help"), lexicon)
    unclear = detect("lgbt", ["lgbt"], lexicon)
    assert reply_language(clear, "pl") == "en"
    assert reply_language(unclear, "en") == "en"
    assert reply_language(unclear, None, phrase="pl") == "pl"
    assert reply_language(unclear, None, variant="pl") == "en"  # the weak lean beats the variant
    assert reply_language(unclear, None) == "en"  # "lgbt" is in the English word list: a weak lean
    assert reply_language(detect("", [], lexicon), None) == "pl"


@pytest.mark.parametrize(
    "text, latin",
    [
        ("dostałem wypowiedzenie, скільки днів є на odwołanie do sądu", False),
        ("de skarzhytysya na robotodavtsya yakshcho vin dyskryminuye", True),
        ("ya vahitna a mene khochut zvilnyty", True),
        # Polish-keyboard habits: "-sia" for -ся, "sz"/"cz" for ш/ч, an apostrophe for the soft sign.
        ("brygadzyr nazyvaje nas ruskie i daje najhirshu robotu til'ky ukrajinciam, kudy zvernutysia", True),
        ("szczo robyty jak meni ne platiat zarplatu", True),
        # A Polish keyboard gives the Polish words their letters.
        ("taksówkarz vysadyv mene koly pochuv shcho ja z ukrajiny, kudy poskarzhytys", True),
    ],
)
def test_mixed_and_latin_typed_ukrainian_lean_ukrainian_unless_the_resident_chose(lexicon, text, latin):
    guess = detect(text, tokens(text), lexicon)
    assert (guess.lang, guess.script, guess.latin_cyrillic) == (None, "uk", latin)
    assert reply_language(guess, None) == "uk"
    assert reply_language(guess, "en") == "en"


@pytest.mark.parametrize(
    "text",
    [
        "jakis typ z pracy sledzi mnie na insta i wysyla prezenty do domu, nie chce tego",
        "dostalam mandat w autobusie bo bilet w aplikacji kupil sie minute po wejsciu kontrolera",
        "taksówkarz wysadził mnie, bo usłyszał, że jestem z Ukrainy, gdzie to zgłosić",
    ],
)
def test_polish_with_or_without_diacritics_is_not_taken_for_latin_typed_ukrainian(lexicon, text):
    guess = detect(text, tokens(text), lexicon)
    assert (guess.lang, guess.script) == ("pl", None)


def test_a_russian_message_is_answered_in_ukrainian(lexicon):
    text = "сколько времени есть чтобы подать в суд за дискриминацию на работе"
    guess = detect(text, tokens(text), lexicon)
    assert guess.lang == "ru" and reply_language(guess, None) == "uk" and reply_language(guess, "pl") == "uk"


@pytest.mark.parametrize(
    "text",
    ["eto moe poslednee soobshchenie, spasibo vsem", "gde v krakove besplatnaya yuridicheskaya pomoshch"],
)
def test_plainly_russian_typed_in_latin_letters_is_russian(lexicon, text):
    """Its emergency card is the Russian one; an answer comes in Ukrainian, as for Cyrillic Russian."""
    guess = detect(text, tokens(text), lexicon)
    assert (guess.lang, guess.script, guess.latin_cyrillic) == ("ru", "uk", True)
    assert reply_language(guess, None) == "uk"


def test_latin_typed_russian_in_danger_gets_the_russian_card(real_assistant):
    reply = real_assistant.reply("ne hochu bolshe zhit, nikomu ya tut ne nuzhna")
    assert reply.outcome == "crisis" and reply.lang == "ru" and reply.text.startswith("Если вы в опасности")
