"""The register's reasons for a rejection, in words: one vocabulary for staff and clinics.

The protocol carries a reason as a stable code (``sjelden_protocol.feedback.REASON_CODE``:
lower-case snake_case), because the clinic's software and reports must be able to count and
act on it in any language. People never read the code: the reviewer picks a label, the
clinician reads the same label in the record and in the sync notes, and the CLI prints it.
So the labels live here, once, in the core (both ``desktop.staff`` and ``desktop.sync`` /
``desktop.ui`` import it), through the one message mechanism (``desktop.messages``).

The codes are the ones a register of rare diagnoses rejects for. Registration builds on
information and the right to reserve, not consent: ``missing_consent`` is kept only so old
feedback documents still read as words, and is never offered. A code this version does not
know (a newer register's) is shown as "the register gave the reason code …", never dropped.
"""

from __future__ import annotations

from desktop.messages import Catalogue, Lang, Message

REASONS = Catalogue(
    "reason",
    {
        "not_rare_diagnosis": Message(
            "Diagnosen er ikke på registerets liste over sjeldne diagnoser",
            "The diagnosis is not on the register's list of rare diagnoses",
        ),
        "diagnosis_not_confirmed": Message(
            "Diagnosen er ikke bekreftet (bare mistenkt eller under utredning)",
            "The diagnosis is not confirmed (only suspected or under investigation)",
        ),
        "wrong_diagnosis": Message(
            "Diagnosekoden passer ikke med det som er beskrevet",
            "The diagnosis code does not match what is described",
        ),
        "identity_mismatch": Message(
            "Fødselsnummer, navn og kjønn stemmer ikke overens",
            "National identity number, name and sex do not match",
        ),
        "incomplete": Message(
            "Registreringen mangler opplysninger registeret trenger",
            "The registration lacks information the register needs",
        ),
        "invalid_data": Message(
            "Noen opplysninger i registreringen er ikke gyldige",
            "Some information in the registration is not valid",
        ),
        "duplicate": Message(
            "Personen er allerede registrert med denne diagnosen",
            "The person is already registered with this diagnosis",
        ),
        "reserved": Message(
            "Personen har reservert seg mot registrering",
            "The person has reserved themselves against registration",
        ),
        "missing_consent": Message(
            "Samtykke mangler (eldre begrunnelse; registeret bygger på reservasjonsrett)",
            "Consent missing (an old reason; the register builds on the right to reserve)",
        ),
    },
    fallback=Message(
        "Registeret oppga begrunnelseskoden «{code}»",
        "The register gave the reason code '{code}'",
    ),
)

#: What a reviewer is offered, most common first (``missing_consent`` is never offered).
OFFERED: tuple[str, ...] = (
    "diagnosis_not_confirmed",
    "not_rare_diagnosis",
    "wrong_diagnosis",
    "identity_mismatch",
    "incomplete",
    "invalid_data",
    "duplicate",
)


def reason_label(code: str, lang: Lang) -> str:
    """The words for ``code`` in ``lang``; an unknown code is named, not hidden."""
    return REASONS.text(code, lang)
