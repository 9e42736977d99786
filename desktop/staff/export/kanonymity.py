"""k-anonymity over generalisation hierarchies: a full-domain lattice search with local
recoding and suppression, choosing the transformation that loses the least information.

Why our own and not a library. The package index has two maintained candidates from the
same group (IFCA, Apache-2.0): ``anjana`` applies k-anonymity and l-diversity over
hierarchies, ``pycanon`` measures them. anjana 1.2.3 was weighed and not taken:

- it pins exact versions (``numpy==2.0.2``, ``pandas==2.3.3``, ``pycanon==1.3.5``, and
  through pycanon ``scipy``, ``reportlab``, ``pyreadstat``, ``typer``,
  ``typing_extensions==4.15.0``, ``tabulate==0.8.10``). Those pins conflict with the app's
  lock (pydantic needs typing_extensions 4.16) and would put a numeric stack of some 100 MB on
  every clinician's PC for one staff export;
- its search is greedy (generalise the column with the most distinct values, then try
  suppressing the small classes): it does not look for the least information loss, and it
  cannot recode only the rows that need it, so a long tail of rare ORPHA codes would push the
  whole diagnosis column to its top level;
- it counts rows, while one person here can have several rows (one per diagnosis), and it
  prints to standard output.

What is done here instead, small enough to read in one sitting:

1. **Lattice.** Each column has a hierarchy (level 0 the value, the last level
   ``SUPPRESSED``). A node gives every column a base level; all rows are recoded to it
   (full-domain generalisation, as in Incognito and OLA). Unless the suppression budget is
   100 %, base levels stop below the top: a column suppressed for everyone is not an extract.
2. **Local recoding.** Rows whose equivalence class (equal values in every column) holds
   fewer than k *persons* climb, for those rows only, one level at a time, column by column
   in the policy's order (most identifying first), until their class is large enough. A cell
   that reaches the top is suppressed. Rows still in a small class with every cell
   suppressed are left out. Only rows in small classes move, and they only ever join or
   form classes, so a class that has reached k keeps it.
3. **Budget.** A row left out, or released with any cell suppressed, counts against the
   budget (the share of rows given in the request). A node that needs more fails.
4. **Loss and choice.** A cell's loss is the Loss Metric (Iyengar 2002): (number of distinct
   level-0 values its generalised value stands for − 1) / (distinct level-0 values in the
   column − 1), so 0 for the value itself and 1 for a suppressed cell; a row left out loses 1
   in every column. The extract's loss is the mean over all cells. Nodes are visited in order
   of the loss their base levels alone cause, which is a lower bound of their total loss;
   the search stops when that bound reaches the best total found, so it returns the
   least-loss node of the whole lattice without evaluating all of it.

Equivalence classes compare generalised values as they are written: a recoded or suppressed
cell is a value of its own, so an outsider who knows a person's exact values can rule out at
most the rows that show other values; each remaining candidate set is at least the class.
The k counted is of distinct persons (``persons``), which implies at least k rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from itertools import product

from desktop.staff.export.policy import SUPPRESSED


@dataclass(frozen=True, slots=True)
class Anonymised:
    """The chosen transformation and what it did; ``cells`` holds released rows only."""

    levels: Mapping[str, int]  # base level per column
    released: tuple[int, ...]  # indices of the rows kept, in input order
    cells: Mapping[str, tuple[str, ...]]  # column -> value per released row
    recoded: Mapping[str, int]  # cells raised above the base level, short of suppression
    suppressed: Mapping[str, int]  # cells suppressed in released rows
    left_out: int  # rows not released
    rows_suppressed: int  # rows left out or released with a suppressed cell
    k: int  # smallest class among released rows, in persons (0 when none is released)
    loss: float  # mean Loss Metric over every cell of every input row
    nodes_evaluated: int


class _Column:
    """One column encoded as small integers per level (0 is ``SUPPRESSED``)."""

    def __init__(self, levels: Sequence[Sequence[str]], rows: int) -> None:
        if not levels or any(len(values) != rows for values in levels):
            raise ValueError("every level gives one value per row")  # a bug in the caller
        if any(value != SUPPRESSED for value in levels[-1]):
            raise ValueError("a hierarchy's top level is the suppressed value")
        self.top = len(levels) - 1
        self.names: list[str] = [SUPPRESSED]
        index: dict[str, int] = {SUPPRESSED: 0}
        self.codes: list[list[int]] = []
        for values in levels:
            codes = []
            for value in values:
                code = index.get(value)
                if code is None:
                    code = index[value] = len(self.names)
                    self.names.append(value)
                codes.append(code)
            self.codes.append(codes)
        leaves_total = len(set(self.codes[0]))
        self.loss: list[dict[int, float]] = []
        self.mean_loss: list[float] = []
        for codes in self.codes:
            leaves: dict[int, set[int]] = {}
            for code, leaf in zip(codes, self.codes[0], strict=True):
                leaves.setdefault(code, set()).add(leaf)
            loss = {
                code: 1.0
                if code == 0
                else (len(under) - 1) / (leaves_total - 1)
                if leaves_total > 1
                else 0.0
                for code, under in leaves.items()
            }
            self.loss.append(loss)
            self.mean_loss.append(sum(loss[c] for c in codes) / rows if rows else 0.0)


def anonymise(
    columns: Mapping[str, Sequence[Sequence[str]]],
    persons: Sequence[Hashable],
    *,
    k: int,
    max_suppressed: float,
    order: Sequence[str],
) -> Anonymised | None:
    """The least-loss k-anonymous recoding of ``columns``, or None if the budget cannot
    hold one.

    ``columns`` maps a column name to its hierarchy as values per level and row
    (``columns[name][level][row]``); ``persons[row]`` identifies the row's person;
    ``max_suppressed`` is the budget as a share of rows; ``order`` the local-recoding order
    (names not in ``columns`` are skipped).
    """
    if k < 1:
        raise ValueError("k is at least 1")
    rows = len(persons)
    names = tuple(columns)
    encoded = [_Column(columns[name], rows) for name in names]
    person_ids = _person_ids(persons)
    recode_order = [names.index(name) for name in order if name in columns]
    recode_order += [i for i in range(len(names)) if i not in recode_order]
    budget = int(max_suppressed * rows + 1e-9)
    ranges = [
        range(column.top + 1 if max_suppressed >= 1 else max(column.top, 1)) for column in encoded
    ]
    nodes = sorted(
        product(*ranges),
        key=lambda node: (_bound(encoded, node), node),
    )
    best: Anonymised | None = None
    evaluated = 0
    for node in nodes:
        if best is not None and _bound(encoded, node) >= best.loss:
            break
        evaluated += 1
        give_up = best.loss * rows * len(names) if best is not None else float("inf")
        found = _evaluate(names, encoded, person_ids, node, k, budget, recode_order, give_up)
        if found is not None and (best is None or found.loss < best.loss):
            best = found
    if best is None:
        return None
    return Anonymised(
        best.levels,
        best.released,
        best.cells,
        best.recoded,
        best.suppressed,
        best.left_out,
        best.rows_suppressed,
        best.k,
        best.loss,
        evaluated,
    )


def equivalence_classes(
    cells: Mapping[str, Sequence[str]], persons: Sequence[Hashable]
) -> dict[tuple[str, ...], int]:
    """Distinct persons per combination of released values: the measure of k."""
    keyed = zip(*cells.values(), strict=True) if cells else iter([()] * len(persons))
    pairs = {(tuple(key), person) for key, person in zip(keyed, persons, strict=True)}
    return dict(Counter(key for key, _ in pairs))


def _person_ids(persons: Sequence[Hashable]) -> list[int]:
    ids: dict[Hashable, int] = {}
    return [ids.setdefault(person, len(ids)) for person in persons]


def _bound(encoded: Sequence[_Column], node: Sequence[int]) -> float:
    """The node's loss from its base levels alone: no recoding or suppression adds less."""
    if not encoded:
        return 0.0
    return sum(column.mean_loss[level] for column, level in zip(encoded, node, strict=True)) / len(
        encoded
    )


