"""A bad setting stops start-up with one sentence naming the variable."""

import re

import pytest

from bot.config import ConfigError, load_config

GOOD = {"TELEGRAM_BOT_TOKEN": "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw-test"}


def test_defaults():
    config = load_config(GOOD)
    assert config.api_url == "https://api.telegram.org" and config.webhook_url is None
    assert config.database.name == "bot.sqlite3"


def test_the_pseudonym_key_defaults_to_a_place_apart_from_the_database(tmp_path):
    env = GOOD | {"BOT_DATA_DIR": str(tmp_path / "data"), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    config = load_config(env)
    assert config.key_file == tmp_path / "config" / "equality-bot" / "pseudonym.key"
    assert config.key_file_warning is None
    assert load_config(env | {"BOT_KEY_FILE": str(tmp_path / "keys" / "k")}).key_file == tmp_path / "keys" / "k"


def test_a_key_an_older_version_left_next_to_the_database_stays_in_use_with_a_warning(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "pseudonym.key").write_text("ab" * 32)
    config = load_config(GOOD | {"BOT_DATA_DIR": str(data), "XDG_CONFIG_HOME": str(tmp_path / "config")})
    assert config.key_file == data / "pseudonym.key"
    assert "next to the database" in config.key_file_warning and "move the file to" in config.key_file_warning


def test_a_key_file_configured_inside_the_data_directory_is_warned_about(tmp_path):
    data = tmp_path / "data"
    config = load_config(GOOD | {"BOT_DATA_DIR": str(data), "BOT_KEY_FILE": str(data / "my.key")})
    assert config.key_file == data / "my.key" and "BOT_KEY_FILE" in config.key_file_warning


@pytest.mark.parametrize(
    "env, variable",
    [
        ({}, "TELEGRAM_BOT_TOKEN is not set"),
        ({"TELEGRAM_BOT_TOKEN": "12345"}, "TELEGRAM_BOT_TOKEN does not look like a bot token"),
        (GOOD | {"BOT_TELEGRAM_API_URL": "localhost:8081"}, "BOT_TELEGRAM_API_URL must be an http(s) URL"),
        (GOOD | {"BOT_WEBHOOK_URL": "https://bot.example.org/hook"}, "BOT_WEBHOOK_SECRET must be set"),
        (GOOD | {"BOT_WEBHOOK_PORT": "99999"}, "BOT_WEBHOOK_PORT must be a port number"),
        (GOOD | {"BOT_SECRET": "short"}, "BOT_SECRET must be at least 16 characters"),
        (GOOD | {"BOT_DATABASE": "postgresql://x/y"}, "BOT_SECRET must be set with a PostgreSQL BOT_DATABASE"),
        (GOOD | {"BOT_DATABASE": "mysql://x/y"}, "BOT_DATABASE must be a file path (SQLite) or a postgresql:// URL"),
        (GOOD | {"BOT_WEBHOOK_OWNER": "maybe"}, "BOT_WEBHOOK_OWNER must be yes or no"),
        (GOOD | {"BOT_RETENTION_DAYS": "ninety"}, "BOT_RETENTION_DAYS must be a number of days"),
    ],
)
def test_bad_values_name_the_variable(env, variable):
    with pytest.raises(ConfigError, match=re.escape(variable)):
        load_config(env)


def test_the_token_never_appears_in_an_error():
    token = "123:" + "x" * 10
    with pytest.raises(ConfigError) as info:
        load_config({"TELEGRAM_BOT_TOKEN": token})
    assert token not in str(info.value)


def _run(monkeypatch, capsys, env: dict, argv=("run",)) -> tuple[int, list[str]]:
    """`equality-bot run` in this process with only `env` set: exit status and the stderr lines."""
    import bot.telegram.application
    from bot.cli.main import main

    for name in list(__import__("os").environ):
        if name.startswith(("TELEGRAM_", "BOT_")):
            monkeypatch.delenv(name)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_config_home()))
    monkeypatch.setattr(bot.telegram.application, "run", lambda *args: pytest.fail("the bot started"))
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code = main(list(argv))
    return code, capsys.readouterr().err.splitlines()


def tmp_config_home():
    """An empty config home of its own for each run, so that no earlier test's pseudonym key is found."""
    import tempfile

    return tempfile.mkdtemp(prefix="config-home-")


