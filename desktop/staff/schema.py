"""The staff tables and their migrations, versioned in a table of their own.

Two components, each with its own row in ``staff_schema`` (so neither depends on the
clinician schema's ``PRAGMA user_version``, which ``desktop.storage.schema`` owns):

* ``profile``: always in the staff profile's SQLCipher file: the staff keys (register
  decryption keys, the staff signing key, the register data key and the keyed-hash secret;
  private parts only ever inside this encrypted file) and the pinned installation keys.
* ``register``: where the register lives, the same SQLCipher file by default or PostgreSQL:
  accepted records with their history, the review queue, imported batch ids, quarantined
  batches, reservations, feedback documents. Patient data are never in clear here, on either
  backend: payloads are AES-GCM ciphertext under the register data key, national ids and
  ORPHA codes only keyed hashes (``desktop.staff.crypto``). PostgreSQL also gets an
  ``audit_log`` of the same shape as the store's (SQLCipher already has one), so one audit
  module serves both.

Migrations only move forward, each in its own transaction (the runner all three databases
share, ``sjelden_protocol.db.Migrations``); on PostgreSQL an advisory lock makes concurrent
starts of several staff members safe.
"""

from __future__ import annotations

from sjelden_protocol.db import Migrations, SchemaTooNew, VersionTable, run_script

from desktop.staff.dialect import Db, DialectName
from desktop.staff.errors import StaffError

Component = str


def _statements(db: Db, script: str) -> None:
    run_script(db, script, db.dialect)


def _profile_v1(db: Db) -> None:
    _statements(
        db,
        """
        CREATE TABLE staff_keys (
            role        TEXT NOT NULL,
            key_id      TEXT NOT NULL,
            public_key  {blob},
            secret      {blob} NOT NULL,
            created_at  TEXT NOT NULL,
            PRIMARY KEY (role, key_id)
        );
        CREATE TABLE staff_installations (
            key_id      TEXT PRIMARY KEY,
            public_key  {blob} NOT NULL,
            label       TEXT NOT NULL,
            pinned_at   TEXT NOT NULL
        )
        """,
    )


def _profile_v2(db: Db) -> None:
    """One timestamp format in the staff database: ``sjelden_protocol.timefmt``'s.

    Keys and pinned installations were stamped ``2025-01-31T12:00:00.123456+00:00`` while
    the register tables use ``2025-01-31T12:00:00Z``; the sub-second part is dropped (the
    keys' order within a second is their rowid). The audit log keeps the spelling each
    entry was written with: its hash chain covers the text.
    """
    for table, column in (("staff_keys", "created_at"), ("staff_installations", "pinned_at")):
        db.execute(
            f"UPDATE {table} SET {column} = substr({column}, 1, 19) || 'Z' "  # noqa: S608 - names are code
            f"WHERE {column} LIKE '____-__-__T__:__:__%+00:00'"
        )


def _profile_v3(db: Db) -> None:
    """What the register's key manifests are built from, and when an installation was revoked.

    ``staff_manifest_keys`` holds every key a manifest names (this profile's register and
    signing keys are copied in when a manifest is signed; other staff members', the inbox's
    receipt key and its TLS pin are added by staff), with validity and revocation:
    revoking a key is setting ``revoked_at`` and signing the next manifest.
    ``staff_manifests`` keeps every manifest signed here, so the sequence only grows.
    ``staff_installations.revoked_at``: batches the inbox received from then on are refused.
    """
    _statements(
        db,
        """
        CREATE TABLE staff_manifest_keys (
            role         TEXT NOT NULL,
            key_id       TEXT NOT NULL,
            public_key   {blob} NOT NULL,
            valid_from   TEXT NOT NULL,
            valid_until  TEXT,
            revoked_at   TEXT,
            added_at     TEXT NOT NULL,
            PRIMARY KEY (role, key_id)
        );
        CREATE TABLE staff_manifests (
            sequence   INTEGER PRIMARY KEY,
            document   TEXT NOT NULL,
            issued_at  TEXT NOT NULL,
            issued_by  TEXT NOT NULL
        );
        ALTER TABLE staff_installations ADD COLUMN revoked_at TEXT
        """,
    )


