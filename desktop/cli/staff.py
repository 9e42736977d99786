"""Registry-staff commands: ``sjelden staff init | pull | import | queue | decide | ...``.

A staff profile is separate from clinician profiles (``--profile`` defaults to ``staff``
here). Passphrases come from ``SJELDEN_PASSPHRASE`` or standard input, as for every other
command; a national id for ``staff reserve`` only ever from standard input (or a no-echo
prompt), never from the command line or the environment, which would keep it in the shell
history and the process list. Nothing printed holds a field value: record ids, key ids,
fingerprints, finding and issue codes, changed field paths.

The staff modules (cryptography, requests, the validator) are imported by the commands, not
when the ``sjelden`` parser is built.
"""

from __future__ import annotations

import argparse
import functools
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sjelden_protocol.enrollment import display_label

from desktop.cli import staff_audit, staff_keys, staff_letters, staff_members
from desktop.cli.help_texts import h
from desktop.cli.messages import CLI
from desktop.cli.output import current, say
from desktop.cli.profile import _guarded, _Secrets
from desktop.cli.staff_run import coded_errors, run_as_member, staff_profile
from desktop.messages import Lang, normalize

if TYPE_CHECKING:
    from sjelden_protocol.manifest import Manifest

    from desktop.staff.session import StaffSession


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    staff = subparsers.add_parser(
        "staff",
        help=h("staff.staff"),
        description=h("staff.staff.about"),
    )
    sub = staff.add_subparsers(dest="staff_command", metavar="STAFF_COMMAND")
    staff.set_defaults(func=lambda args: _help(staff))

    init = sub.add_parser("init", help=h("staff.init"))
    init.add_argument("--out", type=Path, default=Path("."), help=h("staff.init.out"))
    init.add_argument("--key-file", action="store_true", help=h("staff.init.key_file"))
    init.add_argument(
        "--language", choices=("nb", "en"), default=None, help=h("profile.init.language")
    )
    _transport_options(init)
    init.set_defaults(func=cmd_init)

    conf = sub.add_parser("configure", help=h("staff.configure"))
    _transport_options(conf)
    conf.set_defaults(func=cmd_configure)

    keys = sub.add_parser("keys", help=h("staff.keys"))
    keys.add_argument("--out", type=Path, help=h("staff.keys.out"))
    keys.set_defaults(func=cmd_keys)

    rotate = sub.add_parser("rotate-register-key", help=h("staff.rotate_register_key"))
    rotate.add_argument("--out", type=Path, required=True, help=h("staff.rotate_register_key.out"))
    rotate.set_defaults(func=cmd_rotate)

    _manifest_parsers(sub)

    code = sub.add_parser("enroll-code", help=h("staff.enroll_code"))
    code.set_defaults(func=cmd_enroll_code)

    inst = sub.add_parser("installations", help=h("staff.installations"))
    inst.set_defaults(func=cmd_installations)

    for name in ("approve", "pin"):
        p = sub.add_parser(name, help=h(f"staff.{name}"))
        p.add_argument("key_id", metavar="KEY_ID", help=h("staff.approve.key_id"))
        p.add_argument("--fingerprint", required=True, help=h("staff.approve.fingerprint"))
        p.set_defaults(func=cmd_approve if name == "approve" else cmd_pin)

    revoke = sub.add_parser("revoke", help=h("staff.revoke"))
    revoke.add_argument("key_id", metavar="KEY_ID", help=h("staff.approve.key_id"))
    revoke.add_argument("--here-only", action="store_true", help=h("staff.revoke.here_only"))
    revoke.set_defaults(func=cmd_revoke_installation)

    pull = sub.add_parser("pull", help=h("staff.pull"))
    pull.set_defaults(func=cmd_pull)

    quar = sub.add_parser("quarantine", help=h("staff.quarantine"))
    quar_sub = quar.add_subparsers(dest="quarantine_command", metavar="ACTION", required=True)
    quar_sub.add_parser("list", help=h("staff.quarantine.list")).set_defaults(
        func=cmd_quarantine_list
    )
    retry = quar_sub.add_parser("retry", help=h("staff.quarantine.retry"))
    retry.add_argument("ids", nargs="*", metavar="QUARANTINE_ID", help=h("staff.quarantine.ids"))
    retry.add_argument("--all", action="store_true", help=h("staff.quarantine.retry.all"))
    retry.set_defaults(func=cmd_quarantine_retry)
    discard = quar_sub.add_parser("discard", help=h("staff.quarantine.discard"))
    discard.add_argument("ids", nargs="+", metavar="QUARANTINE_ID", help=h("staff.quarantine.ids"))
    discard.set_defaults(func=cmd_quarantine_discard)

    imp = sub.add_parser("import", help=h("staff.import"))
    imp.add_argument("files", nargs="+", type=Path, metavar="FILE", help=h("staff.import.files"))
    imp.set_defaults(func=cmd_import)

    queue = sub.add_parser("queue", help=h("staff.queue"))
    queue.add_argument("--limit", type=int, default=None, help=h("staff.queue.limit"))
    queue.set_defaults(func=cmd_queue)

    diff = sub.add_parser("diff", help=h("staff.diff"))
    diff.add_argument("record_id", metavar="RECORD_ID", help=h("staff.record_id"))
    diff.add_argument("--revision", type=int, help=h("staff.decide.revision"))
    diff.set_defaults(func=cmd_diff)

    decide = sub.add_parser("decide", help=h("staff.decide"))
    decide.add_argument("record_id", metavar="RECORD_ID", help=h("staff.record_id"))
    decide.add_argument(
        "decision", choices=("accept", "reject", "duplicate"), help=h("staff.decide.decision")
    )
    decide.add_argument("--revision", type=int, help=h("staff.decide.revision"))
    decide.add_argument("--reason", help=h("staff.decide.reason"))
    decide.add_argument("--text", help=h("staff.decide.text"))
    decide.set_defaults(func=cmd_decide)

    clean = sub.add_parser("accept-clean", help=h("staff.accept_clean"))
    clean.set_defaults(func=cmd_accept_clean)

    send = sub.add_parser("send-feedback", help=h("staff.send_feedback"))
    send.add_argument("--out", type=Path, help=h("staff.send_feedback.out"))
    send.set_defaults(func=cmd_send_feedback)

    reserve = sub.add_parser("reserve", help=h("staff.reserve"))
    reserve.set_defaults(func=cmd_reserve)

    status = sub.add_parser("status", help=h("staff.status"))
    status.set_defaults(func=cmd_status)

    staff_letters.add_commands(sub)
    staff_audit.add_commands(sub)
    staff_members.add_commands(sub)
    staff_keys.add_commands(sub)

    export = sub.add_parser("export", help=h("staff.export"))
    export.set_defaults(func=lambda args: _help(export))
    formats = export.add_subparsers(dest="format", metavar="FORMAT")
    for fmt in ("csv", "fhir", "phenopacket", "research", "aggregate"):
        p = formats.add_parser(fmt, help=h(f"staff.export.{fmt}"))
        p.add_argument(
            "--out",
            required=True,
            type=Path,
            help=h("staff.export.out_folder" if fmt == "phenopacket" else "staff.export.out_file"),
        )
        p.add_argument("--reason", help=h("staff.export.reason"))
        p.set_defaults(func=cmd_export)
        if fmt == "research":
            p.add_argument("--k", type=int, help=h("staff.export.research.k"))
            p.add_argument(
                "--columns",
                help=h("staff.export.research.columns"),
            )
            p.add_argument(
                "--max-suppression",
                type=float,
                metavar="PERCENT",
                help=h("staff.export.research.max_suppression"),
            )


