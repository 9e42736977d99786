"""Checking built FHIR resources with the ``fhir.resources`` models (FHIR R4B, 4.3.0).

Why R4B models for an R4 export: ``fhir.resources`` 8.x, the line built on pydantic 2
(which the rest of the app needs), ships R5 as its default and R4B and STU3 as subpackages.
Its R4 (4.0.1) releases are 6.0-6.4, which need pydantic 1 and cannot be imported beside
pydantic 2 (6.5 is already R4B), and 5.x, which needs no pydantic but does not reject
malformed dates (it logs them, value included) nor check choice types (it accepted both
deceasedBoolean and deceasedDateTime), an older line. For the seven resource types built
here, R4 and R4B define the same elements: the 44 element types reachable from them have
identical element names, list-ness and required-ness in the 5.1 (R4) and 8.3 (R4B) models,
and exported bundles also pass the 5.1 R4 models (docs/staff-exports.md). So the output is
R4 JSON, checked with the stricter R4B models.

A resource that fails is a bug in the mapping: the error names the resource type and the
element paths and error kinds, never the values (pydantic's own message carries them).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError

from desktop.staff.export.errors import ExportError

RESOURCE_TYPES = (
    "Bundle",
    "Patient",
    "Condition",
    "Observation",
    "Organization",
    "Practitioner",
    "PractitionerRole",
)


@cache
def model_for(resource_type: str) -> type[BaseModel]:
    from fhir.resources.R4B import get_fhir_model_class

    if resource_type not in RESOURCE_TYPES:
        raise ValueError("not a resource type this export builds")  # a bug
    model: type[BaseModel] = get_fhir_model_class(resource_type)
    return model


def validate_resource(resource: Mapping[str, Any]) -> None:
    """Raise ``ExportError`` unless ``resource`` is a valid FHIR resource of its type."""
    resource_type = str(resource.get("resourceType"))
    try:
        model_for(resource_type).model_validate(resource)
    except ValidationError as exc:
        raise ExportError(invalid_message(resource_type, exc)) from None


def invalid_message(resource_type: str, exc: ValidationError) -> str:
    problems = "; ".join(
        f"{'.'.join(str(part) for part in error['loc']) or '(resource)'}: {error['type']}"
        for error in exc.errors(include_input=False, include_url=False)[:5]
    )
    return (
        f"The FHIR export built an invalid {resource_type} resource ({problems}). Nothing "
        "was written. This is a bug in the export: report it with this message."
    )
