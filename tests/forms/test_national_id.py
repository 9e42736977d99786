from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.forms import national_id
from desktop.forms.national_id import IdKind, NationalIdError

TODAY = dt.date(2025, 6, 15)


@given(
    birth=st.dates(min_value=dt.date(1854, 1, 1), max_value=TODAY),
    sex=st.sampled_from(["kvinne", "mann"]),
    kind=st.sampled_from(["fnr", "dnr"]),
    seed=st.integers(0, 2**32),
)
def test_generate_then_parse_round_trips(birth: dt.date, sex: str, kind: str, seed: int) -> None:
    number = national_id.generate(birth, sex, kind, random.Random(seed))  # type: ignore[arg-type]
    parsed = national_id.parse(number, today=TODAY)
    assert (parsed.birth_date, parsed.sex, parsed.kind) == (birth, sex, IdKind(kind))
    assert not parsed.new_scheme


@given(st.text(max_size=15))
def test_parse_only_raises_its_own_error(text: str) -> None:
    try:
        national_id.parse(text, today=TODAY)
    except NationalIdError as exc:
        assert exc.code.startswith("national_id.")
        assert str(exc) == exc.code  # the number itself never reaches the message


def test_birth_date_in_the_future_is_refused() -> None:
    number = national_id.generate(dt.date(2025, 6, 20), "mann", rng=random.Random(3))
    with pytest.raises(NationalIdError) as caught:
        national_id.parse(number, today=TODAY)
    assert caught.value.code == "national_id.future"
    assert national_id.parse(number, today=dt.date(2025, 6, 20)).birth_date == dt.date(2025, 6, 20)


def test_invalid_birth_date_is_named() -> None:
    from stdnum.no import fodselsnummer

    for individual in range(100, 500):
        base = f"310280{individual}"  # 31 February
        k1 = fodselsnummer.calc_check_digit1(base)
        if len(k1) == 1 and len(k2 := fodselsnummer.calc_check_digit2(base + k1)) == 1:
            break
    with pytest.raises(NationalIdError) as caught:
        national_id.parse(base + k1 + k2, today=TODAY)
    assert caught.value.code == "national_id.birth_date"


def test_generate_refuses_years_without_individual_numbers() -> None:
    with pytest.raises(ValueError, match="between 1854 and 2039"):
        national_id.generate(dt.date(1850, 1, 1), "kvinne")
