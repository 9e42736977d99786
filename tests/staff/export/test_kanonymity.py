"""The k-anonymity search on examples small enough to check by hand."""

from __future__ import annotations

import pytest

from desktop.staff.export.kanonymity import anonymise, equivalence_classes
from desktop.staff.export.research import _age_ladder

S = "*"
SO, VEST, MIDT, NORD = "Helse Sør-Øst", "Helse Vest", "Helse Midt-Norge", "Helse Nord"
# (age, sex, municipality, county, region): twelve people, one row each.
PEOPLE = [
    (34, "kvinne", "0301", "03", SO),
    (36, "kvinne", "0301", "03", SO),
    (38, "kvinne", "3201", "32", SO),
    (31, "kvinne", "0301", "03", SO),
    (45, "mann", "4601", "46", VEST),
    (47, "mann", "4601", "46", VEST),
    (42, "mann", "1103", "11", VEST),
    (44, "mann", "4601", "46", VEST),
    (12, "mann", "5001", "50", MIDT),
    (15, "kvinne", "5001", "50", MIDT),
    (67, "kvinne", "1804", "18", NORD),
    (33, "kvinne", "3201", "32", SO),
]


def columns(people: list[tuple[int, str, str, str, str]]) -> dict[str, list[list[str]]]:
    ages = [_age_ladder(age) for age, *_ in people]
    return {
        "age": [list(level) for level in zip(*ages, strict=True)],
        "sex": [[p[1] for p in people], [S] * len(people)],
        "geography": [
            [p[2] for p in people],
            [p[3] for p in people],
            [p[4] for p in people],
            [S] * len(people),
        ],
    }


def test_a_dozen_rows_by_hand() -> None:
    """k = 3, at most 3 of 12 rows suppressed.

    The least-loss node is 10-year bands, sex, health region. It leaves two classes of
    five and four (30-39 kvinne Sør-Øst: rows 1-4 and 12; 40-49 mann Vest: rows 5-8) and
    three people alone: the boy of 12 and girl of 15 in Midt-Norge, the woman of 67 in
    Nord. Local recoding takes them, in order geography, age, sex: the region is already
    the last level below suppression, age climbs to 20-year bands (0-19, 0-19, 60-79: still
    alone); then the cells are suppressed: geography (still alone), age (the two women
    become *, kvinne, *: two, not three), sex: all three are *, *, *, a class of three. No
    row is left out; three rows have suppressed cells, which is the budget exactly.

    Loss Metric: age has 12 distinct ages, so "30-39" (five ages) loses 4/11, "40-49" 3/11,
    "*" 1; sex loses 0 or 1; geography has 6 municipalities, a region of two loses 1/5.
    (5·4/11 + 4·3/11 + 3) + 3 + (9·1/5 + 3) = 13.709…, over 36 cells = 0.38081.
    """
    result = anonymise(
        columns(PEOPLE), list(range(12)), k=3, max_suppressed=0.25, order=("geography", "age")
    )
    assert result is not None
    assert dict(result.levels) == {"age": 2, "sex": 0, "geography": 2}
    table = [tuple(result.cells[c][i] for c in ("age", "sex", "geography")) for i in range(12)]
    woman, man, hidden = ("30-39", "kvinne", SO), ("40-49", "mann", VEST), (S, S, S)
    assert table == [woman] * 4 + [man] * 4 + [hidden] * 3 + [woman]
    assert result.released == tuple(range(12)) and result.left_out == 0
    assert result.rows_suppressed == 3
    assert dict(result.suppressed) == {"age": 3, "sex": 3, "geography": 3}
    assert dict(result.recoded) == {"age": 0, "sex": 0, "geography": 0}
    assert result.k == 3
    assert result.loss == pytest.approx((65 / 11 + 3 + 4.8) / 36)


def test_a_smaller_budget_leaves_the_dozen_refused_or_coarser() -> None:
    """With two rows of budget the three lone people cannot all be hidden at 10-year bands;
    no node keeps sex and still meets k, so the search refuses."""
    assert anonymise(columns(PEOPLE), list(range(12)), k=3, max_suppressed=2 / 12, order=()) is None


def test_rows_left_out_when_even_full_suppression_is_too_few() -> None:
    """Four people at k = 3: two classes of two. Every cell suppressed gives one class of
    four, which meets k; at k = 5 not even that does, and every row is left out (the
    research extract refuses to write an empty file)."""
    people = PEOPLE[:2] + PEOPLE[4:6]
    result = anonymise(columns(people), list(range(4)), k=3, max_suppressed=1.0, order=())
    assert result is not None and result.k == 4 and result.rows_suppressed == 4
    assert set(result.cells["sex"]) == {S}
    none = anonymise(columns(people), list(range(4)), k=5, max_suppressed=1.0, order=())
    assert none is not None and none.released == () and none.left_out == 4 and none.k == 0


def test_k_counts_persons_not_rows() -> None:
    """Rows 1 and 4 (ages 34 and 31) are one person with two diagnoses. In 5-year bands
    every band holds two rows, so k = 2 by rows; but 30-34 is one person, so counted in
    persons the search must go to 10-year bands (30-39: three persons, 40-49: four)."""
    people = PEOPLE[:8]
    persons = [0, 1, 2, 0, 3, 4, 5, 6]
    bands = {"age": [_age_ladder(age)[1] for age, *_ in people]}
    assert equivalence_classes(bands, persons) == {
        ("30-34",): 1,
        ("35-39",): 2,
        ("40-44",): 2,
        ("45-49",): 2,
    }
    ages = [_age_ladder(age) for age, *_ in people]
    only_age = {"age": [list(level) for level in zip(*ages, strict=True)]}
    result = anonymise(only_age, persons, k=2, max_suppressed=0.0, order=())
    assert result is not None
    assert result.cells["age"] == ("30-39",) * 4 + ("40-49",) * 4
    assert result.k == 3
    by_rows = anonymise(only_age, list(range(8)), k=2, max_suppressed=0.0, order=())
    assert by_rows is not None and by_rows.k == 2
    assert by_rows.cells["age"] == tuple(bands["age"])


def test_the_top_of_a_hierarchy_must_be_suppression() -> None:
    with pytest.raises(ValueError, match="suppressed"):
        anonymise({"sex": [["kvinne"], ["kvinne"]]}, [0], k=1, max_suppressed=0.1, order=())
