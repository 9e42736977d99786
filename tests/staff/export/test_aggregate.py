"""The aggregate export: counts by diagnosis, county, year and sex with small counts hidden,
and the secondary suppression that keeps the totals from giving them away."""

from __future__ import annotations

import itertools
from collections import Counter
from pathlib import Path

from desktop.staff.export import export, policy
from desktop.staff.export.aggregate import COLUMNS, SEXES, protect
from desktop.staff.model import RegisterRecord
from tests.staff.export.conftest import leftovers, read_csv
from tests.staff.export.synthetic import TODAY, identifiers

SMALL, HIDDEN = policy.SMALL_CELL, policy.HIDDEN_CELL


def lines(table: list[list[str]]) -> list[list[str]]:
    """Every row (with its total) and every column (with the totals row) of a table."""
    return [*table, *(list(column) for column in zip(*table, strict=True))]


def feasible(counts: list[list[int]], shown: list[list[str]]) -> dict[tuple[int, int], set[int]]:
    """What an outsider can derive: for each hidden entry, every value that agrees with the
    shown counts and every row and column sum (a ``<5`` is 1-4, an ``x`` any count)."""
    full = [[*row, sum(row)] for row in counts]
    full.append([sum(column) for column in zip(*full, strict=True)])
    hidden = [
        (r, c) for r, row in enumerate(shown) for c, cell in enumerate(row) if not cell.isdigit()
    ]
    top = full[-1][-1]
    ranges = [range(1, 5) if shown[r][c] == SMALL else range(top + 1) for r, c in hidden]
    found: dict[tuple[int, int], set[int]] = {cell: set() for cell in hidden}
    for values in itertools.product(*ranges):
        grid = [[int(cell) if cell.isdigit() else -1 for cell in row] for row in shown]
        for (r, c), value in zip(hidden, values, strict=True):
            grid[r][c] = value
        rows_ok = all(sum(row[:-1]) == row[-1] for row in grid)
        columns_ok = all(
            sum(grid[r][c] for r in range(len(grid) - 1)) == grid[-1][c]
            for c in range(len(grid[0]))
        )
        if rows_ok and columns_ok:
            for cell, value in zip(hidden, values, strict=True):
                found[cell].add(value)
    return found


def test_secondary_suppression_by_hand() -> None:
    """Two small counts, 3 and 2, in different rows and columns. Row 0 hides its 3 and so
    must hide another: the smallest non-zero count shown in it, the 10. Row 2 hides its 2 and
    the 7. Each column then has two hidden counts, so the check stops: 4 hidden, 2 secondary.
    """
    counts = [[3, 10], [6, 8], [7, 2]]
    shown = protect(counts)
    assert shown == [
        [SMALL, HIDDEN, "13"],
        ["6", "8", "14"],
        [HIDDEN, SMALL, "9"],
        ["16", "20", "36"],
    ]
    for line in lines(shown):
        assert sum(cell in (SMALL, HIDDEN) for cell in line) != 1
    # The audit: the totals leave the 3 somewhere in 2-4 and the 2 in 1-3, never one value.
    derived = feasible(counts, shown)
    assert derived[(0, 0)] == {2, 3, 4} and derived[(2, 1)] == {1, 2, 3}
    assert all(len(values) > 1 for values in derived.values())


def test_small_totals_are_hidden_and_protected_too() -> None:
    """A row of 1 and 2 has a total of 3: all three are small, and each stands alone in its
    column. So the women's column hides the 6 (its smallest count shown), the men's the 9,
    the total column the 10 of the last row; that row then hides its 10 men too."""
    counts = [[1, 2], [6, 9], [0, 10]]
    shown = protect(counts)
    assert shown == [
        [SMALL, SMALL, SMALL],
        [HIDDEN, HIDDEN, "15"],
        ["0", HIDDEN, HIDDEN],
        ["7", "21", "28"],
    ]
    for line in lines(shown):
        assert sum(cell in (SMALL, HIDDEN) for cell in line) != 1


def test_nothing_small_hides_nothing() -> None:
    assert protect([[5, 0], [12, 7]]) == [["5", "0", "5"], ["12", "7", "19"], ["17", "7", "24"]]
    assert protect([]) == [["0"]]


def test_the_written_table(demo_register: list[RegisterRecord], out_dir: Path) -> None:
    path = out_dir / "aggregate.csv"
    result = export("aggregate", demo_register, path, today=TODAY)
    assert result.count == len(demo_register) and result.files == (path,)
    header, rows = read_csv(path)
    assert tuple(header) == COLUMNS
    *data, total = rows
    assert total["orpha_code"] == "total"
    keys = [(r["orpha_code"], r["county"], r["year"]) for r in data]
    assert keys == sorted(set(keys))
    table = [[row[c] for c in (*SEXES, "total")] for row in rows]
    for line in lines(table):
        assert sum(cell in (SMALL, HIDDEN) for cell in line) != 1
    cells = [cell for row in table for cell in row]
    assert not {"1", "2", "3", "4"} & set(cells)  # a count under five is never shown
    assert Counter(cells)[SMALL] > len(data)  # 200 records over thousands of rows
    # Every record is counted once per distinct ORPHA code it holds.
    expected = sum(len({d["orpha_code"] for d in r.payload["diagnoses"]}) for r in demo_register)
    assert total["total"] == str(expected)
    text = path.read_text("utf-8-sig")
    for value in identifiers(demo_register)["text"]:
        assert value not in text
    assert leftovers(out_dir) == ["aggregate.csv"]
    assert path.stat().st_mode & 0o777 == 0o600
