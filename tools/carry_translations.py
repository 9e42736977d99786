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

With ``--base BASE.ts ...`` (the catalogues at the merge base) it is a three-way merge of
the translations: a finished entry the donor *changed* since the base (a new mnemonic, a
corrected word) is taken where the target still has the base's text; where both changed
it differently, the target's is kept and the entry is listed as a conflict to decide.

Usage: ``python tools/carry_translations.py TARGET.ts DONOR.ts [DONOR.ts ...]
[--base BASE.ts ...] [--any-context]`` then ``python tools/update_translations.py``.
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


def _text(translation: ET.Element | None) -> str | None:
    if translation is None:
        return None
    forms = translation.findall("numerusform")
    if forms:
        return "\x00".join(f.text or "" for f in forms)
    return translation.text or ""


def _finished_map(paths: list[Path]) -> dict[Key, ET.Element]:
    found: dict[Key, ET.Element] = {}
    for path in paths:
        for context, message in _entries(path):
            translation = _finished(message)
            if translation is not None:
                found.setdefault(_key(context, message), translation)
    return found


def carry(
    target: Path,
    donors: list[Path],
    *,
    any_context: bool = False,
    base: list[Path] | None = None,
    conflicts: list[Key] | None = None,
) -> list[Key]:
    """Fill ``target``'s unfinished entries in place; return the keys still unfinished.

    With ``base``, also take the donors' changes to finished entries (see the module
    docstring); entries both sides changed differently are appended to ``conflicts``.
    """
    base_map = _finished_map(base) if base is not None else None
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
            key = _key(name, message)
            mine = _finished(message)
            if mine is not None:
                if base_map is None or key not in exact:
                    continue
                was, theirs = _text(base_map.get(key)), _text(exact[key])
                if theirs == was or theirs == _text(mine):
                    continue
                if _text(mine) != was:
                    if conflicts is not None:
                        conflicts.append(key)
                    continue
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
    parser.add_argument("--base", type=Path, nargs="+", default=None)
    args = parser.parse_args(argv)
    conflicts: list[Key] = []
    left = carry(
        args.target, args.donors, any_context=args.any_context, base=args.base, conflicts=conflicts
    )
    for context, source, _plural in left:
        print(f"unfinished: [{context}] {source}", file=sys.stderr)
    for context, source, _plural in conflicts:
        print(f"both changed (kept the target's): [{context}] {source}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