def _register_v1(db: Db) -> None:
    _statements(
        db,
        """
        CREATE TABLE register_meta (
            key    TEXT PRIMARY KEY,
            value  TEXT NOT NULL
        );
        CREATE TABLE register_records (
            record_id            TEXT PRIMARY KEY,
            revision             INTEGER NOT NULL,
            person_key           {blob},
            payload              {blob} NOT NULL,
            batch_id             TEXT NOT NULL,
            installation_key_id  TEXT NOT NULL,
            received_at          TEXT NOT NULL,
            accepted_at          TEXT NOT NULL,
            accepted_by          TEXT NOT NULL
        );
        CREATE INDEX register_records_by_person ON register_records (person_key);
        CREATE TABLE register_history (
            record_id            TEXT NOT NULL,
            revision             INTEGER NOT NULL,
            person_key           {blob},
            payload              {blob} NOT NULL,
            batch_id             TEXT NOT NULL,
            installation_key_id  TEXT NOT NULL,
            received_at          TEXT NOT NULL,
            accepted_at          TEXT NOT NULL,
            accepted_by          TEXT NOT NULL,
            superseded_at        TEXT NOT NULL,
            PRIMARY KEY (record_id, revision)
        );
        CREATE INDEX register_history_by_person ON register_history (person_key);
        CREATE TABLE register_index (
            person_key     {blob} NOT NULL,
            diagnosis_key  {blob} NOT NULL,
            record_id      TEXT NOT NULL,
            PRIMARY KEY (person_key, diagnosis_key, record_id)
        );
        CREATE INDEX register_index_by_record ON register_index (record_id);
        CREATE TABLE review_items (
            batch_id             TEXT NOT NULL,
            record_id            TEXT NOT NULL,
            revision             INTEGER NOT NULL,
            seq                  INTEGER NOT NULL,
            installation_key_id  TEXT NOT NULL,
            received_at          TEXT NOT NULL,
            state                TEXT NOT NULL,
            findings             TEXT NOT NULL,
            issue_keys           TEXT NOT NULL,
            duplicate_of         TEXT,
            reason_code          TEXT,
            reason_text          TEXT,
            person_key           {blob},
            payload              {blob},
            decided_at           TEXT,
            decided_by           TEXT,
            feedback_id          TEXT,
            PRIMARY KEY (batch_id, record_id)
        );
        CREATE INDEX review_items_by_state ON review_items (state, seq);
        CREATE INDEX review_items_by_record ON review_items (record_id);
        CREATE INDEX review_items_unsent ON review_items (installation_key_id, batch_id)
            WHERE feedback_id IS NULL AND state <> 'pending';
        -- Keyed hashes of pending items (diagnosis_key '' for an item without ORPHA code),
        -- for duplicate lookups and for finding a person's pending items at a reservation.
        CREATE TABLE review_index (
            person_key     {blob} NOT NULL,
            diagnosis_key  {blob} NOT NULL,
            record_id      TEXT NOT NULL,
            batch_id       TEXT NOT NULL,
            PRIMARY KEY (person_key, diagnosis_key, record_id, batch_id)
        );
        CREATE INDEX review_index_by_item ON review_index (batch_id, record_id);
        CREATE TABLE imported_batches (
            batch_id             TEXT PRIMARY KEY,
            installation_key_id  TEXT NOT NULL,
            envelope_sha256      TEXT NOT NULL,
            record_count         INTEGER NOT NULL,
            imported_at          TEXT NOT NULL,
            imported_by          TEXT NOT NULL
        );
        CREATE TABLE reservations (
            reservation_id  TEXT PRIMARY KEY,
            person_key      {blob} NOT NULL UNIQUE,
            recorded_at     TEXT NOT NULL,
            recorded_by     TEXT NOT NULL
        );
        CREATE TABLE feedback_documents (
            feedback_id          TEXT PRIMARY KEY,
            installation_key_id  TEXT NOT NULL,
            batch_id             TEXT,
            document             TEXT NOT NULL,
            decisions            INTEGER NOT NULL,
            created_at           TEXT NOT NULL,
            sent_at              TEXT,
            exported_at          TEXT
        )
        """,
    )
    if db.dialect.name == "postgresql":
        # The same shape as desktop.storage's audit_log, so desktop.storage.audit works as is.
        _statements(
            db,
            """
            CREATE TABLE audit_log (
                seq        INTEGER PRIMARY KEY,
                at         TEXT NOT NULL,
                actor      TEXT NOT NULL,
                action     TEXT NOT NULL,
                record_id  TEXT,
                revision   INTEGER,
                prev_hash  {blob} NOT NULL,
                hash       {blob} NOT NULL
            )
            """,
        )


def _register_v2(db: Db) -> None:
    """Batches the importer could not process, kept so one bad batch never stops the register.

    ``envelope`` holds the batch's bytes sealed under the register data key (as payloads
    are: a quarantined batch is a patient's data too); one row per distinct envelope, so a
    batch listed again adds no second row.
    """
    _statements(
        db,
        """
        CREATE TABLE quarantined_batches (
            quarantine_id        TEXT PRIMARY KEY,
            envelope_sha256      TEXT NOT NULL UNIQUE,
            batch_id             TEXT,
            installation_key_id  TEXT,
            source               TEXT NOT NULL,
            reason_code          TEXT NOT NULL,
            detail               TEXT NOT NULL,
            envelope             {blob} NOT NULL,
            attempts             INTEGER NOT NULL,
            quarantined_at       TEXT NOT NULL,
            last_attempt_at      TEXT NOT NULL
        )
        """,
    )


