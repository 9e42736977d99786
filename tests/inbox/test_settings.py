"""Server settings from flags, the environment and a TOML file (in that order over the
defaults); the password from the environment or a private file, never printed; an exposed
file and a bad value are refused with a coded message naming the setting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sjelden_inbox.cli import main
from sjelden_inbox.config import ConfigError, InboxConfig

from tests.helpers.cli import ROOT
from tests.sync.inbox_process import free_port

PASSWORD = "fiktivt-passord-7Q"  # a made-up secret that must never be printed


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No SJELDEN_INBOX_* of the developer's shell leaks into a test."""
    for name in list(os.environ):
        if name.startswith("SJELDEN_INBOX_"):
            monkeypatch.delenv(name)


def private(path: Path, text: str, mode: int = 0o600) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(mode)
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_settings_come_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SJELDEN_INBOX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SJELDEN_INBOX_DATABASE_URL", "postgresql://inbox@db.example/inbox")
    monkeypatch.setenv("SJELDEN_INBOX_DB_POOL_SIZE", "16")
    monkeypatch.setenv("SJELDEN_INBOX_PUBLIC_URLS", "https://innboks.example, https://b.example")
    monkeypatch.setenv("SJELDEN_INBOX_API_DOCS", "true")
    monkeypatch.setenv("SJELDEN_INBOX_DB_PASSWORD", PASSWORD)
    settings = InboxConfig.load({}).settings()
    assert settings.data_dir == tmp_path / "data"
    assert settings.database_url == "postgresql://inbox@db.example/inbox"
    assert settings.db_pool_size == 16
    assert settings.public_urls == {"https://innboks.example", "https://b.example"}
    assert settings.api_docs is True
    assert settings.database_password == PASSWORD
    assert PASSWORD not in repr(settings)


def test_settings_come_from_a_toml_file_and_the_password_from_its_own(
    tmp_path: Path,
) -> None:
    secret = private(tmp_path / "db-password", PASSWORD + "\n")
    config = private(
        tmp_path / "inbox.toml",
        f"""
data_dir = "{tmp_path / "data"}"
database_url = "postgresql://inbox@db.example/inbox"
db_password_file = "{secret}"
db_pool_size = 4
batch_retention_days = 7
recipient_key_ids = ["{"a" * 32}"]
""",
    )
    settings = InboxConfig.load({"config": config}).settings()
    assert settings.db_pool_size == 4
    assert settings.batch_retention_days == 7
    assert settings.accepted_recipient_key_ids == {"a" * 32}
    assert settings.database_password == PASSWORD  # first line, without the newline


def test_a_flag_beats_the_environment_which_beats_the_file_which_beats_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert InboxConfig.load({}).port == 8470
    config = private(tmp_path / "inbox.toml", "port = 9001\nhost = '127.0.0.2'\n")
    assert InboxConfig.load({"config": config}).port == 9001
    monkeypatch.setenv("SJELDEN_INBOX_PORT", "9002")
    loaded = InboxConfig.load({"config": config})
    assert (loaded.port, loaded.host) == (9002, "127.0.0.2")  # the file still gives the host
    assert InboxConfig.load({"config": config, "port": 9003}).port == 9003
    # the file can be named by the environment too
    monkeypatch.setenv("SJELDEN_INBOX_CONFIG", str(config))
    assert InboxConfig.load({}).host == "127.0.0.2"


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o604, 0o620])
def test_a_config_file_others_can_read_or_change_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], mode: int
) -> None:
    config = private(tmp_path / "inbox.toml", "port = 9001\n", mode)
    code, out, err = run(capsys, "settings", "show", "--config", str(config))
    assert code == 2 and out == ""
    assert "error config_file_exposed" in err
    assert f"chmod 600 {config}" in err
    assert "Traceback" not in err


def test_a_password_file_others_can_read_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = private(tmp_path / "db-password", PASSWORD, 0o644)
    monkeypatch.setenv("SJELDEN_INBOX_DB_PASSWORD_FILE", str(secret))
    code, _, err = run(capsys, "settings", "show")
    assert code == 2 and "error password_file_exposed" in err and PASSWORD not in err
    with pytest.raises(ConfigError) as refused:
        InboxConfig.load({})
    assert refused.value.code == "password_file_exposed"


