"""Stage ``metadata.v1``: title, lead, section, outlet, dateline place, publication time, credits,
cited media and page number, read from the blocks around the body the cleaner found."""

from __future__ import annotations

import datetime as dt
import re

from kronik.data import Article, Block, Outlet, Page
from kronik.stages.clean import DATELINE, is_caption, is_credit_only
from kronik.stages.metadata.dates import DateMatch, find_dates, find_time_zone, parse_field_date
from kronik.stages.metadata.header import HEAD_WINDOW, Head, find_head, strip_site_name
from kronik.stages.metadata.media import find_cited_media
from kronik.stages.metadata.outlet import (
    outlet_from_alias,
    outlet_from_copyright,
    outlet_from_domain,
    outlet_from_printed,
    outlet_from_url,
)
from kronik.stages.metadata.people import Credits, capitals_signature, read_credits, split_names

#: Blocks after the body still read for credits ("Editor: X", "Sumber: Y", the author's signature).
TAIL_WINDOW = 25
#: First day of a war, for "hari ke-N" counts that confirm a publication date (day 1 = the anchor).
WAR_DAY_ANCHORS = {"russia-ukraine": dt.date(2022, 2, 24)}
_PAGINATION = re.compile(r"^(?:halaman|page)\s+(\d+)\s*(?:/|dari|of)\s*(\d+)$", re.IGNORECASE)
_WAR_DAY = re.compile(r"\bhari\s+ke-?\s?(\d{1,4})\b", re.IGNORECASE)
_PHOTO_TAIL = re.compile(
    r"\((?:(?P<a>[^()]*?[A-Za-z][^()]*?/[^()]+)|(?:foto|photo|dok|doc)\s*[:.]\s*(?P<f>[^()]+))\)\s*\.?$"
    r"|\s/\s?(?P<b>(?:twitter|instagram|facebook|tiktok)\s?/\s?@?\w+)\s*$"
    r"|/©(?P<c>[^/]{2,40}/[^/]{2,60})$"
    r"|[\s.](?:foto|photo)\s*:\s*(?P<d>[\w./@ -]{2,60})$"
    r"|(?-i:^(?P<e>[A-Z][A-Za-z.]+\.(?:COM|CO\.ID|ID|com|co\.id|id)/[A-Z][A-Z .]+?)\s+[A-Z][a-z])"
    r"|\[(?:foto|photo|gambar)\s*:\s*(?P<h>[^\]]{2,60})\]\s*$"
    r"|\s[-–]\s*(?:foto|photo|gambar)\s*:?\s*(?P<i>[\w/ .]{2,40})$"
    r"|©\s*(?P<j>[\w.]+/[\w. ]{2,40})$"
    r"|(?-i:\s(?P<k>[A-Z]{3,}(?:\sFOTO)?/[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,3})(?:/[a-z]{2,5}\.?)?$)",
    re.IGNORECASE,
)


def metadata(article: Article) -> Article:
    blocks = article.blocks
    body_idx = [b.index for b in blocks if b.kind in ("body", "dateline")]
    start = body_idx[0] if body_idx else len(blocks)
    end = body_idx[-1] if body_idx else len(blocks) - 1
    meta = article.html_meta
    meta_titles = [
        t
        for t in (meta.get("og_title"), meta.get("ld_headline"), meta.get("twitter_title"), meta.get("title"))
        if t
    ]
    head = find_head(blocks, start, meta_titles) if article.input_format != "record" else Head()
    _set_title(article, head, meta_titles)
    _set_section_and_lead(article, head)
    tail = blocks[end + 1 : end + 1 + TAIL_WINDOW]
    head_blocks = blocks[max(0, start - HEAD_WINDOW) : start]
    credits = read_credits([b.text for b in head_blocks], head_blocks[0].index if head_blocks else 0)
    tail_credits = read_credits([b.text for b in tail], end + 1)
    for role in ("authors", "editors", "photo_credits"):
        credits.add(role, getattr(tail_credits, role))
    credits.lines += tail_credits.lines
    _signature(article, tail, credits)
    _byline_blocks(article, head_blocks, credits)
    _mark(blocks, credits.lines, "credit_line", article)
    _photo_credits(article, head_blocks, credits)
    _given_people(article, credits)
    article.authors, article.editors, article.photo_credits = (
        credits.authors,
        credits.editors,
        credits.photo_credits,
    )
    _set_outlet(article)
    _set_published(article, head)
    credit_texts = [blocks[i].text for i in credits.lines] + [b.text for b in tail]
    article.cited_media = find_cited_media(article.paragraphs, credit_texts, article.outlet.name)
    _set_page(article)
    _file_outside(article)
    return article


