"""Issue 13 point 6 in the CLI: the rule said before a new passphrase is typed on a terminal,
and a guessable one refused with zxcvbn's advice in the profile's language."""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time

from tests.helpers.cli import ROOT
from tests.helpers.cli import run_cli as run

PASS = "riktig hest batteri stift"


def test_a_guessable_passphrase_is_refused_with_advice(isolated_environment):
    result = run("init", "--key-file", env={"SJELDEN_PASSPHRASE": "passord12345"})
    assert result.returncode == 1
    assert "For lett å gjette (styrke 1 av 4, minst 3 kreves)" in result.stderr
    assert "ligner på et mye brukt passord" in result.stderr
    assert "passord12345" not in result.stderr and "Traceback" not in result.stderr
    english = run("init", "--key-file", "--language", "en", stdin="aaaaaaaaaaaa\n")
    assert 'Repeats like "aaa" are easy to guess.' in english.stderr


def test_change_and_recover_refuse_a_guessable_new_passphrase(isolated_environment):
    made = run("init", "--key-file", env={"SJELDEN_PASSPHRASE": PASS})
    recovery = made.stdout.strip().splitlines()[-1]
    change = run("change-passphrase", stdin=f"{PASS}\nqwertyuiop123\n")
    assert change.returncode == 1
    assert "For lett å gjette" in change.stderr
    recover = run("recover", stdin=f"{recovery}\n123456789012\n")
    assert recover.returncode == 1 and "For lett å gjette" in recover.stderr
    assert run("unlock-check", stdin=PASS + "\n").returncode == 0  # nothing changed


def _on_a_terminal(args: list[str], lines: list[str], env: dict[str, str]) -> str:
    """Everything the command writes to a real pseudo-terminal while ``lines`` are typed."""
    pid, master = pty.fork()
    if pid == 0:  # the child: the terminal is its controlling terminal, as for a user
        os.chdir(ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "desktop", *args], env)
    output = b""
    answered = 0  # how much output there was when the last line was typed
    deadline = time.monotonic() + 60
    pending = list(lines)
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
            # a new prompt ("...: ") since the last answer, not the newline echoed after it
            if pending and len(output) > answered and output.endswith(b": "):
                os.write(master, pending.pop(0).encode() + b"\n")
                answered = len(output)
    else:
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(master)
    return output.decode("utf-8", "replace")


def test_the_rule_is_said_before_a_new_passphrase_is_typed(isolated_environment):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("SJELDEN_PASSPHRASE", None)
    shown = _on_a_terminal(["init", "--key-file"], [PASS, PASS], env)
    assert "Passordfrasen må ha minst 12 tegn og være vanskelig å gjette" in shown
    assert "Gjenopprettingsnøkkel" in shown
    assert PASS not in shown  # typed without echo
