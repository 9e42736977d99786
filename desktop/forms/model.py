"""Pydantic models of the record payload, generated from the form definition.

They give the payload a typed shape and the JSON Schema that ``sjelden schema`` prints, so
other systems (the registry's import, a lab system exporting records) can check structure
without this package. They describe structure only (types, enumerations, lengths, ranges,
unconditional requiredness); conditional requiredness and every named rule live in
``desktop.forms.validate``, which is what decides whether a record is complete.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints, create_model
from pydantic import Field as PydanticField

from desktop.forms.definition import Field, FieldType, FormDefinition, load_form

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_CONFIG = ConfigDict(extra="forbid", populate_by_name=True)


def _python_name(key: str) -> str:
    return key.replace("-", "_")


def _class_name(path: str) -> str:
    parts = path.replace("[]", "").replace("-", "_").replace(".", "_").split("_")
    return "".join(p.capitalize() for p in parts if p)


def _field_type(item: Field, draft: bool) -> Any:
    kind = item.type
    if kind is FieldType.TEXT:
        return Annotated[str, StringConstraints(max_length=item.max_length)]
    if kind is FieldType.DATE:
        return dt.date
    if kind is FieldType.YEAR:
        return Annotated[int, PydanticField(ge=1000, le=9999)]
    if kind in (FieldType.INTEGER, FieldType.NUMBER):
        base: Any = int if kind is FieldType.INTEGER else float
        return Annotated[base, PydanticField(ge=item.minimum, le=item.maximum)]
    if kind in (FieldType.ENUM, FieldType.MULTI_ENUM):
        values = tuple(o.value for o in item.options)
        single: Any = Literal[values] if values else str
        if kind is FieldType.ENUM:
            return single
        return Annotated[list[single], PydanticField(min_length=0)]
    if kind is FieldType.CODE:
        return Annotated[str, PydanticField(json_schema_extra={"x-codelist": item.codelist})]
    if kind is FieldType.GROUP:
        return _container_model(_class_name(item.path), item.fields, draft)
    if kind is FieldType.REPEAT:
        inner: Any = _container_model(_class_name(item.path), item.fields, draft)
        return Annotated[list[inner], PydanticField(max_length=item.max_items)]
    raise AssertionError(f"unhandled field type {kind}")  # pragma: no cover


def _description(item: Field) -> str:
    text = f"{item.label.nb} / {item.label.en}"
    if item.help is not None:
        text += f". {item.help.en}"
    if item.rules:
        text += f" Rules: {', '.join(item.rules)}."
    return text


def _container_model(name: str, fields: tuple[Field, ...], draft: bool) -> type[BaseModel]:
    definitions: dict[str, Any] = {}
    for item in fields:
        annotation = _field_type(item, draft)
        required = item.required and not draft
        info = PydanticField(
            default=... if required else None,
            alias=item.key if _python_name(item.key) != item.key else None,
            title=item.label.nb,
            description=_description(item),
        )
        definitions[_python_name(item.key)] = (annotation if required else annotation | None, info)
    return create_model(name + ("Draft" if draft else ""), __config__=_CONFIG, **definitions)


@functools.lru_cache(maxsize=8)
def _record_model(form: FormDefinition, draft: bool) -> type[BaseModel]:
    form_id: Any = Literal[form.id]
    form_version: Any = Literal[form.version]
    form_ref: Any = create_model(
        "FormReference", __config__=_CONFIG, id=(form_id, ...), version=(form_version, ...)
    )
    sections: dict[str, Any] = {}
    for section in form.sections:
        model: Any = _container_model(_class_name(section.key), section.fields, draft)
        if section.repeat:
            annotation: Any = Annotated[
                list[model],
                PydanticField(
                    min_length=0 if draft else section.min_items, max_length=section.max_items
                ),
            ]
        else:
            annotation = model
        sections[section.key] = (
            annotation if not draft else annotation | None,
            PydanticField(default=None if draft else ..., title=section.label.nb),
        )
    module_fields: dict[str, Any] = {}
    for module in form.modules:
        model = _container_model(_class_name("module_" + module.id), module.fields, draft)
        module_fields[_python_name(module.id)] = (
            model | None,
            PydanticField(default=None, alias=module.id, title=module.label.nb),
        )
    modules_model = create_model("Modules", __config__=_CONFIG, **module_fields)
    required: Any = None if draft else ...
    revision: Any = Annotated[int, PydanticField(ge=1)]
    return create_model(
        "RecordDraft" if draft else "Record",
        __config__=ConfigDict(
            extra="forbid",
            populate_by_name=True,
            title=f"{form.title.en} (form {form.id} v{form.version})",
        ),
        record_id=(uuid.UUID if not draft else uuid.UUID | None, PydanticField(default=required)),
        revision=(revision | None if draft else revision, PydanticField(default=required)),
        form=(form_ref | None if draft else form_ref, PydanticField(default=required)),
        modules=(modules_model | None, PydanticField(default=None)),
        **sections,
    )


def record_model(form: FormDefinition | None = None, *, draft: bool = False) -> type[BaseModel]:
    """The pydantic model of a complete record (or of a draft: everything optional)."""
    return _record_model(form or load_form(), draft)


def record_json_schema(form: FormDefinition | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a complete record's structure."""
    schema = record_model(form).model_json_schema(by_alias=True)
    return {"$schema": SCHEMA_DIALECT, **schema}
