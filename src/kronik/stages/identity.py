"""Stage ``identity.v1``: a stable id, so that the same article read twice is one record.

The id rests on what stays when an article is corrected: its URL when known, else its outlet, title
and publication day, else where it was read from. The body's hash (``content_hash``) tells versions apart.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urlsplit, urlunsplit

from kronik.data import Article
from kronik.data.article import normalise_key

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|ref|source|src|amp|page)$", re.IGNORECASE)


def canonical_url(url: str) -> str:
    """URL without scheme differences, "www.", tracking parameters, fragments or a trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.").removeprefix("m.").removeprefix("amp.")
    query = "&".join(q for q in parts.query.split("&") if q and not _TRACKING.match(q.split("=")[0]))
    path = re.sub(r"/(amp|amp\.html)$", "", parts.path).rstrip("/")
    return urlunsplit(("https", host, path, query, ""))


def article_id(article: Article) -> str:
    if article.url and article.url.startswith(("http://", "https://")):
        key = "url:" + canonical_url(article.url)
    elif article.title and (article.outlet.name or article.published):
        key = "|".join(
            [
                "meta",
                normalise_key(article.outlet.name or ""),
                normalise_key(article.title),
                (article.published or "")[:10],
            ]
        )
    else:
        key = "source:" + article.source
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def identity(article: Article) -> Article:
    article.id = article_id(article)
    return article
