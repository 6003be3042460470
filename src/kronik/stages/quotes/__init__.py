"""Quotes stage: direct and indirect speech, its speaker, medium, time and the chain of sources.

Reads ``paragraphs``, ``entities``, ``outlet`` and ``cited_media``; assigns ``quotes`` and ``sources``.
How it works (docs/quotes.md):

1. Quotation marks are paired per paragraph (:mod:`.spans`). A quoted passage is a direct quote when a
   cue stands next to it ("…," kata X / X mengatakan: "…" / Menurut X, "…"), or when it opens a
   paragraph right after another direct quote (a quote carried over several paragraphs).
2. Every other sentence is read for indirect speech: ``X <speech verb> (bahwa) …``, ``…, kata X``,
   ``Menurut X, …``. Short quoted phrases inside it ("tidak dipotong") stay part of it.
3. Speakers are resolved to the article's entities (:mod:`.speakers`): names, pronouns and "-nya",
   unnamed speakers ("seorang pejabat …"), a subject left out ("Namun memperingatkan …").
4. The medium ("kepada TASS", "di Twitter"), the time as written ("pada hari Jumat") and the media
   the article cites for it ("Dikutip Express", "menurut kantor berita … Belta") make the source chain
   outlet ← cited media ← medium ← speaker.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.lang.id.stop_words import STOP_WORDS

from kronik.data import Article
from kronik.stages.entities import TITLES
from kronik.stages.metadata.media import known_medium
from kronik.stages.quotes import spans as sp
from kronik.stages.quotes.lexicon import Lexicon, lexicon
from kronik.stages.quotes.speakers import Resolver, Speaker

#: A quoted passage needs this many words to stand as a quote of its own when nothing attributes it;
#: shorter ones are titles, scare quotes or partial quotes.
ORPHAN_MIN_WORDS = 6
#: A quoted passage with fewer words is a partial quote or a scare quote even when a cue stands by it.
DIRECT_MIN_WORDS = 3
#: Reported content needs at least this many words.
INDIRECT_MIN_WORDS = 3

_COMPLEMENTIZER = re.compile(r"\s*(?:[,:]\s*)?(?:(?P<c>bahwa|kalau|jika|agar|supaya)\b\s*)?", re.IGNORECASE)
_BLOCKED_BEFORE_VERB = re.compile(
    r"(?:\b(?:yang|untuk|tidak|tak|belum|bukan|enggan|bisa|dapat|harus|ingin|mau|akan|sedang|guna|dengan|saat|ketika|sambil|seraya|usai|setelah|sebelum)\s*)$",
    re.IGNORECASE,
)
#: A word that makes the reported content a clause (a predicate): an affixed verb or an auxiliary.
_PREDICATE = re.compile(
    r"\b(?:(?:me[mny]?|meng|ber|di|ter)[a-z]{3,}|akan|telah|sudah|sedang|masih|mungkin|dapat|bisa|harus|"
    r"perlu|tidak|tak|belum|bukan|ada|adalah|merupakan|ialah|yakni|menjadi|punya|mau|ingin|boleh|wajib|"
    r"siap|cukup|banyak|sangat|lebih|kurang|naik|turun|masuk|pergi|tiba|datang|jadi|hanya|sesuai|penting|wajar|layak|"
    r"benar|aman|baik|buruk|normal|kondusif|kooperatif|transparan|strategis|sah|ilegal|legal|lancar|mampu|tepat|salah|"
    r"lahir|muncul|hilang|hidup|mati|tewas|tumbuh|jatuh|kalah|menang|gagal|habis|tetap|terus|mulai|selesai|hadir|"
    r"pulang|kembali|rusak|ikut|tahu|paham|setuju|sepakat|percaya|yakin|khawatir|takut|senang|kecewa|prihatin|"
    r"lemah|kuat|mahal|murah|sulit|mudah|susah|jelas|cocok|pantas|bebas|lolos|hancur|anjlok|stabil|efektif)(?:lah|pun)?\b"
)
_NOT_PREDICATE = {
    "terhadap",
    "tersebut",
    "terkait",
    "termasuk",
    "terutama",
    "sebagai",
    "sekitar",
    "setiap",
    "selama",
    "sejak",
    "sesuai",
    "semua",
    "seluruh",
    "sebuah",
    "seorang",
    "sendiri",
    "setelah",
    "sebelum",
    "secara",
    "sehingga",
    "seperti",
    "sedangkan",
    "serta",
    "dengan",
    "dalam",
    "demi",
}
#: A weekday as a saying's time: "pada hari Kamis", "Senin".
_WEEKDAY_AT = r"(?i:(?:pada\s+)?(?:hari\s+)?(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu))"
#: Between a speech verb and its "bahwa": when, where or to whom it was said ("pada Kamis (16/10)",
#: "kepada wartawan di Istana", "dalam konferensi pers").
_ADVERBIAL_THEN_BAHWA = re.compile(
    r"\s+(?i:pada|kepada|dalam|di|melalui|lewat|usai|seusai|saat|ketika)\s"
    r"(?:(?!(?i:untuk|agar|supaya)\b)[^.;\"“”]){1,80}?,?\s+(?i:bahwa)\s+"  # ("mengimbau kepada warga untuk
    # tidak termakan opini bahwa …": what they are to do, not a "bahwa" of the saying)
)
#: The same with a comma for "bahwa", for a saying's addressee or day only ("mengatakan kepada komisi
#: pertahanan parlemen pada Rabu, meningkatnya …"; "mengatakan dalam kurun waktu 4 tahun, …" is content).
_ADVERBIAL_THEN_COMMA = re.compile(
    rf"\s+(?:(?i:kepada)\s[^.;,\"“”]{{1,60}}?|{_WEEKDAY_AT}[^.;,\"“”]{{0,25}}?)(?:,?\s*{_WEEKDAY_AT}[^,.;]{{0,20}})?,\s+(?!(?i:bahwa)\b|[\"“”«])"
)
#: Whom a call is made to, then what they are to do: "meminta para hakim berpihak", "mendesak DPR membatalkan".
_CALLED_TO_ACT = re.compile(r"\s+(?:[\w-]+\s+){1,3}?(?:ber|me[mny]?|meng|meny)[a-z]{3,}\b")
#: A passive report: "Disampaikan Nezar bahwa …", "Dikatakan oleh Kapolres, …".
_PASSIVE_CUE = re.compile(
    r"^\W*(?P<cue>(?i:disampaikan|dikatakan|dijelaskan|ditegaskan|diungkapkan|diterangkan|dituturkan))\s+(?i:oleh\s+)?"
    r"(?P<who>[A-Z][^,]{1,80}?)(?:\s*,\s*|\s+(?i:bahwa)\s+)(?:(?i:bahwa)\s+)?"
)
_CONNECTORS = (
    r"namun|tetapi|tapi|sementara|sementara itu|selain itu|sebab|karena itu|oleh karena itu|dan|lalu|bahkan|adapun|"
    r"sehingga|maka|jadi|yang pasti|meski demikian|meski begitu|dengan demikian|untuk itu"
)
#: A second speech verb joined to the first: "… mengonfirmasi …, dan mengatakan …".
_COORDINATION = re.compile(
    r"(?:,\s*)?\b(?:dan|serta|lalu|kemudian|sekaligus|sembari|sambil)\s+(?:juga\s+|pun\s+)?$", re.IGNORECASE
)
#: Where a speaker phrase after a cue ends (an initial, "A. Patrick Ryder", is no sentence end).
_SPEAKER_STOP = re.compile(
    r"\s(?:kepada|pada|saat|ketika|dalam|melalui|lewat|usai|seusai|setelah|seperti|sebagaimana|dikutip|dilansir|"
    r"sebagaimana|di hadapan|di depan|di sela|di|dari|kemarin|menurut|yang|sambil|seraya|mengutip|melansir|lagi)\b"
    r"|\((?!(?-i:[A-Z][\w-]{1,12})\)\s+(?-i:[A-Z]))|;|[.!?]\s*$|(?<!\s(?-i:[A-Z]))[.!?]\s"
    rf"|,\s*(?:{_WEEKDAY_AT}|\d)\b",
    re.IGNORECASE,
)
#: A preposition in a speaker's role before the institution he serves ("… pada Puspenkum Kejagung RI"), not
#: before a day, a month or a medium.
_ROLE_GOES_ON = re.compile(
    rf"\s(?:pada|di)\s+(?!{_WEEKDAY_AT}\b|(?i:hari|tanggal|pukul|jam|Januari|Februari|Maret|April|Mei|Juni|Juli|"
    r"Agustus|September|Oktober|November|Desember)\b)(?-i:[A-Z])"
)
#: An unnamed speaker's description goes on through "yang menolak disebutkan namanya".
_ANONYMOUS = re.compile(
    r"\s*yang\s+(?:menolak|enggan|tidak\s+mau|tak\s+mau|tidak\s+ingin|tak\s+ingin|minta|meminta)\s+"
    r"(?:untuk\s+)?(?:disebut(?:kan)?|menyebut(?:kan)?|diungkap(?:kan)?|dipublikasikan|diidentifikasi)\s+"
    r"(?:nama|identitas)(?:nya)?(?:\s+(?:nama|identitas)(?:nya)?)?",
    re.IGNORECASE,
)
#: "Dilansir … dari Al Jazeera pada Sabtu": the day a medium reported it, not the day it was said.
_REPORTED_ON = re.compile(r"(?i:dilansir|dikutip|mengutip|melansir|diberitakan)\b[^,]{0,80}$")
#: A preposition opening a phrase makes it no speaker phrase ("lanjut ke wilayah Jambi").
_PREPOSITION_FIRST = re.compile(r"(?i:ke|dari|untuk|hingga|sampai|soal|tentang|terhadap)\s")
#: A leading time or place adverbial ("Pada 10 Juni,", "Dikutip Express,") is no subject.
#: An adverbial opening a sentence before a cue in the middle: "Sayangnya kata dia, …", "Untuk itu lanjut Riko, …".
_LEAD_ADVERB = (
    r"(?:\w+nya|untuk\s+itu|sejauh\s+ini|selain\s+itu|karena\s+itu|oleh\s+karena\s+itu|dengan\s+demikian|"
    r"bahkan|namun|akan\s+tetapi|kemudian|lalu)\s*,?\s+"
)
#: A speaker described by a relative clause and a demonstrative, someone already named: "Legislator yang
#: membidangi urusan pariwisata, perindustrian, UMKM, dan Ekonomi Kreatif itu".
_EPITHET = re.compile(r"[^,]*?\byang\b.*\s(?:itu|tersebut)", re.IGNORECASE | re.DOTALL)
#: A name closing a clause before "yang" and the speech verb: "ditunjukkan Entin yang [mengaku]".
_NAME_THEN_YANG = re.compile(r"\S\s+yang\s+$")
_ADVERBIAL = re.compile(
    r"(?i)(?:pada|dalam|di|sejak|saat|ketika|usai|setelah|dikutip|dilansir|menurut|mengutip|sebelumnya)\b"
)


@dataclass
class Quote:
    text: str
    start: int
    end: int
    direct: bool
    cue: str
    kind: (
        str  # speech act of the cue: say, assert, deny, warn, call, ... ("continue" for carried-over quotes)
    )
    paragraph: int
    sentence: tuple[int, int]
    speaker_span: tuple[int, int] | None = None
    speaker_mode: str = "phrase"  # phrase | pronoun | zero | continuation | none
    speaker: Speaker | None = None
    medium: str | None = None
    said_when: str | None = None
    said_when_span: tuple[int, int] | None = None
    said_on: dict[str, Any] | None = None  # the normalised time of said_when, from the times stage
    via: str | None = None
    partial: list[str] = field(default_factory=list)
    chain: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "direct": self.direct,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue,
            "kind": self.kind,
            "medium": self.medium,
            "said_when": self.said_when,
            "said_on": self.said_on,
            "via": self.via,
            "chain": self.chain,
            "partial_quotes": self.partial,
            "start": self.start,
            "end": self.end,
        }


def quotes(article: Article) -> Article:
    """Find the article's quotes and sources (the pipeline stage)."""
    found = find_quotes(article)
    article.quotes = [q.to_dict() for q in found]
    article.sources = article_sources(article, found)
    return article


