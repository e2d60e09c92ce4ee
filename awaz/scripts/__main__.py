"""``python -m awaz.scripts``: see ``awaz.scripts.cli``."""

import sys

from awaz.scripts.cli import main

if __name__ == "__main__":
    sys.exit(main())
