"""Claims stage: what the article states or reports, with a status and the cue that gives it, and
flags on its headline.

Reads ``paragraphs``, ``quotes``, ``entities``, ``title``, ``related_headlines``; assigns ``claims`` and
``headline``. Status, strongest first: denied, unverified, disputed, alleged, reported, asserted.

- A cue of ``lang/id/speech.json`` (``claim_cues``: "belum diverifikasi", "keaslian … diperdebatkan",
  "dilaporkan", "diduga", "diklaim", "kabarnya", "membantah" …) makes the sentence it stands in a claim
  with that status; the cue is kept as evidence. Cue claims about the same thing (sentences sharing two
  content words, one not a name: "surat … terbuka") are one claim with all the evidence.
- Every quote is a claim of its speaker: ``denied`` for a denial, the status of a cue inside it, else
  ``asserted`` (by the speaker; ``reported`` when the article has it from another medium).
- The headline gets a clickbait probability (model trained on CLICK-ID, ``kronik.headlines``) and is
  flagged ``overstates_body`` when it states without hedging what the body reports only as unverified,
  disputed or alleged. Related headlines get a clickbait probability too.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.lang.id.stop_words import STOP_WORDS

from kronik.data import Article
from kronik.stages.quotes import spans as sp
from kronik.stages.quotes.lexicon import lexicon

STATUS_ORDER = ("denied", "unverified", "disputed", "alleged", "reported", "asserted")
#: Cue claims this many paragraphs apart or closer may be merged when they share content words.
MERGE_REACH = 6
#: Words shared (at least one not part of a name) for two cue claims, or a headline and a claim, to be
#: about the same thing.
SHARED_WORDS = 2
#: A claim's text is cut to this many characters.
TEXT_MAX = 400

_NOT_CONTENT = set(STOP_WORDS) | {
    "tersebut",
    "itu",
    "ini",
    "para",
    "sebuah",
    "seorang",
    "mulai",
    "masih",
    "telah",
}


def claims(article: Article) -> Article:
    article.claims = find_claims(article)
    article.headline = headline_flags(article, article.claims)
    return article


def claims_batch(articles: list[Article]) -> list[Article]:
    """The same as :func:`claims` over many articles, scoring all their headlines in one pass."""
    for a in articles:
        claims(a)
    _score_headlines(articles)
    return articles


def _score_headlines(articles: list[Article]) -> None:
    try:
        from kronik.headlines.clickbait import score
    except ImportError:  # the clickbait model is optional for this stage
        return
    texts: list[str] = []
    for a in articles:
        texts.append(a.title or "")
        texts.extend(a.related_headlines)
    try:
        scores = iter(score(texts))
    except Exception as err:  # a missing or broken model must not lose the article
        for a in articles:
            a.warn(f"claims: clickbait model unavailable ({type(err).__name__}: {err})")
        return
    for a in articles:
        a.headline["clickbait"] = _round(next(scores))
        a.headline["related"] = [{"text": t, "clickbait": _round(next(scores))} for t in a.related_headlines]


def _round(x: float | None) -> float | None:
    return None if x is None else round(float(x), 3)


def _content_words(text: str, names: set[str]) -> tuple[set[str], set[str]]:
    """Content words of a text, split into (not part of a name, part of a name)."""
    plain, named = set(), set()
    for w in sp.words(text):
        lw = w.casefold().lstrip("#@")
        if len(lw) < 4 or lw in _NOT_CONTENT or lw.isdigit():
            continue
        (named if lw in names else plain).add(lw)
    return plain, named


def _name_words(article: Article) -> set[str]:
    out: set[str] = set()
    for e in article.entities:
        for m in e.get("mentions", ()):
            out.update(w.casefold().lstrip("#@") for w in sp.words(m["text"]))
        out.update(w.casefold() for w in sp.words(e.get("name") or ""))
    return out


def _about_same(a: tuple[set[str], set[str]], b: tuple[set[str], set[str]]) -> bool:
    plain = a[0] & b[0]
    return bool(plain) and len(plain) + len(a[1] & b[1]) >= SHARED_WORDS


def find_claims(article: Article) -> list[dict[str, Any]]:
    lex = lexicon()
    body = article.body
    paras = sp.paragraphs(article.paragraphs)
    names = _name_words(article)
    cue_claims: list[dict[str, Any]] = []
    # a denial reported as a quote is that quote's claim; its verb is not a second claim
    denial_at = [(q["start"], q["end"]) for q in article.quotes if q.get("kind") == "deny"]
    for para in paras:
        quoted, _ = sp.quoted_spans(para)
        for s0, s1 in sp.sentences(para, [(q.start, q.end) for q in quoted]):
            text = body[s0:s1]
            hits = []
            for status, pat in lex.claim_cues:
                for m in pat.finditer(text):
                    if status == "denied" and any(s0 <= a < s1 or s0 < b <= s1 for a, b in denial_at):
                        continue
                    hits.append((s0 + m.start(), s0 + m.end(), status))
            if not hits:
                continue
            hits.sort()
            evidence = [_evidence(body, a, b, st, s0, s1) for a, b, st in hits]
            words = _content_words(text, names)
            merged = next(
                (
                    c
                    for c in cue_claims
                    if para.index - c["_para"] <= MERGE_REACH and _about_same(c["_words"], words)
                ),
                None,
            )
            if merged is None:
                cue_claims.append(
                    {
                        "text": text[:TEXT_MAX],
                        "start": s0,
                        "end": s1,
                        "status": None,
                        "evidence": evidence,
                        "sentences": [[s0, s1]],
                        "speaker": None,
                        "quote": None,
                        "_para": para.index,
                        "_words": words,
                    }
                )
            else:
                merged["evidence"].extend(evidence)
                merged["sentences"].append([s0, s1])
                merged["_para"] = para.index
                merged["_words"] = (merged["_words"][0] | words[0], merged["_words"][1] | words[1])
    for c in cue_claims:
        c["status"] = _strongest(e["status"] for e in c["evidence"])
        del c["_para"], c["_words"]
    out = cue_claims + _quote_claims(article)
    out.sort(key=lambda c: c["start"])
    return out


def _evidence(body: str, a: int, b: int, status: str, s0: int, s1: int) -> dict[str, Any]:
    """The cue with the words around it that say what it is about ("keaslian surat terbuka itu masih
    diperdebatkan"): up to five words before and two after, within the sentence."""
    left = [m.start() for m in re.finditer(r"\S+", body[s0:a])][-5:]
    right = [m.end() for m in re.finditer(r"\S+", body[b:s1])][:2]
    start = s0 + left[0] if left else a
    end = b + right[-1] if right else b
    return {
        "cue": body[a:b],
        "status": status,
        "text": body[start:end].strip(' ,.;:"“”'),
        "start": a,
        "end": b,
    }


def _strongest(statuses: Any) -> str:
    seen = set(statuses)
    return next((s for s in STATUS_ORDER if s in seen), "asserted")


def _quote_claims(article: Article) -> list[dict[str, Any]]:
    lex = lexicon()
    out = []
    for i, q in enumerate(article.quotes):
        text = q["text"]
        evidence = []
        for status, pat in lex.claim_cues:
            for m in pat.finditer(text):
                evidence.append(
                    {
                        "cue": m.group(),
                        "status": status,
                        "text": text[max(0, m.start() - 30) : m.end() + 20].strip(),
                        "start": q["start"] + m.start(),
                        "end": q["start"] + m.end(),
                    }
                )
        if q.get("kind") == "deny":
            status = "denied"
            evidence.insert(
                0,
                {
                    "cue": q["cue"],
                    "status": "denied",
                    "text": q["cue"],
                    "start": q["start"],
                    "end": q["start"],
                },
            )
        elif evidence:
            status = _strongest(e["status"] for e in evidence)
        else:
            status = "reported" if q.get("via") else "asserted"
        speaker = q.get("speaker") or {}
        out.append(
            {
                "text": text[:TEXT_MAX],
                "start": q["start"],
                "end": q["end"],
                "status": status,
                "evidence": evidence,
                "sentences": [[q["start"], q["end"]]],
                "speaker": speaker.get("name"),
                "quote": i,
            }
        )
    return out


def headline_flags(article: Article, found: list[dict[str, Any]]) -> dict[str, Any]:
    lex = lexicon()
    title = article.title or ""
    out: dict[str, Any] = {
        "text": article.title,
        "clickbait": None,
        "hedged": False,
        "overstates_body": False,
        "why": None,
        "related": [{"text": t, "clickbait": None} for t in article.related_headlines],
    }
    if not title:
        return out
    hedge = lex.hedges.search(title)
    out["hedged"] = hedge is not None
    names = _name_words(article)
    tw = _content_words(title, names)
    weak = [c for c in found if c["quote"] is None and c["status"] in ("unverified", "disputed", "alleged")]
    for c in weak:
        cw = _content_words(" ".join(article.body[a:b] for a, b in c["sentences"]), names)
        if not _about_same(tw, cw):
            continue
        if hedge is not None:
            out["why"] = f"the headline hedges ({hedge.group()}) as the body does ({c['status']})"
            break
        cues = ", ".join(dict.fromkeys(e["cue"] for e in c["evidence"]))
        shared = ", ".join(sorted(tw[0] & cw[0]))
        out["overstates_body"] = True
        out["why"] = (
            f"the headline states as fact what the body gives as {c['status']} ({cues}); shared words: {shared}"
        )
        missing = _title_names_missing(article, title, c)
        if missing:
            out["why"] += f"; the body's claim does not name {', '.join(missing)}"
        break
    return out


def _title_names_missing(article: Article, title: str, claim: dict[str, Any]) -> list[str]:
    """Entities the headline names that the body's claim (its sentences and evidence) does not."""
    text = " ".join(article.body[a:b] for a, b in claim["sentences"])
    out = []
    for e in article.entities:
        forms = {e["name"], *(m["text"] for m in e.get("mentions", ()))}
        if any(f and f in title for f in forms) and not any(f and f in text for f in forms):
            out.append(e["name"])
    return out
