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
from typing import Annotated, Any, Literal, TypeVar, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    PlainValidator,
    Strict,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic import Field as PydanticField
from pydantic_core import ErrorDetails, PydanticCustomError

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


# --- the file format ---------------------------------------------------------------------
# A definition file's shape as pydantic models. Each type carries the message an author
# sees when a value does not fit it; ``_definition_error`` adds the file and the JSON path,
# fields also named by key (``….sections[1].fields[0](orpha_code).label``). The models
# only check; ``_field``, ``parse_module`` and ``parse_form`` build the typed objects above.


def _problem(message: str, at: str = "") -> PydanticCustomError:
    """A shape error with our message; ``at`` continues the path below the value checked."""
    return PydanticCustomError("definition", "{message}", {"message": message, "at": at})


def _says(message: str, *, nested: bool = False) -> WrapValidator:
    """Our message when the value does not fit; errors further in (an item of a list of
    fields) and our own from a model's checks keep theirs, unless ``nested``."""

    def check(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
        try:
            return handler(value)
        except ValidationError as exc:
            if not nested and any(
                error["loc"] or error["type"] == "definition" for error in exc.errors()
            ):
                raise
            raise _problem(message) from None

    return WrapValidator(check)


def _localized(raw: Any) -> LocalizedText:
    if not isinstance(raw, Mapping) or not all(
        isinstance(raw.get(lang), str) and raw[lang].strip() for lang in ("nb", "en")
    ):
        raise _problem("needs a text in both bokmål and English: {nb, en}")
    return LocalizedText(nb=raw["nb"], en=raw["en"])


def _condition(raw: Any) -> Condition:
    try:
        return parse_condition(raw, "")
    except ConditionError as exc:
        raise _problem(exc.reason, exc.where) from None


def _not_reserved(key: str) -> str:
    if key in ENVELOPE_KEYS:
        raise ValueError("a reserved key")
    return key


def _required(**kwargs: Any) -> Any:
    """A property the file must have: missing, it gets its type's message, not pydantic's."""
    return PydanticField(None, validate_default=True, **kwargs)


Text = Annotated[LocalizedText, PlainValidator(_localized)]
When = Annotated[Condition, PlainValidator(_condition)]
Key = Annotated[str, PydanticField(pattern=_KEY.pattern), _says("must be lower_snake_case")]
Kind = Annotated[FieldType, _says(f"must be one of {', '.join(FieldType)}")]
Flag = Annotated[bool, Strict(), _says("must be true or false")]
Number = Annotated[float, Strict(), _says("must be a number")]
Count = Annotated[int, Strict(), PydanticField(ge=0), _says("must be a non-negative integer")]
Words = Annotated[str, Strict(), _says("must be a text")]
Ident = Annotated[
    str,
    PydanticField(pattern=_MODULE_ID.pattern),
    _says("a lower-case id with letters, digits and '-'"),
]
Version = Annotated[int, Strict(), PydanticField(ge=1), _says("must be a positive integer")]


class _Shape(BaseModel):
    # Sections, options and files ignore what they do not know (``format``, ``extends``);
    # fields refuse it, because a misspelt property there silently changes the form.
    model_config = ConfigDict(frozen=True, extra="ignore")


class OptionSpec(_Shape):
    value: Annotated[str, Strict(), _says("needs a string 'value'")] = _required()
    label: Text = _required()


OptionItem = Annotated[OptionSpec, _says("needs a string 'value'")]


class FieldSpec(_Shape):
    model_config = ConfigDict(frozen=True, extra="forbid")

    key: Key = _required()
    type: Kind = _required()
    label: Text = _required()
    help: Text | None = None
    required: Flag = False
    required_when: When | None = None
    visible_when: When | None = None
    options: Annotated[list[OptionItem], _says("must be a list")] = []
    options_from: Annotated[Literal["modules"], _says("only 'modules' is supported")] | None = None
    codelist: Words | None = None
    rules: Annotated[list[str], _says("must be a list of rule names", nested=True)] = []
    min: Number | None = None
    max: Number | None = None
    max_length: Count | None = None
    multiline: Flag = False
    unit: Words | None = None
    fields: Annotated[list[FieldItem], _says("must be a list of fields")] | None = None
    min_items: Count = 0
    max_items: Count | None = None
    item_label: Text | None = None

    @field_validator("rules")
    @classmethod
    def _known_rules(cls, rules: list[str], info: ValidationInfo) -> list[str]:
        known = (info.context or {}).get("rules", frozenset())
        missing = [name for name in rules if name not in known]
        if missing:
            raise _problem(f"unknown rules {missing}; see desktop/forms/rules")
        return rules

    @model_validator(mode="after")
    def _options_fit(self) -> FieldSpec:
        if len({option.value for option in self.options}) != len(self.options):
            raise _problem("values must be unique", ".options")
        enum = self.type in (FieldType.ENUM, FieldType.MULTI_ENUM)
        if enum and not self.options and self.options_from is None:
            raise _problem("an enum field needs 'options' or 'options_from'")
        if self.type is FieldType.CODE and self.codelist not in CODELISTS:
            raise _problem(f"must be one of {sorted(CODELISTS)}", ".codelist")
        return self

    @model_validator(mode="after")
    def _children_fit(self) -> FieldSpec:
        if self.type in (FieldType.GROUP, FieldType.REPEAT):
            if not self.fields:
                raise _problem(f"a {self.type.value} needs a list of fields", ".fields")
            _unique_keys(self.fields)
        return self


FieldItem = Annotated[FieldSpec, _says("a field must be a JSON object")]
SectionFields = Annotated[
    list[FieldItem], PydanticField(min_length=1), _says("a section needs a list of fields")
]
ModuleFields = Annotated[
    list[FieldItem], PydanticField(min_length=1), _says("a module needs a list of fields")
]


def _unique_keys(fields: list[FieldSpec]) -> None:
    keys = [item.key for item in fields]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise _problem(f"duplicate field keys {duplicates}")


class SectionSpec(_Shape):
    key: Annotated[
        str,
        PydanticField(pattern=_KEY.pattern),
        AfterValidator(_not_reserved),
        _says("lower_snake_case and not a reserved key"),
    ] = _required()
    label: Text = _required()
    help: Text | None = None
    fields: SectionFields = _required()
    repeat: Flag = False
    min_items: Count = 0
    max_items: Count | None = None

    @model_validator(mode="after")
    def _fields_unique(self) -> SectionSpec:
        _unique_keys(self.fields)
        return self


class ModuleFile(_Shape):
    module: Ident = _required()
    version: Version = _required()
    label: Text = _required()
    help: Text | None = None
    fields: ModuleFields = _required()

    @model_validator(mode="after")
    def _fields_unique(self) -> ModuleFile:
        _unique_keys(self.fields)
        return self


SectionItem = Annotated[SectionSpec, _says("a section needs a 'key'")]


class FormFile(_Shape):
    id: Ident = _required()
    version: Version = _required()
    title: Text = _required()
    sections: Annotated[
        list[SectionItem], PydanticField(min_length=1), _says("a form needs a list of sections")
    ] = _required()
    module_selector: Annotated[str, Strict(), _says("must be a field path")] | None = None

    @model_validator(mode="after")
    def _sections_unique(self) -> FormFile:
        if len({section.key for section in self.sections}) != len(self.sections):
            raise _problem("duplicate section keys", ".sections")
        return self


_Spec = TypeVar("_Spec", bound=BaseModel)


def _checked(shape: type[_Spec], data: Mapping[str, Any], where: str) -> _Spec:
    """``data`` read as ``shape``, or the first problem as a ``DefinitionError``."""
    try:
        return shape.model_validate(data, context={"rules": _known_rules()})
    except ValidationError as exc:
        raise _definition_error(exc.errors()[0], data, where) from None


def _definition_error(error: ErrorDetails, data: Any, where: str) -> DefinitionError:
    context = error.get("ctx") or {}
    if error["type"] == "definition":
        message = str(context["message"])
    elif error["type"] == "extra_forbidden":
        message = "unknown property"
    else:
        message = error["msg"]
    return DefinitionError(
        f"{where}{_json_path(error['loc'], data)}{context.get('at', '')}: {message}"
    )


def _json_path(loc: tuple[int | str, ...], data: Any) -> str:
    """``loc`` as a JSON path, each field followed by its key: ``.fields[2](hgvs)``."""
    path, node, parent = "", data, None
    for step in loc:
        node = _step(node, step)
        if isinstance(step, int):
            path += f"[{step}]"
            key = node.get("key") if parent == "fields" and isinstance(node, Mapping) else None
            if isinstance(key, str) and _KEY.match(key):
                path += f"({key})"
        else:
            path += f".{step}"
        parent = step
    return path


def _step(node: Any, step: int | str) -> Any:
    if isinstance(step, int):
        return node[step] if isinstance(node, list) and step < len(node) else None
    return node.get(step) if isinstance(node, Mapping) else None


def _known_rules() -> frozenset[str]:
    # Imported here: the rule modules import this module for the Field type.
    from desktop.forms.rules import RULES

    return frozenset(RULES)


# --- from the checked file to the definition ----------------------------------------------


def _field(spec: FieldSpec, parent_path: str, module_options: tuple[Option, ...]) -> Field:
    """The field at ``parent_path``; ``options_from: modules`` gets the discovered modules."""
    path = f"{parent_path}.{spec.key}" if parent_path else spec.key
    inner = f"{path}[]" if spec.type is FieldType.REPEAT else path
    container = spec.type in (FieldType.GROUP, FieldType.REPEAT)
    return Field(
        key=spec.key,
        path=path,
        type=spec.type,
        label=spec.label,
        help=spec.help,
        required=spec.required,
        required_when=spec.required_when,
        visible_when=spec.visible_when,
        options=module_options
        if spec.options_from == "modules"
        else tuple(Option(option.value, option.label) for option in spec.options),
        codelist=spec.codelist if spec.type is FieldType.CODE else None,
        rules=tuple(spec.rules),
        minimum=spec.min,
        maximum=spec.max,
        max_length=spec.max_length,
        multiline=spec.multiline,
        unit=spec.unit,
        fields=tuple(_field(child, inner, module_options) for child in spec.fields or ())
        if container
        else (),
        min_items=spec.min_items,
        max_items=spec.max_items,
        item_label=spec.item_label,
        options_from=spec.options_from,
    )


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


def parse_module(data: Mapping[str, Any], source: Traversable | None = None) -> Module:
    spec = _checked(ModuleFile, data, str(source) if source else "module")
    prefix = f"modules.{spec.module}"
    return Module(
        id=spec.module,
        version=spec.version,
        label=spec.label,
        help=spec.help,
        fields=tuple(_field(item, prefix, ()) for item in spec.fields),
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
    spec = _checked(FormFile, data, where)
    module_options = tuple(Option(m.id, m.label) for m in modules)
    sections = tuple(
        Section(
            key=section.key,
            label=section.label,
            help=section.help,
            fields=tuple(
                _field(item, f"{section.key}[]" if section.repeat else section.key, module_options)
                for item in section.fields
            ),
            repeat=section.repeat,
            min_items=section.min_items,
            max_items=section.max_items,
        )
        for section in spec.sections
    )
    form = FormDefinition(
        id=spec.id,
        version=spec.version,
        title=spec.title,
        sections=sections,
        modules=modules,
        module_selector=spec.module_selector,
        source=source,
    )
    if spec.module_selector is not None:
        try:
            form.field(spec.module_selector)
        except KeyError:
            raise DefinitionError(
                f"{where}.module_selector: no field {spec.module_selector!r}"
            ) from None
    return form


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
