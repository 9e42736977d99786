"""Names for the codes an export writes, from the code lists shipped with the app.

ORPHA and ICD-10 names are bokmål where the list has one and English otherwise (the lists'
own fallback). A municipality's name and county are those of its entry in the municipality
list that judges the registration date, the list the validator checked the municipality
against (``desktop.forms.codelists.checks.municipalities_on``): a 2023 record in 3030 is in
Lillestrøm, Viken. OMIM names (from HPO's annotations) and HGNC ids (HGNC's complete set)
come from their shipped lists and are loaded on first use.
"""

from __future__ import annotations

import datetime as dt

from desktop.forms.codelists import CodeListError, Concept, get_codelist
from desktop.forms.codelists.checks import CodeChecker, CodeListName, municipalities_on
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

    def municipality(self, code: str, on: dt.date | None = None) -> str:
        """The municipality's name on ``on`` (its newest name without a day)."""
        if not code:
            return ""
        if on is not None:
            concept = self._municipality_on(code, on)
            if concept is not None:
                return concept.label()
        return self._kommuner.label(code)

    def omim(self, number: str) -> str:
        """The OMIM disease name HPO annotates the number with ("" when not listed)."""
        concept = self._optional("omim").concept(number) if number else None
        return concept.label("en") if concept is not None else ""

    def hgnc_id(self, symbol: str) -> str:
        """The HGNC id of an approved gene symbol ("HGNC:1884" for CFTR), or ""."""
        return self._optional("hgnc").attribute(symbol, "hgnc_id") if symbol else ""

    def _optional(self, name: CodeListName) -> CodeChecker:
        try:
            return get_codelist(name)
        except CodeListError as exc:
            raise ExportError(f"{exc} Nothing was exported.") from None

    def _municipality_on(self, code: str, on: dt.date) -> Concept | None:
        try:
            return municipalities_on(on).get(code)
        except CodeListError as exc:
            raise ExportError(f"{exc} Nothing was exported.") from None

    def county(self, municipality: str, on: dt.date) -> tuple[str, str]:
        """(county number, county name) of a municipality on a day; empty when unknown."""
        if not municipality:
            return "", ""
        concept = self._municipality_on(municipality, on)
        if concept is None:
            return "", ""
        attributes = concept.attributes
        return attributes.get("fylkesnummer", ""), attributes.get("fylkesnavn", "")
