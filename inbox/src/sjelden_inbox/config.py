"""Where a server's settings come from: command-line flags, ``SJELDEN_INBOX_*`` environment
variables and a TOML file (``--config FILE`` or ``SJELDEN_INBOX_CONFIG``), in that order of
precedence, over the defaults (pydantic-settings).

A deployment of several inbox processes (docs/inbox.md "Deployment") sets them once, in the
service's environment or one file, instead of on every command line; the database password
comes from ``SJELDEN_INBOX_DB_PASSWORD`` or a file (``SJELDEN_INBOX_DB_PASSWORD_FILE``) and
has no flag, so it never shows in ``ps``. A config or password file that another user can
read or write is refused (as ssh refuses an exposed key), since the file may hold the
password. Every bad setting is a ``ConfigError`` with a stable code, naming the setting and
the fix; the CLI prints it without a traceback.

This module only gathers and checks values: the app runs on ``settings.Settings`` (plain
values, built directly by tests and embedded apps, which read no environment).
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit, urlunsplit

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic.fields import FieldInfo
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.limits import MAX_ENVELOPE_BYTES
from sjelden_protocol.request_auth import origin

from .settings import Settings, default_data_dir

ENV_PREFIX = "SJELDEN_INBOX_"
DEFAULT_PORT = 8470


class ConfigError(ValueError):
    """A setting the server cannot run with; ``code`` is stable, the message names the
    setting and how to fix it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


def _where(name: str) -> str:
    """The places a setting can be given, for a message that names the fix."""
    if name == "db_password":
        return f"{ENV_PREFIX}DB_PASSWORD"
    return f"--{name.replace('_', '-')}, {ENV_PREFIX}{name.upper()} or {name} in the config file"


