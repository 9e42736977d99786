"""The form offers the clinician's own HGVS description corrected, beside the field, and
applies it on activation (the message itself only shows a fixed example, as messages may be
logged and never hold a field value)."""

from __future__ import annotations

from desktop.forms.record import new_record

HGVS = "diagnoses[0].genetic_findings[0].hgvs"


def _with_variant(editor, variant: str) -> None:
    payload = new_record(form=editor.form)
    payload["diagnoses"] = [
        {
            "orpha_code": "ORPHA:586",
            "basis": ["molekylaergenetisk"],  # the findings are shown for this basis only
            "genetic_findings": [{"gene": "CFTR", "hgvs": variant}],
        }
    ]
    editor.show_payload(payload, None)


def test_a_refused_insertion_gets_its_corrected_form_offered_and_applied(qtbot, editor) -> None:
    _with_variant(editor, "NM_000492.4:c.76_78insG")
    editor.validate_now()
    field = editor.ctx.widgets[HGVS]
    qtbot.waitUntil(lambda: field.suggestion.isVisible())
    assert "NM_000492.4:c.76_77insG" in field.suggestion.text()
    assert "NM_000492.4:c.76_77insG" not in field.message.text()  # never in the message
    field.suggestion.linkActivated.emit("apply")
    assert editor.ctx.binder.get(("diagnoses", 0, "genetic_findings", 0, "hgvs")) == (
        "NM_000492.4:c.76_77insG"
    )
    editor.validate_now()
    qtbot.waitUntil(lambda: not field.suggestion.isVisible())


def test_one_letter_amino_acids_get_the_three_letter_form_offered(qtbot, editor) -> None:
    _with_variant(editor, "NP_000483.3:p.R117H")
    editor.validate_now()
    field = editor.ctx.widgets[HGVS]
    qtbot.waitUntil(lambda: field.suggestion.isVisible())
    assert "NP_000483.3:p.Arg117His" in field.suggestion.text()


def test_a_valid_description_offers_nothing(qtbot, editor) -> None:
    _with_variant(editor, "NM_000492.4:c.1521_1523del")
    editor.validate_now()
    assert not editor.ctx.widgets[HGVS].suggestion.isVisible()
