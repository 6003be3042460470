"""HTML pages: render block elements to lines, each with a hint of the markup around it.

The rendering keeps what a reader sees, in reading order, one block element a line, like a text dump;
the cleaner then works on HTML and dumps alike. Markup tells what text dumps cannot: a line inside
<nav>, <footer>, <figcaption> or a box whose class says "related" or "share" gets that hint. Metadata
that pages put in <head> (Open Graph, JSON-LD, <title>) is read into ``html_meta``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import lxml.html
from lxml import etree

from kronik.data import Block
from kronik.stages.ingest.text_dump import _ZERO_WIDTH

_WHITESPACE = re.compile(r"\s+")  # in HTML every run of white space, newlines included, is one space

_SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "head",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "canvas",
    "video",
    "audio",
    "object",
    "map",
}
_BLOCK = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "td", "th", "section",
    "article", "header", "footer", "nav", "aside", "figure", "figcaption", "blockquote", "pre", "br", "hr",
    "dl", "dt", "dd", "form", "main", "address", "tbody", "thead", "center", "body", "html",
}  # fmt: skip
# Class or id words that mark page furniture, by hint. Checked on each element's class and id.
_CONTEXT_WORDS = (
    ("embed", re.compile(r"twitter-tweet|instagram-media|tiktok-embed|embed", re.I)),
    (
        "related",
        re.compile(
            r"related|baca-?juga|bacajuga|terkait|rekomendasi|recommend|populer|popular|terpopuler|trending|sidebar|widget|more-news|berita-?lain|also-read|readalso|read-also|inline-link|box-?news",
            re.I,
        ),
    ),
    ("share", re.compile(r"share|social|sosmed|follow", re.I)),
    ("comment", re.compile(r"comment|komentar|disqus", re.I)),
    ("ad", re.compile(r"(^|[\s_-])(ads?|advert\w*|iklan|banner|sponsor\w*)($|[\s_-])", re.I)),
    ("nav", re.compile(r"(^|[\s_-])(nav\w*|menu\w*|breadcrumbs?|topbar|tags?|footer)($|[\s_-])", re.I)),
    ("caption", re.compile(r"caption|keterangan|ket-?foto|photo-?credit|credit", re.I)),
    ("byline", re.compile(r"author|writer|penulis|reporter|byline|editor|kontributor", re.I)),
)
_TAG_HINT = {"nav": "nav", "footer": "footer", "aside": "aside", "figcaption": "caption", "li": "li", "p": "p",
             "h1": "h1", "h2": "h2", "h3": "h3", "blockquote": "quote"}  # fmt: skip
_STICKY = {"nav", "footer", "aside", "related", "share", "comment", "ad", "embed", "caption"}


def parse_html(text: str) -> etree._Element:
    """Parse possibly broken HTML into a tree; raises ValueError when nothing can be parsed."""
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, recover=True)
    root = lxml.html.document_fromstring(text, parser=parser)
    if root is None:
        raise ValueError("no HTML content")
    return root


def _context(el: etree._Element, inherited: str) -> str:
    if inherited in _STICKY:
        return inherited
    tag = el.tag if isinstance(el.tag, str) else ""
    hint = _TAG_HINT.get(tag, "")
    if hint in _STICKY:
        return hint
    attrs = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
    if attrs and tag not in ("p", "body", "html", "article", "main"):
        for name, pat in _CONTEXT_WORDS:
            if pat.search(attrs):
                return name
    return hint or inherited


class _Renderer:
    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.parts: list[str] = []
        self.hint = ""

    def flush(self) -> None:
        text = _WHITESPACE.sub(" ", _ZERO_WIDTH.sub("", "".join(self.parts))).strip()
        self.parts = []
        if text:
            self.blocks.append(Block(text=text, index=len(self.blocks), hint=self.hint))

    def walk(self, el: etree._Element, ctx: str) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _SKIP or not tag:
            return
        block = tag in _BLOCK
        here = _context(el, ctx)
        if block:
            self.flush()
            self.hint = here
        if tag == "img":
            return
        if el.text:
            self.parts.append(el.text)
        for child in el:
            self.walk(child, here)
            if child.tail:
                if child.tag in _BLOCK:
                    self.flush()
                    self.hint = here
                self.parts.append(child.tail)
        if block:
            self.flush()
            self.hint = ctx


def html_blocks(root: etree._Element) -> list[Block]:
    """The page's visible text as blocks in reading order, each with its markup hint."""
    body = root.find("body")
    renderer = _Renderer()
    renderer.walk(body if body is not None else root, "")
    renderer.flush()
    return renderer.blocks


_META_KEYS = {
    "og:title": "og_title",
    "twitter:title": "twitter_title",
    "og:site_name": "site_name",
    "og:url": "url",
    "og:description": "description",
    "description": "description",
    "author": "author",
    "article:author": "author",
    "dable:author": "author",
    "content_author": "author",
    "article:published_time": "published",
    "pubdate": "published",
    "publishdate": "published",
    "content_publishedtime": "published",
    "dc.date.issued": "published",
    "date": "published",
    "article:section": "section",
    "content-language": "language",
}


def html_meta(root: etree._Element) -> dict[str, Any]:
    """What the page says about itself in <head>: title, site name, url, author, dates, JSON-LD."""
    meta: dict[str, Any] = {}
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        meta["title"] = _WHITESPACE.sub(" ", title.text_content()).strip()
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        value = (m.get("content") or "").strip()
        field = _META_KEYS.get(key)
        if field and value and field not in meta:
            meta[field] = value
        if m.get("http-equiv", "").lower() == "content-language" and value:
            meta.setdefault("language", value)
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            meta["canonical"] = link.get("href").strip()
    lang = root.get("lang")
    if lang:
        meta.setdefault("language", lang)
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            _read_json_ld(script.text, meta)
    return meta


def _read_json_ld(text: str, meta: dict[str, Any]) -> None:
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return
    items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
    for item in items:
        if not isinstance(item, dict) or "Article" not in str(item.get("@type", "")):
            continue
        if item.get("headline"):
            meta.setdefault("ld_headline", str(item["headline"]))
        if item.get("datePublished"):
            meta.setdefault("ld_published", str(item["datePublished"]))
        authors = item.get("author")
        authors = authors if isinstance(authors, list) else [authors] if authors else []
        names = [a.get("name") if isinstance(a, dict) else a for a in authors]
        if names:
            meta.setdefault("ld_authors", [str(n) for n in names if n])
        pub = item.get("publisher")
        if isinstance(pub, dict) and pub.get("name"):
            meta.setdefault("ld_publisher", str(pub["name"]))
