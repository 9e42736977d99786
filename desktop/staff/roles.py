"""Who may do what in the register: the one check every CLI command and window action makes.

Three roles, each allowing what the one before allows (issue 17 point 1):

* ``reviewer``: look at the queue and the register, import and pull batches, decide;
* ``registrar``: also reservations, exports and information letters;
* ``administrator``: also members and keys (register keys, manifests, installations), and
  the audit report (who did what: oversight of the others). Verifying the audit chain and
  signing a checkpoint are every member's: anyone may check that nothing was rewritten.

``staff configure`` (this PC's inbox address, proxy, CA bundle) is every member's own.

``require(session, action)`` raises ``RoleRequired`` (code ``role_required``, naming the role
needed) when the session's member may not do ``action``; ``allows`` is the same test for the
window, which disables what a role may not do and says why.
"""

from __future__ import annotations

from typing import Literal, Protocol

from desktop.staff.errors import StaffError

REVIEWER = "reviewer"
REGISTRAR = "registrar"
ADMINISTRATOR = "administrator"
ROLES: tuple[str, ...] = (REVIEWER, REGISTRAR, ADMINISTRATOR)  # each allows the one before

Action = Literal["view", "decide", "reserve", "export", "letters", "audit", "members", "keys"]
NEEDS: dict[Action, str] = {
    "view": REVIEWER,
    "decide": REVIEWER,
    "reserve": REGISTRAR,
    "export": REGISTRAR,
    "letters": REGISTRAR,
    "audit": ADMINISTRATOR,
    "members": ADMINISTRATOR,
    "keys": ADMINISTRATOR,
}


class HasRole(Protocol):
    @property
    def role(self) -> str: ...


class RoleRequired(StaffError):
    def __init__(self, action: str, needed: str) -> None:
        super().__init__("role_required", f"{action} needs {needed}")
        self.needed = needed

    def message_params(self) -> dict[str, object]:
        return {"role": self.needed}


def needed(action: Action) -> str:
    return NEEDS[action]


def allows(role: str, action: Action) -> bool:
    return role in ROLES and ROLES.index(role) >= ROLES.index(NEEDS[action])


def require(session: HasRole, action: Action) -> None:
    """``RoleRequired`` unless the session's member has a role that allows ``action``."""
    if not allows(session.role, action):
        raise RoleRequired(action, NEEDS[action])
