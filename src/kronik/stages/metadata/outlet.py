"""Which outlet published an article: from its URL, its dateline, its byline or its copyright line."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from kronik.data import Outlet


@dataclass(frozen=True)
class _Entry:
    name: str
    domain: str
    network: str | None
    aliases: tuple[str, ...]
    channels: tuple[tuple[str, str], ...]
    timezone: str | None


@lru_cache(maxsize=1)
def _registry() -> tuple[list[_Entry], list[tuple[re.Pattern[str], str]]]:
    data = json.loads(resources.files("kronik.lang.id").joinpath("outlets.json").read_text("utf-8"))
    entries = [
        _Entry(
            o["name"],
            o["domain"],
            o.get("network"),
            tuple(o.get("aliases", [])),
            tuple(o.get("channels", {}).items()),
            o.get("timezone", "+08:00" if o["domain"].endswith(".my") else "+07:00"),
        )
        for o in data["outlets"]
    ]
    networks = [(re.compile(n["domain_pattern"]), n["network"]) for n in data.get("networks", [])]
    return entries, networks


def _network(domain: str) -> str | None:
    for pat, network in _registry()[1]:
        if pat.search(domain):
            return network
    return None


def domain_of(url: str) -> str | None:
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname
    except ValueError:
        return None
    return host[4:] if host and host.startswith("www.") else host


def outlet_from_url(url: str) -> Outlet | None:
    """The outlet of a URL; a channel named by the first path segment counts ("detik.com/jabar/...")."""
    domain = domain_of(url)
    if not domain:
        return None
    outlet = outlet_from_domain(domain)
    entries, _ = _registry()
    segment = urlsplit(url if "//" in url else "//" + url).path.strip("/").split("/")[0].lower()
    for e in entries:
        if outlet is not None and outlet.name == e.name and segment:
            channel = dict(e.channels).get(segment)
            if channel:
                return Outlet(name=channel, domain=f"{e.domain}/{segment}", network=e.network)
    return outlet


def outlet_from_domain(domain: str) -> Outlet | None:
    """The registry's outlet for ``domain`` (a subdomain maps to its channel when one is listed)."""
    domain = domain.lower().strip(".")
    entries, _ = _registry()
    best: _Entry | None = None
    for e in entries:
        if (domain == e.domain or domain.endswith("." + e.domain)) and (
            best is None or len(e.domain) > len(best.domain)
        ):
            best = e
    if best is None:
        return None
    sub = domain[: -len(best.domain)].rstrip(".").split(".")[-1] if domain != best.domain else ""
    channel = dict(best.channels).get(sub)
    return Outlet(name=channel or best.name, domain=domain if channel else best.domain, network=best.network)


def outlet_channel(outlet: Outlet, channel: str) -> Outlet | None:
    """The registry's channel ``channel`` (a subdomain key such as "en") of ``outlet``, if listed."""
    entries, _ = _registry()
    for e in entries:
        if outlet.name == e.name or outlet.domain == e.domain:
            name = dict(e.channels).get(channel)
            if name:
                return Outlet(name=name, domain=f"{channel}.{e.domain}", network=e.network)
    return None


def outlet_zone(outlet: Outlet) -> str | None:
    """The UTC offset an outlet of the registry publishes in (``timezone``, default WIB for Indonesia)."""
    if not outlet.domain:
        return None
    entries, _ = _registry()
    for e in entries:
        if (
            outlet.domain == e.domain
            or outlet.domain.startswith(e.domain + "/")
            or outlet.domain.endswith("." + e.domain)
        ):
            return e.timezone
    return None


def outlet_from_alias(text: str) -> Outlet | None:
    """The registry's outlet printed as ``text`` ("KOMPAS.com", "ANTARA News", "detikinet")."""
    t = text.strip().lower()
    entries, _ = _registry()
    for e in entries:
        for sub, channel in e.channels:
            if t == channel.lower():
                return Outlet(name=channel, domain=f"{sub}.{e.domain}", network=e.network)
        if t in (a.lower() for a in e.aliases) or t in (e.domain, e.name.lower()):
            return Outlet(name=e.name, domain=e.domain, network=e.network)
    return None


def outlet_from_printed(token: str, page_text: str) -> Outlet | None:
    """An outlet from a dateline token such as "TRIBUNGORONTALO.COM" or "ZONA PRIANGAN".

    Known outlets come from the registry; an unknown one takes the spelling the page itself uses
    elsewhere ("Dilansir TribunGorontalo.com ...") or, failing that, title case.
    """
    token = token.strip(" ,-–")
    if not token:
        return None
    known = outlet_from_alias(token)
    if known:
        return known
    domain = token.lower() if re.search(r"\.(com|co\.id|id|net|co|info|news)$", token, re.I) else None
    if domain:
        known = outlet_from_domain(domain)
        if known:
            return known
    spelled = None
    for m in re.finditer(re.escape(token), page_text, re.IGNORECASE):
        candidate = m.group(0)
        if candidate != token and not candidate.isupper():
            spelled = candidate
            break
    name = spelled or (token.title() if token.isupper() else token)
    if domain and not spelled and token.isupper():
        stem, _, tld = token.partition(".")
        name = stem.title() + "." + tld.lower()
    return Outlet(name=name, domain=domain, network=_network(domain) if domain else None)


_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}\s*(?:-\s*\d{4})?\s*)?(?P<name>[A-Za-z][\w.-]+(?:\s[A-Z][\w.-]+){0,2})",
    re.I,
)


def outlet_from_copyright(line: str) -> Outlet | None:
    """The outlet named in a copyright line: "© 2007 - 2015 okezone.com", "COPYRIGHT © ANTARA 2015"."""
    m = _COPYRIGHT.search(line)
    if not m:
        return None
    name = m.group("name").strip(" .,")
    for cand in (name, name.split()[0]):
        known = outlet_from_alias(cand) or (outlet_from_domain(cand) if "." in cand else None)
        if known:
            return known
    name = re.sub(r"\s+(?:network|group|all|semua|hak)\b.*$", "", name, flags=re.IGNORECASE).strip(" .,")
    if name and not re.match(r"(?i)^(all|rights|reserved|copyright)$", name):
        return Outlet(name=name, domain=name.lower() if re.search(r"\.\w{2,}$", name) else None)
    return None
