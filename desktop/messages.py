"""The one way the core speaks to users: stable codes and texts in bokmål and English.

Every part of the app that tells a person something (the store, the form validator, sync,
staff mode, the CLI) keeps its messages in a ``Catalogue``: stable code → ``Message`` (a
bokmål and an English template with the same named parameters). Adding a message means one
entry in one catalogue; the Qt layer shows the same texts (``user_message`` or
``Catalogue.text``) in the language it runs in. Qt's own catalogues (``self.tr``) stay for
widget strings; they are not messages with codes.

What is checked, so a slip fails at import rather than in front of a user:

- both languages are written, and their templates name the same parameters;
- a catalogue lists, once, which parameters its messages may hold and what each holds. The
  list is the review point for the rule that messages never contain field values (patient
  data): a parameter holds a limit, a count, a code of a shipped code list, a label of the
  form, a file name or an id, never text the user typed. A message naming a parameter not in
  its catalogue's list is refused;
- rendering without a parameter the template needs raises instead of showing ``{name}``.

Counts take their noun in the right number: ``{records:registrering|registreringer}`` is
the first form when ``records`` is 1 and the second otherwise (bokmål and English both have
one singular), so a message says "1 registrering i 1 forsendelse", never "registrering(er)";
the number itself is written as ``{records}`` beside it.

A message that names a command (``sjelden staff quarantine retry``, ``--key-file``) is
right for the command line and wrong in a window, where the user has no such command to
type. Such a message carries a ``gui`` wording as well (``Message(nb, en, gui=Message(nb,
en))``) that says what to click instead, or who can do it; the windows ask for it
(``user_message(lang, gui=True)``), the CLI does not. The GUI wording may use fewer of the
message's parameters, never others; ``tests/test_gui_wording.py`` reads every catalogue's
GUI wording and finds no command in any.

Codes are unique within a catalogue; catalogues are per area because the areas speak of
different things under the same word (``unknown_key`` is a sync failure and a refused batch).
"""

from __future__ import annotations

import os
import re
import string
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["nb", "en"]
LANGUAGES: tuple[Lang, ...] = ("nb", "en")
DEFAULT_LANG: Lang = "nb"

#: the environment's language choice, below ``--language`` and above a profile's
LANGUAGE_ENV = "SJELDEN_LANGUAGE"

_CODE = re.compile(r"^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*$")


def normalize(language: object) -> Lang:
    """Unknown or missing choices fall back to bokmål, the register's working language."""
    return "en" if language == "en" else DEFAULT_LANG


def choose(requested: str | None = None, profile_language: object = None) -> Lang:
    """The language to speak: the command line, then ``SJELDEN_LANGUAGE``, then the profile's."""
    if requested:
        return normalize(requested)
    if os.environ.get(LANGUAGE_ENV):
        return normalize(os.environ[LANGUAGE_ENV])
    return normalize(profile_language)


class CatalogueError(ValueError):
    """A message or catalogue that breaks the rules above: a programming error."""


def _parameters(template: str) -> frozenset[str]:
    names: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise CatalogueError(f"unbalanced braces in {template!r}") from exc
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        plural = bool(spec) and spec is not None and spec.count("|") == 1 and all(spec.split("|"))
        if not name.isidentifier() or (spec and not plural) or conversion:
            raise CatalogueError(
                f"parameters are plain names or {{name:one|many}}, {{{name}}} in {template!r}"
            )
        names.add(name)
    return frozenset(names)


