"""The ``sjelden`` command.

With no arguments it starts the GUI. Subcommands are contributed by small modules; each
exposes ``register(subparsers)`` and sets ``func`` on its parsers, a callable taking the parsed
arguments and returning the exit code. ``COMMANDS`` names the module of each top-level
command so that a run imports only the module it needs: ``sjelden validate`` never loads Qt,
and ``sjelden --version`` loads no command module at all (a test keeps the table and the
modules' own ``register`` in step).

The language is chosen before the parser is built (``choose_language``: ``--language``
anywhere on the line, then ``SJELDEN_LANGUAGE``, then the profile's choice, else bokmål, as
the GUI chooses), so the help (``desktop.cli.help_texts``), argparse's own words
(``desktop.cli.argparse_words``) and every line a command prints speak it.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop import __version__
from desktop.messages import LANGUAGE_ENV, Lang, choose

if TYPE_CHECKING:  # argparse (with re and enum) is imported only when a command is parsed
    import argparse

#: top-level command -> the module that registers it (and its sub-commands)
COMMANDS: dict[str, str] = {
    "init": "desktop.cli.profile",
    "unlock-check": "desktop.cli.profile",
    "change-passphrase": "desktop.cli.profile",
    "recover": "desktop.cli.profile",
    "doctor": "desktop.cli.profile",
    "selftest": "desktop.cli.selftest",
    "codes": "desktop.cli.codes",
    "validate": "desktop.cli.forms",
    "schema": "desktop.cli.forms",
    "demo-data": "desktop.cli.forms",
    "letter": "desktop.cli.letters",
    "summary-pdf": "desktop.cli.letters",
    "enroll": "desktop.cli.sync",
    "register-key": "desktop.cli.sync",
    "manifest": "desktop.cli.sync",
    "sync": "desktop.cli.sync",
    "sync-status": "desktop.cli.sync",
    "export-batch": "desktop.cli.sync",
    "import-receipt": "desktop.cli.sync",
    "demo": "desktop.cli.sync",
    "staff": "desktop.cli.staff",
}
COMMAND_MODULES: list[str] = list(dict.fromkeys(COMMANDS.values()))


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``command``, only that command's module is imported and registered."""
    import argparse

    from desktop.cli.help_texts import h

    parser = argparse.ArgumentParser(
        prog="sjelden",
        description=(h("cli.about")),
    )
    parser.add_argument(
        "--version", action="version", version=f"sjelden {__version__}", help=h("cli.version")
    )
    parser.add_argument(
        "--profile",
        default=None,
        help=h("cli.profile"),
    )
    parser.add_argument("--language", choices=("nb", "en"), default=None, help=h("cli.language"))
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    wanted = [COMMANDS[command]] if command in COMMANDS else COMMAND_MODULES
    for module_name in wanted:
        importlib.import_module(module_name).register(subparsers)
    return parser


def _command_word(argv: Sequence[str]) -> str | None:
    """The first word that names a command (global options may stand before it)."""
    words = iter(argv)
    for word in words:
        if word in ("--profile", "--language"):
            next(words, None)
        elif word in COMMANDS:
            return word
        elif not word.startswith("-"):
            return None
    return None


#: the environment variable older scripts set; read after ``SJELDEN_LANGUAGE``
LEGACY_LANGUAGE_ENV = "SJELDEN_LANG"


def _option_value(words: Sequence[str], option: str) -> str | None:
    """The value of ``option`` (``--x v`` or ``--x=v``) wherever it stands, the last one."""
    found = None
    for index, word in enumerate(words):
        if word == "--":
            break
        if word == option and index + 1 < len(words):
            found = words[index + 1]
        elif word.startswith(option + "="):
            found = word.split("=", 1)[1]
    return found


def choose_language(words: Sequence[str]) -> Lang:
    """The language of this run: the command line, the environment, the profile, bokmål.

    ``--language`` counts wherever it stands (``sjelden init --language en`` sets the new
    profile's language and speaks it). The profile is ``--profile``'s, or the one the
    command uses by default (``staff`` for ``sjelden staff``); a missing or damaged
    profile counts as no choice (the command itself says what is wrong with it).
    """
    requested = _option_value(words, "--language")
    if not requested and not os.environ.get(LANGUAGE_ENV):
        requested = os.environ.get(LEGACY_LANGUAGE_ENV) or None
    if requested or os.environ.get(LANGUAGE_ENV):
        return choose(requested)
    name = _option_value(words, "--profile")
    if name is None:
        name = "staff" if _command_word(words) == "staff" else None
    saved: object = None
    with contextlib.suppress(Exception):  # any problem is the command's to report
        from desktop.storage.profile import Profile

        profile = Profile.named(name)
        if profile.exists:
            saved = profile.info().get("language")
    return choose(None, saved)


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    if words == ["--version"]:  # the commonest probe, answered without importing a command
        print(f"sjelden {__version__}")
        return 0
    from desktop.cli import argparse_words, output

    lang = output.set_language(choose_language(words))
    argparse_words.install(lang)
    parser = build_parser(_command_word(words))
    args = parser.parse_args(words)
    if args.command is None:
        return _start_gui(args)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args))
    except KeyboardInterrupt:
        from desktop.cli.messages import CLI
        from desktop.cli.output import current

        print(CLI.text("interrupted", current()), file=sys.stderr)
        return 130


def _start_gui(args: argparse.Namespace) -> int:
    from desktop.cli import gui

    return gui.start(args.profile, args.language)