def _mark(blocks: list[Block], indices: list[int], kind: str, article: Article) -> None:
    for i in indices:
        if 0 <= i < len(blocks) and blocks[i].kind in ("outside", ""):
            blocks[i].kind = kind
            article.remove(kind, blocks[i].text)


def _set_title(article: Article, head: Head, meta_titles: list[str]) -> None:
    given = article.given.get("title")
    site = [article.html_meta.get("site_name") or "", article.outlet.name or ""]
    if given:
        article.title = str(given).strip()
    elif head.title_text:
        article.title = head.title_text
        article.blocks[head.title].kind = "title"
    elif meta_titles:
        article.title = strip_site_name(meta_titles[0], site)
        article.warn("title taken from the page's metadata, not found in its text")
    else:
        article.warn("no title found")
    if article.title:
        article.title = re.sub(r"\s+", " ", article.title).strip()


def _set_section_and_lead(article: Article, head: Head) -> None:
    blocks = article.blocks
    if head.crumbs:
        crumb = head.crumbs[0]
        article.section = crumb.title() if crumb.isupper() else crumb
    elif head.section is not None:
        article.section = (
            blocks[head.section].text.title()
            if blocks[head.section].text.isupper()
            else blocks[head.section].text
        )
        blocks[head.section].kind = "navigation"
    elif article.given.get("section") and str(article.given["section"]).strip() not in ("-", ""):
        article.section = str(article.given["section"]).strip()
    if head.lead is not None:
        article.lead = blocks[head.lead].text
        blocks[head.lead].kind = "lead"
    if head.date_line is not None and blocks[head.date_line].kind in ("outside", ""):
        blocks[head.date_line].kind = "date_line"
        article.remove("date_line", blocks[head.date_line].text)


def _signature(article: Article, tail: list[Block], credits: Credits) -> None:
    """An author's name in capitals right after the body (Tempo prints "DINI TEJA")."""
    for b in tail[:3]:
        name = capitals_signature(b.text)
        if name and b.kind in ("outside", ""):
            credits.add("authors", [name])
            credits.lines.append(b.index)
            return


def _byline_blocks(article: Article, head_blocks: list[Block], credits: Credits) -> None:
    """Names in elements the markup calls author/writer/editor, and credit lines left inside the body run."""
    from kronik.stages.metadata.people import looks_like_name, read_closing_credit, read_credit_line

    for b in article.blocks:
        if b.kind == "credit_line":
            read_credit_line(b.text, credits) or read_closing_credit(b.text, credits)
    if credits.authors:
        return
    for b in head_blocks:
        if b.hint == "byline" and b.kind in ("outside", "") and looks_like_name(b.text.strip()):
            credits.add("authors", [b.text.strip()])
            b.kind = "credit_line"
            article.remove("credit_line", b.text)


