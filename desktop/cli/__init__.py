"""The ``sjelden`` command.

With no arguments it starts the GUI. Subcommands are contributed by small modules; each
exposes ``register(subparsers)`` and sets ``func`` on its parsers, a callable taking the parsed
arguments and returning the exit code. ``COMMANDS`` names the module of each top-level
command so that a run imports only the module it needs: ``sjelden validate`` never loads Qt,
and ``sjelden --version`` loads no command module at all (a test keeps the table and the
modules' own ``register`` in step).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop import __version__

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

    parser = argparse.ArgumentParser(
        prog="sjelden",
        description=(
            "Offline registration client for the Norwegian Register for Rare Diagnoses. "
            "Run without arguments to start the application."
        ),
    )
    parser.add_argument("--version", action="version", version=f"sjelden {__version__}")
    parser.add_argument(
        "--profile",
        default=None,
        help="profile name (default: 'default'); profiles live under $SJELDEN_HOME",
    )
    parser.add_argument(
        "--language",
        choices=("nb", "en"),
        default=None,
        help="UI language of the app (default: the profile's, else bokmål)",
    )
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


def main(argv: Sequence[str] | None = None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    if words == ["--version"]:  # the commonest probe, answered without importing a command
        print(f"sjelden {__version__}")
        return 0
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

        print(CLI.both("interrupted"), file=sys.stderr)
        return 130


def _start_gui(args: argparse.Namespace) -> int:
    from desktop.cli import gui

    return gui.start(args.profile, args.language)
