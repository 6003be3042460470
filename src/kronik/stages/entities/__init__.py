"""Stage ``entities.v1``: people, organisations and places in the body, each linked to one identity.

Mentions come from the trained recogniser (``kronik/models/ner-id``) and from the registry's aliases
(so that "Belarusia" or "#Rusia" is found even where the model misses it). Each mention is linked:
exact alias, then a near alias (rapidfuzz), then an earlier, longer name in the same article
("Polishchuk" -> "Aleksey Polishchuk", "Kokcharoc" -> "Alex Kokcharox"), then a social-media handle of
the page that spells the name ("@AlexKokcharov" -> "Alex Kokcharov"); what stays unknown gets a local
id from its name. Only the body is read: related headlines, menus and captions never give entities.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from typing import Any

from rapidfuzz import fuzz
from spacy.lang.id.stop_words import STOP_WORDS

from kronik.data import Article
from kronik.lang.id.calendar import WEEKDAYS
from kronik.lang.id.words import HEADLINE_VERBS, NOT_NAME_WORDS
from kronik.stages.clean import DATELINE
from kronik.stages.entities.registry import Entry, Registry, active_registry, norm

#: Police and military ranks, abbreviated and spelled out: a name follows them ("Kombes Ferry Walintukan").
_RANK_WORDS = (
    r"akp|akbp|kompol|kombes|komjen|irjen|brigjen|iptu|ipda|aiptu|aipda|bripka|brigpol|briptu|bripda|letjen|mayjen|"
    r"laksamana|marsekal|kolonel|letkol|serka|serda|sertu|pratu|prada|(?:ajun\s+)?komisaris\s+besar(?:\s+polisi)?|"
    r"inspektur\s+jenderal(?:\s+polisi)?|brigadir\s+jenderal(?:\s+polisi)?"
)
RANKS = re.compile(rf"\b(?:{_RANK_WORDS})\b\.?", re.IGNORECASE)
#: Titles, roles and ranks printed before a name; stripped before linking ("Presiden Lukashenko").
TITLES = re.compile(
    r"^(?:(?:mantan|eks|wakil|plt\.?|sang)\s+)*(?:presiden|perdana\s+menteri|pm|menteri(?:\s+luar\s+negeri|\s+pertahanan)?|"
    r"menlu|menhan|menkeu|mendagri|menkes|menag|mensos|mensesneg|menaker|mentan|mendag|menpora|menhub|menkumham|mendikbud|menkominfo|menperin|menristekdikti|menko\w*|wamen\w*|wapres|kanselir|raja|ratu|pangeran|jenderal|letnan|kapten|mayor|gubernur|wali\s+kota|walkot|bupati|"
    r"wagub|wabup|wawali|wawalkot|cagub|cawagub|cabup|cawabup|cawalkot|pj|pjs|"
    r"ketua|kepala|juru\s+bicara|jubir|direktur|dr\.?|prof\.?|ir\.?|hj?(?=\.?\s+[A-Z])|bapak|ibu|pak|bu|tuan|nyonya|"
    r"senator|anggota|komandan|panglima|pangdam|danrem|dandim|danramil|pangkostrad|kapendam|waka(?:polri|polda|polrestabes|polresta|polres|polsek)|kapolri|kapolda|kapolrestabes|kapolresta|kapolres|kapolsek|kasat\w*|kanit|"
    r"kabid|kasi|kasubdit|jaksa\s+agung|jaksa|hakim|terdakwa|tersangka|saksi|terpidana|pengacara|perwira|"
    r"koordinator(?:\s+aksi|\s+lapangan)?|analis|pejabat|sekjen|dirut|" + _RANK_WORDS + r")\b\.?\s*",
    re.IGNORECASE,
)
#: A mention followed by a speech or action verb: a capital standing for its government ("Moskow memperingatkan").
_GOVERNMENT_VERB = re.compile(
    r"^\s*(?:(?:juga|telah|sudah|pun|selalu|terus|tetap|kembali|sebelumnya|bahkan|justru|masih)\s+){0,2}"
    r"(?:mengatakan|menyatakan|memperingatkan|menegaskan|menuduh|menolak|bersikeras|menyebut|menilai|menganggap|"
    r"meminta|mendesak|mengancam|menyerukan|membantah|mengklaim|mengecam|menuntut|berencana|memutuskan|menyetujui|"
    r"mengumumkan|mengizinkan|membolehkan|melarang|menjatuhkan|mengirim|membalas|merespons|menanggapi)\b",
    re.IGNORECASE,
)
_ROLE_NOUN = (
    r"(?:presiden|wakil\s+presiden|perdana\s+menteri|menteri|menlu|menhan|kanselir|juru\s+bicara|jubir|kepala|ketua|"
    r"direktur|sekretaris|gubernur|wali\s+kota|bupati|komandan|panglima|pejabat|analis|pengamat|peneliti|pakar|ahli|"
    r"dosen|guru\s+besar|diplomat|duta\s+besar|dubes|anggota|wakil|penasihat|staf|koresponden|wartawan|jurnalis|"
    r"pemimpin|petinggi|mantan|eks|tokoh|aktivis|pengacara|jaksa|hakim|kapolri|kapolda|kapolres|wakapolri|wakapolda|wakapolres|pangdam|danrem|dandim|danramil|senator|raja|ratu|"
    r"kabid|kabag|kasat|kasubdit|kapuspen|kapuspenkum|kapolsek|kapolresta|kanit|kasi|kasubbag|dirreskrimum|dirreskrimsus|deputi|rektor|dirjen|sekjen|aspidsus|aspidum|kajari|kajati|wadir|kabiro|ksad|kasad|ksal|kasal|ksau|kasau)"
)
# "Serhiy Popko, Kepala Administrasi Militer Kyiv," / "Alex Kokcharox, seorang analis risiko negara yang ..."
_ROLE_AFTER = re.compile(
    r"^,\s+(?:seorang\s+|sang\s+|selaku\s+|yakni\s+)?(?P<role>"
    + _ROLE_NOUN
    + r"\b[^,.;:()\"“”]{0,80}?)(?=\s+yang\b|[,.;:)]|$)",
    re.IGNORECASE,
)
# "Presiden Rusia Vladimir Putin", "Menteri Luar Negeri Rusia Sergey Lavrov"
_ROLE_BEFORE = re.compile(
    r"(?P<role>\b"
    + _ROLE_NOUN
    + r"(?:\s+(?:(?-i:[A-Z0-9][\w-]*)|dan|luar|negeri|dalam|pertahanan|keuangan))*)\s*,?\s*$",
    re.IGNORECASE,
)
#: First words of institutions' names ("Polres Grobogan", "Kementerian Keuangan", "PT Pertamina").
_INSTITUTION_HEAD = re.compile(
    r"(?:humas|bidhumas|polres|polresta|polrestabes|polda|polsek|mapolres|kodim|korem|kodam|koramil|kejari|kejati|pemkab|pemkot|"
    r"pemprov|pemda|dprd|dinas|kementerian|kemenkes|kemenkeu|kemlu|kemenlu|kemenhan|kemendagri|universitas|institut|sekolah|pt|cv|bank|partai|"
    r"fraksi|komisi|badan|lembaga|majelis|mahkamah|pengadilan|kejaksaan|kepolisian|rumah\s+sakit|rs|rsud|"
    r"ponpes|pondok\s+pesantren|pesantren|yayasan)\b",
    re.IGNORECASE,
)
#: A short form in brackets closing a name: "Mahkamah Kehormatan Dewan (MKD)", "Hidayat Nur Wahid (HNW)".
_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z0-9-]{1,11})\)$")
#: The rest of an institution whose short form stands inside its name: "Kejaksaan Negeri (Kejari) Sidoarjo",
#: "Kepolisian Daerah (Polda) Jawa Timur" are the Kejari of Sidoarjo and the Polda of Jawa Timur.
_SPLIT_SHORT = re.compile(r"\s*\(([A-Z][A-Za-z]{1,11})\)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})")
_HANDLE = re.compile(r"@([A-Z][a-z]+(?:[A-Z][a-z]+)+)")
#: Lowest rapidfuzz ratio for two spellings in one article to be one person ("Kokcharox"/"Kokcharoc").
SAME_DOC_FUZZY_MIN = 80


@dataclass
class _Cluster:
    name: str
    type: str
    entry: Entry | None = None
    mentions: list[dict[str, Any]] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    government: bool = False


def _model():
    from kronik.ner.evaluate import load_model

    return load_model()


#: Lower-case words that belong to names ("bin", "van"); other lower-case words opening a span do not.
_NAME_PARTICLES = {"bin", "binti", "van", "von", "der", "al", "el", "da", "di", "la", "le", "dos", "ibn"}
#: Words that join a name to the one before it: a span opening with one is no full name ("Al Hamdi").
_NAME_LINKS = {"al", "el", "bin", "binti", "ibn", "ibnu", "abu", "ul", "ud", "ur"}


def _strip_title(text: str) -> str:
    prev = None
    while prev != text:
        prev, text = text, TITLES.sub("", text)
        text = re.sub(r"^de\s+(?:facto|jure)\s+", "", text, flags=re.IGNORECASE)
        words = text.split()
        while len(words) > 1 and words[0].islower() and words[0] not in _NAME_PARTICLES:
            words = words[1:]  # "penguasa", "unit", "de facto": not part of the name
        text = " ".join(words)
    return text.strip(" ,.'\"“”")


#: Longest text given to the model at once (characters); longer paragraphs are cut at sentence ends.
MAX_CHUNK = 20_000


def _chunks(paragraphs: list[str]) -> list[tuple[int, str]]:
    """(offset in body, text) pieces: paragraphs, a very long one cut at sentence ends."""
    out, offset = [], 0
    for p in paragraphs:
        pos = 0
        while len(p) - pos > MAX_CHUNK:
            cut = p.rfind(". ", pos, pos + MAX_CHUNK)
            cut = cut + 1 if cut > pos else pos + MAX_CHUNK
            out.append((offset + pos, p[pos:cut]))
            pos = cut
        out.append((offset + pos, p[pos:]))
        offset += len(p) + 2  # paragraphs are joined by a blank line
    return out


Span = tuple[int, int, str]


def model_spans(bodies: list[list[str]]) -> list[list[Span]]:
    """The model's (start, end, label) spans in each body (given as paragraphs), all run as one batch."""
    nlp = _model()
    jobs = [_chunks(paragraphs) for paragraphs in bodies]
    docs = iter(nlp.pipe((t for chunks in jobs for _, t in chunks), batch_size=256))
    out = []
    for chunks in jobs:
        spans: list[Span] = []
        for offset, _ in chunks:
            spans += [(offset + e.start_char, offset + e.end_char, e.label_) for e in next(docs).ents]
        out.append(spans)
    return out


