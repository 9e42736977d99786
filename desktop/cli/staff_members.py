"""``sjelden staff join-request`` and ``sjelden staff member list | add | remove``.

The core is ``desktop.staff.members``: a new member makes a profile of their own keys and a join
request file, reads its fingerprint to an administrator (by phone or in person), and the
administrator adds them with the fingerprint they heard; removing a member rotates the data key
and the register key, and the next manifest is written or published as ``manifest sign`` does.
What is printed: key ids, fingerprints, roles, the label the member gave, counts.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.cli.help_texts import h
from desktop.cli.output import current, say
from desktop.cli.profile import _guarded, _Secrets
from desktop.cli.staff_run import coded_errors, run_as_member, staff_profile
from desktop.messages import Lang, normalize

if TYPE_CHECKING:
    from desktop.staff.session import StaffSession

ROLE_CHOICES = ("reviewer", "registrar", "administrator")


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    join = sub.add_parser("join-request", help=h("staff.join_request"))
    join.add_argument("--label", required=True, help=h("staff.join_request.label"))
    join.add_argument("--out", type=Path, required=True, help=h("staff.join_request.out"))
    join.add_argument("--key-file", action="store_true", help=h("staff.init.key_file"))
    join.add_argument(
        "--language", choices=("nb", "en"), default=None, help=h("profile.init.language")
    )
    join.add_argument("--register-db", required=True, help=h("staff.transport.register_db"))
    join.add_argument("--inbox", help=h("staff.transport.inbox"))
    join.add_argument("--ca-bundle", help=h("staff.transport.ca_bundle"))
    join.add_argument("--proxy", help=h("staff.transport.proxy"))
    join.set_defaults(func=cmd_join_request)

    member = sub.add_parser("member", help=h("staff.member"))
    actions = member.add_subparsers(dest="member_command", metavar="ACTION", required=True)
    actions.add_parser("list", help=h("staff.member.list")).set_defaults(func=cmd_list)
    add = actions.add_parser("add", help=h("staff.member.add"))
    add.add_argument("file", type=Path, metavar="FILE", help=h("staff.member.add.file"))
    add.add_argument("--fingerprint", required=True, help=h("staff.member.add.fingerprint"))
    add.add_argument("--role", choices=ROLE_CHOICES, required=True, help=h("staff.member.role"))
    add.add_argument("--out", type=Path, help=h("staff.manifest.out"))
    add.add_argument("--publish", action="store_true", help=h("staff.manifest.publish"))
    add.set_defaults(func=cmd_add)
    remove = actions.add_parser("remove", help=h("staff.member.remove"))
    remove.add_argument("key_id", metavar="KEY_ID", help=h("staff.member.remove.key_id"))
    remove.add_argument("--out", type=Path, help=h("staff.manifest.out"))
    remove.add_argument("--publish", action="store_true", help=h("staff.manifest.publish"))
    remove.set_defaults(func=cmd_remove)


def cmd_join_request(args: argparse.Namespace) -> int:
    from desktop.staff import session

    profile = staff_profile(args)
    lang: Lang = normalize(args.language) if args.language else current()
    passphrase = _Secrets().new_passphrase()
    if passphrase is None:
        return 1

    def action() -> int:
        identity, recovery = session.create_join(
            profile,
            passphrase,
            args.label,
            args.out,
            register_db=args.register_db,
            key_storage="file" if args.key_file else "keyring",
            language=lang,
            inbox_url=args.inbox,
            ca_bundle=args.ca_bundle,
            proxy=args.proxy,
        )
        say(lang, "staff.init.done", directory=profile.directory)
        say(
            lang,
            "staff.join.done",
            path=args.out,
            key_id=identity.key_id,
            fingerprint=identity.fingerprint,
        )
        say(lang, "staff.init.recovery_key")
        print(recovery)
        return 0

    return _guarded(lang, action, coded_errors())


def cmd_list(args: argparse.Namespace) -> int:
    from desktop.staff import members

    def action(opened: StaffSession, lang: Lang) -> int:
        for member in members.member_list(opened):
            removed = member.removed_at is not None
            say(
                lang,
                "staff.member.removed_line" if removed else "staff.member.line",
                key_id=member.key_id,
                member_role=f"{member.role:<13}",
                member_label=member.identity.label,
                at=member.removed_at if removed else member.added_at,
            )
        return 0

    return run_as_member(args, action, needs="view")


def cmd_add(args: argparse.Namespace) -> int:
    from desktop.cli.staff import _read_input, deliver_manifest
    from desktop.staff import manifest, members

    def action(opened: StaffSession, lang: Lang) -> int:
        added = members.add_member(opened, _read_input(args.file), args.fingerprint, args.role)
        say(
            lang,
            "staff.member.added",
            key_id=added.key_id,
            member_label=added.identity.label,
            member_role=added.role,
        )
        # Clinics trust feedback only from staff keys a manifest names: name the new one.
        signed = manifest.session_sign(opened)
        return deliver_manifest(opened, lang, signed, args.out, publish=args.publish)

    return run_as_member(args, action, needs="members")


def cmd_remove(args: argparse.Namespace) -> int:
    from desktop.cli.staff import deliver_manifest
    from desktop.staff import manifest, members

    def action(opened: StaffSession, lang: Lang) -> int:
        rotation, signed = members.remove_member(opened, args.key_id)
        say(
            lang,
            "staff.member.removed",
            key_id=args.key_id,
            payloads=rotation.resealed,
            register_key_id=opened.keys.newest_register_key_id,
        )
        if rotation.root_key_id is not None and opened.keys.root_key is not None:
            kid, printed = manifest.root_fingerprint(opened.keys.root_key)
            say(lang, "staff.member.root_rotated", key_id=kid, fingerprint=printed)
        return deliver_manifest(opened, lang, signed, args.out, publish=args.publish)

    return run_as_member(args, action, needs="members")
