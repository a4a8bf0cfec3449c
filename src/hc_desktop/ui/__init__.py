"""Widgets. They show controller state and send intents; they own no data."""