def find_mentions(paragraphs: list[str], registry: Registry, spans: list[Span] | None = None) -> list[Span]:
    """(start, end, type) character spans of names in the body: the model's (``spans`` when already
    computed), then names by their context and registry aliases the model missed."""
    body = "\n\n".join(paragraphs)
    found = list(spans) if spans is not None else model_spans([paragraphs])[0]
    for repair in (  # the recogniser's spans mended, in this order: each pass reads the last one's spans
        _not_names,
        _english_joins,
        partial(_split_short_form_spans, registry=registry),
        _initialed_names,
        _balinese_names,
        _trim_rank_tails,
        _unit_and_place,
        _ranked_people,
        partial(_institution_then_person, registry=registry),
        _honorific_person,
        _initialed_person_closing,
        _short_form_then_person,
        partial(_name_after_role_place, registry=registry),
        partial(_unit_name_run_on, registry=registry),
    ):
        found = repair(body, found)
    taken = [(a, b) for a, b, _ in found]
    for pattern, label in (
        (_SPEAKER, "PER"),
        (_APPOSITIVE, "PER"),
        (_RANKED, "PER"),
        (_SUBJECT_SPEAKER, "PER"),
        (_ROLE_SHORT_NAME, "PER"),
        (_CUE_ROLE_NAME, "PER"),
        (_CALLED_NAME, "PER"),
        (_NAME_THEN_NICKNAME, "PER"),
        (_SITE, "ORG"),
    ):  # names the model may miss, by their context
        for m in pattern.finditer(body):
            a, b = m.span("name")
            if pattern is _NAME_THEN_NICKNAME and not any(
                m.group("nick").casefold() in w.casefold() for w in m.group("name").split()
            ):
                continue
            if pattern in (_SUBJECT_SPEAKER, _ROLE_SHORT_NAME, _CUE_ROLE_NAME) and any(
                _plain_word(w, body) or _is_title(w) or re.fullmatch(_ROLE_NOUN, w, re.IGNORECASE)
                for w in m.group("name").split()
            ):
                continue  # "Polisi mengatakan", "Pemerintah menjelaskan": no name
            entry = registry.lookup(m.group("name"))
            if not any(x < b and a < y for x, y in taken) and (entry is None or entry.type == label):
                found.append((a, b, label))
                taken.append((a, b))
    for m in _CAPITALISED_RUN.finditer(body):
        for a, b in _subspans(m):
            entry = registry.lookup(body[a:b])
            if entry is not None and not any(x < b and a < y for x, y in taken):
                found.append((a, b, entry.type))
                taken.append((a, b))
    return _headed_places(body, sorted(found))


#: The words that open a Balinese name (caste title, sex, birth order), which the recogniser leaves out or
#: gives to the place before ("Setda Kabupaten Tabanan I Made Agus Hartawiguna").
_BALINESE_OPENING = re.compile(
    r"(?<![\w-])(?:(?:I|Ni)\s+(?:(?:Gusti|Dewa|Desak)\s+(?:(?:Ngurah|Ayu|Agung|Bagus|Gede|Made|Putu|Ketut)\s+)?)?"
    r"(?:(?:Made|Gede|Wayan|Nyoman|Ketut|Komang|Putu|Kadek|Nengah|Luh)\s+)?|Ida\s+(?:Bagus|Ayu)\s+|"
    r"Anak\s+Agung\s+(?:(?:Gede|Ngurah|Ayu|Istri)\s+)?|Cokorda\s+(?:(?:Gede|Istri)\s+)?)$"
)

_BALINESE_WORD = re.compile(
    r"(?:Made|Gede|Wayan|Nyoman|Ketut|Komang|Putu|Kadek|Nengah|Luh|Gusti|Dewa|Desak)\s"
)


def _not_names(body: str, found: list[Span]) -> list[Span]:
    """Spans the recogniser takes for names that cannot be: no capital letter in a body written in mixed
    case ("pengadilan", "kecamatan", a figure, Arabic script), or a role word alone ("Mantan", "Kepala")."""
    cased = sum(w[:1].isupper() for w in body.split()) >= 0.02 * len(body.split())
    return [
        (a, b, t)
        for a, b, t in found
        if not (cased and not any(c.isupper() for c in body[a:b]))
        and not (t == "PER" and body[a:b].casefold() in _ROLE_WORDS)
    ]


#: An English name's joining word and the capitalised words it joins: "National Oceanic [and Atmospheric
#: Administration]", "Center for [Strategic and International Studies]".
_JOIN_WORDS = r"(?:\s+(?:and|of|for|on|the))+"
_ENGLISH_JOIN = re.compile(_JOIN_WORDS + r"(?:\s+[A-Z][\w-]*)+")


def _english_joins(body: str, found: list[Span]) -> list[Span]:
    """An organisation's span the recogniser closed at an English joining word ("National Oceanic and"),
    run on over the capitalised words that word joins."""
    out: list[Span] = []
    for x, y, label in sorted(found):
        if out and x < out[-1][1]:
            continue  # taken by the span before, run on
        if label == "ORG":
            head = re.sub(_JOIN_WORDS + "$", "", body[x:y])
            m = _ENGLISH_JOIN.match(body, x + len(head))
            if m is not None:
                y = m.end()
        out.append((x, y, label))
    return out


#: An institution's long name with its short form inside, before its place: "Pemerintah Kabupaten (Pemkab)
#: Pidie", "Kepolisian Daerah (Polda) Metro Jaya".
_LONG_THEN_SPLIT = re.compile(
    r"(?<![\w-])(?P<long>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,5})" + _SPLIT_SHORT.pattern
)


def _long_form(text: str, short: str) -> bool:
    """Whether ``text`` is the long name ``short`` abbreviates: an institution's head or its initials."""
    return bool(_INSTITUTION_HEAD.match(text)) or initials_in(short, text)


def _split_short_form_spans(body: str, found: list[Span], registry: Registry) -> list[Span]:
    """The pieces of "Pemerintah Kabupaten (Pemkab) Pidie" as the institution's name, its short form and its
    place, however the recogniser cut them ("Pidie" taken for a person, "Metro Jaya" for an organisation).
    What follows the short form must be a span: not a known organisation ("Mahkamah Kehormatan Dewan (MKD)
    DPR RI") nor a person's full name ("Partai Amanat Nasional (PAN) Eddy Soeparno")."""
    out = list(found)
    for m in _LONG_THEN_SPLIT.finditer(body):
        if not _long_form(m.group("long"), m.group(2)):  # groups: the long name, then _SPLIT_SHORT's two
            continue
        p0 = m.start(3)
        at = next(((b, lab) for a, b, lab in out if a == p0), None)
        if at is None or (at[1] == "PER" and " " in body[p0 : at[0]].strip()):
            continue
        entry = registry.lookup(body[p0 : at[0]])
        if entry is not None and entry.type in ("ORG", "PER"):
            continue
        pieces = [(m.start("long"), m.end("long"), "ORG"), (m.start(2), m.end(2), "ORG"), (p0, at[0], "LOC")]
        out = [x for x in out if not any(x[0] < b and a < x[1] for a, b, _ in pieces)] + pieces
    return sorted(out)


#: A speech verb after its subject ("Sulpakar [mengatakan]", "… Kemenag Bandar Lampung Azhari [juga menegaskan]").
_SPEECH_VERB = (
    r"\s+(?:juga\s+|pun\s+)?(?:mengatakan|menuturkan|menjelaskan|menyampaikan|mengungkapkan|menegaskan|"
    r"menerangkan|menambahkan|berkata)\b"
)
_SPEECH_AFTER = re.compile(_SPEECH_VERB)


def _name_after_role_place(body: str, found: list[Span], registry: Registry) -> list[Span]:
    """A one-word name after a role, its institution and its place, right before a speech verb, that the
    recogniser missed or ran into the place ("Staf … Kemenag Bandar Lampung Azhari mengatakan", "Bandar
    Lampung Azhari" taken for one place): the place (printed alone elsewhere in the body) and the person."""
    out = list(found)
    for i, (x, y, label) in enumerate(found):
        if label != "LOC" or i == 0 or found[i - 1][2] != "ORG" or not _SPEECH_AFTER.match(body, y):
            continue
        if not re.fullmatch(r"\s+", body[found[i - 1][1] : x]) or not re.search(
            rf"(?i:\b{_ROLE_NOUN})\b", body[max(0, found[i - 1][0] - 60) : x]
        ):
            continue  # "<role> <institution> <place>" right before the verb
        place, _, name = body[x:y].rpartition(" ")
        if not place or body.count(place) < 2 or not _one_word_name(name, body, registry):
            continue
        out[i] = (x, x + len(place), "LOC")  # out is found, added to only at its end
        out.append((y - len(name), y, "PER"))
    return sorted(out)


def _one_word_name(word: str, body: str, registry: Registry) -> bool:
    """Whether a capitalised word run into a place or a body can be a person's one-word name: no common
    word, no title, nothing the registry knows as other than a person."""
    entry = registry.lookup(word)
    return (
        re.fullmatch(r"[A-Z][a-z'’-]{2,}", word) is not None
        and not _plain_word(word, body)
        and not _is_title(word)
        and (entry is None or entry.type == "PER")
    )


def _unit_name_run_on(body: str, found: list[Span], registry: Registry) -> list[Span]:
    """An institution's name and the person after it, cut in the wrong place: the institution's last word
    given to the person ("Kejaksaan Negeri Kuantan" + "Singingi Soenardi", the article printing "Kejaksaan
    Negeri Kuantan Singingi" elsewhere), or the person's one-word name run into the institution right
    before a speech verb ("Kepala Kejaksaan Tinggi Sumsel Yulianto menambahkan", "Sumsel" a known place)."""
    out = sorted(found)
    added: list[Span] = []
    for i, (x, y, label) in enumerate(out):
        if label != "ORG":
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        if nxt is not None and nxt[2] == "PER" and re.fullmatch(r" (?:[A-Z][a-z'’-]+ )?", body[y : nxt[0]]):
            if body[y : nxt[0]] != " ":  # "Kejaksaan Negeri Kuantan" + "Singingi" + "Soenardi"
                if _printed_alone(body, body[x : nxt[0] - 1], body[nxt[0] : nxt[1]]):
                    out[i] = (x, nxt[0] - 1, "ORG")
                continue
            first, _, rest = body[nxt[0] : nxt[1]].partition(" ")
            if rest[:1].isupper() and _printed_alone(body, f"{body[x:y]} {first}", rest):
                out[i] = (x, nxt[0] + len(first), "ORG")
                out[i + 1] = (nxt[0] + len(first) + 1, nxt[1], "PER")
            continue
        if not _SPEECH_AFTER.match(body, y):
            continue
        unit, _, name = body[x:y].rpartition(" ")
        place = unit.rpartition(" ")[2]
        at_place = registry.lookup(place)
        if (
            not re.search(rf"(?i:\b{_ROLE_NOUN})\s+$", body[max(0, x - 40) : x])
            or len(unit.split()) < 2
            or at_place is None
            or at_place.type != "LOC"
            or not _one_word_name(name, body, registry)
        ):
            continue
        out[i] = (x, x + len(unit), "ORG")
        added.append((y - len(name), y, "PER"))
    return sorted(out + added)


def _printed_alone(body: str, name: str, after: str) -> bool:
    """Whether the body prints ``name`` somewhere not followed by ``after`` (a name it was run into)."""
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])(?!\s+{re.escape(after)})", body) is not None


