"""Validate a record payload against its form definition: one implementation for the desktop
form, the headless ``sjelden validate`` and the registry's import.

The validator walks the definition, not the payload, and checks the payload defensively: it
accepts arbitrary JSON and never raises (a property test feeds it random JSON), because the
import side validates whatever arrives. Errors block completion; warnings must be confirmed
explicitly (by issue ``key`` or by code). ``mode="draft"`` checks only the type and syntax of
what is filled in, for autosaved drafts.
"""

from __future__ import annotations

import datetime as dt
import math
import uuid
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.forms import national_id
from desktop.forms.conditions import is_filled
from desktop.forms.definition import (
    ENVELOPE_KEYS,
    DefinitionError,
    Field,
    FieldType,
    FormDefinition,
    Lang,
    available_versions,
    load_form,
    selected_module_ids,
)
from desktop.forms.messages import render
from desktop.forms.rules import (
    RULES,
    Facts,
    Finding,
    Mode,
    RuleContext,
    Severity,
    parse_iso_date,
)

_SEP = " › "
# A field's label is only spelled out when an issue needs it: (parent label, field).
Label = str | tuple[str, Field]


@dataclass(frozen=True)
class Issue:
    field: str
    code: str
    severity: Severity
    message: str
    confirmed: bool = False

    @property
    def key(self) -> str:
        """What a user confirms: this warning on this field (``code@field``)."""
        return f"{self.code}@{self.field}"

    def as_dict(self) -> dict[str, str]:
        return {
            "field": self.field,
            "code": self.code,
            "severity": self.severity,
            "message": self.message,
        }


@dataclass(frozen=True)
class ValidationResult:
    issues: list[Issue] = field(default_factory=list)

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == "error"]

    @property
    def warnings(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.severity == "warning"]

    @property
    def ok(self) -> bool:
        """No errors (warnings may still need confirmation)."""
        return not self.errors

    @property
    def needs_confirmation(self) -> list[Issue]:
        return [i for i in self.issues if i.severity == "warning" and not i.confirmed]

    @property
    def can_complete(self) -> bool:
        return self.ok and not self.needs_confirmation

    def for_field(self, path: str) -> list[Issue]:
        return [issue for issue in self.issues if issue.field == path]


def validate(
    payload: Mapping[str, Any] | Any,
    *,
    lang: Lang = "nb",
    today: dt.date | None = None,
    duplicate_lookup: Callable[[str, str], bool] | None = None,
    confirmed_warnings: Collection[str] = (),
    mode: Mode = "complete",
    form: FormDefinition | None = None,
) -> ValidationResult:
    """Check ``payload``; ``duplicate_lookup(national_id, orpha_code)`` tells whether the
    local store already holds such a record (it must ignore this record's own id)."""
    walker = _Walker(lang=lang, today=today or dt.date.today(), mode=mode, lookup=duplicate_lookup)
    walker.run(payload, form)
    confirmed = set(confirmed_warnings)
    issues = [
        Issue(i.field, i.code, i.severity, i.message, confirmed=True)
        if i.severity == "warning" and (i.key in confirmed or i.code in confirmed)
        else i
        for i in walker.issues
    ]
    return ValidationResult(issues)


def derive_facts(payload: Mapping[str, Any], today: dt.date) -> Facts:
    """Birth date and sex from the national id, and the registration date, when valid."""
    facts = Facts(today=today)
    patient = payload.get("patient")
    if isinstance(patient, Mapping):
        nid = patient.get("national_id")
        if isinstance(nid, str):
            try:
                parsed = national_id.parse(nid, today=today)
            except national_id.NationalIdError:
                pass
            else:
                facts.birth_date = parsed.birth_date
                facts.id_sex = parsed.sex
    reporter = payload.get("reporter")
    if isinstance(reporter, Mapping):
        registered = parse_iso_date(reporter.get("registration_date"))
        if registered is not None and registered <= today:
            facts.registration_date = registered
    return facts


