"""One word per record state, the same in the list, the record, the summary PDF and the CLI.

A clinician must read one word for one thing: "Godkjent" for what the register accepted
(never also "akseptert" or "godtatt"), "Avvist" only for what the register rejected, and
"Må rettes før sending" for what this PC set aside before it ever reached the register.
Keyed by the stored value (``desktop.storage.records.RecordStatus``), in the core so the CLI
and the PDF renderer need no Qt; the window shows the same catalogue in its language.
"""

from __future__ import annotations

from desktop.messages import Catalogue, Lang, Message

STATES = Catalogue(
    "state",
    {
        "draft": Message("Utkast", "Draft"),
        "completed": Message("Ferdigstilt", "Completed"),
        "queued": Message("I kø", "Queued"),
        "sent": Message("Sendt", "Sent"),
        "accepted": Message("Godkjent", "Accepted"),
        "rejected": Message("Avvist", "Rejected"),
        "set_aside": Message("Må rettes før sending", "Needs correction before sending"),
    },
    fallback=Message("{code}", "{code}"),
)


def state_word(status: str, lang: Lang) -> str:
    """The word for a stored status (``RecordStatus`` is a ``str``)."""
    return STATES.text(str(status), lang)
