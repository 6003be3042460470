"""kronik's one exception tree: every error a user can meet derives from :class:`KronikError`."""

from __future__ import annotations


class KronikError(Exception):
    """Base of all kronik errors."""


class InputError(KronikError):
    """An input could not be read or is not an article; names the file and the reason."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StageError(KronikError):
    """A pipeline stage failed on one article; the article is kept with this error."""

    def __init__(self, stage: str, source: str, reason: str) -> None:
        super().__init__(f"{source}: stage {stage} failed: {reason}")
        self.stage = stage
        self.source = source
        self.reason = reason


class StoreError(KronikError):
    """The database could not be opened, migrated or written."""


class NotFoundError(StoreError):
    """No record with the given id."""


class GoldError(KronikError):
    """A gold file is missing or malformed."""
