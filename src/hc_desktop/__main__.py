"""``python -m hc_desktop``."""

from hc_desktop.cli import main

raise SystemExit(main())