def _malformed(tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("not a directory")
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "pseudonym.key").write_text("this is not hex")
    bad_samples = tmp_path / "bad-samples"
    bad_samples.mkdir()
    (bad_samples / "samples.key").write_text("short")
    hook = {"BOT_WEBHOOK_URL": "https://bot.example.org/hook"}
    return [
        ({}, "TELEGRAM_BOT_TOKEN is not set"),
        ({"TELEGRAM_BOT_TOKEN": "12345"}, "TELEGRAM_BOT_TOKEN does not look like a bot token"),
        ({"BOT_TELEGRAM_API_URL": "localhost:8081"}, "BOT_TELEGRAM_API_URL must be an http(s) URL"),
        ({"BOT_DATA_DIR": str(a_file)}, "BOT_DATA_DIR: cannot use"),
        ({"BOT_DATA_DIR": str(damaged)}, "BOT_DATA_DIR: the key file"),
        ({"BOT_DATA_DIR": str(bad_samples)}, "BOT_DATA_DIR: the key file"),
        ({"BOT_DATABASE": str(tmp_path)}, "BOT_DATABASE: cannot use"),
        ({"BOT_SECRET": "short"}, "BOT_SECRET must be at least 16 characters"),
        ({"BOT_WEBHOOK_URL": "ftp://bot.example.org"}, "BOT_WEBHOOK_URL must be an http(s) URL"),
        (hook | {"BOT_WEBHOOK_SECRET": "has spaces in it, sadly"}, "BOT_WEBHOOK_SECRET must be set"),
        ({"BOT_WEBHOOK_LISTEN": "not a host!"}, "BOT_WEBHOOK_LISTEN must be an IP address"),
        ({"BOT_WEBHOOK_PORT": "99999"}, "BOT_WEBHOOK_PORT must be a port number"),
        ({"BOT_RETENTION_DAYS": "ninety"}, "BOT_RETENTION_DAYS must be a number of days"),
        ({"BOT_ADMIN_IDS": "12,abc"}, "BOT_ADMIN_IDS must be Telegram user ids"),
        ({"BOT_RELOAD_SECONDS": "soon"}, "BOT_RELOAD_SECONDS must be seconds"),
        ({"BOT_LOG_LEVEL": "LOUD"}, "BOT_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR"),
    ]


@pytest.mark.parametrize("case", range(16))
def test_every_malformed_variable_stops_run_with_one_sentence_naming_it(case, tmp_path, monkeypatch, capsys):
    env, expected = _malformed(tmp_path)[case]
    if "TELEGRAM_BOT_TOKEN" not in env and case > 0:
        env = GOOD | {"BOT_DATA_DIR": str(tmp_path / "data")} | env
    code, err = _run(monkeypatch, capsys, env)
    assert code == 1 and len(err) == 1, err
    assert err[0].startswith("Error: ") and expected in err[0]
    assert GOOD["TELEGRAM_BOT_TOKEN"] not in err[0]


def test_a_nul_character_in_a_path_is_refused():
    with pytest.raises(ConfigError, match="BOT_DATA_DIR must be a file-system path"):
        load_config(GOOD | {"BOT_DATA_DIR": "da\0ta"})
    with pytest.raises(ConfigError, match="BOT_DATABASE must be a file-system path"):
        load_config(GOOD | {"BOT_DATABASE": "db\0.sqlite3"})


def test_invalid_knowledge_at_start_up_lists_file_lines_and_exits_non_zero(tmp_path, monkeypatch, capsys):
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "a.yaml").write_text("entries:\n  - id: x\n")
    code, err = _run(
        monkeypatch, capsys, GOOD | {"BOT_DATA_DIR": str(tmp_path / "data"), "BOT_KNOWLEDGE_DIR": str(knowledge)}
    )
    assert code == 1
    assert "knowledge/a.yaml:2: entry 'x' has no 'answer'" in err
    assert err[-1] == "Error: the knowledge has 7 problem(s); fix them and try again."


@pytest.mark.parametrize("damage", ["empty", "damaged"])
def test_an_empty_or_damaged_database_stops_start_up_with_one_sentence(damage, tmp_path, monkeypatch, capsys):
    from sqlite_support import damage as damage_pages

    import bot.telegram.application

    monkeypatch.setattr(bot.telegram.application, "run", lambda *args: pytest.fail("the bot started"))
    database = tmp_path / "data" / "bot.sqlite3"
    database.parent.mkdir()
    if damage == "empty":
        database.touch()
    else:
        from bot.storage.sqlite import Store

        store = Store(database)
        for n in range(300):
            store.log_event(f"p{n}", "reply", "private", "pl", "answer")
        store.close()
        damage_pages(database)
    code, err = _run(monkeypatch, capsys, GOOD | {"BOT_DATA_DIR": str(tmp_path / "data")})
    assert code == 1 and len(err) == 1, err
    assert err[0].startswith(f"Error: BOT_DATABASE: the database file {database} is ")
    assert "equality-bot backup" in err[0] and "Traceback" not in err[0]
    code, err = _run(monkeypatch, capsys, {"BOT_DATA_DIR": str(tmp_path / "data")}, argv=("purge",))
    assert code == 1 and len(err) == 1 and str(database) in err[0]
