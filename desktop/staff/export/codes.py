"""Names for the codes an export writes, from the code lists shipped with the app.

ORPHA and ICD-10 names are bokmål where the list has one and English otherwise (the lists'
own fallback). A municipality's county comes from the municipality list in force on the
registration date (its ``fylkesnummer``), named from the county list (fylker-2024.csv).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.forms.codelists import CodeListError, default_store, get_codelist
from desktop.staff.export.errors import ExportError


@dataclass
class CodeNames:
    """Cached look-ups; one instance per export (the lists themselves load once a process)."""

    _county: dict[tuple[str, dt.date], tuple[str, str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        try:
            self._orpha = get_codelist("orpha")
            self._icd10 = get_codelist("icd10")
            self._kommuner = get_codelist("kommuner")
            self._fylker = get_codelist("fylker")
        except CodeListError as exc:
            raise ExportError(f"{exc} Nothing was exported.") from None

    def orpha(self, code: str) -> str:
        return self._orpha.label(code) if code else ""

    def orpha_en(self, code: str) -> str:
        return self._orpha.label(code, "en") if code else ""

    def icd10(self, code: str) -> str:
        return self._icd10.label(code) if code else ""

    def municipality(self, code: str) -> str:
        return self._kommuner.label(code) if code else ""

    def county(self, municipality: str, on: dt.date) -> tuple[str, str]:
        """(county number, county name) of a municipality on a day; empty when unknown."""
        if not municipality:
            return "", ""
        key = (municipality, on)
        cached = self._county.get(key)
        if cached is None:
            number = ""
            try:
                concept = default_store().get("kommuner", on=on).get(municipality)
            except CodeListError:
                concept = None
            if concept is None:  # judged by the nearest list, as the validator does
                for version in reversed(self._kommuner.versions):
                    concept = version.get(municipality)
                    if concept is not None:
                        break
            if concept is not None:
                number = concept.attributes.get("fylkesnummer", "")
            cached = (number, self._fylker.label(number) if number else "")
            self._county[key] = cached
        return cached
