"""The reminder not to write more personal data than needed into free text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from desktop.forms.rules import Finding, RuleContext, rule

# An 11-digit run (a national id), an e-mail address or an 8-digit phone number.
_PERSONAL = re.compile(
    r"(?<![0-9])[0-9]{6}[ ]?[0-9]{5}(?![0-9])"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
    r"|(?<![0-9])(?:\+47[ ]?)?[2-9][0-9]{2}[ ]?[0-9]{2}[ ]?[0-9]{3}(?![0-9])"
)


def contains_personal_data(text: str) -> bool:
    """Whether ``text`` holds what looks like a national id, an e-mail address or a phone
    number (the free-text check, also used for the register's reason texts)."""
    return _PERSONAL.search(text) is not None


@rule("comment_personal_data", codes=("comment.personal_data",), live=True)
def check_comment(ctx: RuleContext) -> Iterator[Finding]:
    if isinstance(ctx.value, str) and contains_personal_data(ctx.value):
        yield Finding("comment.personal_data", "warning")
