"""Load a versioned form definition (JSON under ``resources/forms/``) into typed objects.

The definition is the single description of the registration form: the Qt UI builds its
widgets from it, ``desktop.forms.model`` derives the pydantic models and JSON Schema from it,
and ``desktop.forms.validate`` walks it. Sub-registry modules are separate files under
``resources/forms/modules/`` so a sub-registry can be added by dropping in one file; the
loader discovers them and turns them into the options of the form's module selector field.

A broken definition is a packaging bug, so it fails loudly (``DefinitionError`` naming the
file and the place in it) instead of producing a half-working form.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar, cast

from desktop.forms.conditions import Condition, ConditionError, parse_condition
from desktop.messages import Lang as Lang  # re-exported: validate and letters take it from here
from desktop.resources import Traversable, resource_path

_T = TypeVar("_T")
DEFINITION_FORMAT = 1
DEFAULT_FORM_ID = "sjeldenregisteret"
CODELISTS = frozenset({"orpha", "icd10", "kommuner", "fylker"})
#: The payload's own keys beside the sections; no section may be named like one.
ENVELOPE_KEYS = ("record_id", "revision", "form", "modules")
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_MODULE_ID = re.compile(r"^[a-z][a-z0-9-]*$")
_FILE_NAME = re.compile(r"^(?P<id>[a-z][a-z0-9-]*)-(?P<version>[1-9][0-9]*)\.json$")


@functools.cache
def forms_dir() -> Traversable:
    """The shipped definitions (``resources/forms``, in a checkout or the installed wheel)."""
    return resource_path("forms")


class DefinitionError(ValueError):
    """A form or module definition file is malformed or refers to something unknown."""


class FieldType(StrEnum):
    TEXT = "text"
    DATE = "date"
    YEAR = "year"
    INTEGER = "integer"
    NUMBER = "number"
    ENUM = "enum"
    MULTI_ENUM = "multi_enum"
    CODE = "code"
    GROUP = "group"
    REPEAT = "repeat"


@dataclass(frozen=True)
class LocalizedText:
    nb: str
    en: str

    def get(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nb


@dataclass(frozen=True)
class Option:
    value: str
    label: LocalizedText


@dataclass(frozen=True)
class Field:
    """One field; ``path`` is its template path (``diagnoses[].genetic_findings[].hgvs``)."""

    key: str
    path: str
    type: FieldType
    label: LocalizedText
    help: LocalizedText | None = None
    required: bool = False
    required_when: Condition | None = None
    visible_when: Condition | None = None
    options: tuple[Option, ...] = ()
    codelist: str | None = None
    rules: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    multiline: bool = False
    unit: str | None = None
    fields: tuple[Field, ...] = ()
    min_items: int = 0
    max_items: int | None = None
    item_label: LocalizedText | None = None
    options_from: str | None = None

    @functools.cached_property
    def option_values(self) -> frozenset[str]:
        return frozenset(option.value for option in self.options)

    def option(self, value: str) -> Option | None:
        return next((option for option in self.options if option.value == value), None)

    def is_required(self, container: Mapping[str, Any]) -> bool:
        """Required outright, or because of the sibling values in ``container``."""
        if self.required:
            return True
        return self.required_when is not None and self.required_when.evaluate(container)

    def is_visible(self, container: Mapping[str, Any]) -> bool:
        return self.visible_when is None or self.visible_when.evaluate(container)


@dataclass(frozen=True)
class Section:
    """A top-level part of the form; ``repeat`` sections hold a list of items (diagnoses)."""

    key: str
    label: LocalizedText
    help: LocalizedText | None
    fields: tuple[Field, ...]
    repeat: bool = False
    min_items: int = 0
    max_items: int | None = None


@dataclass(frozen=True)
class Module:
    """A sub-registry's extra fields, stored under ``modules.<id>`` in the payload."""

    id: str
    version: int
    label: LocalizedText
    help: LocalizedText | None
    fields: tuple[Field, ...]
    source: Traversable | None = None

    @property
    def path(self) -> str:
        return f"modules.{self.id}"