# --------------------------------------------------------------------------- finding


class _Finder:
    def __init__(self, article: Article, lex: Lexicon) -> None:
        self.article = article
        self.lex = lex
        self.body = article.body
        self.paras = sp.paragraphs(article.paragraphs)
        self.found: list[Quote] = []

    # ----- helpers
    def _strip_clause(self, start: int, end: int) -> tuple[int, int]:
        """Trim connectors at the head and adverbs at the tail of a subject stretch."""
        seg = self.body[start:end]
        m = self.lex.connectors_head.match(seg)
        if m:
            start += m.end()
            seg = seg[m.end() :]
        m = self.lex.adverbs_tail.search(seg)
        if m:
            end = start + m.start()
            seg = seg[: m.start()]
        lead = len(seg) - len(seg.lstrip(" ,"))
        trail = len(seg) - len(seg.rstrip(" ,"))
        return start + lead, end - trail

    def _subject(self, clause_start: int, verb_start: int) -> tuple[int, int] | None:
        """The speaker phrase before a speech verb: after the last comma, or the sentence's first phrase
        when the verb follows an apposition ("X, seorang analis …, mengatakan")."""
        seg = self.body[clause_start:verb_start]
        last = seg.rfind(",")
        if last >= 0:
            s, e = self._strip_clause(clause_start + last + 1, verb_start)
            if e > s and not self._adverbial(s, e):
                if not self._has_person(s, e):  # "Bill Adams, kepala ekonom di Comerica Bank memproyeksikan"
                    prev_comma = seg.rfind(",", 0, last)
                    n0, n1 = self._strip_clause(clause_start + prev_comma + 1, clause_start + last)
                    if n1 > n0 and self._name_ending(n0 - 1, n1) == (n0, n1):
                        return n0, self._head(s, e)[1]
                    if n1 > n0 and self._name_of_member(n0, n1):
                        return n0, self._head(s, e)[
                            1
                        ]  # "Ubaidillah dari Lembaga …, Pengurus Besar NU menyatakan"
                return self._head(s, e)
            named = self._name_ending(s, e) if e > s else None
            if (
                named is not None
            ):  # "…, di tempat terpisah Atta menjelaskan": the adverbial ends in the speaker
                return named
            # "X, analis di William Blair, dalam catatan risetnya menyebutkan": the part after the last comma
            # is an adverbial; the speaker is named before it
            # an apposition: "Bek Persib, Achmad Jufriyanto, berharap" / "X, seorang analis …, mengatakan":
            # the comma-separated part naming a person, else the first part
            parts, pos = [], clause_start
            for piece in seg[:last].split(","):
                parts.append(self._strip_clause(pos, pos + len(piece)))
                pos += len(piece) + 1
            parts = [p for p in parts if p[1] > p[0] and not self._adverbial(*p)]
            named = [p for p in parts if self._has_person(*p)]
            if named:
                return self._head(*named[-1])
            if parts and _EPITHET.fullmatch(self.body, parts[0][0], parts[-1][1]):
                return parts[0][0], parts[-1][
                    1
                ]  # "Legislator yang membidangi urusan pariwisata, …, UMKM itu,"
            return self._head(*parts[0]) if parts else None
        rel = _NAME_THEN_YANG.search(seg)
        if rel is not None:
            named = self._name_ending(clause_start, clause_start + rel.start() + 1)
            if named is not None:
                return named  # "Tangis kebahagiaan juga ditunjukkan Entin yang mengaku …": Entin speaks
        s, e = self._strip_clause(clause_start, verb_start)
        return self._head(s, e) if e > s and not self._a_time(s, e) else None

    def _adverbial(self, start: int, end: int) -> bool:
        """A time or place adverbial, no subject: "Pada 10 Juni", "Dikutip Express", or a time expression
        alone ("Jumat (20/9/2019), menekankan …" after a dropped link cut the sentence)."""
        return bool(_ADVERBIAL.match(self.body[start:end])) or self._a_time(start, end)

    def _a_time(self, start: int, end: int) -> bool:
        return any(t["start"] <= start and end <= t["end"] for t in self.article.times)

    def _name_ending(self, start: int, end: int) -> tuple[int, int] | None:
        """A person's mention that ends a phrase (but for an adverb: "pun", "juga"), or None."""
        tail = re.search(r"(?:\s+(?:pun|juga|lalu|kemudian|sendiri))*\s*$", self.body[start:end])
        stop = start + tail.start() if tail else end
        for e in self.article.entities:
            if e.get("type") != "PER":
                continue
            for m in e.get("mentions", ()):
                if start < m["start"] and m["end"] == stop:
                    return m["start"], m["end"]
        return None

    def _name_of_member(self, start: int, end: int) -> bool:
        """A phrase that opens with a person's mention and "dari" after it ("Ubaidillah dari Lembaga Kajian
        …"): the person, and the body he comes from."""
        return any(
            m["start"] == start and re.match(r"\s+dari\s", self.body[m["end"] : end])
            for e in self.article.entities
            if e.get("type") in ("PER", "ORG")  # (a one-word name the recogniser typed ORG)
            for m in e.get("mentions", ())
        )

    def _has_person(self, start: int, end: int) -> bool:
        return any(
            start <= m["start"] < end and e.get("type") == "PER"
            for e in self.article.entities
            for m in e.get("mentions", ())
        )

    def _head(self, start: int, end: int) -> tuple[int, int]:
        """Cut a subject at its first verb-like word or relative clause ("Polisi yang menangkap …")."""
        skip_to = start
        for m in sp._WORD.finditer(self.body, start, end):
            w = m.group()
            if m.start() <= skip_to:
                continue
            anonymous = _ANONYMOUS.match(self.body, m.start() - 1) if w == "yang" else None
            if anonymous:  # "seorang pejabat yang enggan disebut namanya mengatakan"
                skip_to = anonymous.end() - 1
                continue
            if w == "yang" or (w.islower() and _verb_like(w)):
                return start, _rstrip(self.body, start, m.start())
        return start, end

    def _content_ok(self, start: int, end: int, need_predicate: bool = True) -> bool:
        text = self.body[start:end]
        if len(sp.words(text)) < INDIRECT_MIN_WORDS:
            return False
        return not need_predicate or any(w.lower() not in _NOT_PREDICATE for w in _PREDICATE.findall(text))

    # ----- direct quotes
    def direct(self) -> tuple[list[Quote], list[sp.Quoted]]:
        out: list[Quote] = []
        orphans: list[sp.Quoted] = []
        self.sentences: dict[int, list[tuple[int, int]]] = {}
        self.quoted: dict[int, list[sp.Quoted]] = {}
        prev: Quote | None = None
        for para in self.paras:
            qs, unbalanced = sp.quoted_spans(para)
            self.quoted[para.index] = qs
            sents = sp.sentences(para, [(q.start, q.end) for q in qs])
            self.sentences[para.index] = sents
            if unbalanced:
                nxt = self.paras[para.index + 1].text.lstrip()[:1] if para.index + 1 < len(self.paras) else ""
                if nxt not in "\"“”«'‘" or not nxt:
                    self.article.warn(
                        f"quotes: unbalanced quotation mark in paragraph {para.index + 1}; quote ends with the paragraph"
                    )
            for i, q in enumerate(qs):
                n = q.words(self.body)
                if n < DIRECT_MIN_WORDS:
                    continue
                sent = _containing(sents, q.open_mark) or (para.start, para.end)
                end_sent = _containing(sents, max(q.end - 1, q.start)) or sent
                after_start = min(q.end + 1, para.end)
                after = self.body[after_start : end_sent[1]]
                b0 = max(sent[0], qs[i - 1].end + 1 if i and qs[i - 1].end + 1 <= q.open_mark else sent[0])
                before_text = self.body[b0 : q.open_mark]
                quote = self._attribute_direct(q, para, sent, after_start, after, b0, before_text)
                if quote is None:
                    at_start = not self.body[para.start : q.open_mark].strip()
                    same_para_prev = prev is not None and prev.direct and prev.paragraph == para.index
                    carried = (
                        prev is not None and prev.direct and prev.paragraph >= para.index - 1 and at_start
                    )
                    if same_para_prev or carried:
                        quote = self._make(
                            q,
                            para,
                            sent,
                            True,
                            "(continues previous quote)",
                            "continue",
                            None,
                            "continuation",
                        )
                    elif at_start and (intro := self._intro_from_previous(para)) is not None:
                        quote = self._make(q, para, sent, True, intro[0], intro[1], intro[2], "phrase")
                if quote is None:
                    orphans.append(q)
                    continue
                out.append(quote)
                prev = quote
        return out, orphans

    def _make(
        self,
        q: sp.Quoted,
        para: sp.Paragraph,
        sent: tuple[int, int],
        direct: bool,
        cue: str,
        kind: str,
        span: tuple[int, int] | None,
        mode: str,
    ) -> Quote:
        s, e = q.start, q.end
        while e > s and self.body[e - 1] in " ,":
            e -= 1
        return Quote(self.body[s:e], s, e, direct, cue, kind, para.index, sent, span, mode)

    def _attribute_direct(
        self,
        q: sp.Quoted,
        para: sp.Paragraph,
        sent: tuple[int, int],
        after_start: int,
        after: str,
        b0: int,
        before: str,
    ) -> Quote | None:
        lex = self.lex
        # "…," kata X / "…," ujarnya
        m = re.match(r"^\s*[,.!?]?\s*", after)
        rest_at = m.end() if m else 0
        cm = lex.post_cue.match(after, rest_at)
        if cm:
            cue = cm.group("cue")
            span = self._after_cue(after_start + cm.end(), sent[1] if sent[1] > after_start else para.end)
            mode = (
                "pronoun"
                if (cue.lower().endswith("nya") and cue.lower() not in ("katanya",)) or span is None
                else "phrase"
            )
            if cue.lower() == "katanya" and span is None:
                mode = "pronoun"
            return self._make(q, para, sent, True, cue, "say", span if mode == "phrase" else None, mode)
        # "…," X mengatakan. (The quote closes on a comma or a stop: '"pintu mereka terbuka" jika Washington
        # ingin melanjutkan' is a phrase quoted inside a sentence, not a quote Washington said.)
        closed = self.body[q.end - 1 : q.end] in (",", ".", "!", "?") or bool(after[:rest_at].strip())
        # …and open its sentence: 'X menekankan bahwa negosiasi tetap menjadi "jalan satu-satunya …", sepekan
        # setelah Trump mengumumkan …' is a phrase quoted inside X's reported speech
        lead = lex.connectors_head.sub("", before.strip())
        opens = not lead or lead.endswith((",", ":"))
        vm = lex.verb.search(after, rest_at) if closed and opens else None
        if vm and vm.start() - rest_at <= 60 and '"' not in after[rest_at : vm.start()]:
            subj = self._strip_clause(after_start + rest_at, after_start + vm.start())
            if subj[1] > subj[0] and len(sp.words(self.body[subj[0] : subj[1]])) <= 6:
                return self._make(
                    q,
                    para,
                    sent,
                    True,
                    vm.group(),
                    lex.verb_kind.get(vm.group().lower(), "say"),
                    subj,
                    "phrase",
                )
        # the quote must close its sentence (or be followed by a cue): 'X mengatakan bahwa "unjuk rasa damai"
        # telah disusupi' is indirect speech with a partial quote in it
        tail = after[rest_at:].strip(" ,.;:!?\"”’'")
        if len(sp.words(tail)) >= 2:
            return None
        # X mengatakan: "…" / X menegaskan bahwa "…"
        bm = re.search(
            rf"(?P<verb>{lex.verb.pattern})(?:\s+(?:bahwa|kalau))?\s*[,:]?\s*$", before, re.IGNORECASE
        )
        if bm:
            vstart = b0 + bm.start("verb")
            if not _BLOCKED_BEFORE_VERB.search(self.body[max(b0, vstart - 12) : vstart]):
                subj = self._subject(b0, vstart)
                return self._make(
                    q,
                    para,
                    sent,
                    True,
                    bm.group("verb"),
                    lex.verb_kind.get(bm.group("verb").lower(), "say"),
                    subj,
                    "phrase" if subj else "zero",
                )
        # Menurut X, "…"  /  Kata X, "…"
        am = re.match(
            rf"^\s*(?P<cue>{lex.according.pattern}|(?i:kata))\s+(?P<who>[^,:]{{2,80}})[,:]\s*$",
            before,
            re.IGNORECASE,
        )
        if am:
            s = b0 + am.start("who")
            return self._make(
                q,
                para,
                sent,
                True,
                am.group("cue"),
                "say",
                _rstrip_span(self.body, s, b0 + am.end("who")),
                "phrase",
            )
        return None

    def _after_cue(self, start: int, limit: int) -> tuple[int, int] | None:
        """The speaker phrase after a post cue: up to a preposition, a time, a bracket or the sentence end."""
        text = self.body[start:limit]
        if text.lstrip(" ").startswith(","):
            return None  # '…," katanya,Di antaranya …': the cue names no one after it
        stop = _SPEAKER_STOP.search(text)
        while stop is not None and _ROLE_GOES_ON.match(text, stop.start()) and TITLES.match(text.lstrip()):
            comma = text.find(",", stop.end())
            if comma < 0 or not self._has_person(start + stop.end(), start + comma):
                break  # "kata Kabid Humas pada Puspenkum Kejagung RI Irwan Datuiding, …": the role goes on
            stop = _SPEAKER_STOP.search(text, stop.end())  # to the name that closes it
        end = start + (stop.start() if stop else len(text))
        anonymous = _ANONYMOUS.match(self.body, end)
        s, e = _lstrip(self.body, start, end), _rstrip(self.body, start, end)
        if e <= s:
            return None
        if anonymous:  # "kata seorang analis keamanan Saudi yang menolak disebutkan namanya"
            return s, anonymous.end()
        return self._head(s, e)  # "kata Andrie dikonfirmasi detikSumbagsel" → "Andrie"

    def _intro_from_previous(self, para: sp.Paragraph) -> tuple[str, str, tuple[int, int] | None] | None:
        """A quote opening a paragraph whose previous paragraph ends "… X mengatakan:"."""
        if para.index == 0:
            return None
        prev = self.paras[para.index - 1]
        m = re.search(rf"(?P<verb>{self.lex.verb.pattern})\s*(?:bahwa\s*)?:\s*$", prev.text, re.IGNORECASE)
        if not m:
            return None
        sents = self.sentences.get(prev.index) or [(prev.start, prev.end)]
        vstart = prev.start + m.start("verb")
        sent = _containing(sents, vstart) or (prev.start, prev.end)
        return (
            m.group("verb"),
            self.lex.verb_kind.get(m.group("verb").lower(), "say"),
            self._subject(sent[0], vstart),
        )

    # ----- indirect speech
    def indirect(self, direct: list[Quote], orphans: list[sp.Quoted]) -> list[Quote]:
        out: list[Quote] = []
        taken = [(q.sentence, q) for q in direct]
        for para in self.paras:
            qs = [q for q in self.quoted.get(para.index, []) if q.words(self.body) >= DIRECT_MIN_WORDS]
            for sent in self.sentences.get(para.index, []):
                if any(s == sent or (q.start >= sent[0] and q.end <= sent[1]) for s, q in taken):
                    continue
                if any(q.start <= sent[0] < q.end for q in qs):
                    continue  # the sentence is inside a direct quote
                for found in self._indirect_in(para, sent):
                    # short quoted phrases inside reported speech are part of it
                    for q in self.quoted.get(para.index, []):
                        if found.start <= q.open_mark < found.end:
                            found.partial.append(self.body[q.start : q.end])
                            if q in orphans:
                                orphans.remove(q)
                    out.append(found)
        return out

    def _mask(self, para: sp.Paragraph, start: int, end: int) -> str:
        """The sentence with quoted stretches blanked (cues inside quotes are not the article's)."""
        chars = list(self.body[start:end])
        for q in self.quoted.get(para.index, []):
            for i in range(max(q.start, start), min(q.end, end)):
                chars[i - start] = "x" if chars[i - start].isalnum() else " "
        return "".join(chars)

    def _indirect_in(self, para: sp.Paragraph, sent: tuple[int, int]) -> list[Quote]:
        lex = self.lex
        s0, s1 = sent
        text = self._mask(para, s0, s1)
        # Menurut X, … / Menurutnya, …
        am = re.match(
            rf"^\W*(?:(?:{_CONNECTORS})[\s,]+){{0,2}}(?P<cue>menurut|berdasarkan keterangan|berdasarkan pernyataan|"
            r"kata(?=nya,|\s+(?:dia|ia|beliau|(?-i:[A-Z]))))"  # "Katanya, …", "Kata dia, …"
            rf"(?:(?P<nya>nya),?|\s+(?P<who>[^,]{{2,90}}),)\s*",
            text,
            re.IGNORECASE,
        )
        if am and (
            am.group("nya")
            or not _is_medium(self.article, self.body[s0 + am.start("who") : s0 + am.end("who")])
        ):
            c0 = s0 + am.end()
            if self._content_ok(c0, s1):
                if am.group("nya"):
                    return [
                        self._quote_from(para, sent, c0, s1, am.group("cue") + "nya", "say", None, "pronoun")
                    ]
                who = _rstrip_span(self.body, s0 + am.start("who"), s0 + am.end("who"))
                return [self._quote_from(para, sent, c0, s1, am.group("cue"), "say", who, "phrase")]
        if not am:  # "Menurut Howell DPR telah …": no comma, the content starts after the person's name
            bare = re.match(
                rf"^\W*(?:(?:{_CONNECTORS})[\s,]+){{0,2}}(?P<cue>menurut)\s+", text, re.IGNORECASE
            )
            person = bare and self._person_at(s0 + bare.end())
            if bare and person and self.body[person[1] : person[1] + 1] == " ":
                c0 = _lstrip(self.body, person[1], s1)
                if self._content_ok(c0, s1):
                    return [self._quote_from(para, sent, c0, s1, bare.group("cue"), "say", person, "phrase")]
        found = self._verb_quotes(para, sent, text)
        if found:
            return found
        # Disampaikan Nezar bahwa … / Dikatakan oleh X, …
        pm = _PASSIVE_CUE.match(text)
        if pm:
            w0, w1 = _rstrip_span(self.body, s0 + pm.start("who"), s0 + pm.end("who"))
            c0 = s0 + pm.end()
            if w1 > w0 and self._speakerish(w0, w1) and self._content_ok(c0, s1):
                return [self._quote_from(para, sent, c0, s1, pm.group("cue"), "say", (w0, w1), "phrase")]
        # …, kata X, … / …, kata X. / …, menurut X, … / …, menurut X.
        cue_pat = re.compile(
            rf"(?:^(?:\s*{_LEAD_ADVERB})?|,)\s*(?:{lex.connectors_head.pattern[1:]})?(?P<cue>{lex.post_cue.pattern.replace('(?P<cue>', '(?:')}|menurut)(?=[\s,]|$)",
            re.IGNORECASE,
        )
        for cm in cue_pat.finditer(text):
            cue = cm.group("cue")
            after = cm.end("cue")
            seg = text[after:]
            comma = seg.find(",")
            # in the middle: "Sebab, kata Yusril, selama 20 tahun …" (the content follows the speaker)
            strong = cue.lower() != "menurut"  # "kata", "ujar" are speech whatever follows
            if comma > 0 and not cue.lower().endswith("nya"):
                w0, w1 = _rstrip_span(self.body, s0 + after, s0 + after + comma)
                c0 = _lstrip(self.body, s0 + after + comma + 1, s1)
                if (
                    w1 > w0
                    and self._speakerish(w0, w1)
                    and self._content_ok(c0, s1, need_predicate=not strong)
                ):
                    return [self._quote_from(para, sent, c0, s1, cue, "say", (w0, w1), "phrase")]
            person = self._person_at(s0 + after + len(seg) - len(seg.lstrip()))
            if cm.start() == 0 and person is not None and self.body[person[1] : person[1] + 1] == " ":
                # "Sejauh ini kata Riko Walhi sendiri telah melaporkan …": no comma, the content follows the name
                c0 = _lstrip(self.body, person[1], s1)
                if self._content_ok(c0, s1):
                    return [self._quote_from(para, sent, c0, s1, cue, "say", person, "phrase")]
            if cue.lower().endswith("nya") and seg.lstrip().startswith(",") and cm.start("cue") > 0:
                # "Selain itu, lanjutnya, guru … juga sudah …": the content follows, the speaker is "-nya"
                c0 = _lstrip(self.body, s0 + after + seg.find(",") + 1, s1)
                if self._content_ok(c0, s1):
                    return [self._quote_from(para, sent, c0, s1, cue, "say", None, "pronoun")]
            # at the end: "Belarus dapat memasuki konflik …, kata seorang pejabat …"
            if cm.start() == 0 or not text[: cm.start() + 1].rstrip().endswith(","):
                continue
            span = self._after_cue(s0 + after, s1)
            if not cue.lower().endswith("nya") and span is None:
                continue
            if span is not None and not self._speakerish(*span):
                continue
            head = lex.connectors_head.match(text)
            c0 = s0 + (head.end() if head else len(text) - len(text.lstrip(" ,")))
            cend = s0 + cm.start()
            if not self._content_ok(c0, cend):
                continue
            return [
                self._quote_from(
                    para, sent, c0, cend, cue, "say", span, "pronoun" if span is None else "phrase"
                )
            ]
        return []

    def _person_at(self, pos: int) -> tuple[int, int] | None:
        return next(
            (
                (m["start"], m["end"])
                for e in self.article.entities
                if e.get("type") == "PER"
                for m in e.get("mentions", ())
                if m["start"] == pos
            ),
            None,
        )

    def _verb_quotes(self, para: sp.Paragraph, sent: tuple[int, int], text: str) -> list[Quote]:
        """``X <speech verb> (bahwa) …``, and a second verb coordinated with it ("… dan mengatakan …")."""
        lex = self.lex
        s0, s1 = sent
        out: list[Quote] = []
        for vm in lex.verb.finditer(text):
            v = vm.group().lower()
            vstart = s0 + vm.start()
            before = text[max(0, vm.start() - 40) : vm.start()]
            coordinated = bool(out) and vstart < out[-1].end and _COORDINATION.search(before)
            if out and not coordinated:
                continue
            blocked = _BLOCKED_BEFORE_VERB.search(before[-12:])
            if blocked and not (
                blocked.group().strip().lower() == "yang" and re.search(r"[A-Z]\w*,?\s+yang\s*$", before)
            ):
                continue
            cm = _COMPLEMENTIZER.match(text, vm.end())
            c0 = s0 + (cm.end() if cm else vm.end())
            conditional = (cm.group("c") or "").lower() in ("jika", "kalau") if cm else False
            if conditional and re.search(r",\s+\w", text[cm.end() :]):
                # "menekankan, jika evaluasi …, para menteri tidak akan …": the condition is what was said
                c0 = s0 + cm.start("c")
            has_comp = bool(cm and (cm.group("c") or text[vm.end() : cm.end()].strip(" ") in (",", ":")))
            # "mengatakan pada Kamis (16/10) bahwa …": the time and medium are the saying's
            am = (
                None
                if has_comp
                else (
                    _ADVERBIAL_THEN_BAHWA.match(text, vm.end()) or _ADVERBIAL_THEN_COMMA.match(text, vm.end())
                )
            )
            if am is not None:
                c0, has_comp = s0 + am.end(), True
            if (
                v in lex.needs_clause
                and not has_comp
                and not (
                    lex.verb_kind.get(v) == "call"
                    and (
                        re.search(r"\b(?:untuk|agar|supaya)\b", text[vm.end() : vm.end() + 80])
                        or _CALLED_TO_ACT.match(text, vm.end())  # "meminta para hakim berpihak kepada …"
                    )
                )
                # "mengumumkan akan membentuk partai": a stated intention ("mengancam akan bergabung dalam
                # perang" is a threatened act, an event, not reported speech)
                and not (lex.verb_kind.get(v) == "explain" and re.match(r"\s+akan\s", text[vm.end() :]))
            ):
                continue
            if text[c0 - s0 : c0 - s0 + 1] in '"“”«':
                continue
            if not self._content_ok(c0, s1, need_predicate=lex.verb_kind.get(v) != "opine"):
                continue
            if coordinated:
                prev = out[-1]
                cut = s0 + vm.start() - len(before) + _COORDINATION.search(before).start()  # type: ignore[union-attr]
                prev.end = _rstrip(self.body, prev.start, cut)
                prev.text = self.body[prev.start : prev.end]
                out.append(
                    self._quote_from(
                        para,
                        sent,
                        c0,
                        s1,
                        vm.group(),
                        lex.verb_kind.get(v, "say"),
                        prev.speaker_span,
                        prev.speaker_mode,
                    )
                )
                continue
            subj = self._subject(s0, vstart)
            mode = "phrase" if subj else "zero"
            if subj and not self._speakerish(*subj):
                continue
            out.append(
                self._quote_from(para, sent, c0, s1, vm.group(), lex.verb_kind.get(v, "say"), subj, mode)
            )
        return out

    def _speakerish(self, start: int, end: int) -> bool:
        phrase = self.body[start:end].strip()
        if not phrase:
            return False
        if self.lex.pronoun.match(phrase) or self.lex.unnamed.search(phrase):
            return True
        if _NOT_A_SPEAKER.match(phrase):
            return False  # "Pasal 27A UU ITE": a law's article
        if _PREPOSITION_FIRST.match(phrase):
            return False  # "Lanjut ke wilayah Jambi, …": a place the text moves to, no speaker
        if any(start <= m["start"] < end for e in self.article.entities for m in e.get("mentions", ())):
            return True
        words = sp.words(phrase)
        opener = words[0].lower() if words else ""
        if (
            opener in STOP_WORDS
            and opener not in _SPEAKER_OPENERS
            and not self.lex.indefinite.match(phrase + " ")
        ):
            return False  # "Setiap Orang dengan sengaja …" (a law's text), "Tapi", "Sebuah foto"
        if words and words[0][:1].isupper() and _EPITHET.fullmatch(phrase):
            return len(words) <= 20  # "Legislator yang membidangi urusan pariwisata, …, UMKM itu"
        return bool(words) and words[0][:1].isupper() and len(words) <= 8

    def _quote_from(
        self,
        para: sp.Paragraph,
        sent: tuple[int, int],
        c0: int,
        c1: int,
        cue: str,
        kind: str,
        span: tuple[int, int] | None,
        mode: str,
    ) -> Quote:
        c1 = self._cut_tail(c0, c1)
        # the sentence's own full stop stays with the quote; commas, colons and a stop left alone by a
        # dropped link (" .") do not
        while c1 > c0 and (self.body[c1 - 1] in " ,;:" or self.body[c1 - 2 : c1] in (" .", ",.")):
            c1 -= 1
        return Quote(self.body[c0:c1], c0, c1, False, cue, kind, para.index, sent, span, mode)

    def _cut_tail(self, c0: int, c1: int) -> int:
        """Content stops before a trailing attribution (", menurut kantor berita Belta")."""
        tail = re.search(
            rf",\s*(?:{self.lex.according.pattern}|seperti dikutip|sebagaimana dikutip|dikutip|dilansir)\b",
            self.body[c0:c1],
            re.IGNORECASE,
        )
        return c0 + tail.start() if tail else c1