def _initialed_names(body: str, found: list[Span]) -> list[Span]:
    """A name with a middle initial ("Viktor S Sirait", "Johnny G Plate") that the recogniser missed or cut,
    the surname even taken for a place: one person, in place of the pieces it overlaps (no organisation)."""
    out = list(found)
    for m in _MIDDLE_INITIAL_NAME.finditer(body):
        words = m.group().split()
        if any(
            w.casefold() in NOT_NAME_WORDS or w.casefold() in _LABELLED or _is_title(w.casefold())
            for w in (*words[:-2], words[-1])
        ):
            continue  # "Hakim Distrik A Beryl Howell", "Grup B Liga": a labelled thing, then maybe a name
        a, b = m.span()
        if re.search(r"[A-Z][a-z]+\s+$", body[max(0, a - 30) : a]):
            continue  # "Angkatan Udara A. Patrick Ryder": the match starts inside a longer run of words
        over = [x for x in out if x[0] < b and a < x[1]]
        if any(t == "ORG" or y > b for x, y, t in over):
            continue
        kept = [  # "JP Viktor": the short form before the name is an organisation's
            (x, _rstrip_ws(body, x, a), "ORG" if not any(c.islower() for c in body[x:a]) else t)
            for x, _y, t in over
            if x < a and body[x:a].strip()
        ]
        out = [x for x in out if x not in over] + kept + [(a, b, "PER")]
    return sorted(out)


#: Nouns a letter labels ("Distrik A", "Grup B", "Pasal C"): no first name before a middle initial.
_LABELLED = frozenset(
    {
        "distrik",
        "kelas",
        "grup",
        "blok",
        "tipe",
        "pasal",
        "ayat",
        "zona",
        "seksi",
        "golongan",
        "sektor",
        "wilayah",
        "gedung",
        "lantai",
        "ruang",
        "kamar",
        "pintu",
        "jalur",
        "tahap",
        "babak",
        "paket",
        "sesi",
        "tim",
        "regu",
    }
)
_MIDDLE_INITIAL_NAME = re.compile(
    r"(?<![\w.-])[A-Z][a-z]{2,}(?:\s+[A-Z][a-z]{2,})?\s+[A-Z]\.?\s+[A-Z][a-z]{2,}(?![\w-])(?!\s+[A-Z][a-z])"
)

#: Words of a role that the recogniser now and then takes for a name of their own.
_ROLE_WORDS = frozenset(
    {"mantan", "bekas", "eks", "wakil", "kepala", "ketua", "anggota", "sekretaris", "direktur"}
)


def _balinese_names(body: str, found: list[Span]) -> list[Span]:
    """A person's span widened over the Balinese opening of the name printed right before it ("I Made",
    "Ni Luh", "Ida Bagus"); a span before it that took the opening gives it back."""
    out = sorted(found)
    for i, (x, y, label) in enumerate(out):
        m = _BALINESE_OPENING.search(body, max(0, x - 30), x) if label == "PER" else None
        if m is None or m.start() == x:
            continue
        if re.fullmatch(r"(?:I|Ni)\s+", m.group()) and not _BALINESE_WORD.match(body, x):
            continue  # "Wakil Ketua I Ahmad Muzani": a number
        out[i] = (m.start(), y, label)
        out = [
            (a, _rstrip_ws(body, a, m.start()) if a < m.start() < b else b, lab) if j != i else (a, b, lab)
            for j, (a, b, lab) in enumerate(out)
        ]
    return [(a, b, lab) for a, b, lab in out if b > a]


def _headed_places(body: str, found: list[Span]) -> list[Span]:
    """A place found alone right after a unit's head that no span covers ("Polres" + "Jakbar", "Kejari" +
    "Sidoarjo"): the unit, one organisation; a city's unit printed with "kota" after its place ("Polres
    Sorong kota") keeps it."""
    out: list[Span] = []
    for x, y, label in found:
        head = _HEAD_BEFORE.search(body, max(0, x - 40), x) if label == "LOC" else None
        if head is None and label in ("LOC", "PER") and _is_place_here(body, body[x:y], label):
            head = _ELECTORAL_BODY_BEFORE.search(body, max(0, x - 40), x)  # "Bawaslu" + "Humbang Hasundutan"
        if head is not None and not (out and out[-1][1] > head.start()):
            x, label = head.start(), "ORG"
        if label == "LOC" and _ELECTORAL_BODY.match(body, x, y):
            label = "ORG"  # "Bawaslu Provinsi Sumut" taken for a place
        if label == "LOC" and _UNIT_HEAD.match(body, x):
            label = "ORG"  # "Polsek Sako" taken for a place
        if label == "PER" and _PLACE_NOUN.match(body, x, y):
            label = "LOC"  # "Gedung Sarinah", "Jalan Sudirman" taken for a person
        elif label == "PER" and _ORG_NOUN_LAST.search(body, x, y):
            label = "ORG"  # "ESQ Leadership Training Center", "Climate Action Tracker" taken for a person
        elif (
            label == "PER"
            and " " not in body[x:y]
            and out
            and out[-1][2] == "LOC"
            and re.fullmatch(r",?\s+(?:dan|serta|atau)\s+|,\s*", body[out[-1][1] : x])
        ):
            label = "LOC"  # "Kota Bogor dan Cianjur": one word listed with a place is a place
        unit = _UNIT_HEAD_IN.search(body, x, y) if label == "PER" else None
        if unit is not None:  # "Kanit Reskrim Polsek Sako Iptu Apriansyah" taken for one person: a role,
            # the unit, then the person after his rank
            end = place_after(body, unit.end())
            rank = RANKS.match(body, end + 1) if end < y else None
            if rank is not None and (start := _lstrip_ranks(body, end + 1, y)) < y:
                out.append((unit.start(), end, "ORG"))
                out.append((start, y, "PER"))
                continue
            x, y, label = unit.start(), end, "ORG"
        if label == "ORG" and _UNIT_HEAD.match(body, x) and (city := _CITY_UNIT.match(body, y)):
            y = city.end()
        out.append((x, y, label))
    return out


#: An election body's regional office is named by its place: "Bawaslu" + "Humbang Hasundutan", "KPU Provinsi"
#: + "Sumut" (its chairman's name after it is a person: "Ketua KPU Arief Budiman").
_ELECTORAL_HEAD = r"Bawaslu|KPUD?"
_ELECTORAL_BODY_BEFORE = re.compile(
    rf"(?<![\w-])(?:{_ELECTORAL_HEAD})(?:\s+(?:Provinsi|Kabupaten|Kota))?\s+$"
)


#: A police chief's role before a Jakarta unit ("Wakapolres Metro Jakarta Pusat"), taken for a person.
_ROLE_OF_METRO_UNIT = re.compile(r"(?:Waka|Ka)pol(?:res|resta|restabes|sek|da)\s+Metro\b")
#: An election body's head opening a span ("Bawaslu Provinsi Sumut").
_ELECTORAL_BODY = re.compile(rf"(?:{_ELECTORAL_HEAD})(?=\s)")


def _is_place_here(body: str, text: str, label: str) -> bool:
    """A span is a place: the model said so, or the body prints it after a region's word ("Kabupaten X")."""
    return (
        label == "LOC"
        or re.search(rf"\b(?:Kabupaten|Kota|Provinsi|Kecamatan)\s+{re.escape(text)}\b", body) is not None
    )


# A person named right after a speech verb: '..., kata Serhiy Popko, ...'.
_SPEAKER = re.compile(
    r"\b(?:kata|ujar|ucap|tutur|jelas|ungkap|tegas|sebut|imbuh|tambah|terang|papar)(?:nya)?\s+"
    r"(?P<name>(?-i:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,3}))(?=[,.;:]|\s+(?:kepada|dalam|saat|di|pada)\b)",
    re.IGNORECASE,
)
# A person introduced with a role: "Andriy Kovalenko, seorang analis militer di Kyiv, ...".
_APPOSITIVE = re.compile(
    r"(?P<name>(?-i:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3})),\s+(?:seorang\s+|sang\s+|selaku\s+)?"
    + _ROLE_NOUN
    + r"\b",
    re.IGNORECASE,
)


def _ranked_people(body: str, found: list[Span]) -> list[Span]:
    """A name after a rank is a person's, whatever the model said: "Polres Barru Iptu Sulpakar" (one ORG span
    to the model) is the institution and then the person, and "Sulpakar" alone elsewhere is that person."""
    ranked = [m.span("name") for m in _RANKED.finditer(body)]
    if not ranked:
        return found
    names = {body[a:b] for a, b in ranked}
    out: list[Span] = []
    for x, y, label in found:
        inside = [(a, b) for a, b in ranked if x <= a and b <= y]
        if label != "PER" and inside:
            a, b = inside[0]
            head = RANKS.search(body, x, a)
            cut = _rstrip_ws(body, x, head.start() if head else a)
            if cut > x:
                out.append((x, cut, label))
            out.append((a, b, "PER"))
        elif label != "PER" and body[x:y] in names:
            out.append((x, y, "PER"))
        else:
            out.append((x, y, label))
    return sorted(out)


def _trim_rank_tails(body: str, found: list[Span]) -> list[Span]:
    """An institution's span that runs on into the rank of a person whose name the text lost ("Polri
    Jenderal , …", "Polda Papua Kombes , …"): the institution alone."""
    out: list[Span] = []
    for x, y, label in found:
        if label != "PER":
            words = list(re.finditer(r"\S+", body[x:y]))
            while len(words) > 1 and (is_rank(words[-1].group()) or words[-1].group().lower() == "jenderal"):
                words.pop()
            y = x + words[-1].end() if words else y
        out.append((x, y, label))
    return out


#: The head of a regional unit's or a mission's name, which the model may cut off from its place ("Polda" +
#: "Riau", "PTRI" + "Jenewa").
_UNIT_HEAD = re.compile(
    r"(?:Polda|Polres|Polresta|Polrestabes|Polsek|Kejari|Kejati|Kodam|Korem|Kodim|Lanud|Lantamal|Kanwil|KBRI|KJRI|PTRI|"
    r"Pengadilan\s+(?:Negeri|Tinggi|Agama)|Kejaksaan\s+(?:Negeri|Tinggi))"
)
#: A unit's head alone, also with Jakarta's "Metro" ("Polres Metro" + "Jakarta Pusat").
_METRO_UNIT_HEAD = re.compile(rf"(?:{_UNIT_HEAD.pattern})(?:\s+Metro)?")
#: A unit's or a local government's head alone, named by the place after it ("Polda" + "Riau", "Pemprov" + "Sumsel").
_LOCAL_HEAD = r"Pem(?:prov|kab|kot)"
_LONE_HEAD = re.compile(
    rf"{_METRO_UNIT_HEAD.pattern}|{_LOCAL_HEAD}|Pemda|Pemerintah\s+(?:Provinsi|Kabupaten|Kota)"
)
#: A unit's head right before a place: "Polres " + "Jakbar".
_HEAD_BEFORE = re.compile(rf"(?<![\w-])(?:{_UNIT_HEAD.pattern}|{_LOCAL_HEAD})\s+$")
#: The noun a place or a building is named with: a span it opens is no person.
_PLACE_NOUN = re.compile(
    r"(?:Gedung|Jalan|Jl\.?|Pasar|Masjid|Stadion|Bandara|Pelabuhan|Terminal|Stasiun|Hotel|Rumah\s+Sakit|"
    r"Kampung|Desa|Dusun|Kelurahan|Kecamatan|Kabupaten|Pulau|Gunung|Sungai|Danau|Pantai|Taman|Lapangan|Monumen)\s"
)
#: The English noun closing an organisation's name: a span it closes is no person.
_ORG_NOUN_LAST = re.compile(
    r"\s(?:Center|Centre|Institute|Foundation|Agency|Association|Organi[sz]ation|Council|Committee|Commission|"
    r"Corporation|Company|Group|Network|Watch|Forum|Society|Union|Alliance|Fund|Office|Studies|University|College|"
    r"Club|Party|Administration|Authority|Board|Ministry|Department|Tracker|Laboratory|Project|Initiative)$"
)
#: A unit's head inside a span: "Kabag Ops " + "Polres Sorong".
_UNIT_HEAD_IN = re.compile(rf"(?<=\s)(?:{_UNIT_HEAD.pattern})(?= [A-Z])")
#: "kota" after a city unit's place: "Polres Sorong kota".
_CITY_UNIT = re.compile(r" [Kk]ota\b(?! [A-Z])")
#: Capitalised words after a unit's head: its place ("Polres Mamuju", "Polda Metro Jaya"), up to a rank.
_UNIT_PLACE = re.compile(r"(?: (?-i:[A-Z][\w-]*)){1,3}")