def _register_v3(db: Db) -> None:
    """Batch ids are scoped to their sender: ``imported_batches`` is keyed by (installation,
    batch id), so a batch id one installation used does not stop, or stand in for, another's
    batch (batch ids are chosen by the clinic, and are no secret)."""
    if db.dialect.name == "postgresql":
        _statements(
            db,
            """
            ALTER TABLE imported_batches DROP CONSTRAINT imported_batches_pkey;
            ALTER TABLE imported_batches ADD PRIMARY KEY (installation_key_id, batch_id)
            """,
        )
        return
    _statements(
        db,
        """
        CREATE TABLE imported_batches_v3 (
            batch_id             TEXT NOT NULL,
            installation_key_id  TEXT NOT NULL,
            envelope_sha256      TEXT NOT NULL,
            record_count         INTEGER NOT NULL,
            imported_at          TEXT NOT NULL,
            imported_by          TEXT NOT NULL,
            PRIMARY KEY (installation_key_id, batch_id)
        );
        INSERT INTO imported_batches_v3 SELECT batch_id, installation_key_id, envelope_sha256,
            record_count, imported_at, imported_by FROM imported_batches;
        DROP TABLE imported_batches;
        ALTER TABLE imported_batches_v3 RENAME TO imported_batches
        """,
    )
    db.execute("CREATE INDEX imported_batches_by_id ON imported_batches (batch_id)")


def _letters_v1(db: Db) -> None:
    """The register's information letters (issue 17 point 4; ``desktop.staff.letter_queue``).

    ``letter_queue`` has one row per person (keyed hash, as everywhere in the register) who
    entered the queue at acceptance, with the record it came from; ``state`` is
    ``pending`` (to be printed), ``printed``, ``sent``, ``clinic`` (the clinic gave or sent the
    letter: kept so a later registration of the person is not queued), ``reserved`` (the
    person reserved after a letter) or ``returned`` (by the returned slip). What a row says
    beyond ids and states (the variants printed, who it was addressed to, the letter date) is
    sealed in ``detail`` under the register data key, bound to the entry id; ``reference`` is
    the random code printed on the reservation slip (never the national id).
    ``letter_runs``: one row per printed run, by whom and when, and when it was sent.
    """
    _statements(
        db,
        """
        CREATE TABLE letter_queue (
            entry_id     TEXT PRIMARY KEY,
            person_key   {blob},
            record_id    TEXT NOT NULL,
            state        TEXT NOT NULL,
            queued_at    TEXT NOT NULL,
            queued_by    TEXT NOT NULL,
            run_id       TEXT,
            reference    TEXT UNIQUE,
            detail       {blob},
            changed_at   TEXT NOT NULL
        );
        CREATE INDEX letter_queue_by_person ON letter_queue (person_key);
        CREATE INDEX letter_queue_by_state ON letter_queue (state, queued_at);
        CREATE INDEX letter_queue_by_run ON letter_queue (run_id);
        CREATE TABLE letter_runs (
            run_id      TEXT PRIMARY KEY,
            created_at  TEXT NOT NULL,
            created_by  TEXT NOT NULL,
            print_day   TEXT NOT NULL,
            letters     INTEGER NOT NULL,
            state       TEXT NOT NULL,
            sent_at     TEXT,
            sent_by     TEXT
        )
        """,
    )


def _audit_v1(db: Db) -> None:
    """The keyed, signed audit chain (issue 17 point 3; ``desktop.storage.audit``).

    ``audit_log`` gains ``detail`` (a short description, never a field value), ``signer``
    (the acting member's key id) and ``signature`` (Ed25519 over the entry's keyed hash);
    entries written before have them NULL and stay verifiable as the chain's legacy prefix.
    ``audit_signers`` keeps each signer's public key (its key id is the key's fingerprint),
    ``audit_checkpoints`` the signed checkpoints.
    """
    _statements(
        db,
        """
        ALTER TABLE audit_log ADD COLUMN detail TEXT;
        ALTER TABLE audit_log ADD COLUMN signer TEXT;
        ALTER TABLE audit_log ADD COLUMN signature {blob};
        CREATE TABLE audit_signers (
            key_id      TEXT PRIMARY KEY,
            public_key  {blob} NOT NULL,
            first_seq   INTEGER NOT NULL
        );
        CREATE TABLE audit_checkpoints (
            seq        INTEGER PRIMARY KEY,
            hash       {blob} NOT NULL,
            at         TEXT NOT NULL,
            signer     TEXT NOT NULL,
            signature  {blob} NOT NULL
        );
        CREATE INDEX audit_log_by_at ON audit_log (at)
        """,
    )


