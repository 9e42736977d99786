"""Code lists (municipalities, counties, ORPHA, ICD-10) and the diagnosis search over them.

The lists are versioned data under ``resources/codelists/``; this package only reads them.
Typical use::

    from desktop.forms.codelists import default_store, default_search
    default_store().get("kommuner", on=registration_date)   # the version in force that day
    default_search().search("cystic fibrossis")            # ranked hits, typos tolerated
"""

from desktop.forms.codelists.checks import (
    CodeChecker,
    CodeListName,
    get_codelist,
    municipality_valid_on,
)
from desktop.forms.codelists.codes import (
    normalize_icd10,
    normalize_kommunenummer,
    normalize_orpha,
)
from desktop.forms.codelists.model import CodeList, Concept
from desktop.forms.codelists.search import DiagnosisSearch, Hit, MatchKind, default_search
from desktop.forms.codelists.store import (
    CodeListError,
    CodeListStore,
    NoVersionInForceError,
    UnknownCodeListError,
    default_store,
)

__all__ = [
    "CodeChecker",
    "CodeList",
    "CodeListError",
    "CodeListName",
    "CodeListStore",
    "Concept",
    "DiagnosisSearch",
    "Hit",
    "MatchKind",
    "NoVersionInForceError",
    "UnknownCodeListError",
    "default_search",
    "default_store",
    "get_codelist",
    "municipality_valid_on",
    "normalize_icd10",
    "normalize_kommunenummer",
    "normalize_orpha",
]
