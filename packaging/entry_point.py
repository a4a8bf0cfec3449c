"""Frozen-app entry point: the same ``main`` as the ``hc-desktop`` console script."""

import sys

from hc_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
