"""``sjelden codes``: look at the shipped code lists and search diagnoses without the GUI.

Useful to check which list versions an installation carries (for support and audits) and to
find a code from a script.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from desktop.cli.help_texts import h
from desktop.cli.messages import CLI
from desktop.cli.output import current, say

if TYPE_CHECKING:
    from desktop.forms.codelists import CodeListError

SEARCHABLE = ("orpha", "icd10", "kommuner")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    codes = subparsers.add_parser(
        "codes",
        help=h("codes.codes"),
        description=h("codes.codes.about"),
    )
    actions = codes.add_subparsers(dest="codes_command", metavar="ACTION", required=True)

    lists = actions.add_parser("lists", help=h("codes.lists"))
    lists.add_argument("--json", action="store_true", help=h("codes.lists.json"))
    lists.set_defaults(func=_lists)

    search = actions.add_parser("search", help=h("codes.search"))
    search.add_argument("query", nargs="+", help=h("codes.search.query"))
    search.add_argument(
        "--list",
        dest="lists",
        action="append",
        choices=SEARCHABLE,
        help=h("codes.search.list"),
    )
    search.add_argument(
        "--on",
        type=_day,
        help=h("codes.search.on"),
    )
    search.add_argument("--limit", type=_positive, default=10, help=h("codes.search.limit"))
    search.add_argument("--lang", choices=("nb", "en"), default=None, help=h("codes.search.lang"))
    search.add_argument("--json", action="store_true", help=h("codes.search.json"))
    search.set_defaults(func=_search)


def _day(text: str) -> Any:
    import datetime as dt

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            CLI.text("arg.not_a_date", current(), value=repr(text))
        ) from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(CLI.text("arg.not_positive", current(), value=repr(text)))
    return value


def _lists(args: argparse.Namespace) -> int:
    # Imported here, like every command's work: building the parser must stay cheap.
    from desktop.forms.codelists import CodeListError, default_store

    try:
        store = default_store()
        rows: list[dict[str, Any]] = []
        for list_id in store.ids():
            for codelist in store.versions(list_id):
                rows.append(
                    {
                        "id": codelist.id,
                        "version": codelist.version,
                        "valid_from": _iso(codelist.valid_from),
                        "valid_to": _iso(codelist.valid_to),
                        "count": len(codelist),
                        "source": codelist.source,
                        "licence": codelist.licence,
                    }
                )
    except CodeListError as exc:
        return _fail(exc)
    if args.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    for row in rows:
        period = f"{row['valid_from'] or '…'} – {row['valid_to'] or '…'}"
        print(f"{row['id']:<24} {row['version']:<16} {row['count']:>6}  {period}")
        say(current(), "codes.source", source=row["source"])
        say(current(), "codes.licence", licence=row["licence"])
    return 0


def _search(args: argparse.Namespace) -> int:
    import datetime as dt

    from desktop.forms.codelists import CodeListError, DiagnosisSearch, default_store

    query = " ".join(args.query)
    day = args.on or dt.date.today()
    try:
        store = default_store()
        lists = [
            store.get(list_id, on=day) if list_id == "kommuner" else store.get(list_id)
            for list_id in args.lists or SEARCHABLE
        ]
        search = DiagnosisSearch(lists)
    except CodeListError as exc:
        return _fail(exc)
    hits = search.search(query, limit=args.limit, lang=args.lang or current())
    if args.json:
        rows = [
            {
                "list": h.list_id,
                "code": h.code,
                "label": h.label,
                "matched": h.matched,
                "match": h.kind.name.lower(),
            }
            for h in hits
        ]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0 if hits else 1
    if not hits:
        print(CLI.text("codes.no_matches", current()), file=sys.stderr)
        return 1
    for hit in hits:
        also = f"  ({hit.matched})" if hit.matched != hit.label else ""
        if hit.list_id == "kommuner":
            also = _place(lists, hit.code)
        print(f"{hit.code:<14} {hit.label}{also}")
    return 0


def _place(lists: list[Any], code: str) -> str:
    """A municipality's other name forms and its county, for the listing."""
    concept = next(c for c in lists if c.id == "kommuner").get(code)
    forms = " / ".join(concept.synonyms)
    county = concept.attributes.get("fylkesnavn", "")
    return (f"  ({forms})" if forms else "") + (f", {county}" if county else "")


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _fail(exc: CodeListError) -> int:
    print(CLI.text("codes.unreadable", current(), reason=exc), file=sys.stderr)
    return 2