def _photo_credits(article: Article, head_blocks: list[Block], credits: Credits) -> None:
    """Photo credits: credit-only lines above the body ("AFP/Nama") and credits ending captions."""
    for j, b in enumerate(head_blocks):
        if is_credit_only(b.text) and b.kind in ("outside", "") and len(b.text.split()) <= 8:
            credits.add("photo_credits", [re.sub(r"\s*/\s*", "/", b.text.strip())])
            b.kind = "credit_line"
            article.remove("credit_line", b.text)
            nxt = head_blocks[j + 1] if j + 1 < len(head_blocks) else None
            if nxt is not None and nxt.kind in ("outside", "") and len(nxt.text.split()) >= 5:
                nxt.kind = "photo_caption"  # the caption printed under its photo credit
                article.remove("photo_caption", nxt.text)
    head_start = head_blocks[0].index if head_blocks else 0
    head_end = head_blocks[-1].index if head_blocks else -1
    for b in article.blocks:
        captioned = is_caption(b.text) or b.hint == "caption"
        above_body = b.kind in ("outside", "") and head_start <= b.index <= head_end and captioned
        if b.kind != "photo_caption" and not above_body:
            continue
        m = _PHOTO_TAIL.search(b.text)
        if m:
            credit = next(g for g in m.groups() if g)
            credit = re.sub(r"\s*/\s*", "/", credit.strip()).replace("®", "")
            credit = re.sub(r"^(?:foto|photo|gambar|dok\.?)\s*:\s*|^©\s*", "", credit, flags=re.IGNORECASE)
            if len(credit) <= 60 and re.search(r"[A-Za-z]{2}", credit):
                credits.add("photo_credits", [credit])


def _given_people(article: Article, credits: Credits) -> None:
    for role in ("authors", "editors"):
        value = article.given.get(role)
        if value and not getattr(credits, role):
            names = value if isinstance(value, list) else split_names(str(value))
            credits.add(role, [str(n) for n in names])
    meta = article.html_meta
    if not credits.authors:
        names = meta.get("ld_authors") or ([meta["author"]] if meta.get("author") else [])
        credits.add("authors", [n for n in names for n in split_names(n)])


def _set_outlet(article: Article) -> None:
    url = article.url or article.html_meta.get("canonical") or article.html_meta.get("url")
    if url and not article.url and str(url).startswith("http"):
        article.url = str(url)
    outlet = None
    if article.url:
        outlet = outlet_from_url(article.url)
    body_text = "\n".join(article.paragraphs[:2])
    first = article.paragraphs[0] if article.paragraphs else ""
    m = DATELINE.match(first)
    page_text = article.raw_text if len(article.raw_text) < 400_000 else article.raw_text[:400_000]
    if m:
        _dateline(article, m.group("head"), page_text)
        if outlet is None and article.outlet.name:
            outlet = article.outlet
    if outlet is None:
        given = article.given.get("outlet")
        if given:
            outlet = (
                outlet_from_alias(str(given))
                or outlet_from_domain(str(given))
                or outlet_from_printed(str(given), body_text)
            )
    if outlet is None and article.html_meta.get("site_name"):
        outlet = outlet_from_alias(article.html_meta["site_name"]) or outlet_from_printed(
            article.html_meta["site_name"], ""
        )
    if outlet is None:
        outlet = _outlet_from_lines(article)
    if outlet is not None:
        article.outlet = _language_edition(outlet, article.language)


def _language_edition(outlet: Outlet, language: str | None) -> Outlet:
    """An outlet's edition in the article's language ("Tempo" -> "Tempo English") when the registry lists one."""
    from kronik.stages.metadata.outlet import outlet_channel

    if language and language != "id":
        edition = outlet_channel(outlet, language)
        if edition is not None:
            return edition
    return outlet


_BYLINE_CHANNEL = re.compile(r"\s-\s(detik\w+)$")  # "Fino Yurio Kristo - detikinet"
_DOMAIN_END = re.compile(r"\.(com|co\.id|id|net|co|info|news)(\.\w\w)?$", re.IGNORECASE)


