"""``sjelden staff audit verify | checkpoint | report``: the register's audit trail.

``verify`` exits 0 when the whole keyed chain is intact, else 1 with the coded message
``audit_broken`` and the first bad sequence number with its problem code (docs/staff.md,
"The audit chain"). ``checkpoint`` signs a checkpoint of the newest entry now. ``report``
prints counts per month, staff member and kind of action (``--month YYYY-MM``). Nothing
printed holds a field value: key ids, action kinds and counts.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from desktop.cli.help_texts import h
from desktop.cli.output import say
from desktop.cli.staff_run import run_as_member
from desktop.messages import Lang

if TYPE_CHECKING:
    from desktop.staff.session import StaffSession


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help=h("staff.audit"))
    actions = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help=h("staff.audit.verify"))
    verify.add_argument("--inbox", action="store_true", help=h("staff.audit.verify.inbox"))
    verify.set_defaults(func=cmd_verify)
    checkpoint = actions.add_parser("checkpoint", help=h("staff.audit.checkpoint"))
    checkpoint.add_argument("--send", action="store_true", help=h("staff.audit.checkpoint.send"))
    checkpoint.set_defaults(func=cmd_checkpoint)
    report = actions.add_parser("report", help=h("staff.audit.report"))
    report.add_argument("--month", metavar="YYYY-MM", help=h("staff.audit.report.month"))
    report.set_defaults(func=cmd_report)


def cmd_verify(args: argparse.Namespace) -> int:
    from desktop.staff import audit_trail, audit_witness
    from desktop.staff.errors import StaffError

    def action(opened: StaffSession, lang: Lang) -> int:
        verdict = audit_trail.verify(opened.register)
        if not verdict.intact:
            say(
                lang,
                "audit.broken",
                error=True,
                seq=verdict.first_bad_seq,
                problem=verdict.problem,
            )
            raise StaffError("audit_broken", f"seq {verdict.first_bad_seq}: {verdict.problem}")
        say(
            lang,
            "audit.intact",
            entries=verdict.entries,
            keyed_from=verdict.keyed_from or "-",
            checkpoints=verdict.checkpoints,
        )
        if args.inbox:
            with opened.transport() as transport:
                compared = audit_witness.compare(opened, transport)
            if not compared.intact:
                say(lang, "audit.broken", error=True, seq=compared.seq, problem=compared.problem)
                raise StaffError("audit_broken", f"seq {compared.seq}: {compared.problem}")
            say(lang, "audit.witnessed", checkpoints=compared.compared)
        return 0

    return run_as_member(args, action, needs="view")


def cmd_checkpoint(args: argparse.Namespace) -> int:
    def action(opened: StaffSession, lang: Lang) -> int:
        from desktop.staff import audit_witness

        mark = opened.register.audit_checkpoint()
        if mark is None:
            say(lang, "audit.empty")
        else:
            say(lang, "audit.checkpoint", seq=mark.seq)
        if args.send:
            with opened.transport() as transport:
                sent = audit_witness.send(opened, transport)
            say(lang, "audit.sent", sent=sent.sent, held=sent.held)
        return 0

    return run_as_member(args, action, needs="view")


def cmd_report(args: argparse.Namespace) -> int:
    from desktop.staff import audit_trail

    def action(opened: StaffSession, lang: Lang) -> int:
        lines = audit_trail.report(opened.register, args.month)
        if not lines:
            say(lang, "audit.report_empty")
            return 0
        say(lang, "audit.report_header")
        for line in lines:
            print(f"{line.month}  {line.actor}  {line.action}  {line.count}", file=sys.stdout)
        return 0

    return run_as_member(args, action, needs="audit")
