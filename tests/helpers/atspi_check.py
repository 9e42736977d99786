"""The app as a screen reader sees it: names and roles over AT-SPI, and the form by Tab alone.

Run by ``tests/ui/test_atspi.py`` as ``dbus-run-session -- /usr/bin/python3
tests/helpers/atspi_check.py MODE --out R.json --logs DIR -- sjelden --profile P``: the
system Python, where Debian's ``python3-pyatspi`` lives, talks to the app (the venv's
``sjelden``, a separate process) only over the AT-SPI bus, the way Orca does. Keys go in
through the X server (``xdotool``), as a keyboard's would.

``clinic``: unlock by typing the passphrase, the record list, Ctrl+N for a new registration,
then Tab from the form's first field until the focus comes back to it. ``record``: the same
with the list's first row opened by Tab, Ctrl+Home and Enter instead of Ctrl+N. ``staff``:
unlock, then each tab of the staff window. For each page every focusable object must have a
name and a real role (not unknown or filler); the missing ones are listed by role and path.
The Tab walk records which object holds STATE_FOCUSED after each press; the test compares it
with the form's fields.

Prints nothing of the passphrase (it comes from ``ATSPI_CHECK_PASSPHRASE`` and goes to
``xdotool`` on its standard input) and no field value: the report holds roles and names,
which are the form's labels. Writes one JSON report to ``--out``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from atspi_desktop import desktop

APP_NAME = "Sjeldenregisteret"
MAX_TABS = 250
BAD_ROLES = ("unknown", "filler", "invalid", "redundant object")


class CheckFailed(Exception):
    """The app did not reach a state the check needs (a page, a focus)."""


APP_PROCESS: list[subprocess.Popen[bytes]] = []  # the app, so a wait ends when it died


def wait_for(what: str, condition: Callable[[], Any], seconds: float = 20.0) -> Any:
    deadline = time.monotonic() + seconds
    while True:
        if APP_PROCESS and APP_PROCESS[0].poll() is not None:
            raise CheckFailed(f"the app ended (exit {APP_PROCESS[0].returncode}) before {what}")
        try:
            found = condition()
        except Exception:  # an object vanished while it was read: ask again
            found = None
        if found:
            return found
        if time.monotonic() > deadline:
            raise CheckFailed(f"timed out waiting for {what}")
        pump(0.1)


def pump(seconds: float) -> None:
    """Let the AT-SPI library read the bus (events) for ``seconds``."""
    from gi.repository import GLib

    context = GLib.MainContext.default()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not context.iteration(False):
            time.sleep(0.005)


def xdotool(*args: str, stdin: str | None = None) -> None:
    subprocess.run(
        ["xdotool", *args], input=stdin, text=True, check=True, timeout=30, capture_output=True
    )


def key(*names: str) -> None:
    xdotool("key", "--clearmodifiers", *names)


def focus_window(title: str) -> None:
    """Give the X keyboard focus to the app's visible window titled ``title``…: there is no
    window manager on Xvfb to do it when a window opens."""
    xdotool("search", "--sync", "--onlyvisible", "--name", f"^{title}", "windowfocus", "--sync")


# -- the accessible tree -------------------------------------------------------------------


def states(obj: Any) -> Any:
    return obj.getState()


def showing(obj: Any) -> bool:
    import pyatspi

    return bool(states(obj).contains(pyatspi.STATE_SHOWING))


def children(obj: Any) -> list[Any]:
    found = []
    for index in range(obj.childCount):
        child = obj.getChildAtIndex(index)
        if child is not None:
            found.append(child)
    return found


def walk(obj: Any, path: str = "", *, shown: bool = False) -> Iterator[tuple[Any, str]]:
    """``obj`` and its descendants with their paths; with ``shown``, only what is on screen
    (not below a hidden object: a cell of a table on a page not shown can say it is showing)."""
    if shown and not showing(obj):
        return
    here = f"{path}/{obj.getRoleName()}" + (f"[{obj.name}]" if obj.name else "")
    yield obj, here
    for child in children(obj):
        yield from walk(child, here, shown=shown)


def describe(obj: Any) -> str:
    """Role and path from the window down, by roles and names (a screen reader's words)."""
    parts = []
    node = obj
    while node is not None and node.getRoleName() != "application":
        parts.append(f"{node.getRoleName()}" + (f"[{node.name}]" if node.name else ""))
        node = node.parent
    return "/" + "/".join(reversed(parts))


def application() -> Any:
    import pyatspi

    for app in pyatspi.Registry.getDesktop(0):
        if app is not None and app.name == APP_NAME:
            return app
    return None


def frame(app: Any, has: Callable[[Any], bool]) -> Any:
    """The app's shown window that holds a shown object for which ``has`` is true. (A window
    that is a plain QWidget, as the start window is, has the role filler, a QMainWindow frame:
    the check looks at every top-level object.)"""
    for window in children(app):
        if not showing(window):
            continue
        for obj, _path in walk(window):
            if showing(obj) and has(obj):
                return window
    return None


def unnamed_focusables(window: Any) -> tuple[int, list[dict[str, str]]]:
    """Every focusable object ``window`` shows: how many, and those without a name or with a
    role that tells a screen reader nothing. (Hidden ones, a page of a stack not shown, are
    not presented to a screen reader; each is checked on the page that shows it.)"""
    import pyatspi

    count = 0
    missing = []
    for obj, path in walk(window, shown=True):
        if not states(obj).contains(pyatspi.STATE_FOCUSABLE):
            continue
        count += 1
        role = obj.getRoleName()
        if not (obj.name or "").strip() or role in BAD_ROLES:
            missing.append({"role": role, "path": path, "name": obj.name or ""})
    return count, missing


# -- focus -----------------------------------------------------------------------------------


class FocusWatch:
    """The objects that gained STATE_FOCUSED, as the bridge announces them."""

    def __init__(self) -> None:
        import pyatspi

        self.events: list[Any] = []
        pyatspi.Registry.registerEventListener(self._event, "object:state-changed:focused")

    def _event(self, event: Any) -> None:
        if event.detail1 == 1:
            self.events.append(event.source)

    def after(self, action: Callable[[], None], seconds: float = 3.0) -> Any:
        """Run ``action`` (a key press) and return the object focused after it, or None."""
        import pyatspi

        self.events.clear()
        action()
        deadline = time.monotonic() + seconds
        while not self.events and time.monotonic() < deadline:
            pump(0.02)
        pump(0.05)  # a press may move the focus twice (a box, then its field)
        for source in reversed(self.events):
            try:
                if states(source).contains(pyatspi.STATE_FOCUSED):
                    return source
            except Exception:  # gone already
                continue
        return None


def labels(obj: Any) -> list[str]:
    """The names of the objects that label ``obj`` (a QLabel's buddy): on Linux Qt names a
    combo box by its current text and gives its label through this relation, as Orca reads it."""
    import pyatspi

    found = []
    for relation in obj.getRelationSet():
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for index in range(relation.getNTargets()):
                target = relation.getTarget(index)
                if target is not None and target.name:
                    found.append(target.name)
    return found


def spoken(obj: Any) -> dict[str, Any]:
    return {"role": obj.getRoleName(), "name": obj.name, "labels": labels(obj)}


def identity(obj: Any) -> str:
    """The object's own D-Bus path: unique per widget while the app runs."""
    return str(getattr(obj, "path", None) or describe(obj))


def tab_walk(watch: FocusWatch, start: Any) -> dict[str, Any]:
    """Tab from ``start`` until the focus is back on it: the names in order, or the trap."""
    first = identity(start)
    visited = [spoken(start)]
    seen = {first}
    trap = None
    for _ in range(MAX_TABS):
        focused = watch.after(lambda: key("Tab"))
        if focused is None:
            trap = f"the focus stayed after {visited[-1]['role']} '{visited[-1]['name']}'"
            break
        here = identity(focused)
        if here == first:
            break
        if here in seen:
            trap = f"Tab went round without the first field, at {describe(focused)}"
            break
        seen.add(here)
        visited.append(spoken(focused))
    else:
        trap = f"no way back to the first field in {MAX_TABS} presses of Tab"
    return {"visited": visited, "trap": trap}


# -- the two runs ----------------------------------------------------------------------------


def unlock(app: Any, report: dict[str, Any], passphrase: str) -> None:
    gate = wait_for(
        "the unlock page",
        lambda: frame(app, lambda o: o.getRoleName() == "password text"),
    )
    report["pages"]["unlock"] = page(gate)
    focus_window(APP_NAME)
    xdotool("type", "--clearmodifiers", "--delay", "5", "--file", "-", stdin=passphrase)
    key("Return")


def page(window: Any) -> dict[str, Any]:
    count, missing = unnamed_focusables(window)
    return {"focusable": count, "missing": missing}


def open_first_row(watch: FocusWatch) -> None:
    """Tab to the record list, go to its first row and press Enter, as a keyboard user does."""
    for _ in range(20):
        focused = watch.after(lambda: key("Tab"), seconds=1)
        if focused is not None and focused.getRoleName() in ("table", "table cell"):
            break
    else:
        raise CheckFailed("Tab did not reach the record list")
    key("ctrl+Home")
    pump(0.2)
    watch.events.clear()
    key("Return")


def run_clinic(report: dict[str, Any], passphrase: str, first_field: str, mode: str) -> None:
    app = wait_for("the app on the AT-SPI bus", application, seconds=30)
    watch = FocusWatch()
    unlock(app, report, passphrase)
    main = wait_for(
        "the record list", lambda: frame(app, lambda o: o.getRoleName() == "table"), seconds=30
    )
    wait_for("the records", lambda: any(o.getRoleName() == "table cell" for o, _ in walk(main)))
    report["pages"]["list"] = page(main)
    focus_window(APP_NAME)
    if mode == "clinic":
        start = watch.after(lambda: key("ctrl+n"), seconds=10)
    else:
        start = watch.after(lambda: open_first_row(watch), seconds=10)
    if start is None or start.name != first_field:
        start = wait_for(
            f"the form's first field ({first_field})",
            lambda: next(
                (
                    o
                    for o, _ in walk(main)
                    if o.name == first_field and showing(o) and focused_now(o)
                ),
                None,
            ),
        )
    report["pages"]["form"] = page(main)
    report["tab"] = tab_walk(watch, start)
    key("ctrl+s")  # the new draft saved, so the way out asks nothing
    pump(0.5)


def selected(obj: Any) -> bool:
    import pyatspi

    return bool(states(obj).contains(pyatspi.STATE_SELECTED))


def focused_now(obj: Any) -> bool:
    import pyatspi

    return bool(states(obj).contains(pyatspi.STATE_FOCUSED))


def run_staff(report: dict[str, Any], passphrase: str) -> None:
    app = wait_for("the app on the AT-SPI bus", application, seconds=30)
    unlock(app, report, passphrase)
    staff = wait_for(
        "the staff window", lambda: frame(app, lambda o: o.getRoleName() == "table"), seconds=30
    )
    wait_for(
        "the review queue", lambda: any(o.getRoleName() == "table cell" for o, _ in walk(staff))
    )
    report["pages"]["staff"] = page(staff)
    # the other tabs, chosen as a screen reader chooses a tab: through the tab list's selection
    tab_list = wait_for(
        "the staff window's tabs",
        lambda: next(
            (o for o, _ in walk(staff, shown=True) if o.getRoleName() == "page tab list"), None
        ),
    )
    for index in range(1, tab_list.childCount):
        tab = tab_list.getChildAtIndex(index)
        if tab is None or tab.getRoleName() != "page tab":
            continue  # the bar's scroll buttons
        tab_list.querySelection().selectChild(index)
        wait_for(f"the tab {tab.name}", lambda tab=tab: selected(tab))
        pump(0.5)
        report["pages"][f"staff: {tab.name}"] = page(staff)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("clinic", "record", "staff"))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--logs", type=Path, required=True)
    parser.add_argument("--first-field", default="")
    argv = sys.argv[1:] if argv is None else argv
    if "--" not in argv:
        parser.error("give the app's command line after --")
    split = argv.index("--")
    args = parser.parse_args(argv[:split])
    app_argv = argv[split + 1 :]
    passphrase = os.environ.pop("ATSPI_CHECK_PASSPHRASE", "")
    report: dict[str, Any] = {"mode": args.mode, "pages": {}, "error": None}
    try:
        with desktop(app_argv, dict(os.environ), args.logs) as process:
            APP_PROCESS.append(process)
            try:
                if args.mode in ("clinic", "record"):
                    run_clinic(report, passphrase, args.first_field, args.mode)
                else:
                    run_staff(report, passphrase)
                focus_window(APP_NAME)
                key("ctrl+q")
                process.wait(15)
                report["exit_code"] = process.returncode
            except (CheckFailed, subprocess.SubprocessError) as problem:
                report["error"] = f"{type(problem).__name__}: {problem}"
    except RuntimeError as problem:
        report["error"] = str(problem)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