def _steps(encoded: Sequence[_Column], order: Sequence[int]) -> list[tuple[int, int]]:
    """Local recoding's steps as (column, highest level): first every column climbs one level
    at a time below its top, round after round in ``order``; only then are cells suppressed,
    column by column in ``order``, so a coarser value is always tried before none."""
    height = max((column.top for column in encoded), default=0)
    steps = [
        (index, encoded[index].top - 1)
        for _ in range(height - 1)
        for index in order
        if encoded[index].top > 1
    ]
    return steps + [(index, encoded[index].top) for index in order]


def _evaluate(
    names: Sequence[str],
    encoded: Sequence[_Column],
    persons: Sequence[int],
    node: Sequence[int],
    k: int,
    budget: int,
    recode_order: Sequence[int],
    give_up: float,
) -> Anonymised | None:
    """The node with local recoding, or None when it needs more than the budget or loses at
    least ``give_up`` (the best total so far, in lost cells)."""
    rows = len(persons)
    width = len(encoded)
    # A class is one integer: the columns' codes in mixed radix; a (class, person) pair is
    # class * rows + person. Integer arithmetic keeps the inner loop cheap.
    radix = [1] * width
    for index in range(1, width):
        radix[index] = radix[index - 1] * len(encoded[index - 1].names)
    keys = [0] * rows
    for column, level, weight in zip(encoded, node, radix, strict=True):
        keys = [key + code * weight for key, code in zip(keys, column.codes[level], strict=True)]
    spread = max(rows, 1)
    pairs = dict(Counter(key * spread + person for key, person in zip(keys, persons, strict=True)))
    count = dict(Counter(pair // spread for pair in pairs))
    lost = sum(column.mean_loss[level] * rows for column, level in zip(encoded, node, strict=True))
    small = [row for row in range(rows) if count[keys[row]] < k]
    current = [[level] * rows for level in node]  # each column's level, per row
    touched: set[int] = set()  # rows with a suppressed cell
    if any(level == column.top for column, level in zip(encoded, node, strict=True)):
        touched = set(range(rows))  # a column suppressed for everyone (a 100 % budget)
    for index, cap in _steps(encoded, recode_order):
        if not small:
            break
        column = encoded[index]
        weight = radix[index]
        at = current[index]
        codes, losses, top = column.codes, column.loss, column.top
        for row in small:
            was = at[row]
            if was >= cap:
                continue
            level = was + 1 if cap < top else cap
            at[row] = level
            before = codes[was][row]
            after = codes[level][row]
            lost += losses[level][after] - losses[was][before]
            if level == top:
                touched.add(row)
            old = keys[row]
            new = old + (after - before) * weight
            keys[row] = new
            person = persons[row]
            old_pair = old * spread + person
            remaining = pairs[old_pair] - 1
            if remaining:
                pairs[old_pair] = remaining
            else:
                del pairs[old_pair]
                count[old] -= 1
            new_pair = new * spread + person
            held = pairs.get(new_pair, 0)
            pairs[new_pair] = held + 1
            if not held:
                count[new] = count.get(new, 0) + 1
        if len(touched) > budget or lost >= give_up:
            return None
        small = [row for row in small if count[keys[row]] < k]
    left = set(small)  # every cell suppressed and still fewer than k persons
    if len(touched | left) > budget:
        return None
    released = tuple(row for row in range(rows) if row not in left)
    recoded = dict.fromkeys(names, 0)
    suppressed = dict.fromkeys(names, 0)
    for index, (name, column) in enumerate(zip(names, encoded, strict=True)):
        if node[index] == column.top:
            suppressed[name] = len(released)
    for row in left:
        lost += sum(
            1.0 - column.loss[at[row]][column.codes[at[row]][row]]
            for column, at in zip(encoded, current, strict=True)
        )
    for index, (name, column, at) in enumerate(zip(names, encoded, current, strict=True)):
        for row in released:
            level = at[row]
            if level == node[index]:
                continue
            if level == column.top:
                suppressed[name] += 1
            else:
                recoded[name] += 1
    cells = {
        name: tuple(column.names[column.codes[at[row]][row]] for row in released)
        for name, column, at in zip(names, encoded, current, strict=True)
    }
    smallest = min((count[keys[row]] for row in released), default=0)
    return Anonymised(
        dict(zip(names, node, strict=True)),
        released,
        cells,
        recoded,
        suppressed,
        len(left),
        len(touched | left),
        smallest,
        lost / (rows * width) if rows and width else 0.0,
        0,
    )
