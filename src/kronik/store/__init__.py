"""Storage of article records. SQLite by default; the only package that talks SQL."""

from kronik.store.sqlite import DEFAULT_DB, SearchHit, Store

__all__ = ["DEFAULT_DB", "SearchHit", "Store"]