def _manifest_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    man = sub.add_parser("manifest", help=h("staff.manifest"))
    actions = man.add_subparsers(dest="manifest_command", metavar="ACTION", required=True)
    root = actions.add_parser("root", help=h("staff.manifest.root"))
    root.add_argument("--out", type=Path, help=h("staff.manifest.root.out"))
    root.set_defaults(func=cmd_manifest_root)
    actions.add_parser("show", help=h("staff.manifest.show")).set_defaults(func=cmd_manifest_show)
    add = actions.add_parser("add-key", help=h("staff.manifest.add_key"))
    add.add_argument(
        "--role",
        choices=("staff", "receipt", "tls"),
        required=True,
        help=h("staff.manifest.add_key.role"),
    )
    source = add.add_mutually_exclusive_group(required=True)
    source.add_argument("--file", type=Path, help=h("staff.manifest.add_key.file"))
    source.add_argument(
        "--from-inbox", action="store_true", help=h("staff.manifest.add_key.from_inbox")
    )
    source.add_argument("--cert", type=Path, help=h("staff.manifest.add_key.cert"))
    add.add_argument("--fingerprint", help=h("staff.manifest.add_key.fingerprint"))
    add.add_argument("--valid-until", help=h("staff.manifest.add_key.valid_until"))
    add.set_defaults(func=cmd_manifest_add_key)
    commands = {
        "sign": cmd_manifest_sign,
        "revoke": cmd_manifest_revoke,
        "rotate-root": cmd_manifest_rotate_root,
    }
    for name in commands:
        p = actions.add_parser(name, help=h(f"staff.manifest.{name.replace('-', '_')}"))
        if name == "revoke":
            p.add_argument("key_id", metavar="KEY_ID", help=h("staff.manifest.revoke.key_id"))
        if name == "rotate-root":
            p.add_argument("--letter", type=Path, help=h("staff.manifest.rotate_root.letter"))
        p.add_argument("--out", type=Path, help=h("staff.manifest.out"))
        p.add_argument("--publish", action="store_true", help=h("staff.manifest.publish"))
        p.set_defaults(func=commands[name])


