"""``sjelden-inbox``: run the inbox and administer it from the server's own shell.

Administrative commands open the database directly (no HTTP, no staff key needed): whoever
can run them already controls the server. docs/inbox.md documents every command.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sjelden_protocol.enrollment import display_label, label_problem
from sjelden_protocol.errors import ProtocolError
from sjelden_protocol.keys import (
    fingerprint,
    key_id,
    load_public_key,
    raw_public,
    same_fingerprint,
    save_private_key,
    save_public_key,
)

from .codes import issue_code
from .config import DEFAULT_PORT, ENV_PREFIX, ConfigError, InboxConfig, masked_url
from .server_key import missing_from_manifest
from .settings import Settings, default_data_dir
from .storage import DatabaseUnreachable, InstallationStatus, Store, open_database

#: the config settings a command's flags can give (argparse dests are these names)
_CONFIG_FLAGS = tuple(name for name in InboxConfig.model_fields if name != "db_password")


def _flags(args: argparse.Namespace) -> dict[str, object]:
    """Only the flags given: an absent flag leaves the environment, file or default."""
    return {name: getattr(args, name) for name in _CONFIG_FLAGS if hasattr(args, name)}


def _config(args: argparse.Namespace) -> InboxConfig:
    return InboxConfig.load(_flags(args))


def _settings(args: argparse.Namespace) -> Settings:
    return _config(args).settings()


def _store(args: argparse.Namespace) -> Store:
    settings = _settings(args)
    store = Store(open_database(settings.resolved_database_url, 1, settings.database_password))
    store.migrate()
    return store


def _now() -> int:
    return int(datetime.now(UTC).timestamp())


def _when(stamp: int | None) -> str:
    return "-" if stamp is None else datetime.fromtimestamp(stamp, UTC).strftime("%Y-%m-%d %H:%M")


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .app import create_app

    config = _config(args)
    settings = config.settings()
    app = create_app(settings)
    ctx = app.state.inbox
    server_key = ctx.server_key.public_key()
    print(f"receipt key id {key_id(server_key)}  fingerprint {fingerprint(server_key)}")
    problem = missing_from_manifest(ctx.server_key, ctx.store.manifest())
    if problem is not None:
        print(f"sjelden-inbox: warning receipt_key_unlisted: {problem}", file=sys.stderr)
    print(f"database {masked_url(settings.resolved_database_url).split('@')[-1]}")
    uvicorn.run(
        app,
        host=config.host,
        port=config.port,
        ssl_certfile=config.ssl_certfile,
        ssl_keyfile=config.ssl_keyfile,
        proxy_headers=config.forwarded_allow_ips is not None,
        forwarded_allow_ips=config.forwarded_allow_ips,
        log_level=config.log_level,
    )
    return 0


def cmd_settings(args: argparse.Namespace) -> int:
    """The effective settings and where each came from; the password is never printed."""
    config = _config(args)
    config.settings()  # reads the password file: a problem with it shows here too
    print("\n".join(config.shown(_flags(args))))
    return 0


def cmd_enroll_code(args: argparse.Namespace) -> int:
    store = _store(args)
    now = _now()
    expires = now + int(args.ttl_hours * 3600)
    code = issue_code(store, now=now, expires_at=expires)
    store.close()
    print(code)
    print(f"valid once, until {_when(expires)} UTC", file=sys.stderr)
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        if args.action == "list":
            for item in store.installations():
                print(
                    f"{item.key_id}  {item.status.value:<8}  {fingerprint(item.public_key)}  "
                    f"enrolled {_when(item.enrolled_at)}  {display_label(item.label)}"
                )
            return 0
        if not args.key_id:
            print(f"devices {args.action} needs a KEY_ID (see 'devices list')", file=sys.stderr)
            return 2
        current = store.installation(args.key_id)
        if current is None:
            print(f"no installation {args.key_id}; see 'devices list'", file=sys.stderr)
            return 1
        shown = fingerprint(current.public_key)
        if args.fingerprint and not same_fingerprint(args.fingerprint, shown):
            print(f"fingerprint mismatch: the key has {shown}; do not approve it", file=sys.stderr)
            return 1
        status = (
            InstallationStatus.APPROVED if args.action == "approve" else InstallationStatus.REVOKED
        )
        updated = store.set_status(args.key_id, status, now=_now())
        assert updated is not None
        if updated.status is not status:
            print("a revoked installation cannot be approved; enroll a new key", file=sys.stderr)
            return 1
        print(f"{updated.key_id}  {updated.status.value}  {shown}  {display_label(updated.label)}")
        return 0
    finally:
        store.close()


def cmd_staff(args: argparse.Namespace) -> int:
    store = _store(args)
    try:
        if args.action == "add":
            if not args.public_key:
                print("staff add needs the path of a public key PEM file", file=sys.stderr)
                return 2
            try:  # refuses small-order and non-canonical points, as enrollment does
                key = load_public_key(Path(args.public_key))
            except (OSError, ValueError, ProtocolError) as exc:
                print(f"cannot use {args.public_key} as a staff key: {exc}", file=sys.stderr)
                return 1
            if not isinstance(key, Ed25519PublicKey):
                print("a staff key must be an Ed25519 public key", file=sys.stderr)
                return 1
            problem = label_problem(args.label)
            if problem is not None:
                print(problem, file=sys.stderr)
                return 2
            added = store.add_staff_key(key_id(key), raw_public(key), args.label, now=_now())
            print(
                f"{key_id(key)}  {fingerprint(key)}  {'added' if added else 'already registered'}"
            )
        elif args.action == "list":
            for staff in store.staff_keys():
                state = "revoked" if staff.revoked_at else "active"
                print(
                    f"{staff.key_id}  {state:<7}  {fingerprint(staff.public_key)}  "
                    f"{display_label(staff.label)}"
                )
        elif not args.public_key or not store.revoke_staff_key(args.public_key, now=_now()):
            print("staff revoke needs the KEY_ID of an active staff key", file=sys.stderr)
            return 1
        return 0
    finally:
        store.close()


def cmd_keygen(args: argparse.Namespace) -> int:
    private: Ed25519PrivateKey | X25519PrivateKey = (
        X25519PrivateKey.generate() if args.kind == "register" else Ed25519PrivateKey.generate()
    )
    out = Path(args.out)
    public_path = out.with_name(out.name + ".pub")
    if out.exists() or public_path.exists():
        print(f"{out} or {public_path} exists; choose another path", file=sys.stderr)
        return 1
    save_private_key(private, out)
    save_public_key(private.public_key(), public_path)
    public = private.public_key()
    print(f"private key {out} (mode 0600; keep it secret), public key {public_path}")
    print(f"key id {key_id(public)}  fingerprint {fingerprint(public)}")
    return 0


def cmd_server_key(args: argparse.Namespace) -> int:
    from .server_key import load_or_create_server_key

    settings = _settings(args)
    public = load_or_create_server_key(settings.server_key_path).public_key()
    print(f"key id {key_id(public)}  fingerprint {fingerprint(public)}")
    return 0


def cmd_openapi(args: argparse.Namespace) -> int:
    from .openapi import openapi_document

    text = json.dumps(openapi_document(), indent=2, sort_keys=True) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    # Options without a default (SUPPRESS): a flag not given leaves the setting to the
    # environment, the config file or the default (config.InboxConfig).
    common = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    common.add_argument(
        "--config",
        type=Path,
        metavar="FILE.toml",
        help=f"settings file (0600); also {ENV_PREFIX}CONFIG",
    )
    common.add_argument(
        "--data-dir",
        type=Path,
        help=f"server key and default SQLite database (default: {default_data_dir()})",
    )
    common.add_argument(
        "--database",
        dest="database_url",
        metavar="URL",
        help="sqlite:///path or postgresql://user@host/db, no password in it "
        f"(default: SQLite in the data dir); the password: {ENV_PREFIX}DB_PASSWORD_FILE",
    )
    options = argparse.ArgumentParser(add_help=False, argument_default=argparse.SUPPRESS)
    options.add_argument("--host", help="bind address (default 127.0.0.1)")
    options.add_argument("--port", type=int, help=f"bind port (default {DEFAULT_PORT})")
    options.add_argument(
        "--api-docs",
        action="store_true",
        help="serve the interactive API pages /docs and /redoc (they load scripts from a CDN)",
    )
    options.add_argument(
        "--public-url",
        dest="public_urls",
        action="append",
        metavar="URL",
        help="an address clients use to reach this inbox, e.g. https://innboks.example "
        "(repeat for several); signed requests must name one of them. Default: the address "
        "it serves on (--host, --port, https with --ssl-certfile)",
    )
    options.add_argument("--ssl-certfile", type=Path, help="serve HTTPS with this chain")
    options.add_argument("--ssl-keyfile", type=Path, help="private key for --ssl-certfile")
    options.add_argument(
        "--forwarded-allow-ips",
        metavar="IPS",
        help="trust X-Forwarded-* from these proxy addresses (behind a TLS proxy)",
    )
    options.add_argument("--max-envelope-mb", type=float, help="default 16")
    options.add_argument("--rate-limit-per-minute", type=float, help="default 120")
    options.add_argument(
        "--db-pool-size", type=int, help="database connections per process (default 8)"
    )
    options.add_argument(
        "--server-key-file",
        type=Path,
        help="receipt key (default DATA_DIR/server-signing-key.pem); the same for every "
        "process behind one address",
    )
    options.add_argument(
        "--batch-retention-days",
        type=int,
        help="delete an acknowledged batch's envelope this many days after staff imported "
        "it (default 30)",
    )
    options.add_argument(
        "--feedback-retention-days",
        type=int,
        help="delete relayed feedback documents this many days after they were posted "
        "(default 365)",
    )
    options.add_argument(
        "--recipient-key-id",
        dest="recipient_key_ids",
        action="append",
        help="accept only batches encrypted to this register key id (repeatable)",
    )
    options.add_argument("--log-level", help="default info")
    parser = argparse.ArgumentParser(prog="sjelden-inbox", description="Sjelden central inbox")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", parents=[common, options], help="run the HTTP server")
    serve.set_defaults(func=cmd_serve)

    settings = sub.add_parser(
        "settings",
        parents=[common, options],
        help="show the effective settings (flags > environment > file > default)",
    )
    settings.add_argument("action", choices=["show"])
    settings.set_defaults(func=cmd_settings)

    code = sub.add_parser("enroll-code", parents=[common], help="issue a one-time enrollment code")
    code.add_argument("--ttl-hours", type=float, default=168.0)
    code.set_defaults(func=cmd_enroll_code)

    devices = sub.add_parser(
        "devices", parents=[common], help="list, approve or revoke installations"
    )
    devices.add_argument("action", choices=["list", "approve", "revoke"])
    devices.add_argument("key_id", nargs="?")
    devices.add_argument(
        "--fingerprint", help="refuse unless the key has this fingerprint (read out by the user)"
    )
    devices.set_defaults(func=cmd_devices)

    staff = sub.add_parser("staff", parents=[common], help="register staff signing keys")
    staff.add_argument("action", choices=["add", "list", "revoke"])
    staff.add_argument("public_key", nargs="?", help="add: public key PEM path; revoke: KEY_ID")
    staff.add_argument("--label", default="staff")
    staff.set_defaults(func=cmd_staff)

    keygen = sub.add_parser(
        "keygen", help="generate a staff (Ed25519) or register (X25519) key pair"
    )
    keygen.add_argument("--kind", choices=["staff", "register", "installation"], required=True)
    keygen.add_argument("--out", required=True, help="private key path; public key gets .pub")
    keygen.set_defaults(func=cmd_keygen)

    server_key = sub.add_parser("server-key", parents=[common], help="show the receipt key")
    server_key.set_defaults(func=cmd_server_key)

    openapi = sub.add_parser("openapi", help="print the OpenAPI document")
    openapi.add_argument("--out", help="write to this file instead of stdout")
    openapi.set_defaults(func=cmd_openapi)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.func(args)
    except ConfigError as exc:
        print(f"sjelden-inbox: error {exc.code}: {exc.message}", file=sys.stderr)
        return 2
    except DatabaseUnreachable as exc:
        print(f"sjelden-inbox: error {exc.code}: {exc}", file=sys.stderr)
        return 1
    except (ValueError, OSError) as exc:
        print(f"sjelden-inbox: {exc}", file=sys.stderr)
        return 1
    return result


if __name__ == "__main__":
    raise SystemExit(main())