class _Forms(string.Formatter):
    """``{n:one|many}``: the noun form for the count ``n`` (values arrive as text)."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|")
            return one if str(value).strip() == "1" else many
        return str(super().format_field(value, format_spec))


_FORMS = _Forms()


@dataclass(frozen=True)
class Message:
    """One thing to tell the user, in both languages; ``{name}`` marks a parameter.

    ``gui``: the wording a window shows instead, for a message that names a command.
    """

    nb: str
    en: str
    params: frozenset[str] = field(init=False)
    gui: Message | None = field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        if not self.nb.strip() or not self.en.strip():
            raise CatalogueError(f"a message needs both languages: {self.nb!r} / {self.en!r}")
        nb, en = _parameters(self.nb), _parameters(self.en)
        if nb != en:
            raise CatalogueError(
                f"bokmål and English name different parameters ({sorted(nb)} / {sorted(en)}): "
                f"{self.en!r}"
            )
        object.__setattr__(self, "params", nb)
        if self.gui is not None:
            if self.gui.gui is not None:
                raise CatalogueError(f"a GUI wording has no GUI wording of its own: {self.en!r}")
            extra = self.gui.params - nb
            if extra:
                raise CatalogueError(
                    f"the GUI wording names parameters the message has not ({sorted(extra)}): "
                    f"{self.gui.en!r}"
                )

    def template(self, lang: Lang) -> str:
        return self.en if lang == "en" else self.nb

    def shown(self, gui: bool) -> Message:
        """The wording to use: the GUI's, where it has one and a window asks."""
        return self.gui if gui and self.gui is not None else self

    def text(
        self, lang: Lang, params: Mapping[str, object] | None = None, *, gui: bool = False
    ) -> str:
        if gui and self.gui is not None:
            return self.gui.text(lang, params)
        values = {key: str(value) for key, value in (params or {}).items()}
        missing = self.params - values.keys()
        if missing:
            raise CatalogueError(f"missing parameters {sorted(missing)} for {self.en!r}")
        return _FORMS.vformat(self.template(lang), (), values)


CATALOGUES: dict[str, Catalogue] = {}


class Catalogue(Mapping[str, Message]):
    """The messages of one area, by stable code.

    ``params`` maps each parameter name the area's messages may use to what it holds (see
    the module docstring). ``fallback``, if given, is the text for a code the catalogue does
    not know (a newer server's or protocol's code); it gets the code as ``{code}``.
    """

    def __init__(
        self,
        area: str,
        messages: Mapping[str, Message],
        *,
        params: Mapping[str, str] | None = None,
        fallback: Message | None = None,
    ) -> None:
        if area in CATALOGUES:
            raise CatalogueError(f"a second catalogue for {area!r}")
        allowed = dict(params or {})
        if fallback is not None:
            allowed.setdefault("code", "the stable code that has no message of its own")
        self.area = area
        self.params: Mapping[str, str] = allowed
        self.fallback = fallback
        self._messages = dict(messages)
        for code, message in [*self._messages.items(), ("(fallback)", fallback)]:
            if message is None:
                continue
            if code != "(fallback)" and not _CODE.match(code):
                raise CatalogueError(f"{area}: {code!r} is not a stable code (a.b_c)")
            unknown = message.params - allowed.keys()
            if unknown:
                raise CatalogueError(
                    f"{area}.{code} uses parameters {sorted(unknown)} its catalogue does not "
                    "declare; declare what they hold (never a field value) in params="
                )
        CATALOGUES[area] = self

    def __getitem__(self, code: str) -> Message:
        return self._messages[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._messages)

    def __len__(self) -> int:
        return len(self._messages)

    def text(self, code: str, lang: Lang, /, **params: object) -> str:
        """The message for ``code`` in ``lang``; an unknown code gets the fallback or raises."""
        return self.render(code, lang, params)

    def gui_text(self, code: str, lang: Lang, /, **params: object) -> str:
        """As ``text``, in a window's words: the GUI wording where the message has one."""
        return self.render(code, lang, params, gui=True)

    def render(
        self, code: str, lang: Lang, params: Mapping[str, object], *, gui: bool = False
    ) -> str:
        """``text`` or (``gui``) ``gui_text``, for a caller that knows which it wants."""
        message = self._messages.get(code)
        if message is None:
            if self.fallback is None:
                raise KeyError(f"{self.area} has no message {code!r}")
            return self.fallback.text(lang, {**params, "code": code}, gui=gui)
        return message.text(lang, params, gui=gui)

    def both(self, code: str, /, **params: object) -> str:
        """Bokmål and English on one line, for what is said before a language is known."""
        return " / ".join(self.text(code, lang, **params) for lang in LANGUAGES)


class CodedError(Exception):
    """An error the user is told about: a stable ``code`` keying a message of ``catalogue``.

    Subclasses set ``catalogue`` and give their message's parameters by overriding
    ``message_params``; ``user_message`` is the one way an error becomes text.
    """

    catalogue: Catalogue
    code: str

    def message_params(self) -> Mapping[str, object]:
        return {}

    def user_message(self, lang: Lang = DEFAULT_LANG, *, gui: bool = False) -> str:
        """The text for the user; ``gui``: in a window's words (no command to type)."""
        return self.catalogue.render(self.code, lang, self.message_params(), gui=gui)