#: Phrases that are no speaker: a law's articles and clauses, numbered items.
_NOT_A_SPEAKER = re.compile(
    r"(?i)(?:pasal|ayat|undang-undang|uu|perppu|perpres|pp)\b|\(\d+\)|\d"
    # an event is no speaker: "Serangan pada Sabtu … telah mengungkapkan betapa …"
    r"|(?:serangan|insiden|peristiwa|kejadian|kecelakaan|ledakan|kebakaran|bencana|tragedi|perang|konflik)\b"
)
#: Function words that may open a speaker phrase ("Kedua pihak", "Keduanya", "Pihak kepolisian").
_SPEAKER_OPENERS = {
    "kedua",
    "keduanya",
    "pihak",
    "kami",
    "kita",
    "mereka",
    "ia",
    "dia",
    "beliau",
    "semua",
    "banyak",
}


def _containing(sents: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    for s in sents:
        if s[0] <= pos < s[1]:
            return s
    return None


_VERB_PREFIX = re.compile(r"^(?:me[mny]?|meng|ber|di|ter)[a-z]{3,}$")
_NOT_VERBS = {
    "menteri",
    "mereka",
    "direktur",
    "diplomat",
    "dirut",
    "terdakwa",
    "tersangka",
    "terpidana",
    "tersebut",  # "kata juru bicara tersebut": a determiner, not a ter- verb
    "teroris",
    "dinas",
    "direksi",
    "divisi",
    "distrik",
    "diri",
    "dirjen",
    "terminal",
    "bersama",
    "meja",
    "terhadap",
    # me-/ter- adjectives and nouns in descriptions ("Perwira menengah Polri itu", "mendiang", "tertinggi")
    "menengah",
    "mendiang",
    "mertua",
    "menantu",
    "merah",
    "mewah",
    "megah",
    "merdeka",
    "tertinggi",
    "terbesar",
    "terkemuka",
    "ternama",
    "terkenal",
    "terpilih",
    # ber- words that describe a noun ("pejabat berpangkat tinggi militer Rusia", "pria berusia 40 tahun")
    "berpangkat",
    "bersenjata",
    "berusia",
    "berkebangsaan",
    "berkewarganegaraan",
    "berbasis",
    "berinisial",
}


def _verb_like(word: str) -> bool:
    return bool(_VERB_PREFIX.match(word)) and word not in _NOT_VERBS


def _rstrip(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1] in " ,.;:":
        end -= 1
    return end


def _lstrip(body: str, start: int, end: int) -> int:
    while start < end and body[start] in " ,":
        start += 1
    return start


def _rstrip_span(body: str, start: int, end: int) -> tuple[int, int]:
    return _lstrip(body, start, end), _rstrip(body, start, end)


def _is_medium(article: Article, text: str) -> bool:
    return _medium_name(article, text) is not None


def _medium_name(article: Article, text: str) -> str | None:
    text = text.strip()
    name = known_medium(text)
    if name:
        return name
    for m in article.cited_media:
        if text.startswith(m) or text.lower().startswith(m.lower()):
            return m
    return None


# --------------------------------------------------------------------------- context: medium, time, via


def _context(article: Article, finder: _Finder, q: Quote, lex: Lexicon, outlet: str | None) -> None:
    body = finder.body
    s0, s1 = q.sentence
    if q.direct:
        region = body[s0:s1]
        region_start = s0
    else:
        region = body[s0 : q.start] + " " * (q.end - q.start) + body[q.end : s1]
        region_start = s0
    masked = finder._mask(finder.paras[q.paragraph], region_start, region_start + len(region))
    masked = "".join(c if (i < q.start - s0 or i >= q.end - s0) else " " for i, c in enumerate(masked))
    for pat in lex.medium:
        m = pat.search(masked)
        if not m:
            continue
        raw = m.group("m")
        name = _medium_name(article, raw)
        if name is None and raw in lex.platforms:
            name = raw
        if name is None and raw[:1].islower():
            name = raw
        if name is None and pat.pattern.startswith("(?i:(?:di|melalui|lewat) (?:saluran"):
            name = raw
        if name:
            q.medium = name
            break
    for (
        t
    ) in article.times:  # the first time the time stage read in the attribution, not "Dilansir … pada Sabtu"
        a, b = t["start"] - region_start, t["end"] - region_start
        if a < 0 or b > len(masked) or masked[a:b] != body[t["start"] : t["end"]]:
            continue
        if (
            t["type"] not in ("date", "relative", "time")
            or t["precision"] == "none"
            or _REPORTED_ON.search(masked[:a])
        ):
            continue
        q.said_when = t["text"]
        q.said_when_span = (t["start"], t["end"])
        if t["value"]:
            q.said_on = {"value": t["value"], "precision": t["precision"]}
        break
    for pat in lex.via:
        for m in pat.finditer(masked):
            name = _medium_name(article, m.group("v"))
            if name and name != outlet and name != q.medium:
                q.via = name
                break
        if q.via:
            break


#: A sentence that tells when what came before was said: "Hal itu diungkap Prabowo dalam sidang kabinet …,
#: Senin (20/10) lalu", "Pernyataan tersebut ia sampaikan di Istana, Rabu (22/10)".
_RECAP = re.compile(
    r"(?:Hal|Pernyataan|Ucapan|Pesan|Keterangan|Penjelasan|Informasi|Permintaan|Arahan)\s+(?:itu|tersebut|ini)\s+"
    r"(?:\w+\s+){0,2}?(?:di\w+|\w+kan|\w+i)\b"
)


def recap_time(article: Article, pos: int, sentences: int = 1) -> dict[str, Any] | None:
    """The time a recap sentence after ``pos`` gives for what was said before it ("Hal itu diungkap Prabowo …,
    Senin (20/10) lalu"): its first day-or-finer date, or None. The recap is one of the next ``sentences``
    sentences, in this paragraph or opening the next."""
    body = article.body
    start = pos
    for _ in range(sentences):
        m = _SENTENCE_GAP.search(body, start)
        if m is None:
            return None
        start = m.end()
        if _RECAP.match(body, start):
            break
        if body.count("\n\n", pos, start) > 0:
            return None
    else:
        return None
    end = body.find("\n\n", start)
    end = len(body) if end < 0 else end
    stop = re.compile(r"[.!?](?:\s|$)").search(body, start, end)
    end = stop.end() if stop else end
    for t in article.times:
        if (
            start <= t["start"] < end
            and t["value"]
            and t["type"] in ("date", "relative", "time")
            and t["precision"] in ("day", "hour", "minute")
            and not _REPORTED_ON.search(body[start : t["start"]])
            and not opens_span(body, t["start"], start)
        ):
            return t
    return None


_SINCE = re.compile(r"\bsejak\s+(?:(?:tanggal|hari|pada|awal|akhir|pertengahan)\s+)?$", re.IGNORECASE)


def opens_span(body: str, start: int, lo: int = 0) -> bool:
    """Whether the time at ``start`` is where a span begins ("gencatan senjata yang berlaku sejak 10
    Oktober"): what is told in it happened after that day, not on it. "sepakat … sejak bertemu di Zona
    Demiliterisasi Juni lalu" dates the meeting, and the agreement made at it."""
    return _SINCE.search(body, max(lo, start - 30), start) is not None


_SENTENCE_GAP = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])|\n\n")