def _transport_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--inbox", help=h("staff.transport.inbox"))
    parser.add_argument("--ca-bundle", help=h("staff.transport.ca_bundle"))
    parser.add_argument("--proxy", help=h("staff.transport.proxy"))
    parser.add_argument("--register-db", help=h("staff.transport.register_db"))


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help()
    return 2


# -- plumbing ------------------------------------------------------------------------------------


def _print_keys(opened: StaffSession) -> None:
    from desktop.staff import keys

    for info in opened.store.call(keys.public_keys):
        newest = info.key_id == opened.keys.newest_register_key_id
        say(
            current(),
            "staff.key_newest" if newest else "staff.key",
            role=f"{info.role:<9}",
            key_id=info.key_id,
            fingerprint=info.fingerprint,
        )


# -- commands ------------------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from desktop.staff import keys, session
    from desktop.staff import manifest as staff_manifest

    profile = staff_profile(args)
    lang: Lang = normalize(args.language) if args.language else current()
    passphrase = _Secrets().new_passphrase()
    if passphrase is None:
        return 1

    def action() -> int:
        opened, recovery = session.create(
            profile,
            passphrase,
            key_storage="file" if args.key_file else "keyring",
            language=lang,
            inbox_url=args.inbox,
            ca_bundle=args.ca_bundle,
            proxy=args.proxy,
            register_db=args.register_db or None,
        )
        with opened:
            register_pub, staff_pub = keys.write_public_files(opened.keys, args.out)
            say(lang, "staff.init.done", directory=profile.directory)
            _print_keys(opened)
            print(f"  {register_pub}\n  {staff_pub}")
            if opened.keys.root_key is not None:
                root_pub = keys.write_root_file(opened.keys.root_key, args.out)
                kid, printed = staff_manifest.root_fingerprint(opened.keys.root_key)
                say(lang, "staff.manifest.root", key_id=kid, fingerprint=printed)
                print(f"  {root_pub}")
            say(lang, "staff.init.send_keys")
            say(lang, "staff.init.recovery_key")
            print(recovery)
        return 0

    return _guarded(lang, action, coded_errors())


def cmd_configure(args: argparse.Namespace) -> int:
    from desktop.staff import session

    def action(opened: StaffSession, lang: Lang) -> int:
        session.configure(
            opened.store,
            inbox_url=args.inbox,
            ca_bundle=args.ca_bundle,
            proxy=args.proxy,
            register_db=args.register_db,
        )
        say(lang, "staff.saved")
        return 0

    return run_as_member(args, action, needs="view")  # this PC's own settings: every member's


