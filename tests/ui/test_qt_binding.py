"""Guards against known-bad Qt binding releases (run in a child process: the bug aborts)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_signal_emit_does_not_leak_references_to_true():
    # PySide6 6.12.0 dropped a reference to True on each emit; on Python 3.11 the interpreter
    # aborts with "bool_dealloc" once True's count reaches zero (a few thousand emits).
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QObject, Signal

        class Emitter(QObject):
            fired = Signal()

        emitter = Emitter()
        before = sys.getrefcount(True)
        for _ in range(20000):
            emitter.fired.emit()
        print(sys.getrefcount(True) - before)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 100
