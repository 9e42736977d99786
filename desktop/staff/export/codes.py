"""Names for the codes an export writes, from the code lists shipped with the app.

ORPHA and ICD-10 names are bokmål where the list has one and English otherwise (the lists'
own fallback). A municipality's county is the ``fylkesnummer`` and ``fylkesnavn`` of its
entry in the municipality list that judges the registration date, the list the validator
checked the municipality against (``desktop.forms.codelists.checks.municipalities_on``).
"""

from __future__ import annotations

import datetime as dt

from desktop.forms.codelists import CodeListError, get_codelist
from desktop.forms.codelists.checks import CodeListName, municipalities_on
from desktop.staff.export.errors import ExportError


class CodeNames:
    """Look-ups; one instance per export (the lists themselves load once a process)."""

    def __init__(self) -> None:
        try:
            self._orpha = get_codelist("orpha")
            self._icd10 = get_codelist("icd10")
            self._kommuner = get_codelist("kommuner")
        except CodeListError as exc:
            raise ExportError(f"{exc} Nothing was exported.") from None

    def system(self, name: CodeListName) -> str:
        """The list's code-system URI for FHIR codings (index.json ``system``)."""
        lists = {"orpha": self._orpha, "icd10": self._icd10, "kommuner": self._kommuner}
        system = lists[name].versions[-1].system
        if not system:
            raise ExportError(
                f"The code list {name!r} names no code system (resources/codelists/"
                "index.json). Nothing was exported; report this as a bug."
            )
        return system

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
        try:
            concept = municipalities_on(on).get(municipality)
        except CodeListError as exc:
            raise ExportError(f"{exc} Nothing was exported.") from None
        if concept is None:
            return "", ""
        attributes = concept.attributes
        return attributes.get("fylkesnummer", ""), attributes.get("fylkesnavn", "")
