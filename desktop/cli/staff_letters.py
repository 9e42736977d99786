"""``sjelden staff letters print | mark-sent | list | returned``: the register's letter runs.

The core is ``desktop.staff.letters``; this module reads arguments, asks for the confirmation
of a returned slip, and prints counts and ids. The PDF needs Qt's PDF writer: ``print``
takes it from ``desktop.cli.letters.pdf_printing`` (the one place the CLI starts Qt for a
PDF, declared in the CLI's import-linter contract), so every other command runs without Qt.
Nothing printed holds a field value, except the name and birth date in the confirmation of
``returned``, which the registrar answers (``--yes`` skips it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.help_texts import h
from desktop.cli.output import current, say
from desktop.cli.profile import _Secrets
from desktop.cli.staff_run import run_as_member
from desktop.messages import Lang

if TYPE_CHECKING:
    from desktop.staff.session import StaffSession

_YES = frozenset({"ja", "j", "yes", "y"})


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    letters = sub.add_parser("letters", help=h("staff.letters"))
    actions = letters.add_subparsers(dest="letters_command", metavar="ACTION", required=True)
    printing = actions.add_parser("print", help=h("staff.letters.print"))
    printing.add_argument("--out", type=Path, required=True, help=h("staff.letters.print.out"))
    printing.add_argument("--limit", type=int, help=h("staff.letters.print.limit"))
    printing.add_argument("--reprint", metavar="RUN_ID", help=h("staff.letters.print.reprint"))
    printing.set_defaults(func=cmd_print)
    sent = actions.add_parser("mark-sent", help=h("staff.letters.mark_sent"))
    sent.add_argument("run_id", metavar="RUN_ID", help=h("staff.letters.run_id"))
    sent.set_defaults(func=cmd_mark_sent)
    actions.add_parser("list", help=h("staff.letters.list")).set_defaults(func=cmd_list)
    returned = actions.add_parser("returned", help=h("staff.letters.returned"))
    returned.add_argument(
        "reference", metavar="REFERENCE", help=h("staff.letters.returned.reference")
    )
    returned.add_argument("--yes", action="store_true", help=h("staff.letters.returned.yes"))
    returned.set_defaults(func=cmd_returned)


def cmd_print(args: argparse.Namespace) -> int:
    from desktop.cli.letters import pdf_printing
    from desktop.staff import letters

    try:
        printing = pdf_printing()
    except ImportError as exc:
        say(current(), "pdf.needs_qt", error=True, reason=type(exc).__name__)
        return 1

    def action(opened: StaffSession, lang: Lang) -> int:
        from desktop.staff.errors import StaffError

        try:
            result = letters.print_run(
                opened.register,
                args.out,
                printing.write_documents,
                limit=args.limit,
                run_id=args.reprint,
            )
        except printing.PrintError as exc:
            raise StaffError("letter_pdf_not_written", type(exc).__name__) from None
        if result.run_id is None:
            say(lang, "letters.nothing")
        else:
            say(
                lang,
                "letters.printed",
                run_id=result.run_id,
                letters=result.letters,
                pages=result.pages,
                path=result.path,
            )
        if result.needs_address:
            say(lang, "letters.needs_address", letters=len(result.needs_address))
            for needs in result.needs_address:
                print(f"  {needs.record_id}")
        return 0

    return run_as_member(args, action, needs="letters")


def cmd_mark_sent(args: argparse.Namespace) -> int:
    from desktop.staff import letters

    def action(opened: StaffSession, lang: Lang) -> int:
        result = letters.mark_sent(opened.register, args.run_id)
        code = "letters.sent_before" if result.already else "letters.sent"
        say(lang, code, run_id=result.run_id, letters=result.letters)
        return 0

    return run_as_member(args, action, needs="letters")


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.staff import letters

    def action(opened: StaffSession, lang: Lang) -> int:
        counts = letters.counts(opened.register)
        say(
            lang,
            "letters.counts",
            pending=counts.pending,
            printed=counts.printed,
            letters=counts.sent,
            clinic=counts.clinic,
            reservations=counts.reservations,
            returned=counts.returned,
            runs=counts.runs_unsent,
        )
        for run in letters.runs(opened.register):
            say(
                lang,
                "letters.run",
                run_id=run.run_id,
                at=run.created_at,
                letters=run.letters,
                state=run.state,
            )
        return 0

    return run_as_member(args, action, needs="letters")


def cmd_returned(args: argparse.Namespace) -> int:
    from desktop.forms.letters import format_date
    from desktop.forms.payload import patient_name
    from desktop.staff import letter_render, letters

    reader = _Secrets()  # the passphrase and the answer may both come on standard input

    def action(opened: StaffSession, lang: Lang) -> int:
        slip = letters.returned_slip(opened.register, args.reference)
        if not args.yes:
            born = letter_render.birth_date(slip.payload)
            person = patient_name(slip.payload).full + (
                f", {format_date(born, lang)}" if born else ""
            )
            say(lang, "letters.confirm_returned", error=True, person=person, run_id=slip.run_id)
            answer = (input() if sys.stdin.isatty() else reader.line("")).strip().lower()
            if answer not in _YES:
                say(lang, "letters.not_confirmed", error=True)
                return 1
        result = letters.record_returned(
            opened.register, slip, register_keys=opened.keys.register_keys
        )
        say(
            lang,
            "letters.returned",
            reservation_id=result.reservation_id,
            records=result.records_removed,
            history=result.history_removed,
            closed=result.queue_items_closed,
        )
        return 0

    return run_as_member(args, action, reader, needs="letters")