def _unit_and_place(body: str, found: list[Span]) -> list[Span]:
    """A unit's head the model found alone ("Polda") and the place right after it ("Riau", found as a place
    or not at all): one organisation, "Polda Riau"; a rank or a person's name after the place stays out."""
    out: list[Span] = []
    for x, y, label in sorted(found):
        if out and out[-1][2] == "ORG" and _LONE_HEAD.fullmatch(body[out[-1][0] : out[-1][1]]):
            if label == "LOC" and body[out[-1][1] : x] == " ":
                out[-1] = (out[-1][0], y, "ORG")
                continue
            rank = RANKS.search(body, x, y) if label == "PER" and body[out[-1][1] : x] == " " else None
            if (
                rank is not None and rank.start() > x
            ):  # "Polres" + "Mamuju AKP Budi Santoso": the place, then him
                out[-1] = (out[-1][0], _rstrip_ws(body, x, rank.start()), "ORG")
                x = _lstrip_ranks(body, rank.start(), y)
                if x < y:
                    out.append((x, y, label))
                continue
            if label == "PER" and rank is None and body[out[-1][1] : x] == " " and len(body[x:y].split()) < 4:
                out[-1] = (out[-1][0], y, "ORG")  # "Polres" + "Mamuju" taken for a person: the place
                continue
        out.append((x, y, label))
    taken = [(a, b) for a, b, _ in out]
    for i, (x, y, label) in enumerate(out):
        if label == "ORG" and _LONE_HEAD.fullmatch(body[x:y]):
            out[i] = (x, place_after(body, y, taken), label)
    return out


def is_rank(word: str) -> bool:
    """A rank printed before a name ("AKP", "Kombes", "Brigjen", and the "Pol" after a police rank)."""
    return RANKS.fullmatch(word) is not None or word.lower() in ("pol", "pol.")


def place_after(body: str, end: int, taken: Sequence[tuple[int, int]] = ()) -> int:
    """Where the place naming a unit ends: up to three capitalised words after ``end`` ("Polres" + "
    Mamuju", "Polda" + " Metro Jaya"), stopping at a rank or a span already taken; ``end`` if none."""
    m = _UNIT_PLACE.match(body, end)
    keep = 0
    for w in re.finditer(r"\S+", m.group() if m else ""):
        if is_rank(w.group()) or any(a < end + w.end() and end + w.start() < b for a, b in taken):
            break
        keep = w.end()
    return end + keep


def _lstrip_ranks(body: str, start: int, end: int) -> int:
    """Past the ranks opening a span ("AKP Budi Santoso", "Brigjen Pol Dedi"): where the name starts."""
    while m := re.match(r"\S+\s+", body[start:end]):
        if not is_rank(m.group().strip()):
            break
        start += m.end()
    return start


def _institution_then_person(body: str, found: list[Span], registry: Registry) -> list[Span]:
    """A person span that opens with an institution and its country ("Kemlu Pakistan Mohammad Faisal"):
    the institution, then the person."""
    out: list[Span] = []
    for x, y, label in found:
        words = list(re.finditer(r"\S+", body[x:y]))
        if label == "PER" and len(words) >= 3 and _INSTITUTION_HEAD.match(words[0].group()):
            cut = next(
                (
                    w
                    for w in words[1:-1]
                    if (e := registry.lookup(w.group())) is not None and e.id.startswith("country:")
                ),
                None,
            )
            if cut is not None:
                out.append((x, x + cut.end(), "ORG"))
                nxt = words[words.index(cut) + 1]
                out.append((x + nxt.start(), y, "PER"))
                continue
        out.append((x, y, label))
    return out


#: Honorifics that only stand before a person's name ("KH Maksum Faqih", "Habib Rizieq").
_HONORIFIC = re.compile(r"(?:KH|K\.H\.|Habib|Ustaz|Ustadz|Buya)\s+(?=[A-Z])")


def _honorific_person(body: str, found: list[Span]) -> list[Span]:
    """A span that runs an institution's short form into an honorific and a name ("PBNU KH Maksum Faqih"
    after "Wasekjen"): the institution, then the person the honorific introduces ("Jalan KH Ahmad Dahlan"
    stays a street)."""
    out: list[Span] = []
    for x, y, label in found:
        m = _HONORIFIC.search(body, x + 1, y)
        if (
            m is not None
            and m.end() < y
            and re.search(r"(?<![\w.])[A-Z]{2,}\s+$", body[x : m.start()])  # an acronym, not "Jalan KH …"
        ):
            head_end = _rstrip_ws(body, x, m.start())
            if label != "PER":
                out.append((x, head_end, label))
            out.append((m.end(), y, "PER"))
            continue
        out.append((x, y, label))
    return out


def _initialed_person_closing(body: str, found: list[Span]) -> list[Span]:
    """An organisation's span the model ran on into a name with a middle initial ("Komisioner Komnas HAM
    Saurlin P Siagian"): the organisation, then the person."""
    out: list[Span] = []
    for x, y, label in found:
        m = next((m for m in _INITIALED_NAME.finditer(body, x, y) if m.end() == y and m.start() > x), None)
        if label == "ORG" and m is not None:
            out += [(x, _rstrip_ws(body, x, m.start()), "ORG"), (m.start(), y, "PER")]
            continue
        out.append((x, y, label))
    return out


def _short_form_then_person(body: str, found: list[Span]) -> list[Span]:
    """Short forms the body defines in brackets ("Himpunan Pengusaha Muda Indonesia (Hipmi)"): the bracketed
    span is the organisation whatever the recogniser typed it, and a person span opening with the short
    form ("Ketua Umum BPP Hipmi Akbar Himawan Buchari") is the organisation, then the person (two or more
    capitalised words that are no title)."""
    out: list[Span] = []
    for x, y, label in found:
        if (
            out
            and out[-1][2] == "ORG"
            and out[-1][1] == x - 2
            and body[x - 2 : x] == " ("
            and body[y : y + 1] == ")"
            and initials_in(body[x:y], body[out[-1][0] : out[-1][1]])
        ):
            out.append((x, y, "ORG"))
            continue
        words = list(re.finditer(r"\S+", body[x:y]))
        head = words[0].group() if words else ""
        if (
            label == "PER"
            and (
                len(words) >= 3  # "Deputi IV … Kemenpora Mulyana": a one-word name after a role
                or (len(words) == 2 and re.search(rf"(?i:\b{_ROLE_NOUN})\b", body[max(0, x - 80) : x]))
            )
            and re.fullmatch(r"[A-Z][A-Za-z]{1,9}", head)
            and not _INSTITUTION_HEAD.match(head)
            and all(re.fullmatch(r"[A-Z][a-z'-]+", w.group()) and not _is_title(w.group()) for w in words[1:])
            and _defines_short_form(body, head)  # the one check that reads the whole body, last
        ):
            out += [(x, x + words[0].end(), "ORG"), (x + words[1].start(), y, "PER")]
            continue
        out.append((x, y, label))
    return out


def _defines_short_form(body: str, short: str) -> bool:
    """The body writes ``short`` in brackets after the capitalised words it abbreviates."""
    return any(
        initials_in(short, " ".join(words[i:]))  # the words right before ("Mantan Bendahara" opens no name)
        for m in re.finditer(rf"((?:(?:[A-Z][\w-]*|dan)\s+){{2,7}})\({re.escape(short)}\)", body)
        for words in [m.group(1).split()]
        for i in range(len(words) - 1)
    )


#: A short form of two or more capitals: "DKPP", "ICW", "Dinsos" is not one, "KemenPPPA" is.
SHORT_FORM = re.compile(r"(?=(?:[a-z]*[A-Z]){2})[A-Z][A-Za-z]{1,7}")


def initials_in(short: str, name: str) -> bool:
    """The initials of a name's capitalised words stand in order in its short form ("Hipmi" for
    "Himpunan Pengusaha Muda Indonesia"; not "Purbaya" after "Menkeu")."""
    initials = [w[0].lower() for w in name.split() if w[:1].isupper()]
    rest = iter(short.lower())
    return len(initials) >= 2 and all(ch in rest for ch in initials)


#: Words that are a royal title ("Raja Salman", "Ratu Elizabeth II") and also open Indonesian names ("Ratu Dewa").
_ROYAL_WORD = re.compile(r"(?:Raja|Ratu)\s+(?P<rest>.+)")


def _royal_word_is_name(body: str, start: int, text: str) -> bool:
    """A royal word opening a person's name that the article gives an office ("Wali Kota Palembang, Ratu
    Dewa"), or two name words after it with no regnal number ("Raja Juli Antoni"), is part of the name."""
    m = _ROYAL_WORD.fullmatch(text)
    if not m:
        return False
    rest = m.group("rest").split()
    if len(rest) >= 2 and not re.fullmatch(r"[IVX]+", rest[-1]):
        return True
    before = _ROLE_BEFORE.search(body[max(0, start - 80) : start])
    return (
        before is not None
        and before.group("role")[:1].isupper()
        and not _ROYAL_WORD.match(before.group("role"))
    )


def _rstrip_ws(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1] in " ,([{–-":  # "Joko Widodo (" where a link's text was dropped
        end -= 1
    return end


