"""Ukrainian and Russian typed in Latin letters are read back into the Cyrillic words they spell."""

import pytest

from bot.core.translit import MAX_CANDIDATES, to_cyrillic


@pytest.mark.parametrize(
    "latin, cyrillic",
    [
        ("hochu", "хочу"),
        ("zhyty", "жити"),
        ("pomogite", "помогите"),
        ("shchas", "щас"),
        ("zhit", "жить"),
        ("bolno", "больно"),
        ("proshchalnogo", "прощального"),
        ("dengi", "деньги"),
        ("zvernutysia", "звернутися"),
        ("ukrajinciam", "украінцям"),
        ("szczo", "що"),
        ("czolovik", "чоловік"),
        ("chto", "хто"),
        ("tilʹky", "тільки"),
        ("pidʹjizd", "підізд"),
        ("zywu", "живу"),  # Polish ż, folded to z
        ("siegodnia", "сегодня"),
    ],
)
def test_a_latin_spelling_reads_as_its_cyrillic_word(latin, cyrillic):
    assert cyrillic in to_cyrillic(latin)


def test_what_is_not_a_latin_word_has_no_reading():
    assert to_cyrillic("хочу") == [] and to_cyrillic("a") == [] and to_cyrillic("40") == []


def test_readings_are_capped():
    assert len(to_cyrillic("yijiyijiyiji")) <= MAX_CANDIDATES