def _outlet_from_lines(article: Article) -> Outlet | None:
    """The outlet a byline's channel names, or failing that the copyright line."""
    for b in article.blocks:
        m = _BYLINE_CHANNEL.search(b.text)
        found = outlet_from_alias(m.group(1)) if m else None
        if found:
            return found
    for b in reversed(article.blocks):
        found = outlet_from_copyright(b.text) if re.search(r"©|copyright", b.text, re.IGNORECASE) else None
        if found:
            return found
    return None


def _dateline(article: Article, head: str, page_text: str) -> None:
    """Read outlet and place from a dateline head such as "LHOKSEUMAWE, KOMPAS.com"."""
    head = head.strip()
    paren = re.match(r"^(?P<place>.+?)\s*\((?P<outlet>[^)]+)\)$", head)  # "Mataram, NTB (ANTARA News)"
    if paren:
        name = paren.group("outlet")
        article.outlet = outlet_from_alias(name) or outlet_from_printed(name, page_text) or article.outlet
        article.dateline_place = ", ".join(p.strip() for p in paren.group("place").split(",") if p.strip())
        return
    places = []
    for part in (p.strip() for p in head.split(",")):
        if _DOMAIN_END.search(part) or outlet_from_alias(part) is not None:
            article.outlet = outlet_from_printed(part, page_text) or article.outlet
        elif part:
            places.append(part.title() if part.isupper() else part)
    if places and (article.outlet.name or len(places) == 1):
        candidate = ", ".join(places)
        if not (candidate.isupper() or outlet_from_alias(candidate)):
            article.dateline_place = candidate
        if len(places) == 1 and not article.outlet.name and head.isupper() and len(head.split()) >= 2:
            article.dateline_place = None  # "ZONA PRIANGAN -": an outlet, not a place
            article.outlet = outlet_from_printed(head, page_text) or article.outlet


def _set_published(article: Article, head: Head) -> None:
    chosen: DateMatch | None = None
    evidence: list[str] = []
    given = article.given.get("published")
    if given:
        chosen = parse_field_date(str(given), month_first=bool(article.given.get("_month_first")))
        time = article.given.get("time")
        if chosen and chosen.hour is None and time:
            t = re.match(r"\s*(\d{1,2})[:.](\d{2})", str(time))
            if t:
                chosen.hour, chosen.minute = int(t.group(1)), int(t.group(2))
                chosen.offset = find_time_zone(str(time))
        if chosen:
            evidence.append(str(given) + (f" {time}" if time else ""))
    if chosen is None and head.date is not None:
        chosen = head.date
        evidence.append(chosen.text)
    if chosen is None and article.html_meta:
        chosen = _html_date(article, evidence)
    if chosen is None:
        chosen = _date_in_text(article, evidence)
    if chosen is None:
        article.warn("no publication date found")
        return
    chosen = _check_weekday(article, chosen)
    chosen = _check_url_date(article, chosen, evidence)
    if chosen.hour is not None and chosen.offset is None:
        zone = find_time_zone(str(article.given.get("time") or "")) or _outlet_zone(article)
        if zone:
            chosen.offset = zone
            article.warn(f"time zone not given: taken as {zone}, the zone {article.outlet.name} publishes in")
    if chosen.hour is not None and chosen.offset is None:
        article.warn("publication time given without a time zone")
    article.published = chosen.iso()
    article.published_precision = "minute" if chosen.hour is not None else "day"
    _war_day_evidence(article, chosen, evidence)
    article.published_evidence = evidence
    today = dt.date.today()
    if chosen.date > today + dt.timedelta(days=1):
        article.warn(f"publication date {chosen.date.isoformat()} is in the future")