# A person named after a police or military rank: "Iptu Sulpakar", "AKBP Ananda Fauzi Harahap".
_RANKED = re.compile(
    rf"\b(?:{_RANK_WORDS})\b\.?\s+(?:Pol\.?\s+)?(?P<name>(?-i:(?!Pol\b)[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){{0,2}}))",
    re.IGNORECASE,
)
# A one- or two-word name opening a sentence before a speech verb: "Sulpakar mengatakan, …" (filtered:
# not a word the article also writes in lower case, a title or a role).
_SUBJECT_SPEAKER = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<name>[A-Z][a-z'’-]{2,}(?:\s+[A-Z][a-z'’-]{2,})?)" + _SPEECH_VERB
)
# A person after a role whose institution closes with its short form: "Wakil Presiden Amerika Serikat (AS) Mike
# Pence menolak", "Kepala Badan Nasional Penanggulangan Bencana (BNPB) Doni Monardo mengatakan" (filtered as above).
_ROLE_SHORT_NAME = re.compile(
    rf"\b{_ROLE_NOUN}(?:\s+(?-i:[A-Z][\w-]*)){{0,5}}\s+\((?-i:[A-Z][A-Za-z]{{1,9}})\)\s+"
    r"(?P<name>(?-i:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}))(?=\s+(?-i:[a-z])|[,.;])",
    re.IGNORECASE,
)
# A person named at the end of a long role after a speech verb: "kata Kabid Hubungan Media dan Kehumasan pada
# Puspenkum Kejagung RI Irwan Datuiding, Sabtu (6/9/2025)" (filtered as above; a span already found wins).
_CUE_ROLE_NAME = re.compile(
    r"\b(?:kata|ujar|ucap|tutur|jelas|ungkap|tegas|imbuh|tambah|terang|papar)(?:nya)?\s+"
    + _ROLE_NOUN
    + r"\b[^,.;:\"“”\n]{0,90}?\s(?P<name>(?-i:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}))(?=\s*[,.])",
    re.IGNORECASE,
)
#: A name with a middle initial the model runs an organisation into: "Saurlin P Siagian", "Johnny G. Plate".
#: Not an initial: a Roman numeral ("Pengadilan Militer Tinggi I Medan") or "H" for Haji ("Drs H Arief").
_INITIALED_NAME = re.compile(
    r"(?<![\w.-])(?P<name>(?!(?:Drs|Dra|Prof|Ir|Dr)\b)[A-Z][a-z'’-]{2,}\s+[A-GJ-UWYZ]\.?\s+[A-Z][a-z'’-]{2,})(?![\w-])"
)
# A news site named by its domain: "TribunGorontalo.com", "Liputan6.com".
#: What introduces the name people call someone by: "akrab disapa", "biasa dipanggil".
_CALLED_BY = r"(?:akrab|biasa|kerap)\s+(?:di)?(?:sapa|panggil)"
_CALLED_NAME = re.compile(rf"\b{_CALLED_BY}\s+(?P<name>[A-Z][\w'’-]+)")
#: A full name and, in brackets, the piece of it people call the person by ("Bijaksana Junerosano (Sano)").
_NAME_THEN_NICKNAME = re.compile(
    r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})\s+\((?P<nick>[A-Z][a-z]{2,})\)"
)
_SITE = re.compile(r"(?<![\w.@/])(?P<name>[A-Z][\w-]*\.(?:com|co\.id|id|net))\b")
_CAPITALISED_RUN = re.compile(r"#?[A-Z][\w'-]*(?:\s+#?[A-Z][\w'-]*){0,5}")


def _subspans(m: re.Match[str]) -> list[tuple[int, int]]:
    """Character spans of every run of words inside a capitalised run, longest first."""
    words = [(w.start() + m.start(), w.end() + m.start()) for w in re.finditer(r"\S+", m.group(0))]
    spans = [(words[i][0], words[j][1]) for i in range(len(words)) for j in range(i, len(words))]
    return sorted(spans, key=lambda s: s[0] - s[1])


def entities(article: Article) -> Article:
    """Fill ``article.entities`` from its body."""
    return entities_batch([article])[0]


def entities_batch(articles: list[Article]) -> list[Article]:
    """The stage over many articles: the recogniser runs once over all their bodies (faster), linking per article."""
    todo = [a for a in articles if a.body.strip()]
    for a in articles:
        a.entities = []
    for article, spans in zip(todo, model_spans([a.paragraphs for a in todo]), strict=True):
        _entities(article, spans)
    return articles


def _entities(article: Article, spans: list[Span]) -> None:
    body = article.body
    registry = active_registry()
    handles = [_split_handle(h) for r in article.photo_credits for h in _HANDLE.findall(r)]
    clusters: list[_Cluster] = []
    role_orgs: list[tuple[int, int]] = []
    dateline = DATELINE.match(article.paragraphs[0])
    skip_to = dateline.end() if dateline else 0  # the outlet's own dateline names no actor
    found = find_mentions(article.paragraphs, registry, spans)
    for i, (start, end, label) in enumerate(found):
        next_start = min((a for a, _, _ in found[i + 1 :] if a >= end), default=len(body))
        if start < skip_to:
            continue
        if label == "PER":
            place_end = max(  # a place, or a body ("Arsul" + "Sani", one word taken for a body, is a person)
                (
                    b
                    for a, b, lab in found[:i]
                    if b <= start and (lab == "LOC" or _surely_body(body, a, b, lab))
                ),
                default=0,
            )
            if (wider := _extend_first_name(body, start, end)) >= place_end:
                start = (
                    wider  # ("Wali Kota Bandung Erwin": a place or a body the model marked is no first name)
                )
            end = _extend_surname(body, end, next_start)
            ranks = [
                r for r in RANKS.finditer(body, start, end) if re.match(r"\s+[A-Z]", body[r.end() : end])
            ]
            if ranks:  # "Sumut Kombes Ferry Walintukan": the name is what follows the rank
                start = (
                    ranks[-1].end()
                    + len(body[ranks[-1].end() : end])
                    - len(body[ranks[-1].end() : end].lstrip())
                )
        end = _rstrip_ws(body, start, _trim_lowercase_tail(body, start, end))
        start = _trim_function_words(body, start, end)
        if label == "PER":
            start = _trim_noun_head(body, start, end)
        if label == "PER":
            start, end = _trim_places(body, start, end, registry)
        text = body[start:end]
        key = text if label == "PER" and _royal_word_is_name(body, start, text) else _strip_title(text)
        if len(key) < 2 or key.isdigit() or _common_word(key, body, registry):
            continue
        if label == "PER" and _ROLE_OF_METRO_UNIT.match(text):
            continue  # "Wakapolres Metro" (+ "Jakarta Pusat"): a role and a unit, the name comes after the rank
        if label == "PER" and _INSTITUTION_HEAD.match(key):
            label = (
                "ORG"  # "Polres Grobogan", "Pemkab Bogor": an institution the recogniser took for a person
            )
        short = _ABBREVIATION.search(text)
        if short:  # "Mahkamah Kehormatan Dewan (MKD)": the name, and its short form as a second mention
            end = start + short.start()
            text, key = body[start:end], _strip_title(body[start:end])
        cluster = _link(key, label, clusters, registry, handles)
        cluster.mentions.append({"text": text, "start": start, "end": end})
        if short:
            a = start + short.start(1)
            cluster.mentions.append({"text": short.group(1), "start": a, "end": a + len(short.group(1))})
            if cluster.type == "ORG" and cluster.entry is None and body.count(short.group(1)) > 1:
                cluster.name = short.group(1)  # an institution the article goes on calling "MKD" is MKD
        if cluster.type == "PER":
            org = _add_role(cluster, body, start, end)
            if org is not None:
                role_orgs.append(org)
        if cluster.entry and cluster.entry.capital_of and _GOVERNMENT_VERB.match(body[end : end + 40]):
            cluster.government = True
    for a, b in role_orgs:  # "Kepala Administrasi Militer Kyiv": the body the person heads
        inside = [(c, m) for c in clusters for m in c.mentions if a < m["end"] and m["start"] < b]
        if all(a <= m["start"] and m["end"] <= b for _, m in inside):  # only names within it ("Kyiv")
            for c, m in inside:
                c.mentions.remove(m)
            _link(body[a:b], "ORG", clusters, registry, []).mentions.append(
                {"text": body[a:b], "start": a, "end": b}
            )
    places = {(m["start"], m["end"]) for c in clusters if c.type != "PER" for m in c.mentions}
    for c in clusters:
        if c.type == "PER" and c.entry is None and c.mentions:
            _fuller_name(c, body, places)
    _join_partial_names(clusters)
    _join_short_names(clusters, body)
    _surname_from_title(clusters, article.title or "", body)
    _join_split_short_forms(clusters, body)
    _join_bracketed_short_forms(clusters, body)
    _join_head_and_short_form(clusters)
    _join_head_word(clusters)
    _join_unit_places(clusters, registry)
    _sweep(clusters, body, skip_to)
    _join_same_names(clusters)
    for c in clusters:
        if c.type == "PER" and c.entry is None and _abbreviates_a_term(c, body):
            c.mentions = []  # "Moderate List Proportional Representation (MLPR)": a term, not a person
    for c in clusters:  # "jurnalis berinisial HM": initials stand for a person
        if (
            c.entry is None
            and c.type != "PER"
            and re.fullmatch(r"[A-Z]{2,5}", c.name)
            and any(
                _INITIALS_OF_PERSON.search(body[max(0, m["start"] - 40) : m["start"]]) for m in c.mentions
            )
        ):
            c.type = "PER"
    states = [c.name for c in clusters if c.entry is not None and c.entry.id.startswith("country:")]
    article.entities = [_to_dict(c, _state_in_roles(c, states)) for c in clusters if c.mentions]


_NICKNAME = rf"\s*(?:\(\s*|,?\s+(?:atau|alias)\s+|,?\s+(?:yang\s+)?{_CALLED_BY}\s+)"


#: What people are called by before a short name ("Gus Maksum", "Cak Nun", "Kang Dedi", "Kiai Said"): a
#: nickname made of one of these and a word of the full name is still that person.
_CALLED = ("Gus", "Ning", "Cak", "Kang", "Mas", "Bang", "Mbak", "Buya", "Abah", "Daeng", "Uda", "Bli",
           "Kiai", "Kyai", "Ustaz", "Ustadz", "Habib", "Syekh")  # fmt: skip
_NICKNAME_THEN = re.compile(_NICKNAME + rf"(?:(?:{'|'.join(_CALLED)})\s+)?(?P<nick>[\w'’-]+)\b")


def _absorb(owner: _Cluster, other: _Cluster, clusters: list[_Cluster]) -> None:
    """``other`` is ``owner`` under another name: its mentions become the owner's, in body order."""
    owner.mentions = sorted(owner.mentions + other.mentions, key=lambda x: x["start"])
    clusters.remove(other)


def _join_same_names(clusters: list[_Cluster]) -> None:
    """Two people of one name are one person ("Tito" grown to "Tito Karnavian" where the body prints it,
    beside "Mendagri Tito Karnavian"); a mention inside another of the same person is dropped."""
    seen: dict[str, _Cluster] = {}
    for c in list(clusters):
        if c.type != "PER" or c.entry is not None:
            continue
        owner = seen.setdefault(norm(c.name), c)
        if owner is c:
            continue
        _absorb(owner, c, clusters)
        owner.roles += [r for r in c.roles if r not in owner.roles]
        owner.mentions = [
            m
            for m in owner.mentions
            if not any(
                o is not m
                and o["start"] <= m["start"]
                and m["end"] <= o["end"]
                and o["end"] - o["start"] > m["end"] - m["start"]
                for o in owner.mentions
            )
        ]


def _join_partial_names(clusters: list[_Cluster]) -> None:
    """A name of two words or more that opens or closes one longer name of the article is that person
    ("Chiko Radityatama" of "Chiko Radityatama Agung Putra", "Franky Yanafia Ariandi" of "Jhon Franky
    Yanafia Ariandi"); the longer name is kept."""
    people = [
        c
        for c in clusters
        if c.type == "PER"
        and c.entry is None
        and not any(_INSTITUTION_HEAD.fullmatch(w) for w in c.name.split())
    ]  # ("Polsek Sukawati" typed PER is no person's name)
    for c in sorted(people, key=lambda x: len(x.name.split())):
        words = norm(c.name).split()
        if len(words) < 2:
            continue
        n = len(words)
        owners = [
            p
            for p in people
            if p is not c
            and p in clusters
            and len(pw := norm(p.name).split()) > n
            and (pw[:n] == words or pw[-n:] == words)
        ]
        if len(owners) == 1:
            _absorb(owners[0], c, clusters)


