"""Child process for the crash-safety test: saves records in a loop and reports commits.

An id is printed only after the call that committed it returned, so every printed id must
survive a SIGKILL at any later moment.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from desktop.storage import record_ops, records
from desktop.storage.profile import Profile
from tests.helpers.synthetic import FORM, record


def main() -> None:
    profile = Profile(Path(sys.argv[1]), kdf_target_seconds=0.02)
    rng = random.Random(int(sys.argv[2]))
    store = profile.unlock(os.environ["CRASH_PASSPHRASE"])
    while True:
        payload = record(rng)
        rid = payload["record_id"]
        store.call(lambda c: record_ops.save_draft(c, payload, FORM, store.actor))
        if rng.random() < 0.5:
            store.call(
                lambda c: records.complete(c, record_id=rid, payload=payload, author=store.actor)
            )
        sys.stdout.write(rid + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
