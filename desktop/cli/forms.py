"""``sjelden validate``, ``sjelden schema`` and ``sjelden demo-data``: the form, headless.

``validate`` is what a lab system or the registry's import scripts call: exit 0 when every
record is valid, 1 when any is not, 2 when the input cannot be read at all. Output never
repeats field values, only field paths, codes and messages.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, TextIO

from desktop.cli.help_texts import h
from desktop.cli.messages import CLI
from desktop.cli.output import current, say
from desktop.messages import Lang

EXIT_VALID = 0
EXIT_INVALID = 1
EXIT_UNREADABLE = 2


class InputError(Exception):
    """The input is missing, unreadable or not JSON; the message says which and what to do,
    in both languages (no profile has told the language yet), and ends with its stable code
    so a script or support can tell the cases apart."""

    def __init__(self, code: str, /, **params: object) -> None:
        super().__init__(f"{CLI.text(code, current(), **params)} ({code})")
        self.code = code


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    validate = subparsers.add_parser(
        "validate",
        help=h("forms.validate"),
        description=(h("forms.validate.about")),
    )
    validate.add_argument("file", help=h("forms.validate.file"))
    validate.add_argument("--json", action="store_true", help=h("forms.validate.json"))
    validate.add_argument(
        "--lang", choices=("nb", "en"), default=None, help=h("forms.validate.lang")
    )
    validate.add_argument("--draft", action="store_true", help=h("forms.validate.draft"))
    validate.add_argument(
        "--today", type=_date, default=None, help=argparse.SUPPRESS
    )  # reproducible checks in tests and bug reports
    validate.set_defaults(func=run_validate)

    schema = subparsers.add_parser("schema", help=h("forms.schema"))
    schema.set_defaults(func=run_schema)

    demo = subparsers.add_parser("demo-data", help=h("forms.demo_data"))
    demo.add_argument("--count", type=_positive, default=10, help=h("forms.demo_data.count"))
    demo.add_argument("--seed", type=int, default=None, help=h("forms.demo_data.seed"))
    demo.set_defaults(func=run_demo_data)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("use YYYY-MM-DD") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError("must be a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def read_text(name: str, stdin: TextIO) -> str:
    """The text of file ``name`` (``-``: standard input); ``InputError`` saying what is wrong."""
    if name == "-":
        return stdin.read()
    path = Path(name)
    if not path.exists():
        raise InputError("input.not_found", name=name)
    if path.is_dir():
        raise InputError("input.directory", name=name)
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError("input.not_utf8", name=name) from None
    except OSError as exc:
        raise InputError("input.unreadable", name=name, reason=exc.strerror) from None


def parse_records(text: str, name: str) -> list[Any]:
    """One JSON document (an object, or a list of objects) or JSON lines."""
    if not text.strip():
        raise InputError("input.empty", name=name)
    try:
        document = loads(text, name)
    except json.JSONDecodeError as whole_error:
        records = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                records.append(loads(line, name))
            except json.JSONDecodeError:
                # On the first record the whole-document error is the telling one.
                at = whole_error.lineno if not records else number
                raise InputError("input.not_json", name=name, line=at) from None
        return records
    return document if isinstance(document, list) else [document]


def loads(text: str, name: str) -> Any:
    """``json.loads`` for the CLI's input files, refusing what no record or receipt can be.

    Nesting deeper than the decoder's stack raises ``RecursionError``, and a ``\\ud800``
    escape decodes to a lone surrogate that no later step can encode (an HTML letter, a
    signature check, a database row): both are the file's fault, said here once.
    """
    try:
        document = json.loads(text)
        json.dumps(document, ensure_ascii=False).encode("utf-8")
    except RecursionError:
        raise InputError("input.too_deep", name=name) from None
    except UnicodeEncodeError:
        raise InputError("input.not_unicode", name=name) from None
    return document


def run_validate(args: argparse.Namespace) -> int:
    from desktop.forms.validate import validate

    try:
        records = parse_records(read_text(args.file, sys.stdin), args.file)
    except InputError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_UNREADABLE
    mode: Literal["complete", "draft"] = "draft" if args.draft else "complete"
    lang: Lang = args.lang or current()
    several = len(records) > 1
    all_issues: list[dict[str, Any]] = []
    invalid = 0
    for index, record in enumerate(records):
        result = validate(record, lang=lang, today=args.today, mode=mode)
        if not result.ok:
            invalid += 1
        for issue in result.issues:
            entry: dict[str, Any] = issue.as_dict()
            if several:
                entry["record"] = index
            all_issues.append(entry)
    if args.json:
        json.dump(all_issues, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_human(all_issues, len(records), invalid, lang)
    return EXIT_INVALID if invalid else EXIT_VALID


def _print_human(issues: list[dict[str, Any]], total: int, invalid: int, lang: Lang) -> None:
    for issue in issues:
        prefix = f"[{issue['record'] + 1}] " if "record" in issue else ""
        kind = CLI.text(
            "validate.error" if issue["severity"] == "error" else "validate.warning", lang
        )
        print(f"{prefix}{kind} {issue['field'] or '-'} ({issue['code']}): {issue['message']}")
    say(lang, "validate.summary", valid=total - invalid, total=total)


def run_schema(args: argparse.Namespace) -> int:
    from desktop.forms.model import record_json_schema

    json.dump(record_json_schema(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_VALID


def _demo_lines(count: int, seed: int | None) -> Iterator[str]:
    from desktop.forms.demo import demo_records

    for record in demo_records(count, seed):
        yield json.dumps(record, ensure_ascii=False)


def run_demo_data(args: argparse.Namespace) -> int:
    for line in _demo_lines(args.count, args.seed):
        sys.stdout.write(line + "\n")
    return EXIT_VALID
