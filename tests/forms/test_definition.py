from __future__ import annotations

import copy
import json
import pickle
import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop.forms.conditions import parse_condition
from desktop.forms.definition import DefinitionError, FieldType, forms_dir, load_form
from desktop.forms.validate import validate
from tests.forms.conftest import TODAY, valid_record

LABEL = {"nb": "Felt", "en": "Field"}
TEXT = {"key": "y", "type": "text", "label": LABEL}
THIRD_MODULE = {
    "format": 1,
    "module": "muskelregisteret",
    "version": 1,
    "extends": {"form": "sjeldenregisteret", "versions": [1]},
    "label": {"nb": "Muskelregisteret", "en": "Neuromuscular Registry"},
    "fields": [
        {
            "key": "walking",
            "type": "enum",
            "label": {"nb": "Gangfunksjon", "en": "Walking"},
            "required": True,
            "options": [
                {"value": "gaende", "label": {"nb": "Gående", "en": "Walking"}},
                {"value": "rullestol", "label": {"nb": "Rullestol", "en": "Wheelchair"}},
            ],
        }
    ],
}


def test_sections_and_field_api() -> None:
    form = load_form()
    assert [s.key for s in form.sections] == ["patient", "diagnoses", "information", "reporter"]
    assert form.section("diagnoses").repeat
    hgvs = form.field("diagnoses[].genetic_findings[].hgvs")
    assert hgvs.type is FieldType.TEXT and "hgvs" in hgvs.rules
    assert hgvs.label.get("en") == "Variant (HGVS)"
    assert form.field("patient.municipality").codelist == "kommuner"
    death = form.field("patient.date_of_death")
    assert not death.is_required({"vital_status": "levende"})
    assert death.is_required({"vital_status": "dod"}) and death.is_visible({"vital_status": "dod"})
    assert death.visible_when is not None and death.visible_when.referenced_fields() == {
        "vital_status"
    }
    letter = form.field("information.letter")
    assert [o.value for o in letter.options] == ["voksne", "foresatte", "barn_12_16", "barn_7_11"]


def test_every_enumeration_has_labels_in_both_languages() -> None:
    for field in load_form().iter_fields():
        for option in field.options:
            assert option.label.nb and option.label.en, field.path


def test_module_selector_lists_the_discovered_modules() -> None:
    form = load_form()
    selector = form.field("diagnoses[].sub_registry")
    assert [o.value for o in selector.options] == ["primaer-immunsvikt"]
    record = valid_record()
    assert form.active_modules(record) == []
    record["diagnoses"][0]["sub_registry"] = "primaer-immunsvikt"
    assert [m.id for m in form.active_modules(record)] == ["primaer-immunsvikt"]


def _copy_forms(tmp_path: Path) -> Path:
    target = tmp_path / "forms"
    shutil.copytree(forms_dir(), target)
    return target


def test_a_dropped_in_module_file_works_without_code_change(tmp_path: Path) -> None:
    directory = _copy_forms(tmp_path)
    (directory / "modules" / "muskelregisteret-1.json").write_text(json.dumps(THIRD_MODULE))
    form = load_form(directory=directory)
    assert [m.id for m in form.modules] == ["muskelregisteret", "primaer-immunsvikt"]
    assert form.field("modules.muskelregisteret.walking").type is FieldType.ENUM
    assert "muskelregisteret" in {o.value for o in form.field("diagnoses[].sub_registry").options}

    record: dict[str, Any] = valid_record()
    record["diagnoses"][0]["sub_registry"] = "muskelregisteret"
    issues = validate(record, today=TODAY, form=form).issues
    assert [(i.field, i.code) for i in issues] == [
        ("modules.muskelregisteret.walking", "field.required")
    ]
    record["modules"] = {"muskelregisteret": {"walking": "rullestol"}}
    assert validate(record, today=TODAY, form=form).issues == []
    # The shipped form is untouched: there the module is unknown.
    assert [i.code for i in validate(record, today=TODAY).issues] == [
        "enum.invalid",
        "module.unknown",
    ]


