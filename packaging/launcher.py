"""Entry point of the PyInstaller bundle: the same as the ``csdesk`` command."""

import sys

from csdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