@dataclass(frozen=True)
class FormDefinition:
    id: str
    version: int
    title: LocalizedText
    sections: tuple[Section, ...]
    modules: tuple[Module, ...] = ()
    module_selector: str | None = None
    source: Traversable | None = None
    _by_path: dict[str, Field] = field(default_factory=dict, compare=False, repr=False)
    _derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for found in self.iter_fields():
            self._by_path[found.path] = found

    def derived(self, name: str, build: Callable[[FormDefinition], _T]) -> _T:
        """``build(self)``, made once per definition and kept with it.

        For structures a consumer derives from the (immutable) definition and would
        otherwise rebuild per record, such as the validator's per-field plan; keeping them
        here ties their lifetime to the definition's, with no global cache to go stale.
        """
        try:
            return cast(_T, self._derived[name])
        except KeyError:
            value = self._derived[name] = build(self)
            return value

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(f"form {self.id!r} has no section {key!r}")

    def module(self, module_id: str) -> Module | None:
        return next((module for module in self.modules if module.id == module_id), None)

    def field(self, path: str) -> Field:
        """A field by template path, e.g. ``patient.national_id`` or ``diagnoses[].omim``."""
        try:
            return self._by_path[path]
        except KeyError:
            raise KeyError(f"form {self.id!r} has no field {path!r}") from None

    def iter_fields(self) -> Iterator[Field]:
        """Every field, depth first, including nested ones and module fields."""
        for section in self.sections:
            yield from _walk(section.fields)
        for module in self.modules:
            yield from _walk(module.fields)

    def active_modules(self, payload: Mapping[str, Any]) -> list[Module]:
        """The modules selected by any diagnosis (the UI shows only these)."""
        selected = self.selected_module_ids(payload)
        return [module for module in self.modules if module.id in selected]

    def selected_module_ids(self, payload: Mapping[str, Any]) -> set[str]:
        """Module ids chosen in the payload by ``module_selector`` (``<list>[].<key>`` or
        ``<section>.<key>``)."""
        selector = self._selector
        if selector is None or not isinstance(payload, Mapping):
            return set()
        head, key = selector
        container = payload.get(head)
        items = container if isinstance(container, list) else [container]
        return {
            item[key]
            for item in items
            if isinstance(item, Mapping) and isinstance(item.get(key), str)
        }

    @functools.cached_property
    def _selector(self) -> tuple[str, str] | None:
        """``module_selector`` split once: (the section or list, the key in it)."""
        if not self.module_selector:
            return None
        head, _, key = self.module_selector.partition(".")
        return head.removesuffix("[]"), key


def _walk(fields: tuple[Field, ...]) -> Iterator[Field]:
    for item in fields:
        yield item
        yield from _walk(item.fields)


# --- parsing -----------------------------------------------------------------------------


def _text(raw: Any, where: str, *, optional: bool = False) -> LocalizedText | None:
    if raw is None and optional:
        return None
    if (
        not isinstance(raw, Mapping)
        or not isinstance(raw.get("nb"), str)
        or not isinstance(raw.get("en"), str)
        or not raw["nb"].strip()
        or not raw["en"].strip()
    ):
        raise DefinitionError(f"{where}: needs a text in both bokmål and English: {{nb, en}}")
    return LocalizedText(nb=raw["nb"], en=raw["en"])


def _req_text(raw: Any, where: str) -> LocalizedText:
    text = _text(raw, where)
    assert text is not None
    return text


def _number(raw: Mapping[str, Any], key: str, where: str) -> float | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise DefinitionError(f"{where}.{key}: must be a number")
    return float(value)


def _int(raw: Mapping[str, Any], key: str, where: str, default: int | None) -> int | None:
    value = raw.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise DefinitionError(f"{where}.{key}: must be a non-negative integer")
    return value


_FIELD_KEYS = frozenset(
    {
        "key", "type", "label", "help", "required", "required_when", "visible_when",
        "options", "options_from", "codelist", "rules", "min", "max", "max_length",
        "multiline", "unit", "fields", "min_items", "max_items", "item_label",
    }
)  # fmt: skip


