import pytest

from bot.core.hours import HoursError, is_open, parse


@pytest.mark.parametrize(
    "rules, weekday, minute, expected",
    [
        (("24/7",), 6, 3 * 60, True),
        (("mon-fri 07:40-15:30",), 0, 7 * 60 + 40, True),
        (("mon-fri 07:40-15:30",), 4, 15 * 60 + 30, False),
        (("mon-fri 07:40-15:30",), 5, 10 * 60, False),
        (("mon 10:00-18:00", "tue-fri 08:00-16:00"), 0, 9 * 60, False),
        (("mon 10:00-18:00", "tue-fri 08:00-16:00"), 1, 9 * 60, True),
        (("fri-mon 20:00-24:00",), 6, 23 * 60, True),
        (("sat,sun 10:00-12:00",), 2, 11 * 60, False),
    ],
)
def test_open_now(rules, weekday, minute, expected):
    assert is_open(parse(rules), weekday, minute) is expected


@pytest.mark.parametrize("rule", ["weekdays 9-5", "mon-fri 16:00-08:00", "xyz 10:00-12:00", "mon 10:61-12:00"])
def test_bad_rules_say_how_to_write_them(rule):
    with pytest.raises(HoursError):
        parse((rule,))
