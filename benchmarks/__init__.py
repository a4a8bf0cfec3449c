"""Benchmarks of hc-desktop against bare-PySide6 and bare-psycopg baselines.

Run ``python -m benchmarks`` (full), ``--quick`` (CI: tiny sizes, checks that each runs) or
``--only NAME``. Every benchmark runs in its own interpreter so one crash or one leak cannot
colour another's figures. See ``docs/performance.md`` for the method and the latest figures.
"""
