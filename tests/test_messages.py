"""The one message mechanism: every catalogue's messages complete, every raised code known.

``desktop.messages`` checks each message as its module is imported; these tests import every
core module, render every message in both languages, and read the source for codes raised
without a message and for languages chosen outside the catalogues.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import desktop
from desktop.messages import (
    CATALOGUES,
    LANGUAGES,
    Catalogue,
    CatalogueError,
    CodedError,
    Message,
    choose,
    normalize,
)

ROOT = Path(__file__).resolve().parents[1]
_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
CORE = ROOT / "desktop"


def _core_modules() -> list[str]:
    """Every module of the app outside the Qt layer (which has no catalogue of its own)."""
    names = []
    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        if info.name.startswith("desktop.ui") or info.name == "desktop.__main__":
            continue
        names.append(info.name)
    return names


@pytest.fixture(scope="module")
def catalogues() -> dict[str, Catalogue]:
    for name in _core_modules():
        importlib.import_module(name)
    return CATALOGUES


def test_every_area_has_its_catalogue(catalogues):
    assert {"store", "sync", "staff", "staff.batch", "forms", "cli"} <= set(catalogues)


def test_every_message_renders_in_both_languages(catalogues):
    for area, catalogue in catalogues.items():
        for code, message in catalogue.items():
            params = dict.fromkeys(message.params, "PARAM")
            texts = [catalogue.text(code, lang, **params) for lang in LANGUAGES]
            assert all(texts) and not _PLACEHOLDER.search("".join(texts)), (area, code)
            assert texts[0] != texts[1] or area == "cli", (area, code)  # bokmål is written


def test_a_message_missing_a_language_or_a_parameter_is_refused():
    with pytest.raises(CatalogueError, match="both languages"):
        Message("Profilen er låst.", "")
    with pytest.raises(CatalogueError, match="different parameters"):
        Message("Vent {seconds} sekunder.", "Wait a few seconds.")
    with pytest.raises(CatalogueError, match="plain names"):
        Message("Vent {0} sekunder.", "Wait {0} seconds.")


def test_a_parameter_the_catalogue_does_not_declare_is_refused():
    with pytest.raises(CatalogueError, match="does not declare"):
        Catalogue(
            "test.undeclared",
            {"x.name": Message("Navnet er {family_name}.", "The name is {family_name}.")},
            params={"seconds": "a wait"},
        )
    assert "test.undeclared" not in CATALOGUES
    with pytest.raises(CatalogueError, match="stable code"):
        Catalogue("test.code", {"Not A Code": Message("a", "b")})


def test_rendering_without_a_parameter_raises_and_unknown_codes_fall_back(catalogues):
    store = catalogues["store"]
    with pytest.raises(CatalogueError, match="seconds"):
        store.text("store.too_many_attempts", "en")
    assert "12" in store.text("store.too_many_attempts", "nb", seconds=12)
    with pytest.raises(KeyError):
        store.text("store.no_such_code", "nb")
    assert catalogues["sync"].text("newer_code", "en").endswith("(newer_code)")
    assert "(bad_thing)" in catalogues["staff.batch"].text("bad_thing", "nb")


def test_one_language_choice():
    assert normalize("en") == "en" and normalize("sv") == "nb" and normalize(None) == "nb"
    assert choose("en", "nb") == "en"
    assert choose(None, "en") in LANGUAGES


def _sources(*parts: str) -> list[Path]:
    return sorted(p for part in parts for p in (ROOT / part).rglob("*.py"))


def test_one_language_type():
    """``Lang`` is defined once; no module spells the pair again."""
    found = []
    for path in _sources("desktop", "protocol/src", "inbox/src"):
        if path == CORE / "messages.py":
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Subscript)
                and ast.unparse(node.value).endswith("Literal")
                and {"nb", "en"}
                <= {c.value for c in ast.walk(node.slice) if isinstance(c, ast.Constant)}
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def test_no_language_is_picked_by_hand_outside_the_catalogues():
    """``x if lang == "nb" else y`` in the core is a message outside its catalogue.

    The form package's labels (definition, validation, letters) are text of the form, not
    messages, and stay where they are.
    """
    found = []
    for path in _sources(
        "desktop/storage", "desktop/net", "desktop/sync", "desktop/staff", "desktop/cli"
    ):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Compare) and any(
                isinstance(c, ast.Constant) and c.value in ("nb", "en") for c in node.comparators
            ):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def _raised_codes(error_name: str) -> set[str]:
    codes = set()
    for path in _sources("desktop"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and ast.unparse(node.func).endswith(error_name)
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                codes.add(node.args[0].value)
    return codes


def test_every_code_raised_has_a_message(catalogues):
    assert _raised_codes("SyncError") - set(catalogues["sync"]) == set()
    assert _raised_codes("StaffError") - set(catalogues["staff"]) == set()
    assert _raised_codes("BatchRefused") - set(catalogues["staff.batch"]) == set()

    def subclasses(cls: type) -> list[type]:
        return [cls, *(s for sub in cls.__subclasses__() for s in subclasses(sub))]

    for cls in subclasses(CodedError):
        code = vars(cls).get("code")
        if isinstance(code, str):  # a class that fixes its code
            assert code in cls.catalogue, (cls.__name__, code)


def test_a_count_takes_its_noun_in_the_right_number():
    from desktop.messages import CatalogueError, Message

    sent = Message(
        "{records} {records:registrering|registreringer} i {batches} "
        "{batches:forsendelse|forsendelser}",
        "{records} {records:registration|registrations} in {batches} {batches:batch|batches}",
    )
    assert sent.params == {"records", "batches"}
    assert sent.text("nb", {"records": 1, "batches": 1}) == "1 registrering i 1 forsendelse"
    assert sent.text("nb", {"records": 0, "batches": 2}) == "0 registreringer i 2 forsendelser"
    assert sent.text("en", {"records": 1, "batches": 3}) == "1 registration in 3 batches"
    with pytest.raises(CatalogueError):
        Message("{n:bare}", "{n:plain}")  # any other format spec is still refused
    with pytest.raises(CatalogueError):
        Message("{n:a|b|c}", "{n:a|b}")


def test_no_message_writes_a_noun_with_an_optional_plural():
    """ "registrering(er)" is what a count with its noun form replaces, in every catalogue."""
    import re

    import desktop.cli.messages
    import desktop.forms.messages
    import desktop.net.errors
    import desktop.staff.errors
    import desktop.staff.export.errors
    import desktop.storage.errors  # noqa: F401
    from desktop.messages import CATALOGUES

    optional = re.compile(r"\w\((?:s|er|e|r)\)")
    found = [
        f"{area}.{code}"
        for area, catalogue in CATALOGUES.items()
        for code, message in catalogue.items()
        if optional.search(message.nb) or optional.search(message.en)
    ]
    assert found == []
