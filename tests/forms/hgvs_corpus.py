"""The labelled HGVS corpus (``hgvs_corpus.tsv``) and the two test oracles' verdicts on it.

Each row: a topic, the nomenclature's verdict (``valid``, ``warning:<code>`` for valid but
discouraged, ``invalid:<code>`` with the code our grammar must give), the description
(synthetic), what biocommons ``hgvs`` and ``mutalyzer-hgvs-parser`` make of it (``accept`` /
``refuse``, recorded so that a change in an oracle shows up as a failing test), and the
varnomen page (https://hgvs-nomenclature.org/stable/recommendations/...) the verdict is
taken from.

    .venv/bin/python -m tests.forms.hgvs_corpus            # agreement report
    .venv/bin/python -m tests.forms.hgvs_corpus --write    # re-record the oracle columns
"""

from __future__ import annotations

import argparse
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).with_name("hgvs_corpus.tsv")
ORACLE_REASONS = Path(__file__).with_name("hgvs_oracle_reasons.tsv")
COLUMNS = ("topic", "label", "description", "biocommons", "mutalyzer", "source")
ORACLES = ("biocommons", "mutalyzer")


@dataclass(frozen=True)
class Row:
    topic: str
    label: str
    description: str
    biocommons: str
    mutalyzer: str
    source: str

    @property
    def valid(self) -> bool:
        """What the nomenclature says: accepted (with or without a warning)."""
        return not self.label.startswith("invalid")

    @property
    def code(self) -> str | None:
        return self.label.partition(":")[2] or None

    def recorded(self, oracle: str) -> bool:
        return getattr(self, oracle) == "accept"


def load() -> list[Row]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    return [Row(*line.split("\t")) for line in lines if not line.startswith("#")]


def load_oracle_reasons() -> dict[tuple[str, str, str], str]:
    """(oracle, topic, "refuses valid" | "accepts invalid") -> why the oracle is wrong there.

    Kept as data beside the corpus: the reasons are findings about the oracles, read by
    people comparing them with varnomen, not code.
    """
    lines = ORACLE_REASONS.read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if not line.startswith("#")][1:]
    return {(oracle, topic, direction): reason for oracle, topic, direction, reason in rows}


@cache
def _biocommons() -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import hgvs.parser

        return hgvs.parser.Parser()


def biocommons_accepts(text: str) -> bool:
    from hgvs.exceptions import HGVSError

    parser = _biocommons()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            parser.parse_hgvs_variant(text)
    except HGVSError:
        return False
    return True


def mutalyzer_accepts(text: str) -> bool:
    from mutalyzer_hgvs_parser import to_model
    from mutalyzer_hgvs_parser.exceptions import UnexpectedCharacter, UnexpectedEnd

    try:
        to_model(text)
    except (UnexpectedCharacter, UnexpectedEnd):
        return False
    except Exception:  # the parser's own errors past the grammar (ambiguities, recursion)
        return False
    return True


ACCEPTS: dict[str, Callable[[str], bool]] = {
    "biocommons": biocommons_accepts,
    "mutalyzer": mutalyzer_accepts,
}


def ours_accepts(text: str) -> bool:
    from desktop.forms import hgvs

    return hgvs.is_valid(text)


def agreement(rows: list[Row], accepts: Callable[[Row], bool]) -> tuple[int, int]:
    agreeing = sum(accepts(row) == row.valid for row in rows)
    return agreeing, len(rows)


def report(rows: list[Row]) -> str:
    lines = [f"{len(rows)} descriptions, {sum(r.valid for r in rows)} valid per varnomen"]
    verdicts: dict[str, Callable[[Row], bool]] = {
        "ours": lambda row: ours_accepts(row.description),
        **{name: (lambda row, name=name: row.recorded(name)) for name in ORACLES},
    }
    for name, accepts in verdicts.items():
        agreeing, total = agreement(rows, accepts)
        wrong_refused = sum(row.valid and not accepts(row) for row in rows)
        wrong_accepted = sum(not row.valid and accepts(row) for row in rows)
        lines.append(
            f"{name:>10}: {agreeing}/{total} = {100 * agreeing / total:.1f} % agree "
            f"({wrong_refused} valid refused, {wrong_accepted} invalid accepted)"
        )
    for oracle in ORACLES:
        by_topic = Counter(
            (row.topic, "refuses valid" if row.valid else "accepts invalid")
            for row in rows
            if row.recorded(oracle) != row.valid
        )
        lines.append(
            f"{oracle} disagrees on: "
            + ", ".join(f"{t} {d} x{n}" for (t, d), n in sorted(by_topic.items()))
        )
    return "\n".join(lines)


def write(rows: list[Row]) -> None:
    header = CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)
    comments = [line for line in header if line.startswith("#")]
    lines = list(comments)
    for row in rows:
        verdicts = ["accept" if ACCEPTS[name](row.description) else "refuse" for name in ORACLES]
        fields = [row.topic, row.label, row.description, *verdicts, row.source]
        lines.append("\t".join(fields) + "\n")
    CORPUS.write_text("".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="re-record the oracle columns")
    args = parser.parse_args()
    if args.write:
        write(load())
    print(report(load()))


if __name__ == "__main__":
    main()
