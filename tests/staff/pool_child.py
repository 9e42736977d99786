"""Child for test_pool_orphans: starts the import's validation workers, prints their pids,
then waits to be killed."""

import os
import sys
import time

from desktop.staff.importer import validation_pool


def pid_after_a_pause() -> int:
    time.sleep(1.0)  # long enough that the pool starts a second worker for the second task
    return os.getpid()


if __name__ == "__main__":
    pool = validation_pool(2)
    pids = set()
    while len(pids) < 2:
        futures = [pool.submit(pid_after_a_pause) for _ in range(2)]
        pids.update(future.result() for future in futures)
    print(" ".join(str(pid) for pid in sorted(pids)), flush=True)
    sys.stdout.close()
    time.sleep(600)