def _parse_field(raw: Any, parent_path: str, where: str, known_rules: frozenset[str]) -> Field:
    if not isinstance(raw, Mapping):
        raise DefinitionError(f"{where}: a field must be a JSON object")
    key = raw.get("key")
    if not isinstance(key, str) or not _KEY.match(key):
        raise DefinitionError(f"{where}.key: must be lower_snake_case")
    where = f"{where}({key})"
    unknown = set(raw) - _FIELD_KEYS
    if unknown:
        raise DefinitionError(f"{where}: unknown properties {sorted(unknown)}")
    try:
        ftype = FieldType(str(raw.get("type")))
    except ValueError:
        valid = ", ".join(t.value for t in FieldType)
        raise DefinitionError(f"{where}.type: must be one of {valid}") from None
    path = f"{parent_path}.{key}" if parent_path else key
    child_prefix = f"{path}[]" if ftype is FieldType.REPEAT else path

    options: list[Option] = []
    raw_options = raw.get("options", [])
    if not isinstance(raw_options, list):
        raise DefinitionError(f"{where}.options: must be a list")
    for i, option in enumerate(raw_options):
        if not isinstance(option, Mapping) or not isinstance(option.get("value"), str):
            raise DefinitionError(f"{where}.options[{i}]: needs a string 'value'")
        options.append(
            Option(option["value"], _req_text(option.get("label"), f"{where}.options[{i}]"))
        )
    if len({o.value for o in options}) != len(options):
        raise DefinitionError(f"{where}.options: values must be unique")
    options_from = raw.get("options_from")
    if options_from not in (None, "modules"):
        raise DefinitionError(f"{where}.options_from: only 'modules' is supported")
    if ftype in (FieldType.ENUM, FieldType.MULTI_ENUM) and not options and options_from is None:
        raise DefinitionError(f"{where}: an enum field needs 'options' or 'options_from'")
    codelist = raw.get("codelist")
    if ftype is FieldType.CODE and codelist not in CODELISTS:
        raise DefinitionError(f"{where}.codelist: must be one of {sorted(CODELISTS)}")
    rules = raw.get("rules", [])
    if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
        raise DefinitionError(f"{where}.rules: must be a list of rule names")
    missing = [r for r in rules if r not in known_rules]
    if missing:
        raise DefinitionError(f"{where}.rules: unknown rules {missing}; see desktop/forms/rules")
    children: tuple[Field, ...] = ()
    if ftype in (FieldType.GROUP, FieldType.REPEAT):
        raw_children = raw.get("fields")
        if not isinstance(raw_children, list) or not raw_children:
            raise DefinitionError(f"{where}.fields: a {ftype.value} needs a list of fields")
        children = tuple(
            _parse_field(c, child_prefix, f"{where}.fields[{i}]", known_rules)
            for i, c in enumerate(raw_children)
        )
        _check_unique(children, where)
    try:
        required_when = (
            parse_condition(raw["required_when"], f"{where}.required_when")
            if "required_when" in raw
            else None
        )
        visible_when = (
            parse_condition(raw["visible_when"], f"{where}.visible_when")
            if "visible_when" in raw
            else None
        )
    except ConditionError as exc:
        raise DefinitionError(str(exc)) from None
    max_length = _int(raw, "max_length", where, None)
    return Field(
        key=key,
        path=path,
        type=ftype,
        label=_req_text(raw.get("label"), f"{where}.label"),
        help=_text(raw.get("help"), f"{where}.help", optional=True),
        required=bool(raw.get("required", False)),
        required_when=required_when,
        visible_when=visible_when,
        options=tuple(options),
        codelist=codelist if ftype is FieldType.CODE else None,
        rules=tuple(rules),
        minimum=_number(raw, "min", where),
        maximum=_number(raw, "max", where),
        max_length=max_length,
        multiline=bool(raw.get("multiline", False)),
        unit=raw.get("unit") if isinstance(raw.get("unit"), str) else None,
        fields=children,
        min_items=_int(raw, "min_items", where, 0) or 0,
        max_items=_int(raw, "max_items", where, None),
        item_label=_text(raw.get("item_label"), f"{where}.item_label", optional=True),
        options_from=options_from,
    )


