"""How every ``sjelden staff`` command opens the member's session: one entry,
``run_as_member``, shared by ``desktop.cli.staff`` and its command modules
(``staff_audit``, ``staff_keys``, ``staff_letters``, ``staff_members``).

It lives apart from ``desktop.cli.staff`` because that module imports the command
modules to add their subcommands; they import this one at the top instead of reaching back
into ``staff`` through a function-level import."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.cli.profile import _run_unlocked, _Secrets
from desktop.messages import Lang
from desktop.storage.profile import Profile

if TYPE_CHECKING:
    from desktop.staff.roles import Action as RoleAction
    from desktop.staff.session import StaffSession

DEFAULT_STAFF_PROFILE = "staff"
Action = Callable[["StaffSession", Lang], int]


def staff_profile(args: argparse.Namespace) -> Profile:
    """The profile named by ``--profile``, the staff's own by default."""
    return Profile.named(args.profile or DEFAULT_STAFF_PROFILE)


def coded_errors() -> tuple[type[Exception], ...]:
    """The error types a staff command turns into a message rather than a traceback."""
    from desktop.net.errors import SyncError
    from desktop.staff.errors import StaffError

    return (StaffError, SyncError)


def run_as_member(
    args: argparse.Namespace,
    action: Action,
    secrets: _Secrets | None = None,
    *,
    needs: RoleAction,
) -> int:
    """Unlock the staff profile and run ``action`` if the member's role allows ``needs``
    (``desktop.staff.roles``, the one check); every error becomes a message."""
    from desktop.staff import roles, session

    def checked(opened: StaffSession, lang: Lang) -> int:
        roles.require(opened, needs)
        return action(opened, lang)

    profile = staff_profile(args)
    return _run_unlocked(
        profile,
        lambda passphrase: session.open_session(profile, passphrase),
        checked,
        coded_errors(),
        secrets,
    )
