"""The frozen bundle's entry point: ``sjelden`` with all its commands.

A frozen application has no Python to run ``-m``, yet ``sjelden demo`` starts its local inbox
as ``sys.executable -m sjelden_inbox ...``; that one form is answered here, so the demo works
from the bundle as it does from a wheel.
"""

import sys

if __name__ == "__main__":
    if sys.argv[1:3] == ["-m", "sjelden_inbox"]:
        from sjelden_inbox.cli import main as inbox_main

        raise SystemExit(inbox_main(sys.argv[3:]))
    from desktop.cli import main

    raise SystemExit(main())
