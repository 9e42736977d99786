"""Sync commands: ``enroll``, ``register-key add``, ``sync``, ``sync-status``,
``export-batch``, ``import-receipt`` and ``demo`` (a one-command tour on one PC).

Passphrases come from ``SJELDEN_PASSPHRASE`` or standard input, as for the profile
commands (their helpers are reused). Messages are printed in the profile's language; the
fingerprints printed by ``enroll`` are read out to the register by phone. The sync modules
(requests, cryptography) are imported by the commands that use them, not whenever the
``sjelden`` parser is built.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.help_texts import h
from desktop.cli.messages import CLI
from desktop.cli.output import current, failed, say
from desktop.cli.profile import _guarded, _profile, _Secrets
from desktop.messages import Lang
from desktop.net.errors import SyncError, message_for
from desktop.states import state_word

if TYPE_CHECKING:
    from desktop.storage.store import Store
    from desktop.sync import identity, status
    from desktop.sync.demo_register import DemoRegister

DEMO_PASSPHRASE = "demo sjelden register 2025"  # noqa: S105 - printed for the demo


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = subparsers.add_parser(
        "enroll",
        help=h("sync.enroll"),
    )
    p.add_argument("--server", required=True, help=h("sync.enroll.server"))
    p.add_argument("--code", required=True, help=h("sync.enroll.code"))
    p.add_argument(
        "--root-key",
        required=True,
        metavar="FILE",
        help=h("sync.enroll.root_key"),
    )
    p.add_argument(
        "--root-fingerprint",
        required=True,
        help=h("sync.enroll.root_fingerprint"),
    )
    p.add_argument(
        "--manifest",
        type=Path,
        metavar="FILE",
        help=h("sync.enroll.manifest"),
    )
    p.add_argument(
        "--register-key",
        action="append",
        default=[],
        metavar="FILE",
        help=h("sync.enroll.register_key"),
    )
    p.add_argument(
        "--staff-key",
        action="append",
        default=[],
        metavar="FILE",
        help=h("sync.enroll.staff_key"),
    )
    p.add_argument("--label", default=socket.gethostname(), help=h("sync.enroll.label"))
    p.add_argument("--server-fingerprint", help=h("sync.enroll.server_fingerprint"))
    p.add_argument("--ca-bundle", help=h("sync.enroll.ca_bundle"))
    p.add_argument("--proxy", help=h("sync.enroll.proxy"))
    p.set_defaults(func=cmd_enroll)

    rk = subparsers.add_parser(
        "register-key",
        help=h("sync.register_key"),
    )
    rk_commands = rk.add_subparsers(dest="register_key_command", metavar="ACTION", required=True)
    rk_add = rk_commands.add_parser("add", help=h("sync.register_key.add"))
    rk_add.add_argument("file", type=Path)
    rk_add.add_argument("--fingerprint")
    rk_add.add_argument("--replace", action="store_true")
    rk_add.set_defaults(func=cmd_register_key_add)

    m = subparsers.add_parser("manifest", help=h("sync.manifest"))
    m_commands = m.add_subparsers(dest="manifest_command", metavar="ACTION", required=True)
    m_import = m_commands.add_parser("import", help=h("sync.manifest.import"))
    m_import.add_argument("file", type=Path, help=h("sync.manifest.import.file"))
    m_import.set_defaults(func=cmd_manifest_import)

    s = subparsers.add_parser("sync", help=h("sync.sync"))
    s.set_defaults(func=cmd_sync)

    st = subparsers.add_parser("sync-status", help=h("sync.sync_status"))
    st.set_defaults(func=cmd_status)

    e = subparsers.add_parser(
        "export-batch",
        help=h("sync.export_batch"),
    )
    e.add_argument("out", type=Path, help=h("sync.export_batch.out"))
    e.set_defaults(func=cmd_export)

    i = subparsers.add_parser("import-receipt", help=h("sync.import_receipt"))
    i.add_argument("file", type=Path, help=h("sync.import_receipt.file"))
    i.set_defaults(func=cmd_import)

    d = subparsers.add_parser(
        "demo",
        help=h("sync.demo"),
    )
    d.add_argument("--records", type=int, default=25, help=h("sync.demo.records"))
    d.add_argument("--no-gui", action="store_true", help=h("sync.demo.no_gui"))
    d.add_argument("--once", action="store_true", help=h("sync.demo.once"))
    d.set_defaults(func=cmd_demo)


# -- helpers ------------------------------------------------------------------------------------


def _run(args: argparse.Namespace, action: Callable[[Store, Lang], int]) -> int:
    """Unlock the profile and run ``action``; store and sync errors become messages."""
    profile = _profile(args)
    lang = current()
    passphrase = _Secrets().read("SJELDEN_PASSPHRASE", CLI.text("prompt.passphrase", current()))

    def unlocked() -> int:
        with profile.unlock(passphrase) as store:
            return action(store, lang)

    try:
        return _guarded(lang, unlocked)
    except SyncError as error:
        return failed(error, lang)


def _print_fingerprints(prints: identity.Fingerprints, lang: Lang) -> None:
    say(lang, "enroll.read_fingerprints")
    say(
        lang,
        "enroll.installation",
        fingerprint=prints.installation,
        key_id=prints.installation_key_id,
    )
    for code, values in (
        ("enroll.server", prints.server),
        ("enroll.register", prints.register),
        ("enroll.staff", prints.staff),
        ("enroll.root", prints.root),
    ):
        for value in values:
            say(lang, code, fingerprint=value)


# -- commands -----------------------------------------------------------------------------------


def cmd_enroll(args: argparse.Namespace) -> int:
    from desktop.sync import enroll, manifest
    from desktop.sync.keyfiles import (
        KeyFileError,
        load_register_key,
        load_root_key,
        load_staff_key,
    )

    try:
        root_key = load_root_key(Path(args.root_key))
        register_keys = [load_register_key(Path(f)) for f in args.register_key]
        staff_keys = [load_staff_key(Path(f)) for f in args.staff_key]
        document = None if args.manifest is None else manifest.read_file(args.manifest)
    except (KeyFileError, SyncError) as exc:
        print(exc.user_message(current()), file=sys.stderr)
        return 2

    def action(store: Store, lang: Lang) -> int:
        result = enroll.enroll(
            store,
            server_url=args.server,
            code=args.code,
            label=args.label,
            register_keys=register_keys,
            staff_keys=staff_keys,
            server_fingerprint=args.server_fingerprint,
            root_key=root_key,
            root_fingerprint=args.root_fingerprint,
            manifest_document=document,
            ca_bundle=args.ca_bundle,
            proxy=args.proxy,
        )
        _print_fingerprints(result.fingerprints, lang)
        if result.status == "approved":
            say(lang, "enroll.approved")
        else:
            print(message_for("installation_pending", lang))
        return 0

    return _run(args, action)


def cmd_register_key_add(args: argparse.Namespace) -> int:
    """Kept so an old habit meets a clear refusal: a key file installed by hand was how a
    compromised inbox got records re-sealed to its own key."""
    print(message_for("register_key_unsigned", current()), file=sys.stderr)
    print("(register_key_unsigned)", file=sys.stderr)
    return 2


def cmd_manifest_import(args: argparse.Namespace) -> int:
    from desktop.sync import manifest

    def action(store: Store, lang: Lang) -> int:
        change = manifest.import_file(store, args.file)
        say(
            lang,
            "manifest.accepted" if change.changed else "manifest.unchanged",
            sequence=change.sequence,
        )
        if change.root_rotated:
            say(lang, "manifest.root_rotated")
        return 0

    return _run(args, action)


def cmd_sync(args: argparse.Namespace) -> int:
    from desktop.sync import service

    def action(store: Store, lang: Lang) -> int:
        report = service.run_sync(store)
        say(
            lang,
            "sync.report",
            records=report.uploaded.delivered_records,
            batches=report.uploaded.delivered_batches,
            accepted=report.feedback.accepted,
            rejected=report.feedback.rejected,
            set_aside=report.packed.quarantined + report.uploaded.set_aside,
        )
        if report.stale.resealed:
            say(lang, "sync.resealed", resealed=report.stale.resealed)
        if report.feedback.purged:
            say(lang, "sync.purged", purged=report.feedback.purged)
        if report.feedback.purged_revisions:
            say(lang, "sync.purged_revisions", revisions=report.feedback.purged_revisions)
        return 0

    return _run(args, action)


def print_status(state: status.SyncStatus, lang: Lang) -> None:
    say(lang, "status.server")
    print(f"  {state.server_url or '-'}")
    say(lang, "status.last_sync", at=state.last_success_at or CLI.text("status.never", lang))
    counts = ", ".join(f"{state_word(k, lang)}: {v}" for k, v in state.counts.items())
    print(counts)
    error = state.last_error(lang)
    if error:
        say(lang, "status.last_error", message=error)


def cmd_status(args: argparse.Namespace) -> int:
    from desktop.sync import status

    def action(store: Store, lang: Lang) -> int:
        print_status(store.call(status.read), lang)
        return 0

    return _run(args, action)


def cmd_export(args: argparse.Namespace) -> int:
    from desktop.sync import transport_file

    def action(store: Store, lang: Lang) -> int:
        result = transport_file.export_batches(store, args.out)
        for path in result.files:
            print(path)
        say(lang, "export.done", files=len(result.files))
        if result.not_sealed:
            say(lang, "export.not_sealed", records=result.not_sealed)
        return 0

    return _run(args, action)


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.sync import transport_file

    # The file's faults (missing, a folder, unreadable, not JSON, too deep, a lone
    # surrogate) are SyncErrors of transport_file.import_file, the same the window shows.
    def action(store: Store, lang: Lang) -> int:
        result = transport_file.import_file(store, args.file)
        say(
            lang,
            "import.done",
            receipts=result.receipts,
            feedback=result.feedback_documents,
            accepted=result.accepted,
            rejected=result.rejected,
        )
        if result.purged:
            say(lang, "sync.purged", purged=result.purged)
        if result.purged_revisions:
            say(lang, "sync.purged_revisions", revisions=result.purged_revisions)
        return 0

    return _run(args, action)


# -- demo ---------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_inbox(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    log = (data_dir / "inbox.log").open("ab")
    try:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "sjelden_inbox",
                "serve",
                "--data-dir",
                str(data_dir),
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--log-level",
                "warning",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    finally:
        log.close()
    import requests

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the demo inbox stopped; see " + str(data_dir / "inbox.log"))
        with contextlib.suppress(requests.RequestException), requests.Session() as session:
            if session.get(f"http://127.0.0.1:{port}/v1/health", timeout=1).ok:
                return process
        time.sleep(0.1)
    process.kill()
    process.wait()
    raise RuntimeError("the demo inbox did not start within a minute")


def _inbox_admin(data_dir: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "sjelden_inbox", *args, "--data-dir", str(data_dir)],
        capture_output=True,
        check=True,
        text=True,
    )
    return done.stdout


def cmd_demo(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
    from sjelden_protocol.keys import save_public_key

    from desktop.forms.demo import demo_records
    from desktop.net.http import Transport
    from desktop.storage import records as stored
    from desktop.storage.profile import Profile
    from desktop.storage.records import RecordStatus
    from desktop.sync import enroll, identity, service, status
    from desktop.sync.demo_register import DemoRegister

    root = Path(tempfile.mkdtemp(prefix="sjelden-demo-"))
    inbox_dir, home = root / "inbox", root / "home"
    inbox_dir.mkdir()
    os.environ["SJELDEN_HOME"] = str(home)  # the demo never touches real profiles
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    say(current(), "demo.folder", directory=root)
    process: subprocess.Popen[bytes] | None = None
    try:
        staff_key, register_key = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
        save_public_key(staff_key.public_key(), root / "staff.pub")
        _inbox_admin(inbox_dir, "staff", "add", str(root / "staff.pub"), "--label", "demo staff")
        process = _start_inbox(inbox_dir, port)
        say(current(), "demo.inbox", url=url)
        demo = DemoRegister(staff_key, register_key)
        profile = Profile.named("demo")
        store = profile.create(DEMO_PASSPHRASE, key_storage="file").store
        try:
            with Transport(url) as transport:
                code = demo.create_code(transport)
                result = enroll.enroll(
                    store,
                    server_url=url,
                    code=code,
                    label="Demo PC",
                    register_keys=[register_key.public_key()],
                    staff_keys=[staff_key.public_key()],
                )
                signing = store.call(identity.installation_key)
                assert signing is not None
                demo.approve(transport, signing.public_key())
            _print_fingerprints(result.fingerprints, "en")
            records = list(demo_records(args.records))
            items: list[tuple[str, Any, RecordStatus]] = [
                (r["record_id"], r, RecordStatus.COMPLETED if n % 4 else RecordStatus.DRAFT)
                for n, r in enumerate(records)
            ]
            store.call(
                lambda c: stored.import_many(
                    c, items, form_id="sjeldenregisteret", form_version=1, author=store.actor
                ),
                "import records",
            )
            say(current(), "demo.profile", records=len(records))
            say(current(), "demo.passphrase", passphrase=DEMO_PASSPHRASE)
            if args.once:
                service.run_sync(store)
                with Transport(url) as transport:
                    demo.decide_all(transport)
                service.run_sync(store)
                print_status(store.call(status.read), "en")
                return 0
        finally:
            store.close()
        stop = threading.Event()
        referee = threading.Thread(
            target=_play_register, args=(demo, url, stop), daemon=True, name="demo-register"
        )
        referee.start()
        try:
            return _demo_front(args)
        finally:
            stop.set()
            referee.join(timeout=10)
    except SyncError as error:
        return failed(error, "en")
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(root, ignore_errors=True)


def _play_register(demo: DemoRegister, url: str, stop: threading.Event) -> None:
    """The demo's register decides on whatever arrives, every few seconds."""
    from desktop.net.http import Transport

    with Transport(url, cancel=stop) as transport:
        while not stop.wait(5):
            with contextlib.suppress(SyncError):
                demo.decide_all(transport)


def _demo_front(args: argparse.Namespace) -> int:
    if not args.no_gui:
        from desktop.cli import gui

        if gui.display_problem() is None:
            say(current(), "demo.starting")
            return gui.start("demo", args.language)
        say(current(), "demo.headless")
    command = (
        f"SJELDEN_HOME={os.environ['SJELDEN_HOME']} SJELDEN_PASSPHRASE='{DEMO_PASSPHRASE}' "
        "sjelden --profile demo sync"
    )
    say(current(), "demo.keeps_running", command=command)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        say(current(), "demo.stopped")
        return 0