def _codelist_verdict(name: str, value: str) -> str | None:
    """None when ``value`` is a canonical code of list ``name``, else an issue code."""
    try:
        from desktop.forms.codelists import get_codelist

        codelist = get_codelist(name)  # type: ignore[arg-type]
    except Exception:  # an installation problem must not crash validation
        return "codelist.unavailable"
    canonical = codelist.normalize(value)
    if canonical is None:
        return "code.unknown"
    if canonical != value:
        return "code.not_canonical"
    return None


class _Walker:
    def __init__(
        self,
        *,
        lang: Lang,
        today: dt.date,
        mode: Mode,
        lookup: Callable[[str, str], bool] | None,
    ) -> None:
        self.lang: Lang = lang
        self.today = today
        self.mode: Mode = mode
        self.lookup = lookup
        self.issues: list[Issue] = []
        self.record: Mapping[str, Any] = {}
        self.facts = Facts(today=today)

    @property
    def complete(self) -> bool:
        return self.mode == "complete"

    def add(
        self,
        path: str,
        code: str,
        label: Label,
        severity: Severity = "error",
        params: Mapping[str, object] | None = None,
    ) -> None:
        message = render(code, self.lang, self._text(label), params)
        self.issues.append(Issue(path, code, severity, message))

    # --- envelope ---------------------------------------------------------------------

    def run(self, payload: Any, form: FormDefinition | None) -> None:
        if not isinstance(payload, Mapping):
            self.add("", "record.not_object", "")
            return
        self.record = payload
        form = self._form(payload, form)
        if form is None:
            return
        self.facts = derive_facts(payload, self.today)
        self._envelope(payload, form)
        for section in form.sections:
            label = section.label.get(self.lang)
            value = payload.get(section.key)
            if section.repeat:
                self._walk_list(
                    section.fields, value, section.key, label, section.min_items, section.max_items
                )
            elif value is None:
                self._walk_container(section.fields, {}, section.key, label)
            elif not isinstance(value, Mapping):
                self.add(section.key, "field.type_group", label)
            else:
                self._walk_container(section.fields, value, section.key, label)
        self._modules(payload, form)

    def _form(
        self, payload: Mapping[str, Any], form: FormDefinition | None
    ) -> FormDefinition | None:
        ref = payload.get("form")
        default = form or load_form()
        label = "Skjema" if self.lang == "nb" else "Form"
        params = {"form": default.id, "version": default.version}
        if ref is None:
            if self.complete:
                self.add("form", "field.required", label)
            return default
        if (
            not isinstance(ref, Mapping)
            or set(ref) - {"id", "version"}
            or not isinstance(ref.get("version"), int)
            or isinstance(ref.get("version"), bool)
            or not isinstance(ref.get("id"), str)
        ):
            self.add("form", "form.invalid", label, params=params)
            return None
        if ref["id"] == default.id and ref["version"] == default.version:
            return default
        versions = available_versions(ref["id"]) if form is None else []
        if ref["version"] in versions:
            try:
                return load_form(ref["id"], ref["version"])
            except DefinitionError:
                pass
        shown = ", ".join(str(v) for v in versions) or "-"
        self.add("form", "form.unknown_version", label, params={"versions": shown})
        return None

    def _envelope(self, payload: Mapping[str, Any], form: FormDefinition) -> None:
        nb = self.lang == "nb"
        record_id = payload.get("record_id")
        id_label = "Registrerings-ID (record_id)" if nb else "Record id (record_id)"
        if record_id is None:
            if self.complete:
                self.add("record_id", "field.required", id_label)
        elif not _is_uuid(record_id):
            self.add("record_id", "record_id.invalid", id_label)
        revision = payload.get("revision")
        rev_label = "Revisjon (revision)" if nb else "Revision (revision)"
        if revision is None:
            if self.complete:
                self.add("revision", "field.required", rev_label)
        elif isinstance(revision, bool) or not isinstance(revision, int) or revision < 1:
            self.add("revision", "revision.invalid", rev_label)
        known = {s.key for s in form.sections} | set(ENVELOPE_KEYS)
        for key in payload:
            if key not in known:
                self.add(_child_path("", key), "field.unknown", _key_label(key))

    def _modules(self, payload: Mapping[str, Any], form: FormDefinition) -> None:
        value = payload.get("modules")
        if value is None:
            value = {}
        if not isinstance(value, Mapping):
            self.add("modules", "field.type_group", "modules")
            return
        selected = selected_module_ids(payload, form.module_selector)
        for key, data in value.items():
            module = form.module(key) if isinstance(key, str) else None
            path = _child_path("modules", key)
            if module is None:
                self.add(path, "module.unknown", _key_label(key))
            elif key not in selected and self.complete and is_filled(data):
                self.add(path, "module.inactive", module.label.get(self.lang))
        for module in form.modules:
            if module.id not in selected:
                continue
            data = value.get(module.id)
            label = module.label.get(self.lang)
            if data is None:
                data = {}
            if not isinstance(data, Mapping):
                self.add(module.path, "field.type_group", label)
                continue
            self._walk_container(module.fields, data, module.path, label)

    # --- the definition walk --------------------------------------------------------------

    def _walk_container(
        self, fields: tuple[Field, ...], container: Mapping[str, Any], path: str, label: str
    ) -> None:
        by_key = {f.key: f for f in fields}
        for key in container:
            if key not in by_key:
                self.add(_child_path(path, key), "field.unknown", f"{label}{_SEP}{_key_label(key)}")
        for item in fields:
            self._walk_field(item, container, by_key, path, label)

    def _walk_list(
        self,
        fields: tuple[Field, ...],
        value: Any,
        path: str,
        label: str,
        min_items: int,
        max_items: int | None,
        item_label: str | None = None,
    ) -> None:
        if value is None:
            value = []
        if not isinstance(value, list):
            self.add(path, "field.type_list", label)
            return
        if self.complete and len(value) < min_items:
            self.add(path, "repeat.too_few", label, params={"min": min_items})
        if max_items is not None and len(value) > max_items:
            self.add(path, "repeat.too_many", label, params={"max": max_items})
        for index, item in enumerate(value):
            item_path = f"{path}[{index}]"
            this_label = f"{item_label or label} {index + 1}"
            if not isinstance(item, Mapping):
                self.add(item_path, "field.type_group", this_label)
            else:
                self._walk_container(fields, item, item_path, this_label)

    def _walk_field(
        self,
        item: Field,
        container: Mapping[str, Any],
        siblings: Mapping[str, Field],
        parent_path: str,
        parent_label: str,
    ) -> None:
        value = container.get(item.key)
        path = f"{parent_path}.{item.key}"
        label: Label = (parent_label, item)
        filled = is_filled(value)
        if item.visible_when is not None and not item.visible_when.evaluate(container):
            if filled and self.complete:
                names = sorted(item.visible_when.referenced_fields())
                dependency = ", ".join(
                    siblings[n].label.get(self.lang) if n in siblings else n for n in names
                )
                self.add(path, "field.not_applicable", label, params={"dependency": dependency})
            return
        if not filled:
            if self.complete and item.is_required(container):
                self.add(path, "field.required", label)
            if self.complete and item.rules:
                self._rules(item, value, container, path, label, empty=True)
            return
        if not self._check_type(item, value, path, label):
            return
        if item.type is FieldType.GROUP and isinstance(value, Mapping):
            self._walk_container(item.fields, value, path, self._text(label))
        elif item.type is FieldType.REPEAT:
            item_label = item.item_label.get(self.lang) if item.item_label else None
            min_items = item.min_items if item.is_required(container) else 0
            self._walk_list(
                item.fields,
                value,
                path,
                self._text(label),
                min_items,
                item.max_items,
                f"{parent_label}{_SEP}{item_label}" if item_label else None,
            )
        if item.rules:
            self._rules(item, value, container, path, label, empty=False)

    def _text(self, label: Label) -> str:
        if isinstance(label, tuple):
            return f"{label[0]}{_SEP}{label[1].label.get(self.lang)}"
        return label

    def _check_type(self, item: Field, value: Any, path: str, label: Label) -> bool:
        kind = item.type
        if kind is FieldType.TEXT:
            if not isinstance(value, str):
                self.add(path, "field.type_text", label)
                return False
            if item.max_length is not None and len(value) > item.max_length:
                self.add(path, "field.too_long", label, params={"max": item.max_length})
                return False
            return True
        if kind is FieldType.DATE:
            if parse_iso_date(value) is None:
                self.add(path, "field.type_date", label)
                return False
            return True
        if kind is FieldType.YEAR:
            if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
                self.add(path, "field.type_year", label)
                return False
            return True
        if kind in (FieldType.INTEGER, FieldType.NUMBER):
            integer = kind is FieldType.INTEGER
            allowed: tuple[type, ...] = (int,) if integer else (int, float)
            if (
                isinstance(value, bool)
                or not isinstance(value, allowed)
                or (isinstance(value, float) and not math.isfinite(value))
            ):
                self.add(path, "field.type_integer" if integer else "field.type_number", label)
                return False
            return self._check_range(item, value, path, label)
        if kind is FieldType.ENUM:
            if not isinstance(value, str) or value not in item.option_values:
                self.add(path, "enum.invalid", label, params={"options": self._options(item)})
                return False
            return True
        if kind is FieldType.MULTI_ENUM:
            if not isinstance(value, list):
                self.add(path, "field.type_list", label)
                return False
            values = item.option_values
            if not all(isinstance(v, str) and v in values for v in value):
                self.add(path, "enum.invalid", label, params={"options": self._options(item)})
                return False
            if len(set(value)) != len(value):
                self.add(path, "multi_enum.duplicate", label)
                return False
            return True
        if kind is FieldType.CODE:
            if not isinstance(value, str):
                self.add(path, "field.type_text", label)
                return False
            assert item.codelist is not None
            verdict = _codelist_verdict(item.codelist, value)
            if verdict is not None:
                self.add(path, verdict, label, params={"codelist": item.codelist})
                return False
            return True
        if kind is FieldType.GROUP:
            if not isinstance(value, Mapping):
                self.add(path, "field.type_group", label)
                return False
            return True
        if kind is FieldType.REPEAT:
            if not isinstance(value, list):
                self.add(path, "field.type_list", label)
                return False
            return True
        raise AssertionError(f"unhandled field type {kind}")  # pragma: no cover

    def _check_range(self, item: Field, value: Any, path: str, label: Label) -> bool:
        unit = f" {item.unit}" if item.unit else ""
        if item.minimum is not None and value < item.minimum:
            self.add(
                path, "field.below_min", label, params={"min": _num(item.minimum), "unit": unit}
            )
            return False
        if item.maximum is not None and value > item.maximum:
            self.add(
                path, "field.above_max", label, params={"max": _num(item.maximum), "unit": unit}
            )
            return False
        return True

    def _options(self, item: Field, only: Collection[str] | None = None) -> str:
        labels = [o.label.get(self.lang) for o in item.options if only is None or o.value in only]
        joiner = " eller " if self.lang == "nb" else " or "
        return ", ".join(labels[:-1]) + joiner + labels[-1] if len(labels) > 1 else "".join(labels)

    def _rules(
        self,
        item: Field,
        value: Any,
        container: Mapping[str, Any],
        path: str,
        label: Label,
        *,
        empty: bool,
    ) -> None:
        for name in item.rules:
            rule = RULES[name]
            if (empty and not rule.when_empty) or (not self.complete and not rule.syntax):
                continue
            ctx = RuleContext(
                value=value,
                container=container,
                record=self.record,
                path=path,
                facts=self.facts,
                mode=self.mode,
                duplicate_lookup=self.lookup,
            )
            for finding in rule.fn(ctx):
                self._report(item, finding, path, label)

    def _report(self, item: Field, finding: Finding, path: str, label: Label) -> None:
        params: dict[str, object] = dict(finding.params)
        if "options" in params:
            only = str(params["options"]).split("|")
            params["options"] = self._options(item, only)
        self.add(path, finding.code, label, finding.severity, params)


def _is_uuid(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        return str(uuid.UUID(value)) == value.lower()
    except ValueError:
        return False


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _child_path(parent: str, key: object) -> str:
    name = key if isinstance(key, str) else repr(key)
    return f"{parent}.{name}" if parent else name


def _key_label(key: object) -> str:
    """An unknown key, shortened: keys are names, but a malformed payload may be anything."""
    text = key if isinstance(key, str) else repr(key)
    return text if len(text) <= 40 else text[:37] + "..."
