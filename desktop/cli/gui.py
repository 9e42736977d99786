"""Opening the window from the command line, with a clear word when it cannot open.

When there is no display, or a system library Qt's X11 plug-in needs is missing, Qt aborts the
whole process (exit 134) with a text that blames a plug-in that is in fact installed ("could
not load the Qt platform plugin "xcb" even though it was found"). Checking first, without
loading Qt, means the user reads what is missing and how to start the app instead.

The check is a best effort for Linux and the BSDs (X11 and Wayland); Windows and macOS always
have their platform plug-in. ``QT_QPA_PLATFORM=offscreen`` (tests, the self-test) needs no
display at all.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop.cli.messages import CLI
from desktop.cli.output import language as chosen_language
from desktop.cli.output import say
from desktop.messages import Lang

EXIT_NO_DISPLAY = 3

#: Libraries Qt 6's xcb plug-in loads that a desktop install may lack, with the Debian/Ubuntu
#: package that brings each (Qt 6.5 and later need libxcb-cursor0, which few systems have).
XCB_LIBRARIES: tuple[tuple[str, str], ...] = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libEGL.so.1", "libegl1"),
    ("libfontconfig.so.1", "libfontconfig1"),
)
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "vnc", "eglfs", "linuxfb"})


@dataclass(frozen=True)
class DisplayProblem:
    """Why no window can open here: a message of ``CLI`` (``no_display`` or a variant)."""

    message: str
    params: Mapping[str, object] = field(default_factory=dict)

    def text(self, lang: Lang) -> str:
        return CLI.text(self.message, lang, **self.params)


def display_problem(environ: dict[str, str] | None = None) -> DisplayProblem | None:
    """Why no window can open here, or None when one can (as far as known)."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if platform in HEADLESS_PLATFORMS:
        return None
    wayland = bool(env.get("WAYLAND_DISPLAY")) and platform in ("", "wayland")
    if wayland:
        return None
    if not env.get("DISPLAY"):
        return DisplayProblem("no_display")
    missing = [package for library, package in XCB_LIBRARIES if not _loadable(library)]
    if missing:
        return DisplayProblem("no_display.libraries", {"packages": " ".join(missing)})
    if not _x11_reachable():
        return DisplayProblem("no_display.unreachable", {"display": repr(env.get("DISPLAY", ""))})
    return None


def _loadable(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def _x11_reachable() -> bool:
    """Connect to the X server the way Qt will (libxcb), and disconnect at once."""
    name = ctypes.util.find_library("xcb") or "libxcb.so.1"
    try:
        xcb = ctypes.CDLL(name)
    except OSError:
        return False
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(None, None)
    try:
        return bool(connection) and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection:
            xcb.xcb_disconnect(connection)


def start(profile: str | None, language: str | None) -> int:
    """Open the app's window; one clear line and exit 3 when this machine cannot show one."""
    problem = display_problem()
    if problem is not None:
        say(
            chosen_language(language),
            problem.message,
            error=True,
            tag="no_display",
            **problem.params,
        )
        return EXIT_NO_DISPLAY
    from desktop.storage import freed_memory

    # before Qt loads: a session's freed memory is overwritten, not left for a core dump
    freed_memory.restart_with_wiping_allocator()
    from desktop.ui.app import run

    return int(run(profile=profile, language=language))