def check_private_file(path: Path, what: str, setting: str) -> None:
    """Refuse a file others may read or write, or that another user owns (like ssh)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ConfigError(
            f"{what}_missing", f"{what.replace('_', ' ')} {path} does not exist; check {setting}"
        ) from None
    except OSError as exc:
        raise ConfigError(
            f"{what}_unreadable", f"cannot read {what.replace('_', ' ')} {path}: {exc.strerror}"
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(
            f"{what}_unreadable", f"{what.replace('_', ' ')} {path} is not a regular file"
        )
    if info.st_mode & 0o077:
        raise ConfigError(
            f"{what}_exposed",
            f"{what.replace('_', ' ')} {path} can be read or changed by other users "
            f"(mode {stat.S_IMODE(info.st_mode):04o}); run: chmod 600 {path}",
        )
    if info.st_uid not in (os.getuid(), 0):
        raise ConfigError(
            f"{what}_exposed",
            f"{what.replace('_', ' ')} {path} belongs to another user; "
            f"run: chown {os.getuid()} {path}",
        )


def _read_config_file(path: Path) -> dict[str, Any]:
    check_private_file(path, "config_file", f"--config or {ENV_PREFIX}CONFIG")
    try:
        with path.open("rb") as handle:
            values = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(
            "config_file_invalid", f"{path} is not valid TOML ({exc}); fix the file"
        ) from None
    except OSError as exc:
        raise ConfigError(
            "config_file_unreadable", f"cannot read config file {path}: {exc.strerror}"
        ) from None
    misplaced = {
        "config": "name the file with --config or SJELDEN_INBOX_CONFIG",
        "db_password": "put the password in its own file (0600) and set db_password_file",
    }
    for name, fix in misplaced.items():
        if name in values:
            raise ConfigError(
                "setting_misplaced", f"{name} cannot be set in the config file {path}: {fix}"
            )
    return values


class _ConfigFile(PydanticBaseSettingsSource):
    """The TOML file named by the flag or the environment (``config``): below both."""

    def __init__(
        self,
        settings_cls: type[BaseSettings],
        flags: PydanticBaseSettingsSource,
        env: PydanticBaseSettingsSource,
    ) -> None:
        super().__init__(settings_cls)
        self._flags = flags
        self._env = env

    def get_field_value(self, field: FieldInfo, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # __call__ reads the whole file at once

    def __call__(self) -> dict[str, Any]:
        path = self._flags().get("config") or self._env().get("config")
        return _read_config_file(Path(path)) if path else {}


def _words(value: Any) -> Any:
    """A list setting given as one string (an environment variable): comma separated."""
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    return value


class InboxConfig(BaseSettings):
    """Every setting an operator can give; docs/inbox.md has the table."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, extra="forbid", frozen=True, validate_default=True
    )

    config: Path | None = Field(None, description="TOML file with further settings")
    data_dir: Path = Field(
        default_factory=default_data_dir,
        description="receipt key and the default SQLite database",
    )
    database_url: str | None = Field(
        None, description="sqlite:///path or postgresql://user@host/db (no password in it)"
    )
    db_password: SecretStr | None = Field(
        None, description="PostgreSQL password (environment only)"
    )
    db_password_file: Path | None = Field(None, description="file holding the password (0600)")
    db_pool_size: int = Field(8, ge=1, le=200, description="database connections per process")
    server_key_file: Path | None = Field(
        None, description="receipt key (default DATA_DIR/server-signing-key.pem)"
    )
    host: str = Field("127.0.0.1", description="bind address")
    port: int = Field(DEFAULT_PORT, ge=1, le=65535, description="bind port")
    public_urls: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="addresses clients reach the inbox at"
    )
    ssl_certfile: Path | None = Field(None, description="serve HTTPS with this chain")
    ssl_keyfile: Path | None = Field(None, description="private key for ssl_certfile")
    forwarded_allow_ips: str | None = Field(
        None, description="trust X-Forwarded-* from these proxies"
    )
    max_envelope_mb: float = Field(16.0, gt=0, le=MAX_ENVELOPE_BYTES / 1024 / 1024)
    rate_limit_per_minute: float = Field(120.0, gt=0)
    batch_retention_days: int = Field(30, ge=0)
    feedback_retention_days: int = Field(365, ge=0)
    recipient_key_ids: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="accept only batches sealed to these key ids"
    )
    api_docs: bool = Field(False, description="serve /docs and /redoc")
    log_level: Literal["critical", "error", "warning", "info", "debug", "trace"] = "info"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, _ConfigFile(settings_cls, init_settings, env_settings)

    _split_public_urls = field_validator("public_urls", "recipient_key_ids", mode="before")(_words)

    @field_validator("public_urls")
    @classmethod
    def _origins(cls, urls: list[str]) -> list[str]:
        try:
            return [origin(url) for url in urls]
        except ProtocolError as exc:
            raise ValueError(f"{exc.message}; give https://host[:port]") from None

    @field_validator("database_url")
    @classmethod
    def _database(cls, url: str | None) -> str | None:
        if url is not None and not url.startswith(("sqlite:///", "postgresql://", "postgres://")):
            raise ValueError("must start with sqlite:/// or postgresql://")
        return url

    # --- loading ---------------------------------------------------------------------------
    @classmethod
    def load(cls, flags: Mapping[str, Any]) -> InboxConfig:
        """Flags (only those given) over the environment over the file over the defaults;
        a ``ConfigError`` for anything the server cannot run with."""
        # pydantic-settings passes over a variable it has no field for: a typo in a unit
        # file would silently leave the default
        for name in sorted(os.environ):
            if name.upper().startswith(ENV_PREFIX) and (
                name[len(ENV_PREFIX) :].lower() not in cls.model_fields
            ):
                raise ConfigError(
                    "setting_unknown",
                    f"unknown environment variable {name}; see the settings table in docs/inbox.md",
                )
        try:
            config = cls(**flags)
        except ValidationError as exc:
            raise _config_error(exc) from None
        config._check()
        return config

    def _check(self) -> None:
        if bool(self.ssl_certfile) != bool(self.ssl_keyfile):
            raise ConfigError(
                "setting_incomplete",
                "ssl_certfile and ssl_keyfile go together; set both (or neither, behind a TLS "
                "proxy)",
            )
        if self.db_password is not None and self.db_password_file is not None:
            raise ConfigError(
                "setting_ambiguous",
                f"both {ENV_PREFIX}DB_PASSWORD and db_password_file are set; keep one",
            )
        if _url_password(self.database_url):
            raise ConfigError(
                "password_in_url",
                "database_url holds a password, which shows in process lists and logs; "
                f"remove it and set {ENV_PREFIX}DB_PASSWORD_FILE (or {ENV_PREFIX}DB_PASSWORD)",
            )
        if self.db_password_file is not None:
            check_private_file(
                self.db_password_file, "password_file", f"{ENV_PREFIX}DB_PASSWORD_FILE"
            )

    def database_password(self) -> str | None:
        """From the environment or the password file (its first line), read when needed."""
        if self.db_password is not None:
            return self.db_password.get_secret_value()
        if self.db_password_file is None:
            return None
        text = self.db_password_file.read_text(encoding="utf-8")
        password = text.splitlines()[0] if text else ""
        if not password:
            raise ConfigError(
                "password_file_empty",
                f"password file {self.db_password_file} is empty; write the password in it",
            )
        return password

    def own_url(self) -> str:
        """The address this process serves on: the audience clients sign for when no
        public_urls name the one they use (behind a proxy or load balancer, set it)."""
        scheme = "https" if self.ssl_certfile else "http"
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{scheme}://{host}:{self.port}"

    def settings(self) -> Settings:
        """The values the app runs on."""
        return Settings(
            data_dir=self.data_dir,
            database_url=self.database_url,
            database_password=self.database_password(),
            db_pool_size=self.db_pool_size,
            server_key_file=self.server_key_file,
            max_envelope_bytes=int(self.max_envelope_mb * 1024 * 1024),
            rate_limit_per_minute=self.rate_limit_per_minute,
            accepted_recipient_key_ids=frozenset(self.recipient_key_ids),
            api_docs=self.api_docs,
            batch_retention_days=self.batch_retention_days,
            feedback_retention_days=self.feedback_retention_days,
            public_urls=frozenset(self.public_urls or [self.own_url()]),
        )

    # --- settings show ---------------------------------------------------------------------
    def shown(self, flags: Mapping[str, Any]) -> list[str]:
        """One TOML line per setting, secrets masked, with where its value came from."""
        environ = os.environ
        lines = []
        file_values = _read_config_file(self.config) if self.config else {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            if name == "db_password":
                text = '"********"' if value is not None else _NOT_SET
            elif name == "database_url":
                text = _toml(masked_url(self.settings().resolved_database_url))
            elif name == "public_urls" and not value:
                text = _toml([self.own_url()])
            else:
                text = _toml(value)
            if name in flags:
                source = "command line"
            elif f"{ENV_PREFIX}{name.upper()}" in environ:
                source = f"environment {ENV_PREFIX}{name.upper()}"
            elif name in file_values:
                source = f"config file {self.config}"
            else:
                source = "default"
            lines.append(
                f"# {name} is not set  ({source})"
                if text == _NOT_SET
                else f"{name} = {text}  # {source}"
            )
        return lines


_NOT_SET = "# not set"


def _toml(value: Any) -> str:
    if value is None:
        return _NOT_SET
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    escaped = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _url_password(url: str | None) -> bool:
    return bool(url and url.startswith("postgres") and urlsplit(url).password)


def masked_url(url: str) -> str:
    """A database URL safe to print: a password in it becomes ``***``."""
    parts = urlsplit(url)
    if not parts.password:
        return url
    user = parts.username or ""
    host = parts.hostname or ""
    port = f":{parts.port}" if parts.port else ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}{port}"))


def _config_error(error: ValidationError) -> ConfigError:
    """The first problem, named by setting, with where it can be fixed."""
    problems = []
    for item in error.errors():
        name = str(item["loc"][0]) if item.get("loc") else "?"
        if item.get("type") == "extra_forbidden":
            problems.append(
                ConfigError(
                    "setting_unknown",
                    f"unknown setting {name}; see the settings table in docs/inbox.md",
                )
            )
        else:
            problems.append(
                ConfigError(
                    "setting_invalid",
                    f"setting {name}: {item.get('msg', 'invalid')}; fix it in {_where(name)}",
                )
            )
    return problems[0] if problems else ConfigError("setting_invalid", str(error))
