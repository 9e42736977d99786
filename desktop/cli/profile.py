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
from desktop.cli.output import Coded, failed, say
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
        help="set up a new encrypted profile (prints the one-time recovery key)",
        description="Set up a new encrypted profile. The passphrase is read from "
        "SJELDEN_PASSPHRASE or standard input.",
    )
    init.add_argument(
        "--key-file",
        action="store_true",
        help="keep the sealed key in a file in the profile instead of the OS keyring "
        "(only if this PC has no keyring; less protected)",
    )
    init.add_argument("--language", choices=("nb", "en"), default="nb", help="UI language")
    init.set_defaults(func=cmd_init)

    check = subparsers.add_parser(
        "unlock-check", help="check that the passphrase unlocks the profile and the database"
    )
    check.add_argument(
        "--accept-data-loss",
        action="store_true",
        help="open a database that is older than its last known state (store."
        "older_than_known) as it is, accepting that the missing changes are gone",
    )
    check.set_defaults(func=cmd_unlock_check)

    change = subparsers.add_parser(
        "change-passphrase",
        help="change the passphrase (old and new from SJELDEN_PASSPHRASE and "
        "SJELDEN_NEW_PASSPHRASE, or two lines of standard input)",
    )
    change.set_defaults(func=cmd_change_passphrase)

    recover = subparsers.add_parser(
        "recover",
        help="unlock with the printed recovery key and set a new passphrase "
        "(recovery key and new passphrase as two lines of standard input)",
    )
    recover.set_defaults(func=cmd_recover)

    doctor = subparsers.add_parser(
        "doctor", help="report the keyring backend, SQLCipher version and data dir (no secrets)"
    )
    doctor.set_defaults(func=cmd_doctor)


def _profile(args: argparse.Namespace) -> Profile:
    return Profile.named(args.profile or DEFAULT_PROFILE)


def _lang(profile: Profile | None = None) -> Lang:
    if profile is not None and profile.exists:
        try:
            return normalize(profile.info().get("language"))
        except StoreError:  # a damaged profile.json: said when the command reads it
            pass
    return normalize(os.environ.get("SJELDEN_LANG"))


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

    def new_passphrase(self, env: str = "SJELDEN_PASSPHRASE", lang: Lang = "nb") -> str | None:
        """A new passphrase, asked twice on a terminal; ``None`` (and a message) if they differ."""
        self.explain_rule(env, lang)
        passphrase = self.read(env, "Ny passordfrase / new passphrase: ")
        if sys.stdin.isatty() and env not in os.environ:
            again = getpass.getpass("Gjenta passordfrasen / repeat the passphrase: ")
            if again != passphrase:
                for lang in ("nb", "en"):  # no profile to take a language from yet
                    say(lang, "passphrases_differ", error=True)
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
    lang = _lang(profile)
    passphrase = (secrets or _Secrets()).read("SJELDEN_PASSPHRASE", "Passordfrase / passphrase: ")

    def unlocked() -> int:
        with unlock(passphrase) as opened:
            return action(opened, lang)

    return _guarded(lang, unlocked, coded)


def cmd_init(args: argparse.Namespace) -> int:
    profile = _profile(args)
    lang: Lang = args.language
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
    lang = _lang(profile)
    passphrase = _Secrets().read("SJELDEN_PASSPHRASE", "Passordfrase / passphrase: ")

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
    lang = _lang(profile)
    secrets = _Secrets()
    old = secrets.read("SJELDEN_PASSPHRASE", "Nåværende passordfrase / current passphrase: ")
    secrets.explain_rule("SJELDEN_NEW_PASSPHRASE", lang)
    new = secrets.read("SJELDEN_NEW_PASSPHRASE", "Ny passordfrase / new passphrase: ")

    def action() -> int:
        profile.change_passphrase(old, new)
        say(lang, "passphrase_changed")
        return 0

    return _guarded(lang, action)


def cmd_recover(args: argparse.Namespace) -> int:
    profile = _profile(args)
    lang = _lang(profile)
    secrets = _Secrets()
    recovery_key = secrets.read("SJELDEN_RECOVERY_KEY", "Gjenopprettingsnøkkel / recovery key: ")
    secrets.explain_rule("SJELDEN_NEW_PASSPHRASE", lang)
    new = secrets.read("SJELDEN_NEW_PASSPHRASE", "Ny passordfrase / new passphrase: ")

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
    print(f"sjelden {__version__}")
    print(f"python: {sys.version.split()[0]}")
    print(f"sqlcipher: {sqlcipher_version()}")
    verdict = "secure" if secure else "NOT secure"
    print(f"keyring backend: {keystore.backend_name(backend)} ({verdict})")
    if not secure:
        print(
            "  -> install and start an OS keyring (Linux: gnome-keyring or KWallet), "
            "or use 'sjelden init --key-file'"
        )
    print(f"data dir: {root}" + (f" (from ${HOME_ENV})" if os.environ.get(HOME_ENV) else ""))
    print(f"profiles: {', '.join(profiles) if profiles else '(none)'}")
    gui = importlib.util.find_spec("PySide6") is not None
    print(f"gui (PySide6): {'available' if gui else 'not installed'}")
    return 0
