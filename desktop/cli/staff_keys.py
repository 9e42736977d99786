"""``sjelden staff retire-register-key KEY_ID``: the register stops being able to open what
was sealed to an old recipient key (``desktop.staff.key_retirement``). What is printed: key
ids and counts."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from desktop.cli.help_texts import h
from desktop.cli.output import say
from desktop.cli.staff_run import run_as_member
from desktop.messages import Lang

if TYPE_CHECKING:
    from desktop.staff.session import StaffSession


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    retire = sub.add_parser("retire-register-key", help=h("staff.retire_register_key"))
    retire.add_argument("key_id", metavar="KEY_ID", help=h("staff.retire_register_key.key_id"))
    retire.set_defaults(func=cmd_retire)


def cmd_retire(args: argparse.Namespace) -> int:
    from desktop.staff import key_retirement

    def action(opened: StaffSession, lang: Lang) -> int:
        wraps = key_retirement.retire(opened, args.key_id)
        say(lang, "staff.register_key_retired", key_id=args.key_id, wraps=wraps)
        return 0

    return run_as_member(args, action, needs="keys")