def _members_v1(db: Db) -> None:
    """The register's staff members and the register secrets sealed to each of them
    (issue 17 point 1; ``desktop.staff.members``).

    ``members``: one row per member, keyed by the id of their signing key (the actor every
    audit entry names), with their role, their X25519 member key (what the secrets are sealed
    to) and their Ed25519 signing key; a removed member keeps their row with ``removed_at``
    set, so their audit entries still have a name. ``member_wraps``: each register secret
    (``register`` private keys of every generation, ``data``, ``hmac``, ``root``) sealed to one
    member's key with the protocol's HPKE suite; ``generation`` orders keys of one role
    (newest last). The secrets are never here in clear.
    """
    _statements(
        db,
        """
        CREATE TABLE members (
            member_key_id  TEXT PRIMARY KEY,
            label          TEXT NOT NULL,
            role           TEXT NOT NULL,
            member_key     {blob} NOT NULL,
            signing_key    {blob} NOT NULL,
            added_by       TEXT NOT NULL,
            added_at       TEXT NOT NULL,
            removed_at     TEXT
        );
        CREATE TABLE member_wraps (
            member_key_id  TEXT NOT NULL REFERENCES members (member_key_id),
            secret_role    TEXT NOT NULL,
            secret_key_id  TEXT NOT NULL,
            generation     INTEGER NOT NULL,
            wrapped        {blob} NOT NULL,
            PRIMARY KEY (member_key_id, secret_role, secret_key_id)
        )
        """,
    )


def _trust_v1(db: Db) -> None:
    """What the register trusts, shared by every member (``desktop.staff.trust``): the pinned
    installations, the keys the manifests name and every manifest signed. Until now these
    were tables of each staff profile, so a second PC neither opened the clinics' batches nor
    signed the next manifest; a profile's rows are adopted at an administrator's unlock.
    Ordered by ``valid_from, added_at, role, key_id``: PostgreSQL has no rowid.
    """
    _statements(
        db,
        """
        CREATE TABLE register_installations (
            key_id      TEXT PRIMARY KEY,
            public_key  {blob} NOT NULL,
            label       TEXT NOT NULL,
            pinned_at   TEXT NOT NULL,
            revoked_at  TEXT
        );
        CREATE TABLE register_manifest_keys (
            role         TEXT NOT NULL,
            key_id       TEXT NOT NULL,
            public_key   {blob} NOT NULL,
            valid_from   TEXT NOT NULL,
            valid_until  TEXT,
            revoked_at   TEXT,
            added_at     TEXT NOT NULL,
            PRIMARY KEY (role, key_id)
        );
        CREATE TABLE register_manifests (
            sequence   INTEGER PRIMARY KEY,
            document   TEXT NOT NULL,
            issued_at  TEXT NOT NULL,
            issued_by  TEXT NOT NULL
        )
        """,
    )


MIGRATIONS: dict[Component, Migrations[Db]] = {
    name: Migrations(f"staff {name}", steps, VersionTable("staff_schema", name))
    for name, steps in (
        ("profile", [_profile_v1, _profile_v2, _profile_v3]),
        ("register", [_register_v1, _register_v2, _register_v3]),
        ("letters", [_letters_v1]),
        ("audit", [_audit_v1]),
        ("members", [_members_v1]),
        ("trust", [_trust_v1]),
    )
}
#: What lives wherever the register lives (SQLCipher file or PostgreSQL), in migration order.
REGISTER_COMPONENTS: tuple[Component, ...] = (
    "register",
    "letters",
    "audit",
    "members",
    "trust",
)
SCHEMA_VERSIONS = {name: migrations.latest for name, migrations in MIGRATIONS.items()}


def current_version(db: Db, component: Component) -> int:
    return MIGRATIONS[component].current(db)


def migrate(db: Db, component: Component) -> int:
    """Bring ``component`` to the newest version; returns the version it is at."""
    try:
        return MIGRATIONS[component].apply(db.transaction)
    except SchemaTooNew as exc:
        raise StaffError("register_schema_too_new", f"{component} schema {exc.found}") from exc


def dialect_components(dialect: DialectName, *, register_here: bool) -> list[Component]:
    """The components a database holds: the profile file has both unless the register moved."""
    if dialect == "postgresql":
        return list(REGISTER_COMPONENTS)
    return ["profile", *REGISTER_COMPONENTS] if register_here else ["profile"]