def _join_short_names(clusters: list[_Cluster], body: str) -> None:
    """A one-word name kept apart from a person's full name (bare or after what people call him by: "Gus
    Maksum") joins that person: a nickname the article introduces ("FX Hadi Rudyatmo atau Rudy", "(Rudy)",
    "yang akrab disapa Rudy", "KH Maksum Faqih atau Gus Maksum"), or a first or last name
    the recogniser typed otherwise in places ("Mamat" as LOC beside "Mamat Rachmat"), whichever came first;
    a registry entity keeps its own identity."""
    people = [c for c in clusters if c.type == "PER" and len(c.name.split()) >= 2]
    # a one-word name, too, when the nickname it introduces is made from it ("Romahurmuziy atau Romi"), not
    # another person offered as a choice ("Anies atau Ganjar")
    named = people + [c for c in clusters if c.type == "PER" and " " not in c.name and c.entry is None]
    nicknames = [  # the word a nickname cue introduces right after each of a person's mentions
        {
            nick
            for x in p.mentions
            if (m := _NICKNAME_THEN.match(body, x["end"]))
            and ((nick := m.group("nick")) != p.name)
            and (  # "atau" also offers a choice: the nickname must be made from the name
                not re.search(r"\batau\b", m.group())
                or any(nick[:2].lower() == w[:2].lower() for w in p.name.split())
            )
            and (" " in p.name or nick[:2].lower() == p.name[:2].lower())
        }
        for p in named
    ]
    for c in list(clusters):
        called, _, short = c.name.rpartition(" ")  # "Gus Maksum" is "Maksum" as people call him
        if c.entry is not None or (called and called not in _CALLED):
            continue
        owners = [p for p, nicks in zip(named, nicknames, strict=True) if short in nicks and p is not c][:1]
        if not owners:  # (a person named short before the article gives the full name, too)
            owners = [p for p in people if p is not c and _part_of(norm(short), norm(p.name))]
        if not owners and c.type == "PER" and " " not in c.name and len(c.name) >= 3:
            owners = [p for p in people if p is not c and _nickname_of(c, p, body)]
        if not owners and " " not in c.name:  # "Pria yang akrab disapa Pacul", even taken for a place
            owners = _introduced_as(c, people, body)
        if not owners and c.type == "PER" and len(c.name) >= 4:  # "Prasetyo" then "Pras": a shortened name
            first = min(m["start"] for m in c.mentions)
            owners = [
                p
                for p in clusters
                if p is not c
                and p.type == "PER"
                and p.entry is None
                and " " not in p.name
                and len(p.name) > len(c.name)
                and norm(p.name).startswith(norm(c.name))
                and min(m["start"] for m in p.mentions) < first
            ]
        if len(owners) == 1:
            _absorb(owners[0], c, clusters)


#: A nickname given to the person just spoken of ("Pria yang akrab disapa Pacul itu mengatakan …").
_CALLED_ANAPHOR = re.compile(
    r"(?i:pria|wanita|perempuan|lelaki|laki-laki|politikus|politisi|sosok|tokoh|ia|dia|beliau)\s+"
    rf"(?i:yang\s+)?(?i:{_CALLED_BY})\s+$"
)


def _introduced_as(short: _Cluster, people: list[_Cluster], body: str) -> list[_Cluster]:
    """The person named last before a one-word name that a descriptor gives as what people call them."""
    if not short.mentions:
        return []
    first = min(m["start"] for m in short.mentions)
    if _CALLED_ANAPHOR.search(body, max(0, first - 50), first) is None:
        return []
    before = [(max(m["start"] for m in p.mentions if m["start"] < first), p) for p in people
              if p is not short and any(m["start"] < first for m in p.mentions)]  # fmt: skip
    return [max(before, key=lambda x: x[0])[1]] if before else []


def _nickname_of(short: _Cluster, person: _Cluster, body: str) -> bool:
    """ "Sy Dul" for "Sy Abdullah Alqadrie": the short name is a piece of one of the person's names, and
    each of its mentions follows a word that opens the person's name or is printed before it."""
    openers = {person.name.split()[0]} | {
        w[-1] for m in person.mentions if (w := body[max(0, m["start"] - 20) : m["start"]].split())
    }
    word = short.name.lower()
    return any(word in w.lower() and word != w.lower() for w in person.name.split()) and all(
        (w := body[max(0, m["start"] - 20) : m["start"]].split()) and w[-1] in openers and w[-1][:1].isupper()
        for m in short.mentions
    )


def _surname_from_title(clusters: list[_Cluster], title: str, body: str) -> None:
    """A person the body names by one word whose full name only the headline gives ("Fahri Hamzah Sebut
    …" over a body that says "Fahri"): the headline's name, when the word after it is no word the body
    prints in lower case, whole or inside another ("Ganjar Tindak Tegas" over "menindak")."""
    for c in clusters:
        if c.type != "PER" or c.entry is not None or " " in c.name or len(c.name) < 3:
            continue
        m = re.search(rf"(?<![\w-]){re.escape(c.name)} ([A-Z][a-z]{{2,}})(?![\w-])", title)
        if (
            m is None
            or _plain_word(m.group(1), body)
            or _is_title(m.group(1))
            or m.group(1).lower() in HEADLINE_VERBS
        ):
            continue
        if not re.search(rf"[a-z]{re.escape(m.group(1).lower())}|{re.escape(m.group(1).lower())}[a-z]", body):
            c.name = f"{c.name} {m.group(1)}"


def _join_split_short_forms(clusters: list[_Cluster], body: str) -> None:
    """ "Kejaksaan Negeri (Kejari) Sidoarjo" is one institution, named as the article goes on calling it
    ("Kejari Sidoarjo" when "Kejari" comes back, else "Kejaksaan Negeri Sidoarjo"); the recogniser's pieces
    ("Kejaksaan Negeri", "Kejari", the place) and the same names printed elsewhere join it."""
    for c in list(clusters):
        if c.type != "ORG" or c.entry is not None or c not in clusters:
            continue
        for m in list(c.mentions):
            g = _SPLIT_SHORT.match(body, m["end"])
            if not g or not _long_form(m["text"], g.group(1)):
                continue
            places = [x for o in clusters if o.type == "LOC" for x in o.mentions if x["start"] == g.start(2)]
            if not places:
                continue  # "Mahkamah Kehormatan Dewan (MKD) DPR RI": the body it belongs to, not its place
            acr, place = g.group(1), places[0]["text"]
            long_name, short_name = f"{m['text']} {place}", f"{acr} {place}"
            c.name = short_name if body.casefold().count(acr.casefold()) > 1 else long_name  # "… pemkab akan"
            end = places[0]["end"]
            m.update(text=body[m["start"] : end], end=end)
            same = {norm(x) for x in (acr, short_name, long_name, m["text"])}
            for other in list(clusters):
                if other is c:
                    continue
                other.mentions = [x for x in other.mentions if not (m["start"] <= x["start"] < m["end"])]
                if other.entry is None and other.type == "ORG" and norm(other.name) in same:
                    _absorb(c, other, clusters)
            break


_BRACKETED_SHORT = re.compile(r"\s*\(([A-Z][A-Za-z]{1,11})\)")


def _join_head_and_short_form(clusters: list[_Cluster]) -> None:
    """ "Kementerian Energi dan Sumber Daya Mineral (ESDM)" then "Kementerian ESDM": the short form stands
    for the words after the head, and the article names the body by head and short form; one organisation
    under that name."""
    for c in list(clusters):
        if c.type != "ORG" or c.entry is not None or c not in clusters or not SHORT_FORM.fullmatch(c.name):
            continue
        heads = {m["text"].split()[0] for m in c.mentions if len(m["text"].split()) > 2}
        for other in clusters:
            if (
                other is not c
                and other.type == "ORG"
                and other.entry is None
                and other.name in {f"{h} {c.name}" for h in heads}
            ):
                _absorb(other, c, clusters)
                break


#: Heads that name a body alone once the article has named it in full ("Mahkamah Konstitusi … Mahkamah
#: memerintahkan"); words that also name a body's kind in general ("Partai", "Komisi") are not among them.
_HEAD_ALONE = {"Mahkamah", "Pengadilan", "Kejaksaan", "Kementerian", "Dewan", "Majelis", "Badan", "Lembaga"}


def _join_head_word(clusters: list[_Cluster]) -> None:
    """A body's head word alone ("Mahkamah") is the one body of the article that the head opens
    ("Mahkamah Konstitusi (MK)"); with two such bodies it stays apart."""
    for c in list(clusters):
        if c.type != "ORG" or c.entry is not None or c.name not in _HEAD_ALONE:
            continue
        owners = [
            o
            for o in clusters
            if o is not c and o.type == "ORG" and any(m["text"].startswith(c.name + " ") for m in o.mentions)
        ]
        if len(owners) == 1:
            _absorb(owners[0], c, clusters)


def _join_bracketed_short_forms(clusters: list[_Cluster], body: str) -> None:
    """ "Dewan Kehormatan Penyelenggara Pemilu (DKPP)" where the recogniser found the name and the short
    form as two organisations: one, under its long name (events name it by the short form)."""
    for c in list(clusters):
        if c.type != "ORG" or c.entry is not None or c not in clusters:
            continue
        for m in c.mentions:
            g = _BRACKETED_SHORT.match(body, m["end"])
            if not g or not initials_in(g.group(1), m["text"]):
                continue
            other = next(
                (
                    o
                    for o in clusters
                    if o is not c and o.type == "ORG" and any(x["start"] == g.start(1) for x in o.mentions)
                ),
                None,
            )
            if other is None or (other.entry is not None and norm(other.name) != norm(g.group(1))):
                continue
            _absorb(c, other, clusters)  # under the long name, as quote golds name a speaker spelt out
            break


def _unit_key(name: str, registry: Registry) -> str | None:
    """A regional unit's name with its place written out: "Polres Jakbar" and "Polres Metro Jakarta Barat"
    are both "polres jakarta barat"; None for a name that is no unit of a place."""
    m = _UNIT_HEAD.match(name)
    region = r"Metro"
    if m is None:  # "Bawaslu Kabupaten Humbang Hasundutan" and "Bawaslu Humbang Hasundutan"
        m, region = _ELECTORAL_BODY.match(name), r"Kabupaten|Provinsi"
    if m is None or m.end() >= len(name):
        return None
    place = re.sub(rf"^(?:{region})\s+", "", name[m.end() :].strip())
    entry = registry.lookup(place)
    return norm(f"{m.group()} {entry.name if entry is not None else place}")


def _join_unit_places(clusters: list[_Cluster], registry: Registry) -> None:
    """One unit named with its place in full and in short ("Polres Metro Jakarta Barat", "Polres Jakbar",
    "Polda Jabar" and "Polda Jawa Barat") is one organisation, under the longest name the article prints."""
    units: dict[str, _Cluster] = {}
    for c in sorted((c for c in clusters if c.type == "ORG" and c.entry is None), key=lambda x: -len(x.name)):
        key = _unit_key(c.name, registry)
        if key is None:
            continue
        if key in units:
            _absorb(units[key], c, clusters)
        else:
            units[key] = c


