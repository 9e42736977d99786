"""Profile commands: ``init``, ``unlock-check``, ``change-passphrase``, ``recover``, ``doctor``.

Passphrases come from ``SJELDEN_PASSPHRASE`` (and ``SJELDEN_NEW_PASSPHRASE``) or standard
input, one per line, so scripts and tests can drive them; on a terminal they are asked for
without echo. They are never accepted as command-line arguments, which would leave them in
the shell history and the process list.
"""

from __future__ import annotations

import argparse
import getpass
import importlib.util
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import TypeVar, cast

import keyring

from desktop import __version__
from desktop.cli.help_texts import h
from desktop.cli.messages import CLI
from desktop.cli.output import Coded, current, failed, say
from desktop.messages import Lang, normalize
from desktop.paths import DEFAULT_PROFILE, HOME_ENV, data_root
from desktop.storage import keystore, passphrase_strength
from desktop.storage import records as stored
from desktop.storage.connection import sqlcipher_version
from desktop.storage.errors import StoreError
from desktop.storage.profile import Profile

T = TypeVar("T")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    init = subparsers.add_parser(
        "init",
        help=h("profile.init"),
        description=h("profile.init.about"),
    )
    init.add_argument(
        "--key-file",
        action="store_true",
        help=h("profile.init.key_file"),
    )
    init.add_argument(
        "--language", choices=("nb", "en"), default=None, help=h("profile.init.language")
    )
    init.set_defaults(func=cmd_init)

    check = subparsers.add_parser("unlock-check", help=h("profile.unlock_check"))
    check.add_argument(
        "--accept-data-loss",
        action="store_true",
        help=h("profile.unlock_check.accept_data_loss"),
    )
    check.set_defaults(func=cmd_unlock_check)

    change = subparsers.add_parser(
        "change-passphrase",
        help=h("profile.change_passphrase"),
    )
    change.set_defaults(func=cmd_change_passphrase)

    recover = subparsers.add_parser(
        "recover",
        help=h("profile.recover"),
    )
    recover.set_defaults(func=cmd_recover)

    doctor = subparsers.add_parser("doctor", help=h("profile.doctor"))
    doctor.set_defaults(func=cmd_doctor)


def _profile(args: argparse.Namespace) -> Profile:
    return Profile.named(args.profile or DEFAULT_PROFILE)


class _Secrets:
    """Reads secrets from environment variables, stdin lines, or a no-echo prompt."""

    def __init__(self) -> None:
        self._lines: Iterator[str] | None = None

    def read(self, env: str, prompt: str) -> str:
        value = os.environ.get(env)
        if value is not None:
            return value
        return self.line(prompt)

    def line(self, prompt: str) -> str:
        """The next line of standard input, or a no-echo prompt on a terminal."""
        if sys.stdin.isatty():
            return getpass.getpass(prompt)
        if self._lines is None:
            self._lines = iter(sys.stdin.read().splitlines())
        return next(self._lines, "")

    def explain_rule(self, env: str, lang: Lang) -> None:
        """Say what a new passphrase must be before asking for one on a terminal.

        Scripts (environment, piped input) get no prompt text; a refused passphrase says
        the rule and zxcvbn's advice in its own message (``store.weak_passphrase``).
        """
        if os.environ.get(env) is None and sys.stdin.isatty():
            print(passphrase_strength.rule(lang), file=sys.stderr)

    def new_passphrase(
        self, env: str = "SJELDEN_PASSPHRASE", lang: Lang | None = None
    ) -> str | None:
        """A new passphrase, asked twice on a terminal; ``None`` (and a message) if they differ."""
        speak = lang or current()
        self.explain_rule(env, speak)
        passphrase = self.read(env, CLI.text("prompt.new_passphrase", speak))
        if sys.stdin.isatty() and env not in os.environ:
            again = getpass.getpass(CLI.text("prompt.repeat_passphrase", speak))
            if again != passphrase:
                say(speak, "passphrases_differ", error=True)
                return None
        return passphrase


def _guarded(lang: Lang, action: Callable[[], int], coded: tuple[type[Exception], ...] = ()) -> int:
    """Run ``action``; store errors, and errors of the ``coded`` types, become messages."""
    try:
        return action()
    except StoreError as error:
        return failed(error, lang)
    except coded as error:
        return failed(cast(Coded, error), lang)