def _html_date(article: Article, evidence: list[str]) -> DateMatch | None:
    meta = article.html_meta
    for key in ("published", "ld_published"):
        if meta.get(key):
            found = parse_field_date(str(meta[key]))
            if found:
                evidence.append(f"{key}: {meta[key]}")
                return found
    tree = meta.get("_tree")
    if tree is None:
        return None
    from htmldate import find_date

    try:
        value = find_date(tree, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate fails on some malformed trees; the date stays unknown
        value = None
    if value:
        evidence.append(f"htmldate: {value}")
        return parse_field_date(value)
    return None


def _date_in_text(article: Article, evidence: list[str]) -> DateMatch | None:
    """A dated weekday in the title, lead or first paragraphs ("Sabtu (14/1/2023)")."""
    texts = [article.title or "", article.lead or "", *article.paragraphs[:2]]
    for text in texts:
        for d in find_dates(text):
            if d.weekday_ok is not None or "(" in d.text:
                evidence.append(d.text)
                article.warn("publication date read from the article text")
                return d
    return None


_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(\d\d)/(\d\d)/")


def _check_url_date(article: Article, d: DateMatch, evidence: list[str]) -> DateMatch:
    """Undo a day/month swap (spreadsheet exports) when the URL's /YYYY/MM/DD/ shows the true date."""
    m = _URL_DATE.search(article.url or "")
    if not m:
        return d
    try:
        url_date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return d
    if (
        d.date != url_date
        and (d.date.month, d.date.day) == (url_date.day, url_date.month)
        and d.date.year == url_date.year
    ):
        article.warn(
            f"date {d.date.isoformat()} has day and month swapped; the URL says {url_date.isoformat()}"
        )
        d.date = url_date
        evidence.append(f"url: {m.group(0)}")
    return d


def _outlet_zone(article: Article) -> str | None:
    """Indonesian national outlets print times in WIB; a known one with no zone given is taken as WIB."""
    from kronik.stages.metadata.outlet import outlet_zone

    return outlet_zone(article.outlet)


def _check_weekday(article: Article, d: DateMatch) -> DateMatch:
    if d.weekday_ok is False:
        if d.date.day <= 12:
            try:
                swapped = d.date.replace(month=d.date.day, day=d.date.month)
            except ValueError:
                swapped = None
            if swapped is not None:
                article.warn(
                    f"printed weekday does not match {d.date.isoformat()}; read as {swapped.isoformat()}"
                )
                d.date = swapped
                return d
        article.warn(f"printed weekday does not match {d.date.isoformat()}")
    return d


def _war_day_evidence(article: Article, d: DateMatch, evidence: list[str]) -> None:
    for text in (article.title or "", article.lead or ""):
        m = _WAR_DAY.search(text)
        if m:
            for anchor in WAR_DAY_ANCHORS.values():
                if anchor + dt.timedelta(days=int(m.group(1)) - 1) == d.date:
                    evidence.append(f"{m.group(0)} (day 1 = {anchor.isoformat()})")
                    return


def _set_page(article: Article) -> None:
    for r in article.removed:
        m = _PAGINATION.match(r.text) if r.kind == "pagination" else None
        if m:
            article.page = Page(int(m.group(1)), int(m.group(2)))
            return
    for b in article.blocks:
        m = _PAGINATION.match(b.text)
        if m:
            article.page = Page(int(m.group(1)), int(m.group(2)))
            if b.kind in ("outside", ""):
                b.kind = "pagination"
                article.remove("pagination", b.text)
            return


def _file_outside(article: Article) -> None:
    """Keep every block that is neither body nor already filed, under the kind it most looks like."""
    from kronik.stages.clean import furniture_kind, related_headline

    related = {h.lower() for h in article.related_headlines}
    for b in article.blocks:
        if b.kind not in ("outside", ""):
            continue
        kind = "photo_caption" if b.hint == "caption" and len(b.text.split()) >= 4 else furniture_kind(b.text)
        if not kind and (related_headline(b.text) is not None or b.text.strip("•□-* ").lower() in related):
            kind = "related_link"
        if not kind and is_caption(b.text):
            kind = "photo_caption"
        if not kind and find_dates(b.text) and len(b.text.split()) <= 12:
            kind = "navigation"
        b.kind = kind or "navigation"
        article.remove(b.kind, b.text)
