"""Information letters and the registration summary as printable HTML documents, without Qt.

Two documents are printed from a record payload:

* the **information letter** the patient (or their parents / next of kin) gets: one of the
  four variants of the form's ``information.letter`` field (``voksne``, ``foresatte``,
  ``barn_12_16``, ``barn_7_11``). The texts are templates under ``resources/letters/``
  (``<variant>.<lang>.html``; their sources are in the README there) with ``{{placeholder}}``
  slots for the patient's name, the date and the registering clinician. Every letter also
  gets a window-envelope address block (``window.<lang>.html``: the register's return address
  in small type, the recipient's name and postal address), which ``desktop.ui.printing``
  places on page 1 where a C5/C4 window envelope shows it;
* the **registration summary** for the patient record: every filled-in field of the record
  with its label from the form definition, enumeration values and codes shown as labels.

Both come back as a ``PrintDocument``: a self-contained HTML string in the subset Qt's
``QTextDocument`` renders, plus the footer and page label the Qt side (``desktop.ui.printing``)
draws on every page. Every value taken from the payload is HTML-escaped here, once. Nothing in
this module logs or prints a field value, and the document title and suggested file name carry
no personal data (they end up in PDF metadata and file dialogs).

Typical use from the form editor::

    doc = render_letter(payload)                 # the chosen (or suggested) variant
    doc = render_summary(payload, status="completed")
    printing.write_pdf(doc, path)                # Qt side
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from desktop.forms.conditions import is_filled
from desktop.forms.definition import Field, FieldType, FormDefinition, Lang, load_form
from desktop.forms.payload import (
    guardian,
    letter_given_date,
    national_id_shown,
    parse_iso_date,
    patient_name,
    postal_address,
    registration_date,
)
from desktop.forms.rules.information import suggest_information_letters
from desktop.forms.validate import derive_facts
from desktop.resources import Traversable, resource_path
from desktop.states import state_word

#: The letter variants, the same codes as the options of ``information.letter``.
LETTER_VARIANTS: tuple[str, ...] = ("voksne", "foresatte", "barn_12_16", "barn_7_11")
#: The variant used when nothing is chosen and the age is unknown.
DEFAULT_LETTER = "voksne"
LETTER_FIELD = "information.letter"

#: Placeholders a letter template may use (``{{name}}``); values are HTML-escaped.
PLACEHOLDERS: frozenset[str] = frozenset(
    {
        "patient_name",
        "patient_first_name",
        "guardian_name",
        "letter_date",
        "clinician_name",
        "institution",
        "register_address",
        "return_address",
        "recipient_name",
        "recipient_address",
    }
)
#: Where the reservation slip is posted (the register's page on helsenorge.no): one place for
#: every letter, so a new address is written once.
REGISTER_POSTAL_ADDRESS: tuple[str, ...] = (
    "Nasjonal kompetansetjeneste for sjeldne diagnoser",
    "Norsk register for sjeldne diagnoser",
    "Oslo universitetssykehus HF",
    "Postboks 4956 Nydalen",
    "0424 OSLO",
)
#: The return address at the top of the envelope window: one short line in small type
#: (Posten's guidance), from the slip's address: the register, its post box and postal code
#: and place (the service's and the hospital's names would take a second line).
RETURN_ADDRESS = ", ".join(REGISTER_POSTAL_ADDRESS[i] for i in (1, 3, 4))
#: The template of the envelope window's address block (``resources/letters/``).
WINDOW_TEMPLATE = "window"
_PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
#: A line to write on by hand where the record has no value.
BLANK = "_" * 28

DocumentKind = Literal["letter", "summary"]

_TEXTS: Mapping[str, tuple[str, str]] = {
    "register": (
        "Norsk register for sjeldne diagnoser (Sjeldenregisteret)",
        "Norwegian Register for Rare Diagnoses (Sjeldenregisteret)",
    ),
    "letter_title": ("Informasjonsskriv", "Information letter"),
    "summary_title": ("Registreringssammendrag", "Registration summary"),
    "summary_subtitle": ("Kopi til pasientjournalen", "Copy for the patient record"),
    "page": ("Side {page} av {pages}", "Page {page} of {pages}"),
    "patient": ("Pasient", "Patient"),
    "national_id": ("Fødselsnummer / D-nummer", "National identity number / D number"),
    "record_id": ("Registrerings-ID", "Registration id"),
    "revision": ("Revisjon", "Revision"),
    "record_short": ("reg.", "reg."),
    "revision_short": ("rev.", "rev."),
    "status": ("Status", "Status"),
    "registration_date": ("Registreringsdato", "Registration date"),
    "reporter": ("Innmelder", "Reporting clinician"),
    "form": ("Skjema", "Form"),
    "form_version": ("versjon", "version"),
    "printed": ("Utskrevet", "Printed"),
    "missing": ("ikke utfylt", "not filled in"),
    "guardian_fallback": ("foresatte / pårørende", "parents / next of kin"),
    "footer_note": (
        "Utskriften er en kopi til pasientjournalen av registreringen i Norsk register for "
        "sjeldne diagnoser. Pasienten kan reservere seg mot registreringen; da slettes alle "
        "opplysninger om pasienten i registeret.",
        "This printout is a copy, for the patient record, of the registration in the Norwegian "
        "Register for Rare Diagnoses. The patient may opt out of the register; everything about "
        "them is then deleted from it.",
    ),
}

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

_STYLE = """
body { font-size: 10.5pt; color: #000000; }
h1 { font-size: 16pt; font-weight: bold; margin-top: 10px; margin-bottom: 10px; }
h2 { font-size: 12pt; font-weight: bold; margin-top: 12px; margin-bottom: 4px; }
h3 { font-size: 10.5pt; font-weight: bold; margin-top: 8px; margin-bottom: 2px; }
p { margin-top: 0px; margin-bottom: 6px; }
li { margin-bottom: 3px; }
p.sender { font-size: 9pt; color: #333333; margin-bottom: 12px; }
p.meta { margin-bottom: 12px; }
p.key { font-weight: bold; }
p.big { font-size: 13pt; }
p.note { font-size: 9pt; color: #333333; margin-top: 12px; }
p.return { font-size: 6.5pt; color: #000000; margin-bottom: 6px; }
p.recipient { font-size: 11pt; margin-bottom: 0px; }
div.slip { page-break-before: always; }
table.form { border-width: 1px; border-style: solid; border-color: #777777;
  border-collapse: collapse; margin-bottom: 12px; }
table.form td { padding: 10px; }
table.fields { border-width: 1px; border-style: solid; border-color: #999999;
  border-collapse: collapse; margin-bottom: 6px; }
table.fields td { padding: 3px; }
td.label { color: #333333; }
td.group { font-weight: bold; background-color: #eeeeee; }
span.missing { font-style: italic; color: #777777; }
"""


class LetterError(ValueError):
    """A letter variant is unknown or its template is missing or malformed (a packaging bug)."""


@dataclass(frozen=True)
class PrintDocument:
    """A document ready for ``desktop.ui.printing``.

    ``title`` and ``file_name`` hold no personal data: they go into PDF metadata and file
    dialogs. ``footer`` is plain text drawn at the bottom of every page, left, and
    ``page_label`` (``"Side {page} av {pages}"``) at the right.
    """

    kind: DocumentKind
    title: str
    html: str
    footer: str
    page_label: str
    file_name: str
    lang: Lang
    #: The window-envelope address block (HTML, same subset), placed on page 1 by the Qt
    #: side; empty for documents that are not posted (the summary).
    window_html: str = ""

    def page_text(self, page: int, pages: int) -> str:
        return self.page_label.format(page=page, pages=pages)


def _t(key: str, lang: Lang) -> str:
    nb, en = _TEXTS[key]
    return en if lang == "en" else nb


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def format_date(day: dt.date, lang: Lang = "nb") -> str:
    """``17.05.2025`` in bokmål, ``17 May 2025`` in English."""
    if lang == "en":
        return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


# --- which letter --------------------------------------------------------------------------


def letters_dir() -> Traversable:
    return resource_path("letters")


def letter_variants(form: FormDefinition | None = None) -> tuple[str, ...]:
    """The variant codes, in the order of the definition's ``information.letter`` options."""
    field = (form or load_form()).field(LETTER_FIELD)
    return tuple(option.value for option in field.options)


def suggested_letters(
    payload: Mapping[str, Any] | Any, *, today: dt.date | None = None
) -> list[str]:
    """Variants fitting the age on the registration date, preferred first; [] if age unknown.

    The age comes from the facts the validator derives (``derive_facts``), so the printout,
    the editor's suggestion and the ``information_letter_fits_age`` rule always agree.
    Children get their own letter and their parents theirs, so for a child both are listed
    (``["barn_7_11", "foresatte"]``) and both are usually printed.
    """
    facts = derive_facts(_mapping(payload), today or dt.date.today())
    born, on = facts.birth_date, facts.reference_date
    if born is None or born > on:
        return []
    return suggest_information_letters(born, on)


def choose_letter(payload: Mapping[str, Any] | Any, *, today: dt.date | None = None) -> str:
    """The variant to print: the one chosen in the record, else the age-based suggestion,
    else ``voksne`` (the age is unknown until a valid national id is entered)."""
    chosen = _mapping(_mapping(payload).get("information")).get("letter")
    if isinstance(chosen, str) and chosen in LETTER_VARIANTS:
        return chosen
    suggestions = suggested_letters(payload, today=today)
    return suggestions[0] if suggestions else DEFAULT_LETTER


def letter_fits_age(
    payload: Mapping[str, Any] | Any, variant: str, *, today: dt.date | None = None
) -> bool | None:
    """Whether ``variant`` fits the patient's age; None when the age is unknown."""
    suggestions = suggested_letters(payload, today=today)
    return variant in suggestions if suggestions else None


# --- letter templates -------------------------------------------------------------------------


def template_path(variant: str, lang: Lang = "nb") -> Traversable:
    """The template file of a variant (or of the envelope window, ``WINDOW_TEMPLATE``);
    bokmål when there is no version in ``lang``."""
    if variant not in LETTER_VARIANTS and variant != WINDOW_TEMPLATE:
        raise LetterError(
            f"unknown letter variant {variant!r}; known: {', '.join(LETTER_VARIANTS)}"
        )
    path = letters_dir() / f"{variant}.{lang}.html"
    if lang != "nb" and not path.is_file():
        path = letters_dir() / f"{variant}.nb.html"
    return path


@functools.lru_cache(maxsize=16)
def _read_template(path: Traversable) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LetterError(f"cannot read the letter template {path}: {exc}") from None
    unknown = template_placeholders(text) - PLACEHOLDERS
    if unknown:
        raise LetterError(f"{path}: unknown placeholders {sorted(unknown)}")
    return _COMMENT.sub("", text).strip()


def letter_template(variant: str, lang: Lang = "nb") -> str:
    """The template text (comments removed), checked for unknown placeholders."""
    # importlib's Traversables are hashable paths (the protocol does not say so)
    return _read_template(template_path(variant, lang))  # type: ignore[arg-type]


def template_placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def template_language(variant: str, lang: Lang) -> Lang:
    """The language the letter will actually be in (bokmål when ``lang`` has no version)."""
    return "en" if template_path(variant, lang).name.endswith(".en.html") else "nb"


def letter_values(
    payload: Mapping[str, Any] | Any,
    *,
    lang: Lang = "nb",
    today: dt.date | None = None,
    variant: str | None = None,
) -> dict[str, str]:
    """The placeholder values (not yet escaped); a blank line for what the record lacks.

    ``variant`` decides the envelope's recipient (the guardian for ``foresatte``)."""
    record = _mapping(payload)
    reporter = _mapping(record.get("reporter"))
    name = patient_name(record)
    given, full_name = name.given, name.full
    guardian_name = guardian(record).name
    workplace = _text(reporter.get("workplace"))
    department = _text(reporter.get("department"))
    institution = ", ".join(part for part in (department, workplace) if part)
    given_date = letter_given_date(record)
    recipient_name, recipient_address = _recipient(record, variant)
    return {
        "patient_name": full_name or BLANK,
        "patient_first_name": given or full_name or BLANK,
        "guardian_name": guardian_name or _t("guardian_fallback", lang),
        "letter_date": format_date(given_date or today or dt.date.today(), lang),
        "clinician_name": _text(reporter.get("name")) or BLANK,
        "institution": institution or BLANK,
        "register_address": "\n".join(REGISTER_POSTAL_ADDRESS),
        "return_address": RETURN_ADDRESS,
        "recipient_name": recipient_name,
        "recipient_address": recipient_address,
    }


def _recipient(record: Mapping[str, Any], variant: str | None) -> tuple[str, str]:
    """Who the envelope goes to: name and postal address, one line each ("\n" between).

    The parents' letter goes to the guardian named in the record at the guardian's address
    (``patient.guardian.address``, free text); every other letter to the patient at
    ``patient.address`` (street, then postal code and place, the place in capitals as Posten
    asks). What the record lacks is a line to write on by hand; nothing is guessed (a
    child's address need not be the guardian's).
    """
    if variant == "foresatte":
        named = guardian(record)
        return named.name or BLANK, "\n".join(named.address_lines or (BLANK, BLANK))
    address = postal_address(record)
    street, postal = address.street or BLANK, address.postal_line or BLANK
    return patient_name(record).full or BLANK, f"{street}\n{postal}"


def fill_template(template: str, values: Mapping[str, str]) -> str:
    """Replace every ``{{name}}`` by its HTML-escaped value; a value's line breaks (an
    address) become ``<br>``."""

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise LetterError(f"no value for placeholder {name!r}")
        return "<br>\n".join(_esc(line) for line in values[name].split("\n"))

    return _PLACEHOLDER.sub(replace, template)


def _html_document(title: str, body: str, lang: Lang) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{_esc(title)}</title><style>{_STYLE}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def _option_label(form: FormDefinition, path: str, value: str, lang: Lang) -> str:
    option = form.field(path).option(value)
    return option.label.get(lang) if option is not None else value


def render_letter(
    payload: Mapping[str, Any] | Any,
    variant: str | None = None,
    *,
    lang: Lang = "nb",
    today: dt.date | None = None,
    form: FormDefinition | None = None,
) -> PrintDocument:
    """The information letter for a record: ``variant`` or ``choose_letter(payload)``.

    Letters exist in bokmål; ``lang="en"`` gives the English text where one is shipped and
    falls back to bokmål otherwise (the letter goes to the patient, not the UI user).
    """
    form = form or load_form()
    variant = variant or choose_letter(payload, today=today)
    text_lang = template_language(variant, lang)
    values = letter_values(payload, lang=text_lang, today=today, variant=variant)
    body = fill_template(letter_template(variant, text_lang), values)
    window = fill_template(letter_template(WINDOW_TEMPLATE, text_lang), values)
    variant_label = _option_label(form, LETTER_FIELD, variant, text_lang)
    title = f"{_t('letter_title', text_lang)} – {variant_label}"
    return PrintDocument(
        kind="letter",
        title=title,
        html=_html_document(title, body, text_lang),
        footer=f"{_t('register', text_lang)} – {title}",
        page_label=_t("page", text_lang),
        file_name=f"informasjonsskriv-{variant.replace('_', '-')}.pdf",
        lang=text_lang,
        window_html=_html_document(title, window, text_lang),
    )


# --- registration summary -------------------------------------------------------------------


def _format_number(value: Any, lang: Lang) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return _text(value)
    text = f"{value:g}" if isinstance(value, float) else str(value)
    return text.replace(".", ",") if lang == "nb" else text


@functools.cache
def _code_label(codelist: str, code: str, lang: Lang) -> str | None:
    try:
        from desktop.forms.codelists import get_codelist

        checker = get_codelist(codelist)  # type: ignore[arg-type]
        canonical = checker.normalize(code)
        if canonical is None:
            return None
        label = checker.label(canonical, lang)
    except Exception:  # a broken code list must not stop the printout; the code is shown
        return None
    return f"{canonical} – {label}" if label and label != canonical else canonical


def _value_html(item: Field, value: Any, lang: Lang) -> str:
    """One scalar field value as escaped HTML ("" when there is nothing to show)."""
    if item.type is FieldType.ENUM:
        text = _text(value)
        option = item.option(text) if text else None
        return _esc(option.label.get(lang) if option else text)
    if item.type is FieldType.MULTI_ENUM:
        values = value if isinstance(value, list) else [value]
        labels = []
        for entry in values:
            text = _text(entry)
            if text:
                option = item.option(text)
                labels.append(option.label.get(lang) if option else text)
        return _esc(", ".join(labels))
    if item.type is FieldType.CODE:
        text = _text(value)
        if not text:
            return ""
        return _esc((_code_label(item.codelist, text, lang) if item.codelist else None) or text)
    if item.type is FieldType.DATE:
        day = parse_iso_date(value)
        return _esc(format_date(day, lang) if day else _text(value))
    if item.type in (FieldType.INTEGER, FieldType.NUMBER, FieldType.YEAR):
        text = _format_number(value, lang)
        if text and item.unit:
            text = f"{text} {item.unit}"
        return _esc(text)
    text = _text(value)
    escaped = _esc(text)
    return escaped.replace("\n", "<br>") if item.multiline else escaped


def _row(label: str, value_html: str, *, indent: int = 0) -> str:
    pad = "&nbsp;" * (4 * indent)
    return f'<tr><td class="label" width="38%">{pad}{_esc(label)}</td><td>{value_html}</td></tr>'


def _group_row(label_html: str, indent: int) -> str:
    pad = "&nbsp;" * (4 * indent)
    return f'<tr><td class="group" colspan="2">{pad}{label_html}</td></tr>'


def _missing(lang: Lang) -> str:
    return f'<span class="missing">{_esc(_t("missing", lang))}</span>'


def _field_rows(
    fields: tuple[Field, ...], container: Any, lang: Lang, indent: int = 0
) -> Iterator[str]:
    values = _mapping(container)
    for item in fields:
        if not item.is_visible(values):
            continue
        value = values.get(item.key)
        label = item.label.get(lang)
        if item.type is FieldType.GROUP:
            child_rows = list(_field_rows(item.fields, value, lang, indent + 1))
            if child_rows:
                yield _group_row(_esc(label), indent)
                yield from child_rows
            elif item.is_required(values):
                yield _row(label, _missing(lang), indent=indent)
            continue
        if item.type is FieldType.REPEAT:
            items = (
                [entry for entry in value if is_filled(entry)] if isinstance(value, list) else []
            )
            item_label = (item.item_label or item.label).get(lang)
            for number, entry in enumerate(items, start=1):
                yield _group_row(f"{_esc(item_label)} {number}", indent)
                yield from _field_rows(item.fields, entry, lang, indent + 1)
            if not items and item.is_required(values):
                yield _row(label, _missing(lang), indent=indent)
            continue
        shown = _value_html(item, value, lang) if is_filled(value) else ""
        if shown:
            yield _row(label, shown, indent=indent)
        elif item.is_required(values):
            yield _row(label, _missing(lang), indent=indent)


def _table(rows: list[str]) -> str:
    if not rows:
        return ""
    return (
        '<table class="fields" width="100%" cellspacing="0" cellpadding="3">'
        + "".join(rows)
        + "</table>"
    )


def _status_label(status: str | None, lang: Lang) -> str:
    if not status:
        return ""
    return state_word(status, lang)


def render_summary(
    payload: Mapping[str, Any] | Any,
    *,
    lang: Lang = "nb",
    form: FormDefinition | None = None,
    status: str | None = None,
    today: dt.date | None = None,
) -> PrintDocument:
    """The registration summary for the patient record.

    ``status`` is the store's record status (``draft``, ``completed``, ``queued``, ``sent``,
    ``accepted``, ``rejected``); it is not part of the payload. Drafts print too: required
    fields still empty are marked "ikke utfylt".
    """
    form = form or load_form()
    record = _mapping(payload)
    who = _Identification.of(record)
    parts = [
        f'<p class="sender">{_esc(_t("register", lang))}</p>',
        f"<h1>{_esc(_t('summary_title', lang))}</h1>",
        f"<p>{_esc(form.title.get(lang))}. {_esc(_t('summary_subtitle', lang))}.</p>",
        _table(_meta_rows(record, who, form, lang, status, today or dt.date.today())),
        *_section_blocks(record, form, lang),
        *_module_blocks(record, form, lang),
        f'<p class="note">{_esc(_t("footer_note", lang))}</p>',
    ]
    title = f"{_t('summary_title', lang)} – {_t('register', lang)}"
    return PrintDocument(
        kind="summary",
        title=title,
        html=_html_document(title, "\n".join(p for p in parts if p), lang),
        footer=_summary_footer(who, lang),
        page_label=_t("page", lang),
        file_name=who.file_name(),
        lang=lang,
    )


@dataclass(frozen=True)
class _Identification:
    """What names the record on every page: the patient, the record and its revision."""

    name: str
    national_id: str
    record_id: str
    revision: str

    @classmethod
    def of(cls, record: Mapping[str, Any]) -> _Identification:
        return cls(
            name=patient_name(record).listed,
            national_id=national_id_shown(record),
            record_id=_text(record.get("record_id")),
            revision=_text(record.get("revision")),
        )

    def file_name(self) -> str:
        """``registrering-<first 8 of the record id>-rev<n>.pdf``: no personal data."""
        safe_id = re.sub(r"[^0-9A-Za-z-]", "", self.record_id)[:8]
        if not safe_id:
            return "registrering.pdf"
        return f"registrering-{safe_id}-rev{re.sub(r'[^0-9]', '', self.revision) or 0}.pdf"


def _meta_rows(
    record: Mapping[str, Any],
    who: _Identification,
    form: FormDefinition,
    lang: Lang,
    status: str | None,
    printed: dt.date,
) -> list[str]:
    """The table under the heading: who, which record, when, by whom, on which form."""
    reporter = _mapping(record.get("reporter"))
    registered = registration_date(record)
    form_meta = _mapping(record.get("form"))
    form_text = f"{_text(form_meta.get('id')) or form.id} {_t('form_version', lang)} " + (
        _text(form_meta.get("version")) or str(form.version)
    )
    role = _value_html(form.field("reporter.role"), reporter.get("role"), lang)
    reporter_parts = (
        _esc(_text(reporter.get("name"))),
        role,
        _esc(_text(reporter.get("workplace"))),
    )
    reporter_html = ", ".join(part for part in reporter_parts if part)
    rows = [
        _row(_t("patient", lang), _esc(who.name) or _missing(lang)),
        _row(_t("national_id", lang), _esc(who.national_id) or _missing(lang)),
        _row(_t("record_id", lang), _esc(who.record_id)),
        _row(_t("revision", lang), _esc(who.revision)),
    ]
    if status:
        rows.append(_row(_t("status", lang), _esc(_status_label(status, lang))))
    return [
        *rows,
        _row(
            _t("registration_date", lang),
            _esc(format_date(registered, lang)) if registered else _missing(lang),
        ),
        _row(_t("reporter", lang), reporter_html or _missing(lang)),
        _row(_t("form", lang), _esc(form_text)),
        _row(_t("printed", lang), _esc(format_date(printed, lang))),
    ]


def _section_blocks(record: Mapping[str, Any], form: FormDefinition, lang: Lang) -> Iterator[str]:
    """Each section under its heading; a repeated section once per filled-in item
    (numbered when there are several), or "ikke utfylt" when it has none."""
    for section in form.sections:
        label = section.label.get(lang)
        if not section.repeat:
            rows = list(_field_rows(section.fields, record.get(section.key), lang))
            if rows:
                yield f"<h2>{_esc(label)}</h2>"
                yield _table(rows)
            continue
        entries = record.get(section.key)
        items = [e for e in entries if is_filled(e)] if isinstance(entries, list) else []
        for number, entry in enumerate(items, start=1):
            yield f"<h2>{_esc(label + (f' {number}' if len(items) > 1 else ''))}</h2>"
            yield _table(list(_field_rows(section.fields, entry, lang)))
        if not items:
            yield f"<h2>{_esc(label)}</h2>"
            yield f"<p>{_missing(lang)}</p>"


def _module_blocks(record: Mapping[str, Any], form: FormDefinition, lang: Lang) -> Iterator[str]:
    """Each sub-registry module a diagnosis selects, under its heading."""
    modules = _mapping(record.get("modules"))
    for module in form.active_modules(record):
        rows = list(_field_rows(module.fields, modules.get(module.id), lang))
        yield f"<h2>{_esc(module.label.get(lang))}</h2>"
        yield _table(rows) if rows else f"<p>{_missing(lang)}</p>"


def _summary_footer(who: _Identification, lang: Lang) -> str:
    """The text at the foot of every page: what the document is and whose record it is."""
    bits = [_t("summary_subtitle", lang)]
    if who.name or who.national_id:
        nid = f"({who.national_id})" if who.national_id else ""
        bits.append(" ".join(bit for bit in (who.name, nid) if bit))
    if who.record_id:
        bits.append(
            f"{_t('record_short', lang)} {who.record_id[:8]} "
            f"{_t('revision_short', lang)} {who.revision}"
        )
    return " – ".join(bits)