def _sweep(clusters: list[_Cluster], body: str, skip_to: int) -> None:
    """Every other place the body prints a name already found ("Musk" where the recogniser missed it):
    the spellings the article used for it, and a person's surname alone; a spelling two entities
    share is left out, and a place inside a longer name (already a mention) is not taken."""
    forms: dict[str, list[_Cluster]] = {}
    for c in clusters:
        spellings = {_strip_title(m["text"]) for m in c.mentions} | {c.name}
        if c.type == "PER" and c.entry is None and len(c.name.split()) >= 2:
            spellings.add(c.name.split()[-1])
        for f in spellings:
            if len(f) >= 3 and f[:1].isupper() and f.casefold() not in NOT_NAME_WORDS:
                forms.setdefault(f, [])
                if c not in forms[f]:
                    forms[f].append(c)
    taken = sorted((m["start"], m["end"]) for c in clusters for m in c.mentions)
    name_words = {w.casefold() for c in clusters for m in c.mentions for w in m["text"].split()}
    added = False
    for f in sorted(forms, key=len, reverse=True):
        if len(forms[f]) > 1:
            continue
        (c,) = forms[f]
        for m in re.finditer(rf"(?<![\w@#.-]){re.escape(f)}(?![\w-])", body):
            a, b = m.span()
            if (
                a < skip_to
                or any(x < b and a < y for x, y in taken)
                or _in_capitalised_run(body, a, b, name_words)
            ):
                continue
            c.mentions.append({"text": f, "start": a, "end": b})
            taken.append((a, b))
            added = True
    if added:
        for c in clusters:
            c.mentions.sort(key=lambda x: x["start"])


def _in_capitalised_run(body: str, a: int, b: int, name_words: set[str] | None = None) -> bool:
    """ "Trump" in "Trump Tower" or "Gedung Putih" in "Juru Bicara Gedung Putih": part of a longer name.
    A neighbour that is a title ("Presiden"), a month or day, or a word the body also prints in lower
    case ("Kemudian") is no part of a name; nor is a sentence's first word that is no word of a known
    name ("Semula Gibran mengaku")."""
    before = re.search(r"([A-Z][\w'’-]*) $", body[max(0, a - 40) : a])
    after = re.match(r" ([A-Z][\w'’-]*)", body[b : b + 40])
    if before is not None and name_words is not None and before.group(1).casefold() not in name_words:
        lead = body[max(0, a - len(before.group(0)) - 2) : a - len(before.group(0))]
        if not lead or lead.endswith(("\n", ". ", "? ", "! ", '" ', "” ")):
            before = None
    return any(
        w is not None and not _plain_word(w.group(1), body) and not (w is before and _is_title(w.group(1)))
        for w in (before, after)
    )


def _plain_word(word: str, body: str) -> bool:
    low = word.casefold()
    return low in NOT_NAME_WORDS or low in STOP_WORDS or _in_lower_case(low, body)


def _in_lower_case(word: str, body: str) -> bool:
    """``word`` (lower case) is printed so in ``body`` as a whole word."""
    if re.fullmatch(r"\w+", word):
        return word in _lower_words(body)
    return re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", body) is not None


@lru_cache(maxsize=8)
def _lower_words(body: str) -> frozenset[str]:
    return frozenset(re.findall(r"\w+", body))


def _is_title(word: str) -> bool:
    return TITLES.match(word + " ") is not None


def _fuller_name(cluster: _Cluster, body: str, places: set[tuple[int, int]]) -> None:
    """A person known only by a short name ("Purbaya") whose full name the body prints where the model
    missed it ("Menteri Keuangan Purbaya Yudhi Sadewa"): take the full name, and that place as a mention."""
    if len(cluster.name.split()) > 2:
        return
    pat = re.compile(
        rf"(?<!\w)(?<!\w-){re.escape(cluster.name)}((?: [A-Z][a-z]{{2,}}(?:-[A-Z][a-z]+)?){{1,2}})(?![\w-])"
    )
    taken = {(m["start"], m["end"]) for m in cluster.mentions}
    for m in pat.finditer(body):
        words = m.group(1).split()
        day = [words.pop()] if _weekday_name(body, words[-1], m.end()) else []  # "Margarito Kamis mengatakan"
        while words and (words[-1].casefold() in NOT_NAME_WORDS or words[-1].lower() in _NOT_FIRST_NAMES):
            words.pop()
        if (not words and not day) or any(w.casefold() in NOT_NAME_WORDS for w in words):
            continue
        words += day
        full = cluster.name + " " + " ".join(words)
        end = m.start() + len(full)
        if any(a == m.start() and b < end for a, b in places):
            continue  # "NasDem" (a party the model once took for a person) before "Sumut Iskandar"
        cluster.name = full
        if not any(a <= m.start() < b for a, b in taken):
            cluster.mentions.append({"text": full, "start": m.start(), "end": end})
            cluster.mentions.sort(key=lambda x: x["start"])
        return
    if " " not in cluster.name:
        _first_name_before(cluster, body, places)


def _first_name_before(cluster: _Cluster, body: str, places: set[tuple[int, int]]) -> None:
    """A surname alone ("Howell") whose first name the body prints before it where the model missed it
    ("Hakim Distrik A Beryl Howell"): the capitalised word right before, unless it is a title, a common
    word, a function word or another entity's one-word mention (``places``: their spans)."""
    for m in re.finditer(rf"(?<![\w-])([A-Z][a-z]{{2,}}) {re.escape(cluster.name)}(?![\w-])", body):
        first = m.group(1)
        if (
            _plain_word(first, body)
            or _is_title(first)
            or first.lower() in _NOT_FIRST_NAMES
            or active_registry().lookup(first) is not None  # "Ketua NasDem Sumut Iskandar": a place
            or m.span(1) in places  # "Wali Kota Bandung Erwin": a place or body the article names
            or any(a < m.start(1) < b for a, b in places)  # "… Negeri Kuantan Singingi Soenardi": its end
            or _named_as_place(first, body)  # "Wali Kota Palu Hidayat" beside "Kota Palu"
        ):
            continue
        cluster.name = f"{first} {cluster.name}"
        if not any(x["start"] <= m.start(1) < x["end"] for x in cluster.mentions):
            cluster.mentions.append({"text": m.group(0), "start": m.start(), "end": m.end()})
            cluster.mentions.sort(key=lambda x: x["start"])
        return


def _add_role(cluster: _Cluster, body: str, start: int, end: int) -> tuple[int, int] | None:
    """Keep the role the article gives a person, printed right after ("X, Kepala ...") or before
    ("Presiden Rusia X"); returns the span of an organisation the role names, if any."""
    m = _ROLE_AFTER.match(body[end : end + 120])
    span = (end + m.start("role"), end + m.end("role")) if m else None
    if span is None:
        lo = max(0, start - 80)
        before = _ROLE_BEFORE.search(body[lo:start])
        if before and before.group("role")[:1].isupper():
            span = (lo + before.start("role"), lo + before.end("role"))
    if span is None:
        return None
    role = re.sub(r"\s+", " ", body[span[0] : span[1]]).strip(" ,")
    role = re.sub(rf"(?:\s+(?:{_RANK_WORDS})\.?)+$", "", role, flags=re.IGNORECASE)  # "… Polres Barru Iptu"
    if role.lower() not in (r.lower() for r in cluster.roles):
        cluster.roles.append(role)
    head = _ROLE_HEAD.match(body[span[0] : span[1]])
    if head:
        ((_, end, _),) = _trim_rank_tails(
            body, [(span[0] + head.start("org"), span[0] + head.end("org"), "ORG")]
        )
        return span[0] + head.start("org"), end  # "Kepala Polri Jenderal Tito …" names Polri
    return None


#: Words that finish a title rather than open the organisation after it ("Direktur Utama", "Ketua Umum").
_TITLE_REST = r"(?:utama|eksekutif|jenderal|umum|harian|pelaksana|bisnis|operasional|keuangan)"
# The organisation a role names: "Kepala Administrasi Militer Kyiv", "Juru Bicara Kementerian Luar Negeri".
_ROLE_HEAD = re.compile(
    r"^(?:kepala|ketua|direktur|juru\s+bicara|jubir|sekretaris|komandan|panglima|pemimpin|wakil\s+ketua)\s+"
    rf"(?:{_TITLE_REST}\s+)*(?!{_TITLE_REST}\b)"  # "Direktur Utama Pertamina" names Pertamina
    r"(?:(?:bidang|divisi|biro|bagian|seksi|subdit|unit)\s+\w+\s+)?"  # "Kepala Bidang Humas Polda Papua": Polda Papua
    r"(?-i:(?P<org>[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|dan|luar|negeri|dalam))+))\s*$",
    re.IGNORECASE,
)


# Capitalised words that open sentences or clauses and are no first names.
_NOT_FIRST_NAMES = {
    "namun", "sementara", "menurut", "kata", "ujar", "dalam", "pada", "di", "ke", "dari", "bagi", "saat", "ketika",
    "setelah", "sebelum", "sejak", "hingga", "meski", "jika", "karena", "itu", "ini", "para", "sang", "seorang",
    "tetapi", "tapi", "dan", "atau", "bahkan", "sedangkan", "adapun", "kemudian", "lalu", "selain", "sebab", "oleh",
    "bersama", "kepada", "tentang", "apakah", "mengapa", "bagaimana", "siapa", "the", "and", "but", "when", "after",
    "sebagaimana", "seperti", "yakni", "yaitu", "bila", "apabila", "agar", "supaya", "walaupun", "meskipun", "kini",
    "selama", "usai", "jelang", "menjelang", "demi", "berkat", "terkait", "soal", "mengenai", "antara", "dengan",
    "untuk", "tak", "tidak", "juga", "pun", "lantas", "maka", "sehingga", "baik", "hanya", "semua", "setiap",
}  # fmt: skip


def _extend_first_name(body: str, start: int, end: int) -> int:
    """A surname the model found alone, right after a capitalised first name ("Andriy Kovalenko"): take both;
    and the first half of a hyphenated first name ("Jean-" before "Claude Juncker")."""
    hyphen = re.search(r"(?<![\w-])[A-Z][a-z]+-$", body[max(0, start - 20) : start])
    if hyphen:
        return start - len(hyphen.group())
    if " " in body[start:end].strip() and body[start:end].split()[0].lower() not in _NAME_LINKS:
        return start  # "Al Hamdi" is no full name: "Ridho Al Hamdi"
    m = re.search(
        r"([A-Z][a-z'’-]{2,})\s+(?:(?i:al|el|ul|ud|ur|bin|binti|ibn|ibnu|abu|van|von|de)\s+)?$",
        body[max(0, start - 34) : start],
    )
    if not m:
        return start
    word = m.group(1)
    if word.lower() in _NOT_FIRST_NAMES or TITLES.match(word) or _ROLE_BEFORE.search(word):
        return start
    return start - len(m.group(0))


def _extend_surname(body: str, end: int, limit: int) -> int:
    """Capitalised words right after a person's name that the model left out ("Ema Nurnisya [Putri]",
    "Imanuel Charlo [Rommel Danes]"): up to two, never into the next mention, a month, weekday or office."""
    for _ in range(2):
        m = _NEXT_NAME_WORD.match(body, end)
        if not m or m.end() > limit:
            break
        if (
            m.group(1).casefold() in NOT_NAME_WORDS or m.group(1).lower() in _NOT_FIRST_NAMES
        ) and not _weekday_name(body, m.group(1), m.end()):
            break
        end = m.end()
    return end


