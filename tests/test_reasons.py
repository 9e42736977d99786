"""Reason codes are words for people: every offered code has both languages, old and unknown
codes still read as sentences, and no offered reason asks for consent the register does not need."""

from __future__ import annotations

from sjelden_protocol.feedback import REASON_CODE

from desktop.reasons import OFFERED, REASONS, reason_label


def test_every_code_is_a_protocol_code_and_every_offered_one_has_words():
    assert all(REASON_CODE.match(code) for code in REASONS)
    assert set(OFFERED) <= set(REASONS)
    for code in OFFERED:
        nb, en = reason_label(code, "nb"), reason_label(code, "en")
        assert nb != en and "_" not in nb and "_" not in en


def test_consent_is_never_offered_but_old_feedback_still_reads():
    assert "missing_consent" not in OFFERED
    assert "reservasjonsrett" in reason_label("missing_consent", "nb")


def test_an_unknown_code_is_named_not_dropped():
    assert (
        reason_label("new_rule_2031", "nb") == "Registeret oppga begrunnelseskoden «new_rule_2031»"
    )
    assert (
        reason_label("new_rule_2031", "en") == "The register gave the reason code 'new_rule_2031'"
    )
