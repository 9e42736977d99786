"""Validate a record payload against its form definition: one implementation for the desktop
form, the headless ``sjelden validate`` and the registry's import.

The validator walks the definition, not the payload, and checks the payload defensively: it
accepts arbitrary JSON and never raises (a property test feeds it random JSON), because the
import side validates whatever arrives. Errors block completion; warnings must be confirmed
explicitly (by issue ``key`` or by code). ``mode="draft"`` checks only the type and syntax of
what is filled in, for autosaved drafts. ``mode="live"`` is what the form shows while the
clinician types: a draft's checks plus the cross-field plausibility rules (``live`` rules),
whose errors come as provisional warnings (``Issue.provisional``), since the record may
still be half-typed; completion reports them as errors. A full record takes well under a
millisecond in this mode (docs/life-of-a-registration.md), so the form runs it on the GUI
thread, debounced.

Dates are ISO strings in the record format, so a bad date is explained in that format; the
form's date fields take DD.MM.YYYY, and the form asks for its messages in that format
(``typed_dates``).

Speed matters because packing re-validates every completed record and the registry import
validates every incoming one. What can be decided from the definition alone is decided once
per definition (``_FormPlan``, kept with the ``FormDefinition``): each field's rules resolved
and split by mode, its option set, its conditions compiled. Per record only the walk is left,
and labels, paths and messages are spelled out only for issues that occur. The national id
is parsed once per record (``Facts.parse_national_id``) for the facts and its rule.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.forms.codelists import get_codelist
from desktop.forms.conditions import is_filled
from desktop.forms.definition import (
    ENVELOPE_KEYS,
    DefinitionError,
    Field,
    FieldType,
    FormDefinition,
    Lang,
    Module,
    available_versions,
    load_form,
)
from desktop.forms.messages import render
from desktop.forms.payload import parse_iso_date, registration_date
from desktop.forms.rules import (
    RULES,
    Facts,
    Finding,
    Mode,
    Rule,
    RuleContext,
    Severity,
)

_SEP = " › "
# A label is only spelled out when an issue needs it. Unresolved, it is a text, or
# (parent label, field): "parent › field", (parent label, field, _ITEM): "parent › the
# field's item label", or (list label, n): "list n" (see ``_Walker._text``).
Label = str | tuple[Any, ...]
_ITEM = "item"
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_FORM_REF_KEYS = frozenset({"id", "version"})
_ID_LABEL = {True: "Registrerings-ID (record_id)", False: "Record id (record_id)"}
_REVISION_LABEL = {True: "Revisjon (revision)", False: "Revision (revision)"}


@dataclass(frozen=True)
class Issue:
    field: str
    code: str
    severity: Severity
    message: str
    confirmed: bool = False
    # Live mode only: an error of a plausibility rule, shown early as a warning. Confirming
    # it does not help: completion reports it as an error.
    provisional: bool = False

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
    typed_dates: bool = False,
) -> ValidationResult:
    """Check ``payload``; ``duplicate_lookup(national_id, orpha_code)`` tells whether the
    local store already holds such a record (it must ignore this record's own id).

    The same as ``Validator(form, lang=lang, mode=mode).validate(payload, ...)``. A
    ``Validator`` is only its settings: the per-field plan is kept with the definition."""
    return Validator(form, lang=lang, mode=mode, typed_dates=typed_dates).validate(
        payload,
        today=today,
        duplicate_lookup=duplicate_lookup,
        confirmed_warnings=confirmed_warnings,
    )


def error_keys(payload: Mapping[str, Any] | Any) -> list[str]:
    """The error issue keys (``code@field``, no values) of a complete record against the
    form version it names: what packing and the registry import quarantine or refuse on.
    Warnings were confirmed when the record was completed, so they do not count. A
    top-level function, so it can be handed to a worker process."""
    return [issue.key for issue in validate(payload).errors]


class Validator:
    """The validator for one form definition, language and mode, reused across records.

    Without ``form``, records are checked against the shipped form version they name (the
    newest by default), as ``validate`` does. The per-field plan (rules resolved and split
    by mode, option sets, conditions) is built once per definition and kept with it, so a
    record costs only its own walk. A ``Validator`` holds no per-record state: one instance
    may serve several threads.
    """

    __slots__ = ("_form", "lang", "mode", "typed_dates")

    def __init__(
        self,
        form: FormDefinition | None = None,
        *,
        lang: Lang = "nb",
        mode: Mode = "complete",
        typed_dates: bool = False,
    ) -> None:
        self._form = form
        self.lang: Lang = lang
        self.mode: Mode = mode
        self.typed_dates = typed_dates

    def validate(
        self,
        payload: Mapping[str, Any] | Any,
        *,
        today: dt.date | None = None,
        duplicate_lookup: Callable[[str, str], bool] | None = None,
        confirmed_warnings: Collection[str] = (),
    ) -> ValidationResult:
        """Check one record (see ``validate``)."""
        walker = _Walker(
            lang=self.lang,
            today=today or dt.date.today(),
            mode=self.mode,
            lookup=duplicate_lookup,
            typed_dates=self.typed_dates,
        )
        walker.run(payload, self._form)
        issues = walker.issues
        if issues and confirmed_warnings:
            confirmed = set(confirmed_warnings)
            issues = [
                Issue(i.field, i.code, i.severity, i.message, confirmed=True)
                if i.severity == "warning"
                and not i.provisional
                and (i.key in confirmed or i.code in confirmed)
                else i
                for i in issues
            ]
        return ValidationResult(issues)


def derive_facts(payload: Mapping[str, Any], today: dt.date) -> Facts:
    """Birth date and sex from the national id, and the registration date, when valid.

    The national id is parsed as typed, the way its ``national_id`` rule reads the field:
    facts come only from a number that rule accepts (``010101 12345`` is refused there as
    ``national_id.format``, so nothing is derived from it)."""
    facts = Facts(today=today)
    patient = payload.get("patient")
    if type(patient) is dict or isinstance(patient, Mapping):
        nid = patient.get("national_id")
        if isinstance(nid, str):
            parsed = facts.parse_national_id(nid)
            if not isinstance(parsed, str):
                facts.birth_date = parsed.birth_date
                facts.id_sex = parsed.sex
    registered = registration_date(payload)
    if registered is not None and registered <= today:
        facts.registration_date = registered
    return facts


def _codelist_verdict(name: str, value: str) -> str | None:
    """None when ``value`` is a canonical code of list ``name``, else an issue code."""
    # ``get_codelist`` reads a list on first use and keeps it; one that failed to load is
    # asked for again next time.
    try:
        codelist = get_codelist(name)  # type: ignore[arg-type]
    except Exception:  # an installation problem must not crash validation
        return "codelist.unavailable"
    canonical = codelist.normalize(value)
    if canonical is None:
        return "code.unknown"
    if canonical != value:
        return "code.not_canonical"
    return None


# --- the type of a filled-in value, one checker per field type ----------------------------
# Each returns None when the value fits, else the issue code and its message parameters.

_Problem = tuple[str, dict[str, object] | None] | None
_Checker = Callable[["_Walker", "_FieldPlan", Any], _Problem]


# How a date is written: in the record format (ISO), and in the form's date fields.
_DATE_FORMATS: dict[tuple[bool, Lang], dict[str, object]] = {
    (False, "nb"): {"format": "ÅÅÅÅ-MM-DD", "example": "2024-03-15"},
    (False, "en"): {"format": "YYYY-MM-DD", "example": "2024-03-15"},
    (True, "nb"): {"format": "DD.MM.ÅÅÅÅ", "example": "15.03.2024"},
    (True, "en"): {"format": "DD.MM.YYYY", "example": "15.03.2024"},
}


def _check_date(walker: _Walker, fp: _FieldPlan, value: Any) -> _Problem:
    if parse_iso_date(value) is not None:
        return None
    return "field.type_date", _DATE_FORMATS[walker.typed_dates, walker.lang]


def _check_year(walker: _Walker, fp: _FieldPlan, value: Any) -> _Problem:
    if isinstance(value, bool) or not isinstance(value, int) or not 1000 <= value <= 9999:
        return "field.type_year", None
    return None


def _check_integer(walker: _Walker, fp: _FieldPlan, value: Any) -> _Problem:
    if isinstance(value, bool) or not isinstance(value, int):
        return "field.type_integer", None
    return _check_range(fp.field, value)


def _check_number(walker: _Walker, fp: _FieldPlan, value: Any) -> _Problem:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or (isinstance(value, float) and not math.isfinite(value))
    ):
        return "field.type_number", None
    return _check_range(fp.field, value)


def _check_range(item: Field, amount: float) -> _Problem:
    unit = f" {item.unit}" if item.unit else ""
    if item.minimum is not None and amount < item.minimum:
        return "field.below_min", {"min": _num(item.minimum), "unit": unit}
    if item.maximum is not None and amount > item.maximum:
        return "field.above_max", {"max": _num(item.maximum), "unit": unit}
    return None


def _check_multi_enum(walker: _Walker, fp: _FieldPlan, value: Any) -> _Problem:
    if not isinstance(value, list):
        return "field.type_list", None
    if not all(isinstance(v, str) and v in fp.option_values for v in value):
        return "enum.invalid", {"options": walker._options(fp.field)}
    if len(set(value)) != len(value):
        return "multi_enum.duplicate", None
    return None


def _check_code(walker: _Walker, fp: _FieldPlan, value: Any) -> _Problem:
    if not isinstance(value, str):
        return "field.type_text", None
    codelist = fp.field.codelist
    assert codelist is not None  # the definition gives every code field its list
    problem = _codelist_verdict(codelist, value)
    return None if problem is None else (problem, {"codelist": codelist})


def _check_group(walker: _Walker, fp: _FieldPlan, value: Any) -> _Problem:
    return None if type(value) is dict or isinstance(value, Mapping) else ("field.type_group", None)


def _check_repeat(walker: _Walker, fp: _FieldPlan, value: Any) -> _Problem:
    return None if isinstance(value, list) else ("field.type_list", None)


def _checked_inline(walker: _Walker, fp: _FieldPlan, value: Any) -> _Problem:
    raise AssertionError(f"{fp.kind} values are checked by the walk itself")


_TYPE_CHECKS: dict[FieldType, _Checker] = {
    FieldType.DATE: _check_date,
    FieldType.YEAR: _check_year,
    FieldType.INTEGER: _check_integer,
    FieldType.NUMBER: _check_number,
    FieldType.MULTI_ENUM: _check_multi_enum,
    FieldType.CODE: _check_code,
    FieldType.GROUP: _check_group,
    FieldType.REPEAT: _check_repeat,
}


# --- the plan: what the walk needs of a definition, derived once per definition -----------

_PLAN = "validate.plan"
_GROUP, _REPEAT, _TEXT, _ENUM = FieldType.GROUP, FieldType.REPEAT, FieldType.TEXT, FieldType.ENUM


class _FieldPlan:
    """One field with its rules resolved and split by when they run."""

    __slots__ = (
        "check",
        "children",
        "dependency",
        "field",
        "key",
        "kind",
        "max_length",
        "option_values",
        "rules_complete",
        "rules_draft",
        "rules_live",
        "rules_when_empty",
        "visible_when",
    )

    def __init__(self, item: Field) -> None:
        self.field = item
        self.key = item.key
        self.kind = item.type
        self.visible_when = item.visible_when.test if item.visible_when else None
        self.dependency: tuple[str, ...] = (
            tuple(sorted(item.visible_when.referenced_fields())) if item.visible_when else ()
        )
        self.max_length = item.max_length
        self.option_values = item.option_values
        rules = tuple(RULES[name] for name in item.rules)
        # Filled in: every rule on completion, syntax rules on drafts; empty: only the
        # ``when_empty`` rules, and only on completion.
        self.rules_complete = rules
        self.rules_draft = tuple(r for r in rules if r.syntax)
        self.rules_live = tuple(r for r in rules if r.syntax or r.live)
        self.rules_when_empty = tuple(r for r in rules if r.when_empty)
        self.children = _Fields(item.fields) if item.type in (_GROUP, _REPEAT) else None
        self.check: _Checker = _TYPE_CHECKS.get(item.type, _checked_inline)


class _Fields:
    """The fields of one container (section, group, repeated item, module)."""

    __slots__ = ("by_key", "fields", "keys")

    def __init__(self, fields: tuple[Field, ...]) -> None:
        self.fields = tuple(_FieldPlan(item) for item in fields)
        self.by_key = {item.key: item for item in fields}
        self.keys = frozenset(self.by_key)


class _FormPlan:
    __slots__ = ("known_keys", "module_by_id", "modules", "sections")

    def __init__(self, form: FormDefinition) -> None:
        self.sections = tuple((section, _Fields(section.fields)) for section in form.sections)
        self.known_keys = frozenset({s.key for s in form.sections} | set(ENVELOPE_KEYS))
        self.modules = tuple((module, _Fields(module.fields)) for module in form.modules)
        self.module_by_id: dict[str, Module] = {}
        for module in form.modules:
            self.module_by_id.setdefault(module.id, module)


# --- the walk -----------------------------------------------------------------------------


class _Walker:
    """One record's walk; labels stay unresolved (``Label``) until an issue needs one."""

    __slots__ = (
        "complete",
        "ctx",
        "facts",
        "issues",
        "lang",
        "lookup",
        "mode",
        "record",
        "today",
        "typed_dates",
    )

    def __init__(
        self,
        *,
        lang: Lang,
        today: dt.date,
        mode: Mode,
        lookup: Callable[[str, str], bool] | None,
        typed_dates: bool = False,
    ) -> None:
        self.lang: Lang = lang
        self.typed_dates = typed_dates
        self.today = today
        self.mode: Mode = mode
        self.complete = mode == "complete"
        self.lookup = lookup
        self.issues: list[Issue] = []
        self.record: Mapping[str, Any] = {}
        # ``facts`` and ``ctx`` are set by ``run`` once the record is known to be an object.

    def add(
        self,
        path: str,
        code: str,
        label: Label,
        severity: Severity = "error",
        params: Mapping[str, object] | None = None,
        provisional: bool = False,
    ) -> None:
        message = render(code, self.lang, self._text(label), params)
        self.issues.append(Issue(path, code, severity, message, provisional=provisional))

    def _text(self, label: Label) -> str:
        if isinstance(label, str):
            return label
        parent, part = label[0], label[1]
        if isinstance(part, int):  # (list label, number): the n-th item
            return f"{self._text(parent)} {part}"
        if len(label) == 3 and part.item_label:  # (parent, repeat field, _ITEM)
            text = part.item_label.get(self.lang)
            if text:
                return f"{self._text(parent)}{_SEP}{text}"
        return f"{self._text(parent)}{_SEP}{part.label.get(self.lang)}"

    # --- envelope ---------------------------------------------------------------------

    def run(self, payload: Any, form: FormDefinition | None) -> None:
        if not (type(payload) is dict or isinstance(payload, Mapping)):
            self.add("", "record.not_object", "")
            return
        self.record = payload
        form = self._form(payload, form)
        if form is None:
            return
        plan = form.derived(_PLAN, _FormPlan)
        self.facts = derive_facts(payload, self.today)
        self.ctx = RuleContext(None, {}, payload, "", self.facts, self.mode, self.lookup)
        self._envelope(payload, plan)
        lang = self.lang
        for section, fields in plan.sections:
            label = section.label.get(lang)
            value = payload.get(section.key)
            if section.repeat:
                self._walk_list(
                    fields, value, section.key, label, section.min_items, section.max_items
                )
            elif value is None:
                self._walk_container(fields, {}, section.key, label)
            elif not (type(value) is dict or isinstance(value, Mapping)):
                self.add(section.key, "field.type_group", label)
            else:
                self._walk_container(fields, value, section.key, label)
        self._modules(payload, form, plan)

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
            not (type(ref) is dict or isinstance(ref, Mapping))
            or not ref.keys() <= _FORM_REF_KEYS
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

    def _envelope(self, payload: Mapping[str, Any], plan: _FormPlan) -> None:
        nb = self.lang == "nb"
        record_id = payload.get("record_id")
        if record_id is None:
            if self.complete:
                self.add("record_id", "field.required", _ID_LABEL[nb])
        elif not _is_uuid(record_id):
            self.add("record_id", "record_id.invalid", _ID_LABEL[nb])
        revision = payload.get("revision")
        if revision is None:
            if self.complete:
                self.add("revision", "field.required", _REVISION_LABEL[nb])
        elif isinstance(revision, bool) or not isinstance(revision, int) or revision < 1:
            self.add("revision", "revision.invalid", _REVISION_LABEL[nb])
        known = plan.known_keys
        for key in payload:
            if key not in known:
                self.add(_child_path("", key), "field.unknown", _key_label(key))

    def _modules(self, payload: Mapping[str, Any], form: FormDefinition, plan: _FormPlan) -> None:
        value = payload.get("modules")
        if value is None:
            value = {}
        if not (type(value) is dict or isinstance(value, Mapping)):
            self.add("modules", "field.type_group", "modules")
            return
        selected = form.selected_module_ids(payload)
        for key, data in value.items():
            module = plan.module_by_id.get(key) if isinstance(key, str) else None
            path = _child_path("modules", key)
            if module is None:
                self.add(path, "module.unknown", _key_label(key))
            elif key not in selected and self.complete and is_filled(data):
                self.add(path, "module.inactive", module.label.get(self.lang))
        for module, fields in plan.modules:
            if module.id not in selected:
                continue
            data = value.get(module.id)
            label = module.label.get(self.lang)
            if data is None:
                data = {}
            if not (type(data) is dict or isinstance(data, Mapping)):
                self.add(module.path, "field.type_group", label)
                continue
            self._walk_container(fields, data, module.path, label)

    # --- the definition walk --------------------------------------------------------------

    def _walk_container(
        self, plan: _Fields, container: Mapping[str, Any], path: str, label: Label
    ) -> None:
        by_key = plan.by_key
        unknown = () if container.keys() <= plan.keys else container
        for key in unknown:
            if key not in by_key:
                self.add(
                    _child_path(path, key),
                    "field.unknown",
                    f"{self._text(label)}{_SEP}{_key_label(key)}",
                )
        complete = self.complete
        get = container.get
        # One loop over the fields, the common cases inline: this is the validator's hot path.
        for fp in plan.fields:
            value: Any = get(fp.key)
            if value is None:
                filled = text = False
            elif type(value) is str:
                filled = bool(value.strip())
                text = True
            else:
                filled = is_filled(value)
                text = isinstance(value, str)
            when = fp.visible_when
            if when is not None and not when(container):
                if filled and complete:
                    self._not_applicable(fp, by_key, path, label)
                continue
            if not filled:
                if complete:
                    if fp.field.is_required(container):
                        self.add(f"{path}.{fp.key}", "field.required", (label, fp.field))
                    if fp.rules_when_empty:
                        self._rules(fp, fp.rules_when_empty, value, container, path, label)
                continue
            kind = fp.kind
            if kind is _TEXT:
                if not text:
                    self.add(f"{path}.{fp.key}", "field.type_text", (label, fp.field))
                    continue
                max_length = fp.max_length
                if max_length is not None and len(value) > max_length:
                    self.add(
                        f"{path}.{fp.key}",
                        "field.too_long",
                        (label, fp.field),
                        params={"max": max_length},
                    )
                    continue
            elif kind is _ENUM:
                if not text or value not in fp.option_values:
                    self.add(
                        f"{path}.{fp.key}",
                        "enum.invalid",
                        (label, fp.field),
                        params={"options": self._options(fp.field)},
                    )
                    continue
            elif not self._check_type(fp, value, path, label):
                continue
            elif kind is _GROUP:
                assert fp.children is not None
                self._walk_container(fp.children, value, f"{path}.{fp.key}", (label, fp.field))
            elif kind is _REPEAT:
                assert fp.children is not None
                item = fp.field
                self._walk_list(
                    fp.children,
                    value,
                    f"{path}.{fp.key}",
                    (label, item),
                    item.min_items if item.is_required(container) else 0,
                    item.max_items,
                    (label, item, _ITEM) if item.item_label else None,
                )
            rules = (
                fp.rules_complete
                if complete
                else fp.rules_live
                if self.mode == "live"
                else fp.rules_draft
            )
            if rules:
                self._rules(fp, rules, value, container, path, label)

    def _walk_list(
        self,
        fields: _Fields,
        value: Any,
        path: str,
        label: Label,
        min_items: int,
        max_items: int | None,
        item_label: Label | None = None,
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
        base = item_label or label
        for index, item in enumerate(value):
            item_path = f"{path}[{index}]"
            if not (type(item) is dict or isinstance(item, Mapping)):
                self.add(item_path, "field.type_group", (base, index + 1))
            else:
                self._walk_container(fields, item, item_path, (base, index + 1))

    def _not_applicable(
        self, fp: _FieldPlan, siblings: Mapping[str, Field], parent_path: str, label: Label
    ) -> None:
        dependency = ", ".join(
            siblings[n].label.get(self.lang) if n in siblings else n for n in fp.dependency
        )
        self.add(
            f"{parent_path}.{fp.key}",
            "field.not_applicable",
            (label, fp.field),
            params={"dependency": dependency},
        )

    def _check_type(self, fp: _FieldPlan, value: Any, parent_path: str, label: Label) -> bool:
        """The less common field types (text and enum are checked inline by the walk), each
        by its checker in ``_TYPE_CHECKS``, chosen once per field in the plan."""
        found = fp.check(self, fp, value)
        if found is None:
            return True
        problem, params = found
        self.add(f"{parent_path}.{fp.key}", problem, (label, fp.field), params=params)
        return False

    def _options(self, item: Field, only: Collection[str] | None = None) -> str:
        labels = [o.label.get(self.lang) for o in item.options if only is None or o.value in only]
        joiner = " eller " if self.lang == "nb" else " or "
        return ", ".join(labels[:-1]) + joiner + labels[-1] if len(labels) > 1 else "".join(labels)

    def _rules(
        self,
        fp: _FieldPlan,
        rules: tuple[Rule, ...],
        value: Any,
        container: Mapping[str, Any],
        parent_path: str,
        parent_label: Label,
    ) -> None:
        path = f"{parent_path}.{fp.key}"
        # One context per record, pointed at each field in turn: rules only read it while
        # they run (see ``RuleContext``), and building one per rule cost more than most rules.
        ctx = self.ctx
        ctx.value = value
        ctx.container = container
        ctx.path = path
        # While typing (live), a plausibility rule's error is a provisional warning.
        early = self.mode == "live"
        for rule in rules:
            provisional = early and rule.live
            for finding in rule.fn(ctx):
                self._report(fp.field, finding, path, (parent_label, fp.field), provisional)

    def _report(
        self, item: Field, finding: Finding, path: str, label: Label, provisional: bool
    ) -> None:
        params: dict[str, object] = dict(finding.params)
        if "options" in params:
            only = str(params["options"]).split("|")
            params["options"] = self._options(item, only)
        if provisional and finding.severity == "error":
            self.add(path, finding.code, label, "warning", params, provisional=True)
        else:
            self.add(path, finding.code, label, finding.severity, params)


def _is_uuid(value: Any) -> bool:
    """A UUID in its canonical hyphenated form, any case (what ``str(uuid.UUID(value)) ==
    value.lower()`` accepts: no character but A-F lowers to a hex digit)."""
    return isinstance(value, str) and len(value) == 36 and _UUID.fullmatch(value) is not None


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


def _child_path(parent: str, key: object) -> str:
    name = key if isinstance(key, str) else repr(key)
    return f"{parent}.{name}" if parent else name


def _key_label(key: object) -> str:
    """An unknown key, shortened: keys are names, but a malformed payload may be anything."""
    text = key if isinstance(key, str) else repr(key)
    return text if len(text) <= 40 else text[:37] + "..."