@pytest.mark.parametrize(
    ("environment", "code", "named"),
    [
        ({"SJELDEN_INBOX_PORT": "eighty"}, "setting_invalid", "SJELDEN_INBOX_PORT"),
        ({"SJELDEN_INBOX_PROT": "9000"}, "setting_unknown", "SJELDEN_INBOX_PROT"),
        ({"SJELDEN_INBOX_DB_POOL_SIZE": "0"}, "setting_invalid", "db_pool_size"),
        ({"SJELDEN_INBOX_PUBLIC_URLS": "ftp://x"}, "setting_invalid", "public_urls"),
        ({"SJELDEN_INBOX_DATABASE_URL": "mysql://db/x"}, "setting_invalid", "database_url"),
        ({"SJELDEN_INBOX_LOG_LEVEL": "loud"}, "setting_invalid", "log_level"),
        (
            {"SJELDEN_INBOX_DATABASE_URL": f"postgresql://inbox:{PASSWORD}@db/inbox"},
            "password_in_url",
            "SJELDEN_INBOX_DB_PASSWORD_FILE",
        ),
        (
            {"SJELDEN_INBOX_DB_PASSWORD": PASSWORD, "SJELDEN_INBOX_DB_PASSWORD_FILE": "/x"},
            "setting_ambiguous",
            "keep one",
        ),
        ({"SJELDEN_INBOX_SSL_CERTFILE": "/x.pem"}, "setting_incomplete", "ssl_keyfile"),
        ({"SJELDEN_INBOX_DB_PASSWORD_FILE": "/nonexistent/pw"}, "password_file_missing", "pw"),
        ({"SJELDEN_INBOX_CONFIG": "/nonexistent/inbox.toml"}, "config_file_missing", "toml"),
    ],
)
def test_bad_settings_end_in_a_coded_message_naming_the_setting(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    environment: dict[str, str],
    code: str,
    named: str,
) -> None:
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    status, out, err = run(capsys, "settings", "show")
    assert status == 2 and out == ""
    assert f"error {code}:" in err and named in err
    assert PASSWORD not in err and "Traceback" not in err


def test_a_config_file_that_is_not_toml_or_names_an_unknown_setting_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = private(tmp_path / "broken.toml", "port = \n")
    status, _, err = run(capsys, "settings", "show", "--config", str(broken))
    assert status == 2 and "error config_file_invalid" in err
    typo = private(tmp_path / "typo.toml", "prot = 9001\n")
    status, _, err = run(capsys, "settings", "show", "--config", str(typo))
    assert status == 2 and "error setting_unknown" in err and "prot" in err
    in_file = private(tmp_path / "secret.toml", f'db_password = "{PASSWORD}"\n')
    status, _, err = run(capsys, "settings", "show", "--config", str(in_file))
    assert status == 2 and "error setting_misplaced" in err and PASSWORD not in err


def test_settings_show_prints_every_setting_and_its_source_with_the_password_masked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = private(
        tmp_path / "inbox.toml", 'db_pool_size = 4\npublic_urls = ["https://innboks.example"]\n'
    )
    monkeypatch.setenv("SJELDEN_INBOX_DB_PASSWORD", PASSWORD)
    monkeypatch.setenv("SJELDEN_INBOX_DATABASE_URL", "postgresql://inbox@db.example/inbox")
    code, out, err = run(
        capsys, "settings", "show", "--config", str(config), "--port", "9005", "--data-dir", "/d"
    )
    assert code == 0, err
    lines = dict(line.split(" = ", 1) for line in out.splitlines() if " = " in line)
    assert lines["port"] == "9005  # command line"
    assert lines["db_pool_size"] == f"4  # config file {config}"
    assert lines["public_urls"] == f'["https://innboks.example"]  # config file {config}'
    assert lines["db_password"] == '"********"  # environment SJELDEN_INBOX_DB_PASSWORD'
    assert lines["database_url"].startswith('"postgresql://inbox@db.example/inbox"  # env')
    assert lines["host"] == '"127.0.0.1"  # default'
    assert PASSWORD not in out + err


def test_serve_reads_its_settings_from_the_environment_and_refuses_an_exposed_file(
    tmp_path: Path,
) -> None:
    """The real command in its own process: a refusal is one coded line, exit status 2."""
    config = private(tmp_path / "inbox.toml", f'data_dir = "{tmp_path}"\n', 0o644)
    env = {key: value for key, value in os.environ.items() if not key.startswith("SJELDEN_INBOX_")}
    env["SJELDEN_INBOX_CONFIG"] = str(config)
    done = subprocess.run(
        [sys.executable, "-m", "sjelden_inbox", "serve"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        f"sjelden-inbox: error config_file_exposed: config file {config} can be read or "
        f"changed by other users (mode 0644); run: chmod 600 {config}"
    ]


def test_a_database_that_cannot_be_reached_is_one_coded_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No server listens on the port: libpq's reason, the settings to check, no traceback."""
    monkeypatch.setenv(
        "SJELDEN_INBOX_DATABASE_URL", f"postgresql://inbox@127.0.0.1:{free_port()}/x"
    )
    code, out, err = run(capsys, "devices", "list")
    assert code == 1 and out == ""
    assert err.startswith("sjelden-inbox: error database_unreachable: cannot connect")
    assert "database_url" in err and "Traceback" not in err
