"""Store: the SQLite ledger (WAL, numbered migrations, FTS5)."""

from newsledger.store.db import Store, default_path

__all__ = ["Store", "default_path"]
