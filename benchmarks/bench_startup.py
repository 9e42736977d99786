"""Start-up of what ships: ``sjelden --version``, and cold start to the first window.

Run (after ``bash scripts/start.sh`` has installed ``.venv``; ``--bundle`` after
``python3 scripts/build_bundle.py``):

    .venv-test/bin/python benchmarks/bench_startup.py [--app .venv/bin/sjelden]
        [--bundle dist/sjelden/sjelden] [--rounds 10]

- ``--version``: the installed command against a bare ``python -c pass`` of the same
  interpreter (the baseline), median and p99 over the rounds.
- First window: a real X server (Xvfb, started here when there is no DISPLAY), the time from
  spawning the process until its top-level window is mapped (``xdotool search
  --onlyvisible`` polled every 10 ms), for the installed app on a fresh profile directory
  (it shows the set-up page), the bundle, and the baseline: an empty ``QMainWindow`` from
  the same Python and Qt. All three are measured the same way, so the ratios are fair.
- Sizes: the wheels (built here), the installed virtualenv, the bundle folder.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figures import pct

ROOT = Path(__file__).resolve().parent.parent
EMPTY_WINDOW = (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv)\n"
    "w = QMainWindow(); w.setWindowTitle('Sjeldenregisteret baseline'); w.resize(800, 600)\n"
    "w.show(); app.exec()\n"
)


def _median(values: list[float]) -> float:
    return pct(values, 0.5)


def _time_command(command: list[str], rounds: int, env: dict[str, str]) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return times


def _first_window(command: list[str], title: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = start + 60
        while time.perf_counter() < deadline:
            found = subprocess.run(
                ["xdotool", "search", "--onlyvisible", "--name", title],
                capture_output=True,
                env=env,
                check=False,
            )
            if found.returncode == 0 and found.stdout.strip():
                return time.perf_counter() - start
            if process.poll() is not None:
                raise RuntimeError(f"{command[0]} exited before showing a window")
            time.sleep(0.01)
        raise RuntimeError(f"no window from {command[0]} within 60 s")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _windows(
    label: str, command: list[str], title: str, rounds: int, env: dict[str, str]
) -> list[float]:
    times = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as home:
            times.append(_first_window(command, title, {**env, "SJELDEN_HOME": home}))
    median, p99 = _median(times) * 1000, pct(times, 0.99) * 1000
    print(f"  {label:<34} median {median:7.0f} ms   p99 {p99:7.0f} ms")
    return times


def _size_mib(path: Path) -> float:
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app", type=Path, default=ROOT / ".venv" / "bin" / "sjelden")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "sjelden" / "sjelden")
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    if not args.app.exists():
        print(f"{args.app} is missing: run bash scripts/start.sh first", file=sys.stderr)
        return 2
    python = args.app.with_name("python")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SJELDEN_", "QT_QPA"))}

    print(f"== sjelden --version ({args.rounds} rounds)")
    bare = _time_command([str(python), "-c", "pass"], args.rounds, env)
    version = _time_command([str(args.app), "--version"], args.rounds, env)
    print(f"  bare python -c pass        median {_median(bare) * 1000:7.1f} ms")
    print(
        f"  sjelden --version          median {_median(version) * 1000:7.1f} ms   "
        f"p99 {pct(version, 0.99) * 1000:7.1f} ms   ratio {_median(version) / _median(bare):.2f}x"
    )

    xvfb = None
    if not env.get("DISPLAY"):
        display = ":97"
        xvfb = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        env["DISPLAY"] = display
        time.sleep(1.0)
    try:
        print(f"== cold start to the first window ({args.rounds} rounds)")
        base = _windows(
            "empty QMainWindow (baseline)",
            [str(python), "-c", EMPTY_WINDOW],
            "Sjeldenregisteret baseline",
            args.rounds,
            env,
        )
        app = _windows("installed app", [str(args.app)], "Sjeldenregisteret", args.rounds, env)
        print(f"  ratio installed / baseline: {_median(app) / _median(base):.2f}x")
        if args.bundle.exists():
            bundle = _windows(
                "frozen bundle", [str(args.bundle)], "Sjeldenregisteret", args.rounds, env
            )
            print(f"  ratio bundle / baseline:    {_median(bundle) / _median(base):.2f}x")
        else:
            print(f"  (no bundle at {args.bundle}: python3 scripts/build_bundle.py)")
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()

    print("== sizes")
    with tempfile.TemporaryDirectory() as out:
        for dist in ("protocol", "inbox", "."):
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "build",
                    "--wheel",
                    "--no-isolation",
                    "--outdir",
                    out,
                    str(ROOT / dist),
                ],
                check=True,
                capture_output=True,
            )
        for wheel in sorted(Path(out).glob("*.whl")):
            print(f"  {wheel.name:<44} {wheel.stat().st_size / 1024:8.0f} KiB")
    venv_dir = args.app.parent.parent
    print(f"  installed app ({venv_dir.name})        {_size_mib(venv_dir):8.0f} MiB")
    if args.bundle.exists():
        print(f"  bundle folder                   {_size_mib(args.bundle.parent):8.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
