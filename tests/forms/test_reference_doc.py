from pathlib import Path

from desktop.forms.definition import load_form
from desktop.forms.reference_doc import render_markdown

DOC = Path(__file__).resolve().parents[2] / "docs" / "record-format.md"


def test_record_format_doc_is_up_to_date() -> None:
    assert DOC.read_text(encoding="utf-8") == render_markdown(), (
        "docs/record-format.md is stale: run "
        "'python -m desktop.forms.reference_doc > docs/record-format.md'"
    )


def test_doc_lists_every_field() -> None:
    text = render_markdown()
    for field in load_form().iter_fields():
        assert (
            f"`{field.path.split('.', 2)[-1] if field.path.startswith('modules.') else field.path}`"
            in text
        )
