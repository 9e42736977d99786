"""The ``sjelden`` command.

With no arguments it starts the GUI. Subcommands are contributed by small modules listed in
``COMMAND_MODULES``; each exposes ``register(subparsers)`` and sets ``func`` on its parsers,
a callable taking the parsed arguments and returning the exit code. Keeping the list here
(rather than importing everything eagerly) means ``sjelden validate`` never loads Qt.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from desktop import __version__

COMMAND_MODULES: list[str] = [
    "desktop.cli.profile",
    "desktop.cli.codes",
    "desktop.cli.forms",
    "desktop.cli.letters",
    "desktop.cli.sync",
    "desktop.cli.staff",
    # more command modules are added below this line
]


def build_parser() -> argparse.ArgumentParser:
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
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _start_gui(args)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 2
    try:
        return int(func(args))
    except KeyboardInterrupt:
        print("Avbrutt. / Interrupted.", file=sys.stderr)
        return 130


def _start_gui(args: argparse.Namespace) -> int:
    # Imported lazily: every other command must work on a machine without a display or Qt.
    try:
        app_module = importlib.import_module("desktop.ui.app")
    except ImportError as exc:
        print(
            f"The graphical interface is not available: {exc}. "
            "Install the application with 'pip install sjelden' (it includes PySide6).",
            file=sys.stderr,
        )
        return 1
    return int(app_module.run(profile=args.profile, language=args.language))
