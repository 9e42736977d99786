"""The exceptions an export raises, and the coded messages of the disclosure checks.

``ExportError`` is the one exception for anything the user or a bug can cause. A refusal of
the disclosure policy (``desktop.staff.export.policy``) is an ``AnonymityRefused``: an
``ExportError`` that also carries a stable code and a bokmål and English message from
``EXPORT_MESSAGES``, so the CLI and the staff window say the same thing in the user's
language. The same catalogue holds the lines of the research extract's text report.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.messages import Catalogue, CodedError, Message


class ExportError(Exception):
    """Why an export was refused or failed; nothing was written. Messages name the problem
    and the fix, and never carry field values (names, national ids, ...)."""


EXPORT_MESSAGES = Catalogue(
    "staff.export",
    {
        "export.k_too_small": Message(
            "k = {k} er for lavt: forskningsuttrekk krever k på minst {minimum}. Ingenting er "
            "eksportert. Velg en høyere k.",
            "k = {k} is too low: a research extract needs k of at least {minimum}. Nothing was "
            "exported. Choose a higher k.",
        ),
        "export.unknown_column": Message(
            "{column} er ikke et kjennetegn eller et kolonnesett uttrekket kjenner. Ingenting er "
            "eksportert. Velg blant: {columns}.",
            "{column} is not a quasi-identifier or column set the extract knows. Nothing was "
            "exported. Choose from: {columns}.",
        ),
        "export.bad_suppression": Message(
            "Største andel undertrykte rader må være mellom 0 og 100 prosent (oppgitt: {share} "
            "prosent). Ingenting er eksportert.",
            "The largest share of suppressed rows must be between 0 and 100 per cent (given: "
            "{share} per cent). Nothing was exported.",
        ),
        "export.k_not_met": Message(
            "k = {k} kan ikke nås for kolonnene {columns} uten å undertrykke mer enn {share} "
            "prosent av radene. Ingenting er eksportert. Velg færre kolonner, en lavere k (minst "
            "{minimum}) eller lag en aggregert tabell i stedet.",
            "k = {k} cannot be reached for the columns {columns} without suppressing more than "
            "{share} per cent of the rows. Nothing was exported. Choose fewer columns, a lower k "
            "(at least {minimum}) or make an aggregate table instead.",
        ),
        "report.title": Message(
            "Rapport for forskningsuttrekket {name}", "Report on the research extract {name}"
        ),
        "report.k": Message(
            "k-anonymitet: hver kombinasjon av kjennetegnene gjelder minst {reached} personer "
            "(krevd: {k}).",
            "k-anonymity: every combination of the quasi-identifiers holds at least {reached} "
            "persons (required: {k}).",
        ),
        "report.column": Message(
            "{column}: {level}; {recoded} celler grovere, {suppressed} celler undertrykt.",
            "{column}: {level}; {recoded} cells coarser, {suppressed} cells suppressed.",
        ),
        "report.rows": Message(
            "Rader: {released} av {rows} utgitt, {left_out} utelatt, {suppressed} utelatt eller "
            "med en undertrykt celle (grense: {share} prosent).",
            "Rows: {released} of {rows} released, {left_out} left out, {suppressed} left out or "
            "with a suppressed cell (limit: {share} per cent).",
        ),
        "report.coverage": Message(
            "Uttrekket dekker {covered} av registerets {records} registreringer ({percent} "
            "prosent).",
            "The extract covers {covered} of the register's {records} registrations ({percent} "
            "per cent).",
        ),
        "report.loss": Message(
            "Informasjonstap (Loss Metric, 0 = ingen, 1 = alt): {loss}.",
            "Information loss (Loss Metric, 0 = none, 1 = all): {loss}.",
        ),
    },
    params={
        "k": "the k of the request",
        "minimum": "the policy's smallest k",
        "column": "a quasi-identifier's or column set's name as the user gave it (a policy "
        "name, not a field value)",
        "columns": "quasi-identifier names of the policy",
        "share": "a percentage of rows",
        "name": "the extract's file name",
        "reached": "a count of persons",
        "level": "a hierarchy level's name from the policy",
        "recoded": "a count of cells",
        "suppressed": "a count of cells or rows",
        "released": "a count of rows",
        "rows": "a count of rows",
        "left_out": "a count of rows",
        "covered": "a count of records",
        "records": "a count of records",
        "percent": "a percentage",
        "loss": "a number between 0 and 1",
    },
)


class AnonymityRefused(ExportError, CodedError):
    """The disclosure policy refused the request; nothing was written."""

    catalogue = EXPORT_MESSAGES

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(f"{self.user_message('en')} ({code})")

    def message_params(self) -> Mapping[str, object]:
        return self.params