def _surely_body(body: str, start: int, end: int, label: str) -> bool:
    """An organisation's span of two words or more, or a short form the body defines ("(Kemenpora)")."""
    return label == "ORG" and (" " in body[start:end] or _defines_short_form(body, body[start:end]))


def _weekday_name(body: str, word: str, end: int) -> bool:
    """A weekday's word closing a name right before a speech verb ("pengamat hukum Margarito Kamis
    mengatakan"): a surname, not the day (which the article writes "Margarito, Kamis (19/9)")."""
    return word.casefold() in WEEKDAYS and _SPEECH_AFTER.match(body, end) is not None


_NEXT_NAME_WORD = re.compile(r" ([A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?![\w-])")


def _trim_lowercase_tail(body: str, start: int, end: int) -> int:
    """Cut lower-case words the model ran on past a name ("TASS News kantor" -> "TASS News")."""
    words = list(re.finditer(r"\S+", body[start:end]))
    while len(words) > 1 and words[-1].group(0).islower() and words[-1].group(0) not in _NAME_PARTICLES:
        words.pop()
    return start + words[-1].end() if words else end


#: A noun opening a sentence before a name, which the recogniser takes into the name: "Keputusan Trump",
#: "Pernyataan Pompeo" (ke-/pe(r/n/m/ng/ny)- … -an), "Upaya Trump", "Komentar Pompeo".
_NOUN_HEAD = re.compile(
    r"(?:(?:Ke|Pe|Per|Pen|Pem|Peng|Peny)[a-z]{3,}an|Upaya|Komentar|Langkah|Sikap|Cuitan|Ucapan|Kunjungan|Rencana|"
    r"Ancaman|Tuduhan|Klaim|Kritik|Janji|Usulan|Tawaran|Pesan|Surat|Kubu|Pihak|Kantor|Rezim|Era|Masa)\s+(?=[A-Z])"
)


def _trim_noun_head(body: str, start: int, end: int) -> int:
    """A person's span without a noun that opens it ("Keputusan Trump untuk tidak membalas …" is Trump)."""
    m = _NOUN_HEAD.match(body, start, end)
    return m.end() if m else start


def _trim_function_words(body: str, start: int, end: int) -> int:
    """A sentence's first word the recogniser took into a name ("Semula Gibran", "Namun Rusia"): a
    function word (spaCy's Indonesian stop words) opening a name is dropped."""
    while True:
        m = re.match(r"(\S+)\s+(?=\S)", body[start:end])
        if m is None or m.group(1).casefold() not in STOP_WORDS:
            return start
        start += m.end()


#: The head of a region, a town or a regional unit, printed before the place and the name.
_REGION_HEAD_BEFORE = re.compile(
    r"(?<![\w-])(?i:wali\s*kota|bupati|gubernur|camat|lurah|kapolres\w*|kapolda|kapolsek|dandim|danrem|kajari|kajati|"
    r"sekda|pj\.?|plt\.?)\s+$"
)


def _named_as_place(word: str, body: str) -> bool:
    """Whether the article names ``word`` as a place ("Kota Palu", "Polres Mamuju"; not "Wali Kota David
    Navarro")."""
    pattern = (
        r"(?<![Ww]ali )\b(?:Kota|Kabupaten|Kab\.|Provinsi|Kecamatan|Desa|Kelurahan|Pemkab|Pemkot|Pemprov|DPRD|"
        rf"Polres(?:ta)?|Polda|Polsek|Kodim|Korem|Kejari|Kejati)\s+{re.escape(word)}\b"
    )
    return re.search(pattern, body) is not None


def _trim_places(body: str, start: int, end: int, registry: Registry) -> tuple[int, int]:
    """A person's span without a province, city or known organisation opening it ("Ketua NasDem Sumut
    Iskandar", "Pentagon Jonathan Hoffman") and without an organisation closing it ("Menurut Howell DPR telah …"). States and capitals stay: they are also first
    names ("Jordan Henderson", "Paris Hilton")."""
    region = re.search(
        r"(?<![\w-])(?<![Ww]ali )(?:Kota|Kabupaten|Kab\.|Provinsi)\s+[A-Z][\w-]*\s+(?=[A-Z])", body[start:end]
    )
    if region is not None:
        start += region.end()  # "Kabag Hukum Setda Kota Palu Romi": the role and its town, then the name
    first = re.match(r"(\S+)\s+(?=[A-Z])", body[start:end])
    place = registry.lookup(first.group(1)) if first else None
    if first and place is not None:
        full_name_after = len(body[start + first.end() : end].split()) >= 2
        if place.type == "ORG" and full_name_after:
            start += (
                first.end()
            )  # "juru bicara Pentagon Jonathan Hoffman": the body he speaks for, then his name
        elif place.type == "LOC" and place.capital_of is None:
            if not place.id.startswith("country:"):
                start += first.end()
            else:  # "Presiden Iran Hassan Rouhani": a state after a title, or before a full name, is no first name
                before = re.search(r"(\S+)\s+$", body[max(0, start - 30) : start])
                if full_name_after or (before is not None and _is_title(before.group(1))):
                    start += first.end()
    elif (
        first
        and _REGION_HEAD_BEFORE.search(body, max(0, start - 30), start)
        and _named_as_place(first.group(1), body)
    ):
        start += first.end()  # "Wali Kota Palu Hidayat" where the article also writes "Kota Palu"
    last = re.search(r"\s(\S+)$", body[start:end])
    after = registry.lookup(last.group(1)) if last else None
    if last and after is not None and after.type == "ORG":
        end = _rstrip_ws(body, start, start + last.start())
    return start, end


def _common_word(key: str, body: str, registry: Registry) -> bool:
    """A single capitalised word the article also prints in lower case ("Latihan" / "latihan"), a weekday or a
    title is no name."""
    if " " in key or not key[:1].isupper() or registry.lookup(key) is not None:
        return False
    if key.casefold() in WEEKDAYS:  # "Pada Selasa, seorang pejabat …": a day, never a name
        return True
    if _is_title(key):  # "Perwira menengah polri itu menjelaskan": a role, never a name
        return True
    return _in_lower_case(key.lower(), body)


def _split_handle(handle: str) -> str:
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", handle)


def _link(key: str, label: str, clusters: list[_Cluster], registry: Registry, handles: list[str]) -> _Cluster:
    entry = registry.lookup(key) or registry.fuzzy(key, label if label in ("PER", "ORG", "LOC") else None)
    if entry is not None:
        for c in clusters:
            if c.entry is entry:
                return c
        c = _Cluster(entry.name, entry.type, entry)
        clusters.append(c)
        return c
    nkey = norm(key)
    for c in clusters:  # a name already seen in this article, in full or in part
        names = {norm(c.name), *(norm(_strip_title(m["text"])) for m in c.mentions)}
        if nkey in names or (c.type == label == "PER" and any(_part_of(nkey, n) for n in names)):
            return c
        if c.type == label and any(
            fuzz.ratio(nkey, n) >= SAME_DOC_FUZZY_MIN and not _other_units(key, c.name, registry)
            for n in names
            if len(n) >= 6
        ):
            return c
    name = key
    for h in handles:  # the page's own handle spells the name right ("@AlexKokcharov")
        if fuzz.ratio(norm(h), nkey) >= SAME_DOC_FUZZY_MIN:
            name = h
    c = _Cluster(name, label)
    clusters.append(c)
    return c


def _other_units(a: str, b: str, registry: Registry) -> bool:
    """Units of two places, spelt alike ("Polres Metro Jakarta Pusat", "Polres Metro Jakarta Barat")."""
    ka, kb = _unit_key(a, registry), _unit_key(b, registry)
    return ka is not None and kb is not None and norm(ka) != norm(kb)


def _part_of(short: str, full: str) -> bool:
    """ "polishchuk" is part of "aleksey polishchuk" (Indonesians are also named by their first name,
    "Hendra" for "Hendra Wicaksono"); a surname may be misspelled ("kokcharoc")."""
    parts = full.split()
    if len(parts) < 2 or " " in short:
        return False
    return (
        short in parts
        or any(len(p) >= 6 and fuzz.ratio(short, p) >= SAME_DOC_FUZZY_MIN for p in parts[1:])
        or (len(short) >= 4 and len(parts[0]) > len(short) and parts[0].startswith(short))  # "Pras", Prasetyo
    )


def _state_in_roles(cluster: _Cluster, states: list[str]) -> str | None:
    """The state a person's role names ("Presiden Belarus", "Menteri Luar Negeri Rusia"), or a state
    institution's name ("Kemlu Pakistan", "Kementerian Pertahanan Rusia"), if one."""
    if cluster.type == "ORG" and cluster.entry is None and _INSTITUTION_HEAD.match(cluster.name):
        named = [st for st in states if re.search(rf"\b{re.escape(st)}$", cluster.name)]
        return named[0] if len(named) == 1 else None
    for role in cluster.roles if cluster.type == "PER" else ():
        named = [st for st in states if re.search(rf"\b{re.escape(st)}\b", role)]
        if len(named) == 1:
            return named[0]
    return None


#: A religious honorific before a full name, which chronicles leave out ("Buya Syafii Maarif" is Syafii Maarif,
#: "KH Ma'ruf Amin" is Ma'ruf Amin); the mentions keep it, and "Buya" alone still names him.
_RELIGIOUS_TITLE = re.compile(r"^(?:KH\.?|K\.\s?H\.|Buya|Ustaz|Ustadz|Kiai|Kyai)\s+(?=\S+\s+\S)")


def _to_dict(c: _Cluster, serves: str | None = None) -> dict[str, Any]:
    e = c.entry
    name = _RELIGIOUS_TITLE.sub("", c.name) if c.type == "PER" and e is None else c.name
    ident = e.id if e else f"local:{re.sub(r'[^a-z0-9]+', '-', name.casefold()).strip('-')}"
    out: dict[str, Any] = {
        "id": ident,
        "name": name,
        "type": c.type,
        "wikidata": e.wikidata if e else None,
        "mentions": c.mentions,
        "roles": c.roles,
    }
    if c.government and e is not None and e.capital_of:
        out["stands_for"] = e.capital_of
    if c.type in ("PER", "ORG") and (serves or (e.serves if e else None)):
        out["serves"] = (e.serves if e else None) or serves
    return out


def _abbreviates_a_term(cluster: _Cluster, body: str) -> bool:
    """An all-capitals name the body defines in brackets after the words it abbreviates, none of them a
    name found as a person: "Moderate List Proportional Representation (MLPR)"."""
    name = cluster.name
    if not re.fullmatch(r"[A-Z]{3,8}", name):
        return False
    for m in cluster.mentions:
        if body[m["start"] - 1 : m["start"]] != "(" or body[m["end"] : m["end"] + 1] != ")":
            continue
        words = re.findall(r"[\w'-]+", body[max(0, m["start"] - 120) : m["start"] - 1])[-len(name) :]
        if len(words) == len(name) and "".join(w[0] for w in words).upper() == name:
            return True
    return False


#: "pelaku berinisial AS", "inisial HM": initials of a person (not of a company: "perusahaan berinisial PT")
_INITIALS_OF_PERSON = re.compile(r"(?<!perusahaan )(?<!PT )(?<!CV )\b(?:ber)?inisial\s+$", re.IGNORECASE)
