"""The staff window follows the member's role (issue 17 point 1): a reviewer on a real
PostgreSQL register sees export, reservations and letters disabled with the reason, and can
still review; an administrator on the one-PC SQLCipher register has everything."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.staff import members, roles
from desktop.staff import session as staff_session
from tests.inbox.conftest import postgres_schema_url
from tests.staff.conftest import PASSPHRASE
from tests.ui.staff.conftest import open_staff_window


@pytest.mark.postgres
def test_a_reviewer_sees_what_their_role_does_not_allow(
    qtbot, make_profile, make_controller, tmp_path: Path
) -> None:
    with postgres_schema_url() as url:
        admin, _ = staff_session.create(make_profile("admin"), PASSPHRASE, register_db=url)
        try:
            profile = make_profile("reviewer")
            request = tmp_path / "join.json"
            identity, _ = staff_session.create_join(
                profile, PASSPHRASE, "Vera Vurder", request, register_db=url
            )
            members.add_member(admin, request.read_bytes(), identity.fingerprint, "reviewer")
            window = open_staff_window(qtbot, make_controller, profile)
            registrar = window.role_name(roles.REGISTRAR)
            for action in window.export_actions.values():
                assert not action.isEnabled()
                assert registrar in action.toolTip()
            for tab in (window.reservations, window.letters):
                index = window.tabs.indexOf(tab)
                assert not window.tabs.isTabEnabled(index)
                assert registrar in window.tabs.tabToolTip(index)
            assert window.tabs.isTabEnabled(window.tabs.indexOf(window.review))
            assert window.import_action.isEnabled() and window.pull_action.isEnabled()
            assert window.role_name(roles.REVIEWER) in window.role_label.text()
            with pytest.raises(roles.RoleRequired):
                window.export_to("csv", tmp_path / "out.csv")
            assert not (tmp_path / "out.csv").exists()
        finally:
            admin.close()


def test_an_administrator_has_every_action(qtbot, staff_profile, make_controller) -> None:
    profile, _ = staff_profile
    window = open_staff_window(qtbot, make_controller, profile)
    for action, needs in window.needs.items():
        assert action.isEnabled() and action.toolTip() != window._refusal(needs)
    for tab in window.tab_needs:
        assert window.tabs.isTabEnabled(window.tabs.indexOf(tab))
    assert window.role_name(roles.ADMINISTRATOR) in window.role_label.text()
