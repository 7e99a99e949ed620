"""A bad setting stops start-up with one sentence naming the variable."""

import re

import pytest

from bot.config import ConfigError, load_config

GOOD = {"TELEGRAM_BOT_TOKEN": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw-test"}


def test_defaults():
    config = load_config(GOOD)
    assert config.api_url == "https://api.telegram.org" and config.webhook_url is None
    assert config.database.name == "bot.sqlite3" and config.key_file.parent == config.data_dir


@pytest.mark.parametrize("env, variable", [
    ({}, "TELEGRAM_BOT_TOKEN is not set"),
    ({"TELEGRAM_BOT_TOKEN": "12345"}, "TELEGRAM_BOT_TOKEN does not look like a bot token"),
    (GOOD | {"BOT_TELEGRAM_API_URL": "localhost:8081"}, "BOT_TELEGRAM_API_URL must be an http(s) URL"),
    (GOOD | {"BOT_WEBHOOK_URL": "https://bot.example.org/hook"}, "BOT_WEBHOOK_SECRET must be set"),
    (GOOD | {"BOT_WEBHOOK_PORT": "99999"}, "BOT_WEBHOOK_PORT must be a port number"),
    (GOOD | {"BOT_SECRET": "short"}, "BOT_SECRET must be at least 16 characters"),
    (GOOD | {"BOT_DATABASE": "postgresql://x/y"}, "BOT_DATABASE: PostgreSQL is not supported yet"),
    (GOOD | {"BOT_RETENTION_DAYS": "ninety"}, "BOT_RETENTION_DAYS must be a number of days"),
])
def test_bad_values_name_the_variable(env, variable):
    with pytest.raises(ConfigError, match=re.escape(variable)):
        load_config(env)


def test_the_token_never_appears_in_an_error():
    token = "123:" + "x" * 10
    with pytest.raises(ConfigError) as info:
        load_config({"TELEGRAM_BOT_TOKEN": token})
    assert token not in str(info.value)
