"""Carry finished translations from other .ts files into a catalogue's unfinished entries.

Why this exists: when two branches both add UI strings, or strings move between classes,
``pyside6-lupdate`` marks every string it has not seen in *this* catalogue as
``type="unfinished"``, although a person already translated it elsewhere (another branch's
copy of the file, a context that was renamed). Qt's own ``lconvert`` concatenates files but
does not fill one file's gaps from another by (context, source), which is what a merge needs.
Nothing is invented: only an entry whose context and source (and plural-ness) match a
finished donor entry is filled; with ``--any-context`` a source string translated the same
way in exactly one way anywhere is taken too. What stays unfinished is listed, and
``tests/ui/test_translations.py`` keeps failing until a person translates it.

Usage: ``python tools/carry_translations.py TARGET.ts DONOR.ts [DONOR.ts ...] [--any-context]``
then ``python tools/update_translations.py`` to recompile.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

Key = tuple[str, str, bool]


def _finished(message: ET.Element) -> ET.Element | None:
    translation = message.find("translation")
    if translation is None or translation.get("type") in {"unfinished", "obsolete", "vanished"}:
        return None
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        if not forms or not all((f.text or "").strip() for f in forms):
            return None
    elif not (translation.text or "").strip():
        return None
    return translation


def _entries(path: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message))
    return found


def _key(context: str, message: ET.Element) -> Key:
    return (context, message.findtext("source") or "", message.get("numerus") == "yes")


def carry(target: Path, donors: list[Path], *, any_context: bool = False) -> list[Key]:
    """Fill ``target``'s unfinished entries in place; return the keys still unfinished."""
    exact: dict[Key, ET.Element] = {}
    by_source: dict[tuple[str, bool], list[ET.Element]] = {}
    for donor in donors:
        for context, message in _entries(donor):
            translation = _finished(message)
            if translation is None:
                continue
            key = _key(context, message)
            exact.setdefault(key, translation)
            by_source.setdefault((key[1], key[2]), []).append(translation)
    tree = ET.parse(target)
    left: list[Key] = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if _finished(message) is not None:
                continue
            key = _key(name, message)
            donor = exact.get(key)
            if donor is None and any_context:
                candidates = by_source.get((key[1], key[2]), [])
                if len({ET.tostring(c) for c in candidates}) == 1:
                    donor = candidates[0]
            if donor is None:
                left.append(key)
                continue
            old = message.find("translation")
            if old is not None:
                message.remove(old)
            fresh = ET.fromstring(ET.tostring(donor))
            fresh.attrib.pop("type", None)
            fresh.tail = old.tail if old is not None else None
            message.append(fresh)
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    target.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )
    return left


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("donors", type=Path, nargs="+")
    parser.add_argument("--any-context", action="store_true")
    args = parser.parse_args(argv)
    left = carry(args.target, args.donors, any_context=args.any_context)
    for context, source, _plural in left:
        print(f"unfinished: [{context}] {source}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
