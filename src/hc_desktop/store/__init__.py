"""Thread storage: the shared schema, the local SQLite store and the Postgres store."""