def cmd_keys(args: argparse.Namespace) -> int:
    from desktop.staff import keys

    def action(opened: StaffSession, lang: Lang) -> int:
        _print_keys(opened)
        if args.out:
            for path in keys.write_public_files(opened.keys, args.out):
                print(f"  {path}")
        return 0

    return run_as_member(args, action, needs="view")


def cmd_rotate(args: argparse.Namespace) -> int:
    from desktop.staff import keys

    def action(opened: StaffSession, lang: Lang) -> int:
        actor = opened.staff_key_id
        new_id = opened.store.call(lambda c: keys.rotate_register_key(c, actor=actor))
        opened.refresh_keys()  # sealed to every member in the register (members.unlock)
        register_pub, _ = keys.write_public_files(opened.keys, args.out)
        say(lang, "staff.rotated", key_id=new_id, path=register_pub)
        return 0

    return run_as_member(args, action, needs="keys")


def cmd_manifest_root(args: argparse.Namespace) -> int:
    from desktop.staff import keys
    from desktop.staff import manifest as staff_manifest

    def action(opened: StaffSession, lang: Lang) -> int:
        root = staff_manifest.session_root(opened)
        kid, printed = staff_manifest.root_fingerprint(root)
        say(lang, "staff.manifest.root", key_id=kid, fingerprint=printed)
        if args.out:
            print(f"  {keys.write_root_file(root, args.out)}")
        return 0

    return run_as_member(args, action, needs="keys")


def cmd_manifest_show(args: argparse.Namespace) -> int:
    from desktop.staff import manifest as staff_manifest

    def action(opened: StaffSession, lang: Lang) -> int:
        for item in staff_manifest.session_listed(opened):
            entry = item.entry
            until = "" if entry.valid_until is None else f"  until {entry.to_json()['valid_until']}"
            revoked = (
                "" if entry.revoked_at is None else f"  REVOKED {entry.to_json()['revoked_at']}"
            )
            print(
                f"  {entry.role:<9} key id {entry.key_id}  fingerprint {item.fingerprint}  "
                f"from {entry.to_json()['valid_from']}{until}{revoked}"
            )
        newest = staff_manifest.session_latest(opened)
        say(lang, "staff.manifest.newest", sequence=0 if newest is None else newest.sequence)
        return 0

    return run_as_member(args, action, needs="view")


def cmd_manifest_add_key(args: argparse.Namespace) -> int:
    from sjelden_protocol.keys import same_fingerprint

    from desktop.staff import manifest as staff_manifest
    from desktop.staff.errors import StaffError

    def action(opened: StaffSession, lang: Lang) -> int:
        if args.cert is not None:
            raw = staff_manifest.tls_pin(_read_input(args.cert))
        else:
            raw = _inbox_receipt_key(opened) if args.from_inbox else _public_key_file(args.file)
            if not args.fingerprint:
                raise StaffError("fingerprint_required")
            from sjelden_protocol.keys import fingerprint

            if not same_fingerprint(args.fingerprint, fingerprint(raw)):
                raise StaffError("fingerprint_mismatch", "manifest key")
        valid_until = _time_option(args.valid_until)
        entry = staff_manifest.session_add_key(opened, args.role, raw, valid_until=valid_until)
        say(lang, "staff.manifest.key_added", role=entry.role, key_id=entry.key_id)
        return 0

    return run_as_member(args, action, needs="keys")


def _read_input(path: Path) -> bytes:
    from desktop.staff.errors import StaffError

    try:
        return path.read_bytes()
    except OSError as exc:
        raise StaffError("manifest_key_invalid", type(exc).__name__) from exc