def test_the_newest_module_version_wins(tmp_path: Path) -> None:
    directory = _copy_forms(tmp_path)
    (directory / "modules" / "muskelregisteret-1.json").write_text(json.dumps(THIRD_MODULE))
    newer = {**THIRD_MODULE, "version": 2, "fields": [{**THIRD_MODULE["fields"][0], "key": "gait"}]}  # type: ignore[dict-item]
    (directory / "modules" / "muskelregisteret-2.json").write_text(json.dumps(newer))
    module = load_form(directory=directory).module("muskelregisteret")
    assert module is not None and module.version == 2 and module.fields[0].key == "gait"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda m: m.update(
                fields=[{"key": "x", "type": "colour", "label": {"nb": "a", "en": "b"}}]
            ),
            "type",
        ),
        (
            lambda m: m.update(fields=[{"key": "x", "type": "text", "label": {"nb": "a"}}]),
            "bokmål and English",
        ),
        (
            lambda m: m.update(
                fields=[
                    {"key": "x", "type": "text", "label": {"nb": "a", "en": "b"}, "rules": ["nope"]}
                ]
            ),
            "unknown rules",
        ),
        (
            lambda m: m.update(
                fields=[{"key": "x", "type": "enum", "label": {"nb": "a", "en": "b"}}]
            ),
            "options",
        ),
        (
            lambda m: m.update(
                fields=[
                    {
                        "key": "x",
                        "type": "text",
                        "label": {"nb": "a", "en": "b"},
                        "visible_when": {"field": "y"},
                    }
                ]
            ),
            "exactly one of",
        ),
    ],
)
def test_broken_module_definitions_are_refused_with_the_place(
    tmp_path: Path, change: Any, message: str
) -> None:
    directory = _copy_forms(tmp_path)
    broken = json.loads(json.dumps(THIRD_MODULE))
    change(broken)
    path = directory / "modules" / "muskelregisteret-1.json"
    path.write_text(json.dumps(broken))
    with pytest.raises(DefinitionError, match=message) as caught:
        load_form(directory=directory)
    assert "muskelregisteret-1.json" in str(caught.value)


def test_missing_form_version_is_named(tmp_path: Path) -> None:
    with pytest.raises(DefinitionError, match="version 7 is not installed"):
        load_form(version=7, directory=_copy_forms(tmp_path))


def test_conditions_compile_once_and_survive_copies() -> None:
    condition = parse_condition(
        {"any": [{"field": "a", "equals": "x"}, {"not": {"field": "b", "filled": True}}]}, "t"
    )
    assert condition.test is condition.test  # compiled once
    assert condition.evaluate({"a": "x", "b": "y"}) and not condition.evaluate({"b": "y"})
    assert condition.evaluate(["not a mapping"])  # no values: "b" is not filled
    assert not condition.evaluate({"a": ["x"], "b": 1})  # lists never equal a scalar
    for copied in (pickle.loads(pickle.dumps(condition)), copy.deepcopy(condition)):
        assert copied == condition and copied.evaluate({"a": "x", "b": "y"})


@pytest.mark.parametrize(
    ("field", "place"),
    [
        (
            {"key": "x", "type": "group", "label": LABEL, "fields": [{**TEXT, "type": "colour"}]},
            ".fields[0](x).fields[0](y).type: must be one of text",
        ),
        ({**TEXT, "colour": "red"}, ".fields[0](y).colour: unknown property"),
        ({**TEXT, "required": "yes"}, ".fields[0](y).required: must be true or false"),
        ({**TEXT, "min": "3"}, ".fields[0](y).min: must be a number"),
        (
            {**TEXT, "visible_when": {"any": [{"field": "z"}]}},
            ".fields[0](y).visible_when.any[0]: use exactly one of",
        ),
        (
            {"key": "x", "type": "repeat", "label": LABEL, "fields": [TEXT, TEXT]},
            ".fields[0](x): duplicate field keys ['y']",
        ),
        ({"key": "x", "type": "code", "label": LABEL}, ".fields[0](x).codelist: must be one of"),
        ("text", ".fields[0]: a field must be a JSON object"),
    ],
)
def test_a_definition_error_names_the_json_path_and_the_field(
    tmp_path: Path, field: Any, place: str
) -> None:
    directory = _copy_forms(tmp_path)
    path = directory / "modules" / "muskelregisteret-1.json"
    path.write_text(json.dumps({**THIRD_MODULE, "fields": [field]}))
    with pytest.raises(DefinitionError) as caught:
        load_form(directory=directory)
    assert str(caught.value).startswith(f"{path}{place}")