def _run_unlocked(
    profile: Profile,
    unlock: Callable[[str], AbstractContextManager[T]],
    action: Callable[[T, Lang], int],
    coded: tuple[type[Exception], ...] = (),
    secrets: _Secrets | None = None,
) -> int:
    """Read the passphrase, ``unlock`` the profile and run ``action``; errors become messages."""
    lang = current()
    passphrase = (secrets or _Secrets()).read(
        "SJELDEN_PASSPHRASE", CLI.text("prompt.passphrase", current())
    )

    def unlocked() -> int:
        with unlock(passphrase) as opened:
            return action(opened, lang)

    return _guarded(lang, unlocked, coded)


def cmd_init(args: argparse.Namespace) -> int:
    profile = _profile(args)
    lang: Lang = normalize(args.language) if args.language else current()
    passphrase = _Secrets().new_passphrase(lang=lang)
    if passphrase is None:
        return 1

    def action() -> int:
        result = profile.create(
            passphrase, key_storage="file" if args.key_file else "keyring", language=lang
        )
        result.store.close()
        say(lang, "init.done", directory=profile.directory)
        say(lang, "init.recovery_key")
        print(result.recovery_key)
        return 0

    return _guarded(lang, action)


def cmd_unlock_check(args: argparse.Namespace) -> int:
    profile = _profile(args)
    lang = current()
    passphrase = _Secrets().read("SJELDEN_PASSPHRASE", CLI.text("prompt.passphrase", current()))

    def action() -> int:
        # A profile check: either kind of profile.
        accept = bool(getattr(args, "accept_data_loss", False))
        with profile.unlock(passphrase, kind=profile.kind, accept_loss=accept) as store:
            records = store.call(lambda c: stored.count(c), "count records")
            problems = store.integrity_problems()
            broken = store.verify_audit_chain()
        if problems or broken is not None:
            say(lang, "unlock_check.integrity_failed", error=True)
            return 1
        say(lang, "unlock_check.ok", records=records)
        return 0

    return _guarded(lang, action)


def cmd_change_passphrase(args: argparse.Namespace) -> int:
    profile = _profile(args)
    lang = current()
    secrets = _Secrets()
    old = secrets.read("SJELDEN_PASSPHRASE", CLI.text("prompt.current_passphrase", current()))
    secrets.explain_rule("SJELDEN_NEW_PASSPHRASE", lang)
    new = secrets.read("SJELDEN_NEW_PASSPHRASE", CLI.text("prompt.new_passphrase", current()))

    def action() -> int:
        profile.change_passphrase(old, new)
        say(lang, "passphrase_changed")
        return 0

    return _guarded(lang, action)


def cmd_recover(args: argparse.Namespace) -> int:
    profile = _profile(args)
    lang = current()
    secrets = _Secrets()
    recovery_key = secrets.read("SJELDEN_RECOVERY_KEY", CLI.text("prompt.recovery_key", current()))
    secrets.explain_rule("SJELDEN_NEW_PASSPHRASE", lang)
    new = secrets.read("SJELDEN_NEW_PASSPHRASE", CLI.text("prompt.new_passphrase", current()))

    def action() -> int:
        profile.unlock_with_recovery(recovery_key, new).close()
        say(lang, "recovered")
        return 0

    return _guarded(lang, action)


def cmd_doctor(args: argparse.Namespace) -> int:
    backend = keyring.get_keyring()
    secure = keystore.is_secure_backend(backend)
    root = data_root()
    profiles_dir = root / "profiles"
    profiles = sorted(p.name for p in profiles_dir.iterdir()) if profiles_dir.exists() else []
    lang = current()
    print(f"sjelden {__version__}")
    say(lang, "doctor.python", version=sys.version.split()[0])
    say(lang, "doctor.sqlcipher", version=sqlcipher_version())
    verdict = CLI.text("doctor.secure" if secure else "doctor.not_secure", lang)
    say(lang, "doctor.keyring", backend=keystore.backend_name(backend), verdict=verdict)
    if not secure:
        say(lang, "doctor.keyring_hint")
    if os.environ.get(HOME_ENV):
        say(lang, "doctor.data_dir_from_env", directory=root, variable=HOME_ENV)
    else:
        say(lang, "doctor.data_dir", directory=root)
    listed = ", ".join(profiles) if profiles else CLI.text("doctor.no_profiles", lang)
    say(lang, "doctor.profiles", profiles=listed)
    gui = importlib.util.find_spec("PySide6") is not None
    say(lang, "doctor.gui_available" if gui else "doctor.gui_missing")
    return 0