def _public_key_file(path: Path) -> bytes:
    """An Ed25519 public key file (staff and receipt keys are signing keys)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    from sjelden_protocol.errors import ProtocolError
    from sjelden_protocol.keys import load_public_key, raw_public

    from desktop.staff.errors import StaffError

    try:
        key = load_public_key(path)
    except (OSError, ValueError, ProtocolError) as exc:
        raise StaffError("manifest_key_invalid", type(exc).__name__) from exc
    if not isinstance(key, Ed25519PublicKey):
        raise StaffError("manifest_key_invalid", "not an Ed25519 key")
    return raw_public(key)


def _inbox_receipt_key(opened: StaffSession) -> bytes:
    from sjelden_protocol.errors import ProtocolError
    from sjelden_protocol.keys import b64decode, ed25519_public_from_raw, raw_public

    from desktop.staff.errors import StaffError

    with opened.transport() as transport:
        served = transport.request("GET", "/v1/server-key", ok=(200,)).json()
    try:
        value = served.get("public_key") if isinstance(served, dict) else None
        raw = b64decode(str(value), what="server key", length=32)
        return raw_public(ed25519_public_from_raw(raw))
    except ProtocolError as exc:
        raise StaffError("manifest_key_invalid", exc.code) from exc


def _time_option(text: str | None) -> datetime | None:
    from sjelden_protocol.errors import ProtocolError
    from sjelden_protocol.timefmt import parse_utc

    from desktop.staff.errors import StaffError

    if text is None:
        return None
    try:
        return parse_utc(text, what="--valid-until")
    except ProtocolError as exc:
        raise StaffError("bad_time", text) from exc


def _sign_and_deliver(
    opened: StaffSession, lang: Lang, args: argparse.Namespace, *, rotate: bool = False
) -> int:
    from desktop.staff import keys
    from desktop.staff import manifest as staff_manifest

    if rotate:
        signed = staff_manifest.session_rotate_root(opened)
        root = staff_manifest.session_root(opened)
        kid, printed = staff_manifest.root_fingerprint(root)
        say(lang, "staff.manifest.root", key_id=kid, fingerprint=printed)
        if args.letter:
            print(f"  {keys.write_root_file(root, args.letter)}")
    else:
        signed = staff_manifest.session_sign(opened)
    return deliver_manifest(opened, lang, signed, args.out, publish=args.publish)


def deliver_manifest(
    opened: StaffSession, lang: Lang, signed: Manifest, out: Path | None, *, publish: bool
) -> int:
    """Say a signed manifest, and write it to ``out`` or publish it to the inbox."""
    from desktop.staff import manifest as staff_manifest

    say(lang, "staff.manifest.signed", sequence=signed.sequence, key_id=signed.root_key_id)
    if out:
        staff_manifest.write_file(signed, out)
        say(lang, "staff.manifest.written", path=out)
    if publish:
        with opened.transport() as transport:
            new = staff_manifest.publish(signed, transport, opened.keys.signing_key)
        say(
            lang,
            "staff.manifest.published" if new else "staff.manifest.held",
            sequence=signed.sequence,
        )
    if not out and not publish:
        say(lang, "staff.manifest.undelivered")
    return 0


def cmd_manifest_sign(args: argparse.Namespace) -> int:
    return run_as_member(
        args, lambda opened, lang: _sign_and_deliver(opened, lang, args), needs="keys"
    )


def cmd_manifest_rotate_root(args: argparse.Namespace) -> int:
    return run_as_member(
        args, lambda opened, lang: _sign_and_deliver(opened, lang, args, rotate=True), needs="keys"
    )


def cmd_manifest_revoke(args: argparse.Namespace) -> int:
    from desktop.staff import manifest as staff_manifest

    def action(opened: StaffSession, lang: Lang) -> int:
        roles = staff_manifest.session_revoke(opened, args.key_id)
        say(lang, "staff.manifest.revoked", key_id=args.key_id, roles=", ".join(roles))
        return _sign_and_deliver(opened, lang, args)

    return run_as_member(args, action, needs="keys")


def cmd_enroll_code(args: argparse.Namespace) -> int:
    from desktop.staff import installations

    def action(opened: StaffSession, lang: Lang) -> int:
        with opened.transport() as transport:
            code, _ = installations.enrollment_code(opened, transport)
        print(code)
        return 0

    return run_as_member(args, action, needs="keys")


def cmd_installations(args: argparse.Namespace) -> int:
    from desktop.staff import installations

    def action(opened: StaffSession, lang: Lang) -> int:
        with opened.transport() as transport:
            found = installations.list_installations(opened, transport)
        for item in found:
            pinned = CLI.text("staff.pinned", lang) if item.pinned else "-"
            print(
                f"{item.key_id}  {item.status:<8}  {pinned:<6}  {item.fingerprint}  "
                f"{display_label(item.label)}"
            )
        return 0

    return run_as_member(args, action, needs="view")


def _approve_or_pin(args: argparse.Namespace, approve: bool) -> int:
    from desktop.staff import installations

    def action(opened: StaffSession, lang: Lang) -> int:
        with opened.transport() as transport:
            step = installations.approve if approve else installations.pin
            pinned = step(opened, transport, args.key_id, args.fingerprint)
        say(
            lang,
            "staff.approved",
            key_id=pinned.key_id,
            fingerprint=pinned.fingerprint,
            label=pinned.label,
        )
        return 0

    return run_as_member(args, action, needs="keys")


def cmd_approve(args: argparse.Namespace) -> int:
    return _approve_or_pin(args, True)


def cmd_pin(args: argparse.Namespace) -> int:
    return _approve_or_pin(args, False)


def cmd_revoke_installation(args: argparse.Namespace) -> int:
    from desktop.staff import installations

    def action(opened: StaffSession, lang: Lang) -> int:
        if args.here_only:
            held = installations.revoke(opened, None, args.key_id)
        else:
            with opened.transport() as transport:
                held = installations.revoke(opened, transport, args.key_id)
        say(lang, "staff.installation_revoked", key_id=held.key_id, at=held.revoked_at)
        return 0

    return run_as_member(args, action, needs="keys")


def _say_revoked_sender(report: object, lang: Lang) -> None:
    from desktop.staff.importer import ImportReport

    assert isinstance(report, ImportReport)
    if report.sender_revoked_at is not None:
        say(
            lang,
            "staff.imported_before_revocation",
            batch_id=report.batch_id,
            key_id=report.installation_key_id,
            at=report.sender_revoked_at,
        )


def _print_refusal(refusal: object, lang: Lang, where: str) -> None:
    from desktop.staff.errors import BatchRefused

    assert isinstance(refusal, BatchRefused)
    print(f"{where}: {refusal.code}: {refusal.user_message(lang)}", file=sys.stderr)


def cmd_pull(args: argparse.Namespace) -> int:
    from desktop.staff.importer import Importer
    from desktop.staff.pull import pull

    def action(opened: StaffSession, lang: Lang) -> int:
        with opened.transport() as transport, Importer(opened) as importer:
            report = pull(importer, transport)
        for imported in report.imported:
            _say_revoked_sender(imported, lang)
        for held in report.quarantined:
            _print_refusal(held.refusal(), lang, f"quarantine {held.quarantine_id}")
        for refused in report.refused:
            _print_refusal(refused, lang, refused.batch_id or "?")
        say(
            lang,
            "staff.pulled",
            imported=len(report.imported),
            records=report.records,
            again=len(report.acknowledged_again),
            quarantined=len(report.quarantined),
            refused=len(report.refused),
        )
        waiting = opened.register.counts().quarantined
        if waiting:
            say(lang, "staff.quarantine.waiting", quarantined=waiting)
        return 1 if report.refused or report.quarantined else 0

    return run_as_member(args, action, needs="decide")


def cmd_import(args: argparse.Namespace) -> int:
    from desktop.staff.errors import BatchRefused
    from desktop.staff.importer import Importer

    def action(opened: StaffSession, lang: Lang) -> int:
        failures = 0
        with Importer(opened) as importer:
            items = ((path, path, None) for path in args.files)
            for path, report in importer.import_many(items):
                if isinstance(report, BatchRefused):
                    failures += 1
                    _print_refusal(report, lang, str(path))
                    continue
                findings = ", ".join(f"{k} {v}" for k, v in sorted(report.findings.items()))
                say(
                    lang,
                    "staff.imported_file",
                    path=path,
                    batch_id=report.batch_id,
                    records=report.records,
                    findings=findings or CLI.text("staff.clean", lang),
                )
                _say_revoked_sender(report, lang)
        return 1 if failures else 0

    return run_as_member(args, action, needs="decide")


def cmd_quarantine_list(args: argparse.Namespace) -> int:
    from desktop.staff import quarantine

    def action(opened: StaffSession, lang: Lang) -> int:
        held = opened.register.call(quarantine.listed, "quarantined batches")
        for item in held:
            say(
                lang,
                "staff.quarantine.item",
                quarantine_id=item.quarantine_id,
                batch_id=item.batch_id or "?",
                key_id=item.installation_key_id or "?",
                reason=item.reason_code,
                at=item.quarantined_at,
                attempts=item.attempts,
            )
            print(f"  {item.refusal().user_message(lang)}")
        say(lang, "staff.quarantine.listed", quarantined=len(held))
        return 0

    return run_as_member(args, action, needs="view")


def cmd_quarantine_retry(args: argparse.Namespace) -> int:
    from desktop.staff import quarantine
    from desktop.staff.errors import BatchRefused
    from desktop.staff.importer import Importer

    def action(opened: StaffSession, lang: Lang) -> int:
        ids = list(args.ids)
        if args.all:
            ids += [q.quarantine_id for q in opened.register.call(quarantine.listed)]
        if not ids:
            say(lang, "staff.quarantine.listed", quarantined=0)
            return 2 if not args.all else 0
        imported = left = 0
        with Importer(opened) as importer:
            for quarantine_id in dict.fromkeys(ids):
                outcome = quarantine.retry(importer, quarantine_id)
                if isinstance(outcome, BatchRefused) and outcome.code != "already_imported":
                    left += 1
                    _print_refusal(outcome, lang, f"quarantine {quarantine_id}")
                else:
                    imported += 1
        say(lang, "staff.quarantine.retried", imported=imported, left=left)
        return 1 if left else 0

    return run_as_member(args, action, needs="decide")


def cmd_quarantine_discard(args: argparse.Namespace) -> int:
    from desktop.staff import quarantine

    def action(opened: StaffSession, lang: Lang) -> int:
        register, actor = opened.register, opened.register.actor
        for quarantine_id in dict.fromkeys(args.ids):
            register.call(
                functools.partial(quarantine.discard, quarantine_id=quarantine_id, actor=actor)
            )
            say(lang, "staff.quarantine.discarded", quarantine_id=quarantine_id)
        return 0

    return run_as_member(args, action, needs="decide")


def cmd_queue(args: argparse.Namespace) -> int:
    def action(opened: StaffSession, lang: Lang) -> int:
        items = opened.register.pending(limit=args.limit)
        for item in items:
            findings = ",".join(item.findings) or CLI.text("staff.clean", lang)
            line = CLI.text(
                "staff.queue.item",
                lang,
                record_id=item.record_id,
                revision=item.revision,
                findings=f"{findings:<18}",
                batch_id=item.origin.batch_id,
                key_id=item.origin.installation_key_id,
            )
            if item.duplicate_of:
                line += CLI.text("staff.queue.duplicate_of", lang, record_id=item.duplicate_of)
            if item.issue_keys:
                line += CLI.text("staff.queue.issues", lang, issues=" ".join(item.issue_keys))
            print(line)
        say(lang, "staff.pending", pending=len(items))
        return 0

    return run_as_member(args, action, needs="view")


def cmd_diff(args: argparse.Namespace) -> int:
    from desktop.staff.errors import StaffError

    def action(opened: StaffSession, lang: Lang) -> int:
        items = [
            i
            for i in opened.register.pending_for(args.record_id, with_payload=True)
            if args.revision is None or i.revision == args.revision
        ]
        if not items:
            raise StaffError("unknown_item", args.record_id)
        if len(items) > 1:
            raise StaffError("ambiguous_item", args.record_id)
        for change in opened.register.diff(items[0]):
            kind = "added" if change.old is None else "removed" if change.new is None else "changed"
            say(lang, f"staff.diff.{kind}", field=change.path)
        return 0

    return run_as_member(args, action, needs="view")


def cmd_decide(args: argparse.Namespace) -> int:
    from desktop.staff import decisions

    def action(opened: StaffSession, lang: Lang) -> int:
        item = decisions.decide(
            opened.register,
            args.record_id,
            args.decision,
            revision=args.revision,
            reason_code=args.reason,
            reason_text=args.text,
        )
        print(f"{item.record_id}  rev {item.revision}  {item.state}")
        return 0

    return run_as_member(args, action, needs="decide")


def cmd_accept_clean(args: argparse.Namespace) -> int:
    from desktop.staff import decisions

    def action(opened: StaffSession, lang: Lang) -> int:
        result = decisions.accept_clean(opened.register)
        say(lang, "staff.accepted_clean", accepted=result.accepted, left=result.left)
        return 0

    return run_as_member(args, action, needs="decide")


def cmd_send_feedback(args: argparse.Namespace) -> int:
    from desktop.staff import feedback

    def action(opened: StaffSession, lang: Lang) -> int:
        made = feedback.prepare(
            opened.register, opened.keys.signing_key, opened.pinned_installations()
        )
        if args.out:
            files = feedback.export(opened.register, args.out)
            for path in files:
                print(path)
            say(lang, "staff.feedback_written", made=made, files=len(files))
            return 0
        with opened.transport() as transport:
            report = feedback.send(opened.register, transport, opened.keys.signing_key)
        for feedback_id, code in report.failed:
            print(f"{feedback_id}: {code}", file=sys.stderr)
        say(
            lang,
            "staff.feedback_sent",
            sent=report.sent,
            already=report.already_sent,
            failed=len(report.failed),
        )
        return 1 if report.failed else 0

    return run_as_member(args, action, needs="decide")


def cmd_reserve(args: argparse.Namespace) -> int:
    from desktop.staff import reservations

    reader = _Secrets()

    def action(opened: StaffSession, lang: Lang) -> int:
        number = reader.line(CLI.text("prompt.national_id", lang))
        result = reservations.reserve(
            opened.register, number, register_keys=opened.keys.register_keys
        )
        say(
            lang,
            "staff.reserved" if result.new else "staff.reserved_before",
            reservation_id=result.reservation_id,
            records=result.records_removed,
            history=result.history_removed,
            closed=result.queue_items_closed,
        )
        if result.quarantined_removed:
            say(lang, "staff.reserved_quarantined", quarantined=result.quarantined_removed)
        return 0

    return run_as_member(args, action, reader, needs="reserve")


def cmd_status(args: argparse.Namespace) -> int:
    def action(opened: StaffSession, lang: Lang) -> int:
        counts = opened.register.counts()
        backend = opened.register.dialect
        say(
            lang,
            "staff.status",
            backend=backend,
            records=counts.records,
            history=counts.history,
            pending=counts.pending,
            unsent=counts.decided_unsent,
            batches=counts.batches,
            reservations=counts.reservations,
            feedback=counts.feedback_unsent,
            quarantined=counts.quarantined,
        )
        return 0

    return run_as_member(args, action, needs="view")


def cmd_export(args: argparse.Namespace) -> int:
    def action(opened: StaffSession, lang: Lang) -> int:
        from desktop.messages import CodedError
        from desktop.staff.access import export_register
        from desktop.staff.export import ExportError
        from desktop.staff.export.research import ResearchRequest

        try:
            request = (
                ResearchRequest.build(
                    k=args.k, columns=args.columns, max_suppression_percent=args.max_suppression
                )
                if args.format == "research"
                else None
            )
            result = export_register(
                opened.register, args.format, args.out, reason=args.reason, research=request
            )
        except ExportError as exc:
            if isinstance(exc, CodedError):
                print(f"{exc.user_message(lang)} ({exc.code})", file=sys.stderr)
            else:
                print(str(exc), file=sys.stderr)
            return 1
        for path in result.files:
            print(path)
        say(lang, "staff.exported", count=result.count)
        return 0

    return run_as_member(args, action, needs="export")