def article_sources(article: Article, found: list[Quote]) -> dict[str, Any]:
    """The article's own source chain: outlet ← the media it says it took the story from."""
    lex = lexicon()
    outlet = article.outlet.name
    via: list[str] = []
    evidence: list[str] = []
    for para in article.paragraphs[:2]:
        for pat in lex.via:
            for m in pat.finditer(para):
                name = _medium_name(article, m.group("v"))
                if name and name != outlet and name not in via:
                    via.append(name)
                    evidence.append(para[m.start() : m.end()])
    chain = [x for x in [outlet, *via] if x]
    return {
        "outlet": outlet,
        "via": via,
        "chain": chain,
        "evidence": evidence,
        "cited_media": list(article.cited_media),
    }


def _recapped(article: Article, found: list[Quote]) -> None:
    """Quotes followed by "Hal itu disampaikan X … Senin (20/10)" were said then: the last quote before the
    recap, and the run of the same speaker's quotes before it with no time of their own."""
    for i in range(len(found) - 1, -1, -1):
        q = found[i]
        if q.said_on is not None:
            continue
        t = recap_time(article, q.end)
        if t is None:
            continue
        who = q.speaker.name if q.speaker else None
        for r in reversed(found[: i + 1]):
            if (
                r.said_on is not None
                or (r.speaker.name if r.speaker else None) != who
                or q.paragraph - r.paragraph > 3
            ):
                break
            r.said_when, r.said_when_span = t["text"], (t["start"], t["end"])
            r.said_on = {"value": t["value"], "precision": t["precision"]}


