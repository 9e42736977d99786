"""Allow ``python -m desktop`` as an alias of the ``sjelden`` command."""

import sys

from desktop.cli import main

sys.exit(main())
