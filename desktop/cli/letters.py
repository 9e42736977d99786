"""``sjelden letter`` and ``sjelden summary-pdf``: the printouts of a record, headless.

``letter`` writes the information letter for a record (the variant chosen in it, else the one
its age suggests, or ``--variant``) as PDF, or as HTML, which needs no Qt. ``summary-pdf``
writes the registration summary for the patient record. The PDFs come from Qt's own PDF
writer; Qt is imported only inside these commands (a function-level import of
``desktop.ui.printing``, declared in the CLI's import-linter contract, so every other command
runs without Qt), on the offscreen platform. Nothing here prints a field value: messages name
files and codes only.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from sjelden_protocol.files import atomic_private_file

from desktop.cli.forms import EXIT_UNREADABLE, InputError, parse_records, read_text
from desktop.cli.help_texts import h
from desktop.cli.messages import CLI
from desktop.cli.output import current

if TYPE_CHECKING:
    from desktop.forms.letters import PrintDocument

EXIT_OK = 0
EXIT_FAILED = 1
STATUSES = ("draft", "completed", "queued", "sent", "accepted", "rejected", "set_aside")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    letter = subparsers.add_parser(
        "letter",
        help=h("letters.letter"),
        description=(h("letters.letter.about")),
    )
    letter.add_argument("--record", required=True, help=h("letters.letter.record"))
    letter.add_argument(
        "--variant",
        type=_variant,
        default=None,
        help=h("letters.letter.variant"),
    )
    letter.add_argument("--lang", choices=("nb", "en"), default="nb", help=h("letters.letter.lang"))
    out = letter.add_mutually_exclusive_group(required=True)
    out.add_argument("--pdf", help=h("letters.letter.pdf"))
    out.add_argument("--html", help=h("letters.letter.html"))
    letter.set_defaults(func=run_letter)

    summary = subparsers.add_parser(
        "summary-pdf",
        help=h("letters.summary_pdf"),
    )
    summary.add_argument("record", help=h("letters.summary_pdf.record"))
    summary.add_argument("pdf", help=h("letters.summary_pdf.pdf"))
    summary.add_argument(
        "--lang", choices=("nb", "en"), default="nb", help=h("letters.summary_pdf.lang")
    )
    summary.add_argument(
        "--status", choices=STATUSES, default=None, help=h("letters.summary_pdf.status")
    )
    summary.set_defaults(func=run_summary_pdf)


def _variant(text: str) -> str:
    # Checked here rather than with ``choices``: building the parser for every ``sjelden``
    # command must not import the letters module.
    from desktop.forms.letters import LETTER_VARIANTS

    if text not in LETTER_VARIANTS:
        raise argparse.ArgumentTypeError(
            CLI.text(
                "arg.unknown_variant",
                current(),
                value=repr(text),
                choices=", ".join(LETTER_VARIANTS),
            )
        )
    return text


def _read_record(name: str) -> dict[str, Any] | None:
    """The one record in file ``name`` (read like ``sjelden validate`` reads its input), or
    None after saying on standard error why it cannot be read."""
    try:
        records = parse_records(read_text(name, sys.stdin), name)
        if len(records) != 1 or not isinstance(records[0], dict):
            raise InputError("input.not_one_record", name=name)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return None
    return records[0]


_QT_APP: list[Any] = []  # the one Qt application of a PDF-writing command, kept alive


def pdf_printing() -> ModuleType:
    """``desktop.ui.printing``, with a Qt application to paint in, for a command's PDF.

    A PDF needs no window: the offscreen platform works with or without a display, and
    never aborts on a display that cannot be reached. The application lives as long as the
    command's process. ``ImportError`` (Qt missing): the caller says ``pdf.needs_qt``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from desktop.ui import printing

    if not _QT_APP:
        _QT_APP.append(QGuiApplication.instance() or QGuiApplication(["sjelden"]))
    return printing


def _write_pdf(doc: PrintDocument, target: str) -> int:
    try:
        printing = pdf_printing()
    except ImportError as exc:
        print(CLI.text("pdf.needs_qt", current(), reason=exc), file=sys.stderr)
        return EXIT_FAILED
    try:
        printing.write_pdf(doc, target)
    except (OSError, printing.PrintError):
        print(CLI.text("output.not_written", current(), name=target), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def run_letter(args: argparse.Namespace) -> int:
    from desktop.forms.letters import render_letter

    record = _read_record(args.record)
    if record is None:
        return EXIT_UNREADABLE
    doc = render_letter(record, args.variant, lang=args.lang)
    if args.html:
        try:
            # patient data in clear: 0600 and atomic, like every export
            with atomic_private_file(Path(args.html)) as handle:
                handle.write(doc.html.encode("utf-8"))
        except OSError:
            print(CLI.text("output.not_written", current(), name=args.html), file=sys.stderr)
            return EXIT_FAILED
        return EXIT_OK
    return _write_pdf(doc, args.pdf)


def run_summary_pdf(args: argparse.Namespace) -> int:
    from desktop.forms.letters import render_summary

    record = _read_record(args.record)
    if record is None:
        return EXIT_UNREADABLE
    return _write_pdf(render_summary(record, lang=args.lang, status=args.status), args.pdf)
