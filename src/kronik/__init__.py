"""kronik: a checkable chronicle from Indonesian online news.

Public API::

    from kronik import extract, Store
    for item in extract(["page.html"]):      # Article records, or InputError for inputs that failed
        ...
"""

from kronik.corpus import extract
from kronik.data import SCHEMA_VERSION, Article
from kronik.errors import InputError, KronikError
from kronik.pipeline import EXTRACTION_STAGES, STAGES
from kronik.store import Store

__version__ = "0.1.0"

__all__ = [
    "EXTRACTION_STAGES",
    "SCHEMA_VERSION",
    "STAGES",
    "Article",
    "InputError",
    "KronikError",
    "Store",
    "__version__",
    "extract",
]
