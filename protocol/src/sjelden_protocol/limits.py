"""Protocol-wide size limits, part of the contract in docs/protocol.md.

A receiver may enforce lower limits (the inbox server has its own setting), never higher
ones, so a batch built within these limits is accepted everywhere or refused with a clear
``too_large`` answer.
"""

from __future__ import annotations

MAX_HEADER_BYTES = 4 * 1024
MAX_ENVELOPE_BYTES = 32 * 1024 * 1024
MAX_PLAINTEXT_BYTES = 64 * 1024 * 1024
MAX_RECORDS_PER_BATCH = 5_000
MAX_FEEDBACK_DECISIONS = 5_000
MAX_REASON_TEXT_CHARS = 500
#: Every integer a record carries for the protocol fits a signed 32-bit column in SQLite and
#: PostgreSQL alike; a record revised two billion times does not exist, and a larger value
#: (2**80 once crashed the staff import) is refused where the batch is opened.
MAX_REVISION = 2**31 - 1
MAX_FORM_VERSION = 2**31 - 1
MAX_FORM_ID_CHARS = 64