def find_quotes(article: Article) -> list[Quote]:
    lex = lexicon()
    if not article.paragraphs:
        return []
    finder = _Finder(article, lex)
    direct, orphans = finder.direct()
    indirect = finder.indirect(direct, orphans)
    for q in orphans:
        para = finder.paras[q.paragraph]
        at_start = not finder.body[para.start : q.open_mark].strip() or finder.body[
            q.open_mark - 2 : q.open_mark
        ].strip() in ("", ".")
        if q.words(finder.body) >= ORPHAN_MIN_WORDS and at_start:
            sent = _containing(finder.sentences[para.index], q.open_mark) or (para.start, para.end)
            direct.append(finder._make(q, para, sent, True, "", "say", None, "none"))
    found = sorted(direct + indirect, key=lambda q: q.start)
    outlet = article.outlet.name
    for q in found:
        _context(article, finder, q, lex, outlet)
    Resolver(article, finder.body, lex, finder.quoted).resolve(found)
    for prev, q in itertools.pairwise(found):  # "Namun memperingatkan …": the same interview
        if (
            q.said_on is None
            and q.speaker_mode in ("zero", "continuation")
            and q.paragraph - prev.paragraph <= 1
        ):
            q.said_on, q.said_when = prev.said_on, q.said_when or prev.said_when
    _recapped(article, found)
    sources = article_sources(article, found)
    for q in found:
        chain = list(sources["chain"])
        for x in (q.via, q.medium if q.medium and q.medium[:1].isupper() else None):
            if x and x not in chain:
                chain.append(x)
        if q.speaker and q.speaker.name:
            chain.append(q.speaker.name)
        q.chain = chain
        if q.speaker is None or not q.speaker.name:
            article.warn(
                f"quotes: no speaker found for the quote at {q.start}-{q.end} (paragraph {q.paragraph + 1})"
            )
    return found
