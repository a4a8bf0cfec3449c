"""The end-to-end window fixtures, for the accessibility tests."""

from tests.e2e.conftest import signed_in

__all__ = ["signed_in"]
