"""The poststed of a postnummer, from Posten's register shipped as the code list
``postnummer`` (``resources/codelists/postnummer.csv``, see the README beside it).

The form fills the postal town in from the code so the clinician types four digits instead of
a name that must match Posten's spelling. The register is a plain list without periods: a
code Posten has since withdrawn or added is simply not known (the town is then typed).
"""

from __future__ import annotations

import re

from desktop.forms.codelists.store import CodeListError, CodeListStore, default_store

LIST_ID = "postnummer"
_CODE = re.compile(r"^[0-9]{4}$")


def postal_place(code: object, store: CodeListStore | None = None) -> str | None:
    """Posten's poststed for ``code`` ("7010" -> "TRONDHEIM"), or None when ``code`` is not
    four digits, not in the register, or the list cannot be read (an installation problem:
    the town can still be typed, so it must not stop the form)."""
    if not isinstance(code, str) or not _CODE.match(code):
        return None
    try:
        codes = (store or default_store()).get(LIST_ID)
    except CodeListError:
        return None
    concept = codes.get(code)
    return concept.label("nb") if concept is not None else None
