"""Records and their JSON form. No I/O, no NLP, no stage imports."""

from kronik.data.article import (
    PRECISIONS,
    REMOVED_KINDS,
    SCHEMA_VERSION,
    Article,
    Block,
    Outlet,
    Page,
    Removed,
)

__all__ = ["PRECISIONS", "REMOVED_KINDS", "SCHEMA_VERSION", "Article", "Block", "Outlet", "Page", "Removed"]