def _check_unique(fields: tuple[Field, ...], where: str) -> None:
    keys = [f.key for f in fields]
    duplicates = sorted({k for k in keys if keys.count(k) > 1})
    if duplicates:
        raise DefinitionError(f"{where}: duplicate field keys {duplicates}")


def _known_rules() -> frozenset[str]:
    # Imported here: the rule modules import this module for the Field type.
    from desktop.forms.rules import RULES

    return frozenset(RULES)


def _read_json(path: Traversable) -> Mapping[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DefinitionError(f"{path}: cannot read the definition ({exc})") from None
    if not isinstance(data, Mapping):
        raise DefinitionError(f"{path}: a definition must be a JSON object")
    if data.get("format") != DEFINITION_FORMAT:
        raise DefinitionError(
            f"{path}: unsupported definition format (expected {DEFINITION_FORMAT})"
        )
    return data


def _id_and_version(data: Mapping[str, Any], id_key: str, where: str) -> tuple[str, int]:
    ident = data.get(id_key)
    if not isinstance(ident, str) or not _MODULE_ID.match(ident):
        raise DefinitionError(f"{where}.{id_key}: a lower-case id with letters, digits and '-'")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise DefinitionError(f"{where}.version: must be a positive integer")
    return ident, version


def parse_module(data: Mapping[str, Any], source: Traversable | None = None) -> Module:
    where = str(source) if source else "module"
    module_id, version = _id_and_version(data, "module", where)
    raw_fields = data.get("fields")
    if not isinstance(raw_fields, list) or not raw_fields:
        raise DefinitionError(f"{where}.fields: a module needs a list of fields")
    known = _known_rules()
    prefix = f"modules.{module_id}"
    fields = tuple(
        _parse_field(f, prefix, f"{where}.fields[{i}]", known) for i, f in enumerate(raw_fields)
    )
    _check_unique(fields, where)
    return Module(
        id=module_id,
        version=version,
        label=_req_text(data.get("label"), f"{where}.label"),
        help=_text(data.get("help"), f"{where}.help", optional=True),
        fields=fields,
        source=source,
    )


def _module_extends(data: Mapping[str, Any], form_id: str, version: int) -> bool:
    extends = data.get("extends")
    if not isinstance(extends, Mapping):
        return False
    versions = extends.get("versions")
    return extends.get("form") == form_id and (
        not isinstance(versions, list) or version in versions
    )


def parse_form(
    data: Mapping[str, Any], modules: tuple[Module, ...] = (), source: Traversable | None = None
) -> FormDefinition:
    where = str(source) if source else "form"
    form_id, version = _id_and_version(data, "id", where)
    raw_sections = data.get("sections")
    if not isinstance(raw_sections, list) or not raw_sections:
        raise DefinitionError(f"{where}.sections: a form needs a list of sections")
    known = _known_rules()
    module_options = tuple(Option(m.id, m.label) for m in modules)
    sections: list[Section] = []
    for i, raw in enumerate(raw_sections):
        swhere = f"{where}.sections[{i}]"
        if not isinstance(raw, Mapping) or not isinstance(raw.get("key"), str):
            raise DefinitionError(f"{swhere}: a section needs a 'key'")
        key = raw["key"]
        if not _KEY.match(key) or key in ENVELOPE_KEYS:
            raise DefinitionError(f"{swhere}.key: lower_snake_case and not a reserved key")
        repeat = bool(raw.get("repeat", False))
        raw_fields = raw.get("fields")
        if not isinstance(raw_fields, list) or not raw_fields:
            raise DefinitionError(f"{swhere}.fields: a section needs a list of fields")
        prefix = f"{key}[]" if repeat else key
        fields = tuple(
            _with_module_options(
                _parse_field(f, prefix, f"{swhere}.fields[{j}]", known), module_options
            )
            for j, f in enumerate(raw_fields)
        )
        _check_unique(fields, swhere)
        sections.append(
            Section(
                key=key,
                label=_req_text(raw.get("label"), f"{swhere}.label"),
                help=_text(raw.get("help"), f"{swhere}.help", optional=True),
                fields=fields,
                repeat=repeat,
                min_items=_int(raw, "min_items", swhere, 0) or 0,
                max_items=_int(raw, "max_items", swhere, None),
            )
        )
    if len({s.key for s in sections}) != len(sections):
        raise DefinitionError(f"{where}.sections: duplicate section keys")
    selector = data.get("module_selector")
    if selector is not None and not isinstance(selector, str):
        raise DefinitionError(f"{where}.module_selector: must be a field path")
    form = FormDefinition(
        id=form_id,
        version=version,
        title=_req_text(data.get("title"), f"{where}.title"),
        sections=tuple(sections),
        modules=modules,
        module_selector=selector,
        source=source,
    )
    if selector is not None:
        try:
            form.field(selector)
        except KeyError:
            raise DefinitionError(f"{where}.module_selector: no field {selector!r}") from None
    return form


def _with_module_options(item: Field, module_options: tuple[Option, ...]) -> Field:
    if item.options_from != "modules":
        return item
    from dataclasses import replace

    return replace(item, options=module_options)


def discover_modules(directory: Traversable, form_id: str, version: int) -> tuple[Module, ...]:
    """Every module file in ``directory`` extending this form; the newest version per id."""
    newest: dict[str, tuple[int, Mapping[str, Any], Traversable]] = {}
    if not directory.is_dir():
        return ()
    files = (entry for entry in directory.iterdir() if entry.name.endswith(".json"))
    for path in sorted(files, key=lambda entry: entry.name):
        if not _FILE_NAME.match(path.name):
            raise DefinitionError(f"{path}: module files are named <module-id>-<version>.json")
        data = _read_json(path)
        if not _module_extends(data, form_id, version):
            continue
        module_id = str(data.get("module"))
        module_version = data.get("version")
        if not isinstance(module_version, int):
            raise DefinitionError(f"{path}.version: must be a positive integer")
        if module_id not in newest or newest[module_id][0] < module_version:
            newest[module_id] = (module_version, data, path)
    return tuple(parse_module(data, path) for _, data, path in newest.values())


def available_versions(
    form_id: str = DEFAULT_FORM_ID, directory: Traversable | None = None
) -> list[int]:
    root = directory or forms_dir()
    versions = []
    for path in root.iterdir():
        match = _FILE_NAME.match(path.name)
        if match and match["id"] == form_id:
            versions.append(int(match["version"]))
    return sorted(versions)


def load_form(
    form_id: str = DEFAULT_FORM_ID,
    version: int | None = None,
    *,
    directory: Traversable | None = None,
) -> FormDefinition:
    """Load a form (the newest version unless ``version`` is given) with its modules."""
    # importlib's Traversables are hashable paths (the protocol does not say so)
    return _load_form_cached(form_id, version, directory or forms_dir())  # type: ignore[arg-type]


@functools.lru_cache(maxsize=16)
def _load_form_cached(form_id: str, version: int | None, root: Traversable) -> FormDefinition:
    versions = available_versions(form_id, root)
    if not versions:
        raise DefinitionError(f"{root}: no definition of form {form_id!r}")
    chosen = versions[-1] if version is None else version
    if chosen not in versions:
        raise DefinitionError(
            f"form {form_id!r} version {chosen} is not installed (available: {versions})"
        )
    path = root / f"{form_id}-{chosen}.json"
    data = _read_json(path)
    if data.get("id") != form_id or data.get("version") != chosen:
        raise DefinitionError(f"{path}: id and version inside must match the file name")
    modules = discover_modules(root / "modules", form_id, chosen)
    return parse_form(data, modules, path)
