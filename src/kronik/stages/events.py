"""Events stage: who did what to whom, when, how sure, and on whose word.

Reads ``paragraphs``, ``entities``, ``times``, ``quotes``, ``sources``; assigns ``events``. Types are PLOVER's
16 (AGREE … ASSAULT) plus DENY and CHANGE_POLICY; the vocabulary is data (``lang/id/events.json``).

1. **Acts told in the body**: a trigger ("menginvasi", "sepakat", "mengadakan latihan", "menulis surat
   terbuka") in a sentence of the body, outside direct quotes. The actor is the entity of the trigger's
   subject (the subject finder of the quotes stage); with "X dan Y" the second is the recipient (AGREE,
   CONSULT, COOPERATE) or partner (others). The recipient is the first other entity after the trigger in
   its clause; the location an entity after "di".
2. **Acts of speech**: a quote whose speech act is an event (memperingatkan → THREATEN, membantah → DENY,
   menyerukan → REQUEST, menuduh → ACCUSE); a statement that rules something out ("tidak memiliki
   rencana untuk bergabung") is REJECT, a first-person "Saya tidak …" is DENY, and a conditional about
   war ("… dapat bergabung dalam perang jika …") is THREATEN. The actor is the speaker, or the state an
   anonymous official speaks for ("pejabat Kementerian Luar Negeri Rusia" → Rusia).
3. **Date**: a time of the same sentence (not the date a medium was quoted on), else the quote's date;
   never the publication date by default. **Modality**: negation → denied; "jika", "terpaksa" →
   conditional; "mungkin", "berpotensi" → hypothetical; "akan", "berencana" → planned; "dilaporkan",
   or told in someone else's words → reported; else asserted.
4. **One event told twice is one event**: same type and same actor (a capital and its state are one
   actor), dates compatible → merged, keeping every mention as evidence.
Nothing outside the body (headlines of other stories, menus, captions) is read.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from kronik.data import Article
from kronik.lang.id.words import NOT_NAME_WORDS
from kronik.stages.entities import RANKS, SHORT_FORM, initials_in, is_rank, place_after
from kronik.stages.entities.registry import active_registry
from kronik.stages.metadata.media import known_media
from kronik.stages.quotes import _Finder, opens_span, recap_time
from kronik.stages.quotes import spans as sp
from kronik.stages.quotes.lexicon import lexicon

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
    "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "DENY", "CHANGE_POLICY",
)  # fmt: skip
MODALITIES = ("asserted", "reported", "planned", "conditional", "threatened", "hypothetical", "denied")
#: Modality of a merged event: the most telling of its mentions.
_MODALITY_RANK = {
    "denied": 0,
    "conditional": 1,
    "threatened": 2,
    "planned": 3,
    "hypothetical": 4,
    "reported": 5,
    "asserted": 6,
}
SYMMETRIC = {"AGREE", "CONSULT", "COOPERATE"}


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    return json.loads(resources.files("kronik.lang.id").joinpath("events.json").read_text("utf-8"))


def families() -> dict[str, list[str]]:
    """PLOVER's four families and their event types, as this stage codes them (lang/id/events.json)."""
    return _vocab()["families"]


def _alt(words: list[str]) -> str:
    return "|".join(w.replace(" ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    v = _vocab()
    triggers = [
        (t, re.compile(rf"(?<![\w-])(?:{_alt(ws)})(?![\w-])", re.IGNORECASE))
        for t, ws in v["triggers"].items()
    ]
    passive = [
        (t, re.compile(rf"(?<![\w-])(?:{_alt(ws)})(?![\w-])(?:\s+(?:oleh\s+)?|(?=[.,;:!?]))", re.IGNORECASE))
        for t, ws in v.get("passive", {}).items()
    ]
    modality = [(m, re.compile(rf"(?<![\w-])(?:{_alt([re.escape(w) for w in ws])})(?![\w-])", re.IGNORECASE))
                for m, ws in v["modality"].items()]  # fmt: skip
    family = {t: fam for fam, ts in v["families"].items() for t in ts}
    enforcers = v["enforcers"]
    return {
        "triggers": triggers,
        "passive": passive,
        "enforced": {" ".join(w.lower().split()) for w in enforcers["acts"]},
        "agency": re.compile(rf"(?:{_alt([re.escape(w) for w in enforcers['agencies']])})\b"),
        "agencies_alone": frozenset(enforcers["alone"]),
        "modality": modality,
        "family": family,
        "war": re.compile(rf"(?<![\w-])(?:{_alt([re.escape(w) for w in v['war_words']])})", re.IGNORECASE),
        "conditional": dict(modality)["conditional"],
        # speakers whose word on another's act the article relays without vouching for it
        "commentator": re.compile(
            rf"^(?:seorang\s+|salah\s+(?:satu|seorang)\s+)?(?:{_alt([re.escape(w) for w in v['commentators']])})(?![\w-])",
            re.IGNORECASE,
        ),
        "agents": re.compile(
            rf"^(?:seorang\s+)?(?:{_alt([re.escape(w) for w in v['agents']])})\b", re.IGNORECASE
        ),
        # "Kementerian Luar Negeri China": up to three words of the ministry's field between head and state
        "organ": re.compile(
            rf"^(?:{_alt([re.escape(w) for w in v['state_organs']])})(?P<rest>(?:\s+[A-Z][\w-]*){{1,5}})$",
            re.IGNORECASE,
        ),
    }


#: A lawyer's role, before the client's name ("kuasa hukum Romi", "pengacara PT Sumber Makmur").
_COUNSEL = re.compile(
    r"\b(?:(?:kuasa|penasihat|penasehat|tim)\s+hukum|pengacara|advokat)(?:\s+(?:dari|untuk|bagi|terdakwa|tersangka))?",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"(?:\b(?:tidak|tak|belum|bukan|tidak pernah|tak pernah|enggan)\s+(?:\w+\s+)?)$", re.IGNORECASE
)
_REJECT_CONTENT = re.compile(
    r"\b(?:tidak|tak|belum)\s+(?:memiliki\s+rencana|berencana|akan|ingin|mau)\s+(?:untuk\s+)?(?:bergabung|ikut|mengirim|terlibat|menyerang|berperang|memasuki)",
    re.IGNORECASE,
)
_FIRST_PERSON_DENIAL = re.compile(
    r"^\W*(?:saya|kami)\s+(?:(?:tidak|tak)\s+(?:pernah\s+)?(?:akan\s+mengaitkan|mengaitkan|terlibat|bersalah|menerima|memberi|melakukan|menyuruh|memerintahkan|tahu(?!\s+(?:\([^)]{0,30}\)\s*)?(?:mengapa|kenapa|apa|bagaimana|kapan|siapa|di\s*mana)\b))|bukan\s+(?:pelaku|dalang)|tidak\s+benar)\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\byang\s+(?:(?:hendak|akan|telah|sudah|sedang|ingin|baru|juga|pernah|tengah|kerap|sering|bakal|disebut(?:nya)?|dikatakan|diklaim|dikabarkan|diduga|dituduh|dituding|"
    r"memutuskan|memilih|berniat|bersedia|siap|terpaksa|untuk)\s+){0,3}$",
    re.IGNORECASE,
)
#: A time that dates a role or a budget, not an act: "Komisaris PT IAE periode 2006-2023".
_PERIOD_BEFORE = re.compile(
    r"\b(?:periode|masa\s+jabatan|masa\s+bakti|tahun\s+anggaran|TA|angkatan)\s*$", re.IGNORECASE
)
#: What a warning must hold to be a threat: something the speaker's side will or may do, or a condition.
_THREAT_CONTENT = re.compile(
    r"\b(?:akan|bakal|siap|bisa|dapat|mungkin|kemungkinan|potensi|berpotensi|terpaksa|jika|apabila|kalau|bila|tidak\s+segan|konsekuensi|balasan|membalas|respons)\b",
    re.IGNORECASE,
)
#: What follows "mengancam" in a threat: a will, a purpose, a verb, or "… dengan" a means ("mengancam
#: Ukraina dengan serangan"); "DPR mengancam pemberantasan korupsi" (a noun) endangers, it threatens no one.
_THREAT_FOLLOWS = re.compile(
    r"\s+(?:(?:\S+\s+){0,4}?(?:dengan|akan|bakal)\b|untuk\b|(?:me|ber|di|ter)[a-z]{3,})", re.IGNORECASE
)
#: "menolak berkomentar", "enggan merinci": declining to speak is no refusal of anything.
_NO_COMMENT = re.compile(
    r"\s+(?:untuk\s+)?(?:berkomentar|mengomentari|memberikan\s+komentar|memberi\s+komentar|menjawab|diwawancarai|"
    r"merinci|menanggapi|mengatakan|menjelaskan|mengungkapkan|mengonfirmasi|memberikan\s+keterangan|memberi\s+keterangan|menyebutkan|disebutkan|dikutip|diidentifikasi)\b",
    re.IGNORECASE,
)
#: Before a bare year that names a thing rather than dates an act: a word that is no preposition of time.
_NAMED_YEAR = re.compile(
    r"(?<![\w-])(?!(?:pada|sejak|hingga|sampai|di|dalam|tahun|awal|akhir|pertengahan|medio|selama|per|sepanjang|usai|"
    r"setelah|sebelum|jelang|menjelang|lalu|ini|dan|atau|Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|"
    r"Oktober|November|Desember)\s+$)[A-Za-z][\w-]*\s+$",
    re.IGNORECASE,
)
_ARMS = re.compile(
    r"\b(?:senjata|pisau|senapan|pistol|rudal|drone|bom|roket|tembak\w*|pasukan|tentara|militer|pukul\w*|tusuk\w*|bacok\w*|luka|tewas|korban)\b",
    re.IGNORECASE,
)
#: Before a state named as a subject: words that make it its people, not the state acting.
_PEOPLE_OF = re.compile(
    r"\b(?:warga|rakyat|penduduk|masyarakat|orang|pengunjuk\s+rasa|demonstran|mahasiswa|nelayan|pekerja|buruh)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
#: Before a person's name in a subject: someone related to that person acts, not the person ("Para adik kelas
#: Chiko menggelar aksi", "pihak kampus tempat Chiko berkuliah"). A lawyer acts for the client (the golds'
#: "Client (Lawyer)"), so lawyers are not listed.
_RELATED_TO = re.compile(
    r"\b(?:adik|kakak|teman|teman-teman|rekan|sahabat|keluarga|istri|suami|anak|putra|putri|ayah|ibu|orang\s+tua|"
    r"kerabat|tetangga|pendukung|simpatisan|pengikut|penggemar|korban|kampus|sekolah|tempat)(?:\s+kelas)?\s+$",
)  # lower case: "Yayasan Lentera Anak Lisda Sundar" is a name and a role, not a child
#: What a plea asks for when it is sympathy, not an act of the addressee ("meminta doa dan dukungan").
_SYMPATHY = re.compile(r"\W*(?:doa|dukungan|restu|maaf|pengertian|kesabaran)\b", re.IGNORECASE)
#: Right before a trigger in its clause: it is asked for, wished, owed or stopped ("berhenti mendukung"), not done.
_NOT_DONE = re.compile(
    r"\b(?:meminta|minta|mengajak|ingin|mau|perlu|berupaya|berusaha|mencoba|berhenti|seharusnya|semestinya|mestinya|sepatutnya)"
    r"(?:\s+(?:bisa|dapat|lebih|untuk|agar|segera|tegas|\w+nya)){0,4}\s+$",
    re.IGNORECASE,
)
#: A law-enforcer named by his trade, not his agency: "Polisi menangkap …", "Penyidik kemudian menahan …".
#: An unnamed agent right before the trigger, after another verb: "merekam aksi polisi [menangkap]".
_OTHER_AGENT = re.compile(
    r"\b(?:me|ber|di)[a-z]{3,}\s+(?:\S+\s+){0,2}(?:polisi|aparat|petugas|warga|massa|pasukan|tentara|"
    r"pendemo|demonstran|pengunjuk\s+rasa|pelaku|orang)\s+$",
    re.IGNORECASE,
)
_POLICE_WORD = re.compile(r"polisi|kepolisian", re.IGNORECASE)
_POLICE_UNIT = re.compile(
    r"(?:Polda|Polres|Polresta|Polrestabes|Polsek|Polri|Mabes\s+Polri|Bareskrim|Kepolisian|Sat\w+|Dit\w+|Densus|Kortas|"
    r"Polisi)\b"
)
_GENERIC_ENFORCER = re.compile(
    r"(?:pihak\s+|para\s+|tim\s+)?(?:polisi|kepolisian|aparat(?:\s+kepolisian)?|petugas(?:\s+kepolisian)?|penyidik|jaksa)"
    r"(?:\s+(?:pun|juga|akhirnya|kemudian|lalu|langsung|berhasil|telah|sudah|segera))*",
    re.IGNORECASE,
)
#: Right before a cooperative act: a refusal to do it ("tidak akan bertemu", "tak mau menerima", "enggan").
_REFUSED = re.compile(
    r"\b(?:(?:tidak|tak)\s+(?:akan|mau|ingin|bersedia|berencana)|enggan)\s+(?:untuk\s+)?$", re.IGNORECASE
)
_REFUSABLE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
#: A wish or a chance named as a noun before a trigger: "ekspektasi Korut untuk bisa berdialog", not done;
#: a purpose: "Rakyat Mart juga dimaksudkan untuk membantu para driver", "bertujuan untuk mendukung",
#: "mempertemukan AKBP Lalu dan Brigjen Subagyo untuk berdamai" (they were brought to make peace).
_HOPED_FOR = re.compile(
    r"\b(?:(?:harapan|ekspektasi|keinginan|niat|peluang|kesempatan|kemungkinan|upaya|usaha|rencana|tawaran|"
    r"peran|tugas|fungsi)(?:\s+\S+){0,3}?\s+untuk|(?:dimaksudkan|ditujukan|bertujuan|berfungsi|diharapkan|dirancang|diperuntukkan)"
    r"(?:\s+untuk)?|\b(?:berharap,?|mengharapkan|menginginkan|mempertemukan|mengundang|mengajak|mendorong|menyiapkan|membentuk|mengerahkan|"
    r"dibutuhkan|diperlukan|membutuhkan|memerlukan)(?:\s+\S+){1,6}?\s+untuk)(?:\s+(?:bisa|dapat|segera|kembali))?\s+$",
    re.IGNORECASE,
)
#: After "membantu": a verb, a process or a clause, what is helped is a doing, not someone in need.
_HELPS_TO = re.compile(
    r"\s*(?:[,.;]|$|(?!mereka\b|berbagai\b)(?:me|ber)\w{3,}\b|proses\b|untuk\b|agar\b|supaya\b|dalam\b|tetapi\b|"
    r"namun\b)",
    re.IGNORECASE,
)
#: Words about a happening, whose time after them is the happening's ("mengutuk serangan pada hari Sabtu").
_WORDS_ABOUT = {"ACCUSE", "DENY", "REJECT", "SUPPORT", "THREATEN"}
_HAPPENING = re.compile(
    r"\b(?:serangan|penyerangan|insiden|peristiwa|kejadian|ledakan|penembakan|pengeboman|kerusuhan|bentrokan|"
    r"tragedi|pembunuhan|aksi|demo|unjuk\s+rasa|kecelakaan|penculikan)\b",
    re.IGNORECASE,
)
_RELATIVE_AFTER = re.compile(r",\s*yang\s|\s+yang\s+(?:di|ter)\w+", re.IGNORECASE)
#: A sentence about a game: meetings and attacks in it are play.
_SPORT = re.compile(
    r"\b(?:laga|pertandingan|semifinal|perempat\s*final|skor|gol|runner-up|unggulan|klasemen|turnamen|liga|timnas|"
    r"tunggal\s+putra|tunggal\s+putri|ganda\s+putra|ganda\s+putri|wasit|kiper|striker|pebulu\s*tangkis)\b",
    re.IGNORECASE,
)
#: What is attacked when the attack is words: "menyerang secara brutal harkat dan martabat rakyat Aceh".
_FIGURATIVE = re.compile(
    r"(?:\s+\S+){0,3}?\s+(?:harga\s+diri|harkat|martabat|kehormatan|nama\s+baik|kredibilitas|reputasi|privasi|"
    r"karakter|integritas|kebijakan|pernyataan|pendapat|argumen)\b",
    re.IGNORECASE,
)
_LAUNCH = re.compile(r"(?:menembakkan|meluncurkan\s+rudal)$", re.IGNORECASE)
#: What makes a launch an attack: something hit, someone hurt.
_HIT = re.compile(
    r"\b(?:menghantam|mengenai|menewaskan|melukai|tewas|korban|luka|hancur|rusak|ke\s+arah|ke\s+wilayah)\b",
    re.IGNORECASE,
)
#: Before an act, what makes it alleged: an accusation or claim, or any speech verb of the quotes lexicon
#: followed by "bahwa" ("menyatakan bahwa Rusia menyerang …" is the statement, not the attack).
_ACCUSATION = r"\b(?:menuduh|menuding|menyalahkan|mengklaim|membantah|menyangkal|tuduhan|tudingan|klaim)\b"
_INFERENCE_VERBS = r"\b(?:mengindikasikan|berspekulasi)\b"


@lru_cache(maxsize=1)
def _alleged() -> re.Pattern[str]:
    said = rf"(?:{lexicon().verb.pattern}|{_INFERENCE_VERBS})\s+(?:\S+\s+){{0,3}}?bahwa\b"
    return re.compile(rf"{_ACCUSATION}|{said}", re.IGNORECASE)


#: A conditional statement threatens only when it says what will or may be done (not "jika kita berada
#: dalam era Perang Dingin baru, Hong Kong adalah Berlin yang baru").
_WE = re.compile(r"\b(?:kami|kita|saya|aku|pihaknya|pihak\s+kami)\b", re.IGNORECASE)
_WILL = re.compile(
    r"\b(?:akan|bakal|siap|terpaksa|mungkin|dapat|bisa|membalas|balasan|respons|tanggapan|konsekuensi|tidak\s+segan)\b",
    re.IGNORECASE,
)
_STATE_ANAPHOR = re.compile(r"(?:pemerintah\s+)?negara\s+(?:itu|tersebut|ini)", re.IGNORECASE)
#: An agentless passive that was not done: negated, a purpose, a condition or a wish ("tidak ditahan",
#: "untuk diperiksa", "jika ditangkap", "bisa ditahan", "saat akan ditangkap").
_UNDONE_PASSIVE = re.compile(
    r"\b(?:tidak|tak|belum|bukan|untuk|agar|supaya|jika|apabila|kalau|bila|bisa|dapat|harus|perlu|minta|meminta|"
    r"hendak|ingin|mau|(?:saat|ketika|sewaktu)\s+akan)"
    r"(?:\s+(?:akan|segera|langsung|juga|pernah|sempat|lagi|kunjung))*\s+$",
    re.IGNORECASE,
)


#: The cells of an agency a suspect is held in, which name the agency that holds him ("di Rutan Polres
#: Pangandaran"); a prison ("Lapas") is no agency's.
_IN_CUSTODY = re.compile(
    r"(?:di\s+(?:Rutan|Rumah\s+Tahanan|Sel\s+Tahanan|Ruang\s+Tahanan)\s+)?", re.IGNORECASE
)


def _agency(name: str) -> bool:
    """A law-enforcement agency's name: "Polres Polman", "Kejari Pekanbaru", "KPK" (not a bare "Polda")."""
    m = _patterns()["agency"].match(name)
    return name in _patterns()["agencies_alone"] or (m is not None and m.end() < len(name))


#: A passive in a relative clause describes someone ("semua orang yang ditahan", "tersangka yang juga sudah
#: ditahan"); with no agent named it tells no act of its own.
_RELATIVE_PASSIVE = re.compile(
    r"\byang(?:\s+(?:juga|sudah|telah|pernah|sempat|lebih\s+dulu|kini|masih))*\s+$", re.IGNORECASE
)
#: Verbs of asking, shared by a plea and an act asked of someone.
_ASKING = r"mendesak|meminta|minta|menuntut|mengimbau|menyerukan|memohon|mengharapkan"
#: A plea with its clause: what follows "mendesak agar …" in the sentence is asked for, not done.
_PLEA = re.compile(rf"\b(?:{_ASKING}|berharap)\s+(?:agar|supaya)\s", re.IGNORECASE)
_TURN = re.compile(r";|\b(?:namun|tetapi|sedangkan|sementara|lalu|kemudian)\b", re.IGNORECASE)


#: An act asked of someone right after the asking ("mendesak Presiden Joko Widodo (Jokowi) untuk menolak",
#: "mendorong Dinas Lingkungan Hidup (DLH) Jakarta bekerja sama", "diajak oleh Sekretaris Dinas … untuk
#: bertemu"): the one asked has not done it, and the one asking is not its actor.
_ASKED_OF = re.compile(
    rf"\b(?:(?:{_ASKING}|menyarankan|mengusulkan|menantang|diminta|didesak|diajak|diimbau|diperintahkan|disuruh|"
    r"ditugaskan|diinstruksikan|dituntut)\s+[^,.;]{0,80}?\b(?:untuk|agar|supaya)|"
    r"(?:mendorong|mengajak|menyuruh|memerintahkan|"
    r"menginstruksikan|menugaskan)\s+[^,.;]{0,80}?(?:\buntuk|\bagar|\bsupaya)?)"
    r"\s+(?:(?:segera|tidak|juga|ikut|turut|dapat|bisa|lebih|tetap|terus|kembali|aktif|bersama-sama|berhenti)\s+)*$",
    re.IGNORECASE,
)


def _asked_for(before: str) -> bool:
    """ "mendesak agar Presiden Joko Widodo dan Kapolri … segera membebaskan": the release is asked for."""
    pleas = list(_PLEA.finditer(before))
    if pleas and not _TURN.search(before, pleas[-1].end()):
        return True
    return _ASKED_OF.search(before[-140:]) is not None


#: "kalau" after a verb of saying or knowing is "that" ("terungkap kalau Khariq sudah ditetapkan …").
_THAT_KALAU = re.compile(
    r"(\b(?:terungkap|mengungkap(?:kan)?|mengaku|mengakui|mengatakan|bilang|tahu|mengetahui|diketahui|"
    r"menyebut(?:kan)?|menjelaskan|menegaskan|menilai|merasa|yakin|menduga|membenarkan)\s+)kalau\b",
    re.IGNORECASE,
)
_CONDITION = re.compile(r"\b(?:jika|apabila|kalau|bila|seandainya|asalkan)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(
    r",\s*|\b(?:saat|ketika|karena|sehingga|setelah|sebelum|sejak|agar|supaya|bahwa|namun|tetapi|sementara|meski|walaupun)\s+",
    re.IGNORECASE,
)
#: Between an act and a later trigger: the later one is what the first agrees, threatens or plans to do.
_COMPLEMENT = re.compile(r"^[^,.;]{0,120}?\b(?:untuk|akan|agar|supaya)\b[^,.;]*$", re.IGNORECASE)
_VIA_CLAUSE = re.compile(
    r"(?:dilansir|dikutip|mengutip|melansir|diberitakan|(?:keterangan|rilis|siaran\s+pers)\b[^,]{0,30}\bditerima)"
    r"\b[^,]{0,80},?\s*$",  # "Dari keterangan tertulis yang diterima detikHikmah, Minggu (13/7)": when it came in
    re.IGNORECASE,
)


def _common_noun_named(ent: dict[str, Any], body: str, start: int, end: int) -> bool:
    """A one-word name the recogniser took from a capitalised common noun, as its demonstrative shows
    ("Dana tersebut", "Asam ini"); names of the registry ("Rusia") are left alone."""
    return (
        str(ent.get("id") or "").startswith("local:")
        and " " not in ent["name"]
        and re.match(r"\s+(?:ini|itu|tersebut)\b", body[end : end + 12]) is not None
    )


#: Words that make a state named after them the state, its organs or its people ("Pemerintah Indonesia",
#: "Kedubes Rusia", "Timnas Indonesia"): any other capitalised word right before a state in a subject is a
#: company or a brand named after it ("Danone Indonesia", "Tetra Pak Indonesia").
_OF_STATE_WORDS = NOT_NAME_WORDS | {
    "pemerintah", "pemerintahan", "kedutaan", "kedubes", "konsulat", "tentara", "pasukan", "angkatan", "timnas",
    "otoritas", "parlemen", "kongres", "senat", "kabinet", "delegasi", "utusan", "warga", "bangsa", "negara",
    "kerajaan", "raja", "ratu", "perdana", "pm", "menlu", "kemlu", "dubes", "duta", "polisi", "wapres",
    "pejabat", "diplomat", "intelijen", "armada", "marinir", "garda", "penjaga", "pantai", "kepresidenan",
    "istana", "federasi", "uni", "serikat", "selatan", "utara", "barat", "timur", "tengah", "dan", "serta",
}  # fmt: skip


def _brand_of_state(ent: dict[str, Any], before: str) -> bool:
    if not str(ent.get("id") or "").startswith("country:"):
        return False
    m = re.search(r"(?:^|\s)([A-Z][\w&.-]*)\s+$", before)
    return (
        m is not None and m.group(1).casefold().strip(".") not in _OF_STATE_WORDS and not is_rank(m.group(1))
    )


#: What names a unit as one that helped another, right before it ("bekerja sama dengan", "dibantu").
_HELPER_BEFORE = re.compile(
    r"\b(?:(?:bekerja\s+)?sama|berkoordinasi|koordinasi|dibantu|bantuan|membantu)\s+(?:dengan\s+)?(?:pihak\s+)?$",
    re.IGNORECASE,
)
#: In what the subject finder took for a subject, a preposition that makes the name after it an object.
_OBJECT_MARK = re.compile(r"\b(?:kepada|terhadap)\s", re.IGNORECASE)


@dataclass
class _Event:
    type: str
    actor: dict[str, Any]
    target: dict[str, Any] | None
    partner: dict[str, Any] | None
    date: dict[str, Any] | None
    location: str | None
    modality: str
    source: dict[str, Any]
    trigger: str
    start: int
    end: int
    sentence: tuple[int, int]
    mentions: list[list[int]] = field(default_factory=list)

    def to_dict(self, body: str) -> dict[str, Any]:
        s0, s1 = self.sentence
        return {
            "type": self.type,
            "family": _patterns()["family"].get(self.type),
            "actor": self.actor,
            "target": self.target,
            "partner": self.partner,
            "date": self.date,
            "location": self.location,
            "modality": self.modality,
            "source": self.source,
            "trigger": self.trigger,
            "evidence": {"text": body[s0:s1][:500], "start": s0, "end": s1},
            "mentions": self.mentions or [[self.start, self.end]],
        }


def events(article: Article) -> Article:
    article.events = [e.to_dict(article.body) for e in find_events(article)]
    return article


class _Coder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.body = article.body
        self.finder = _Finder(article, lexicon())
        self.mentions = sorted(
            ((m["start"], m["end"], e) for e in article.entities for m in e.get("mentions", ())),
            key=lambda x: (x[0], x[1]),
        )
        self.by_name = {e["name"]: e for e in article.entities}
        # a news medium reports, it is no actor
        self.media = set(article.cited_media) | {article.outlet.name or ""} | known_media()
        self.direct_spans = [(q["start"], q["end"]) for q in article.quotes if q.get("direct")]
        self.deny_spans = [(q["start"], q["end"]) for q in article.quotes if q.get("kind") == "deny"]

    # ----- entities
    def _actor(self, ent: dict[str, Any], agent: str | None = None) -> dict[str, Any]:
        """An entity as an actor: a capital is its state (the subject of an act is its government)."""
        state = ent.get("stands_for") or _capital_of(ent)
        if state:
            holder = self.by_name.get(state)
            return {
                "id": holder["id"] if holder else None,
                "name": state,
                "type": "LOC",
                "agent": ent["name"],
            }
        organ_of = self._organ_of(ent)
        if organ_of is not None:
            return {**organ_of, "agent": ent["name"]}
        part = _PART_OF_UNIT.match(ent["name"]) if ent.get("type") == "ORG" else None
        if part is not None:  # "Direktorat Narkoba Polda Metro Jaya" acts as the Polda (the golds' reading)
            unit = self.by_name.get(part.group("unit"))
            return {"id": unit["id"] if unit else None, "name": part.group("unit"), "type": "ORG",
                    "agent": ent["name"]}  # fmt: skip
        division = _DIVISION.match(ent["name"]) if ent.get("type") == "ORG" else None
        if division is not None:  # "MUI Bidang Pemberdayaan Ekonomi Umat" acts as MUI
            whole = self.by_name.get(division.group("body"))
            return {"id": whole["id"] if whole else None, "name": division.group("body"), "type": "ORG",
                    "agent": ent["name"]}  # fmt: skip
        if ent.get("type") == "PER":
            client = self._client_of(ent) or self._delegate_of(ent)
            if client is not None:
                return client
            for role in ent.get("roles") or ():
                office = self._office(role, ent["name"])
                if office is not None:
                    return office
            if ent.get("serves") and any(_DIPLOMAT.match(r) for r in ent.get("roles") or ()):
                holder = self.by_name.get(ent["serves"])
                return {"id": holder["id"] if holder else None, "name": ent["serves"], "type": "LOC",
                        "agent": ent["name"]}  # fmt: skip
        out = {"id": ent.get("id"), "name": _short_name(ent, self.article.body), "type": ent.get("type")}
        if agent:
            out["agent"] = agent
        if ent.get("serves"):
            out["for"] = ent["serves"]  # Lukashenko's act is also one of Belarus on its timeline
        return out

    def _client_of(self, ent: dict[str, Any]) -> dict[str, Any] | None:
        """A lawyer acts for the client the role names ("penasihat hukum Romi, Maqdir Ismail" -> Romahurmuziy),
        as the golds write 'Client (Lawyer, kuasa hukum)'."""
        body = self.article.body
        before = [  # "penasihat hukum Romi, Maqdir Ismail": the role printed before a mention of the lawyer
            body[max(0, x["start"] - 60) : x["start"]].rstrip(" ,") for x in ent.get("mentions", ())
        ]
        for role in [*(ent.get("roles") or ()), *before]:
            m = _COUNSEL.search(role)
            if m is None:
                continue
            rest = role[m.end() :]
            if len(rest.split()) > 4:
                continue
            for other in self.article.entities:
                if other is ent or other.get("type") not in ("PER", "ORG"):
                    continue
                if any(
                    re.match(rf"\s*{re.escape(x['text'])}(?!\w)", rest) for x in other.get("mentions", ())
                ):
                    return {"id": other.get("id"), "name": _short_name(other, self.article.body),
                            "type": other.get("type"), "agent": ent["name"]}  # fmt: skip
        return None

    def _delegate_of(self, ent: dict[str, Any]) -> dict[str, Any] | None:
        """A coordinator or representative acts for the group he is printed as speaking for ("perwakilan BKBH
        Fakultas Hukum Unram Yan Mangandar", "Koordinator MN KAHMI"), or, as "koordinator aksi", for the group
        the article has protesting; the golds write 'Group (Person, koordinator aksi)'."""
        body = self.article.body
        for x in ent.get("mentions", ()):
            m = _DELEGATE.search(body, max(0, x["start"] - 80), x["start"])
            if m is None:
                continue
            group = next(
                (
                    e
                    for a, b, e in self.mentions
                    if m.start("rest") <= a and b <= m.end("rest") and e.get("type") == "ORG"
                ),
                None,
            )
            if group is None and _PROTEST_LEAD.match(m.group("rest")):
                group = next(
                    (e for a, b, e in self.mentions
                     if e.get("type") == "ORG" and _PROTEST_AFTER.match(body, b) and e["name"] not in self.media),
                    None,
                )  # fmt: skip
            if group is not None:
                return {
                    "id": group.get("id"),
                    "name": _short_name(group, body),
                    "type": "ORG",
                    "agent": ent["name"],
                }
        return None

    def _organ_of(self, ent: dict[str, Any]) -> dict[str, Any] | None:
        """The state an organ named with it stands for: "Kemlu Pakistan", "Kementerian Luar Negeri China"."""
        if ent.get("type") != "ORG":
            return None
        m = _patterns()["organ"].match(ent["name"])
        if m is None or "nasional" in m.group("rest").lower():
            return None  # "Tentara Nasional Indonesia" is an institution of its own
        words = m.group("rest").split()
        found = (active_registry().lookup(" ".join(words[-k:])) for k in (2, 1) if len(words) >= k)
        state = next((e for e in found if e is not None and e.id.startswith("country:")), None)
        if state is None:
            return None
        holder = next((e for e in self.article.entities if e.get("id") == state.id), None)
        return {"id": state.id, "name": holder["name"] if holder else state.name, "type": "LOC"}

    def _office(self, role: str, person: str | None) -> dict[str, Any] | None:
        """An official who is the voice of an institution acts for it ("Kabid Humas Polda Sumut", "Kapolda
        Sumut" -> Polda Sumut; "Kapuspen TNI" -> TNI; "juru bicara Kementerian Luar Negeri" -> the ministry)."""
        name = institution_of(role)
        if name is None and _HEAD_OF.match(role):
            name = self._organisation_ending(role)
        if name is None and _CHAIR.match(role) and not _PARTY_OR_HOUSE.search(role):
            name = self._organisation_ending(role)  # "Ketua PP Muhammadiyah", "Ketua MRP": the body speaks
        if name is None or all(is_rank(w) for w in name.split()):
            return None  # "Kombes Pol": a rank, no institution
        ent = self.by_name.get(name) or next(
            (
                e
                for e in self.article.entities
                if e.get("type") == "ORG" and name in {m["text"] for m in e["mentions"]}
            ),
            None,
        )
        organ_of = self._organ_of(ent or {"type": "ORG", "name": name})
        if organ_of is not None:  # "juru bicara Kemlu Pakistan" speaks for Pakistan
            return {**organ_of, "agent": person}
        division = _DIVISION.match(ent["name"] if ent else name)
        if division is not None:  # "Ketua MUI Bidang …" speaks for MUI
            name = division.group("body")
            ent = self.by_name.get(name)
        return {
            "id": ent["id"] if ent else None,
            "name": ent["name"] if ent else name,
            "type": "ORG",
            "agent": person,
        }

    def _organisation_ending(self, role: str) -> str | None:
        """The organisation of the article that a head's role ends with, the longest printed form:
        "Direktur Utama Pertamina" -> Pertamina, "Kepala Divisi Hukum dan Investigasi ICW" -> ICW."""
        best: tuple[int, str] | None = None
        for e in self.article.entities:
            if e.get("type") != "ORG" or e["name"] in self.media:
                continue
            for form in {e["name"], *(m["text"] for m in e.get("mentions") or ())}:
                if role.endswith(" " + form) and (best is None or len(form) > best[0]):
                    best = (len(form), e["name"])
        return best[1] if best else None

    def _entities_in(self, start: int, end: int) -> list[tuple[int, int, dict[str, Any]]]:
        return [
            (a, b, e) for a, b, e in self.mentions if start <= a and b <= end and e["name"] not in self.media
        ]

    def _subject_actors(
        self, span: tuple[int, int] | None
    ) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
        if span is None:
            return None, None
        inside = self._entities_in(*span)
        if not inside:
            state = self._state_referred(*span)
            return (self._actor(state), None) if state is not None else (None, None)
        people = [x for x in inside if x[2].get("type") == "PER"]
        first = people[0] if people else inside[0]
        before = self.body[max(span[0], first[0] - 25) : first[0]]
        if _common_noun_named(first[2], self.body, first[0], first[1]):
            return None, None  # "Dana tersebut disalurkan …", "Asam ini …": a thing, capitalised at the start
        # "Danone Indonesia juga mendukung …": a company named after the state it sells in
        if _brand_of_state(first[2], self.body[span[0] : first[0]]):
            return None, None
        if not people and _PEOPLE_OF.search(before):
            return None, None  # "Banyak warga Irak menyalahkan …": the people of a state are not the state
        if people and _RELATED_TO.search(before):
            return None, None  # "Para adik kelas Chiko menggelar aksi": Chiko's schoolmates, not Chiko
        second = None
        text = self.body[span[0] : span[1]]
        if re.search(r"\s(?:dan|serta|bersama)\s", text) and len(inside) > 1:
            others = [x for x in inside if x[2] is not first[2]]
            second = self._actor(others[0][2]) if others else None
        return self._actor(first[2]), second

    def _state_referred(self, start: int, end: int) -> dict[str, Any] | None:
        """ "Negara itu", "pemerintah negara tersebut": the state last named as a subject before (at the
        start of a sentence or clause: "Dikutip Express, Belarus sebelumnya …"), within three paragraphs."""
        if not _STATE_ANAPHOR.fullmatch(self.body[start:end].strip()):
            return None
        p0 = start
        for _ in range(3):
            p0 = max(self.body.rfind("\n\n", 0, max(p0 - 1, 0)), 0)
        for a, _b, e in reversed(self.mentions):
            if a >= start or a < p0:
                continue
            if str(e.get("id") or "").startswith("country:") and re.search(
                r"(?:^|[.!?\n]\s*|,\s)$", self.body[max(0, a - 3) : a]
            ):
                return e
        return None

    def _after(
        self, start: int, limit: int, actor: dict[str, Any] | None, exclude: set[str] | None = None
    ) -> tuple[dict[str, Any] | None, str | None]:
        """The first other entity after the trigger in its clause (not the speaker's own state: "Presiden
        Belarus" warning about Belarus), and a place after "di"."""
        clause_end = limit
        m = re.search(r",\s|;|\s(?:sementara|namun|tetapi)\s", self.body[start:limit])
        if m:
            clause_end = start + m.start()
        target, place = None, None
        for a, _b, e in self._entities_in(start, clause_end):
            cand = self._actor(e)
            if actor and (cand["name"] == actor["name"] or e["name"] == actor.get("agent")):
                continue
            if exclude and (e["name"] in exclude or cand["name"] in exclude):
                continue
            if (
                place is None
                and e.get("type") == "LOC"
                and re.search(r"\bdi\s+(?:\w+\s+)?$", self.body[max(start, a - 20) : a])
            ):
                place = e["name"]
                continue
            if target is None:
                target = cand
        return target, place

    # ----- dates and modality
    def _date(self, s0: int, s1: int, near: int, etype: str = "") -> dict[str, Any] | None:
        best = None
        quoted = self._quote_at(near)
        q = quoted[1] if quoted else {}
        for t in self.article.times:
            if q.get("said_when") == t["text"] and not q["start"] <= t["start"] < q["end"]:
                continue  # "mengatakan pada Kamis (16/10) bahwa polisi menembak …": when it was said
            if (
                not (s0 <= t["start"] < s1)
                or t["type"] not in ("date", "relative", "interval")
                or not t["value"]
            ):
                continue
            if "in_name" in t["flags"] or t["precision"] in ("none",):
                continue
            closing = self.body[t["start"] - 2 : t["start"]] == ", " and re.match(
                r"\s*(?:[.;]|$)", self.body[t["end"] :]
            )
            if t["start"] > near and not closing and _RELATIVE_AFTER.search(self.body, near, t["start"]):
                continue  # "menyalahkan konstitusi, yang dirancang pada 2005": the date of another verb, not
                # the day closing the sentence ("membubarkan aksi yang dilakukan warga …, Selasa (17/9/2019).")
            if _PERIOD_BEFORE.search(self.body[max(s0, t["start"] - 20) : t["start"]]):
                continue
            if t["start"] > near and opens_span(self.body, t["start"], near):
                continue  # "menyerang … di tengah gencatan senjata yang berlaku sejak 10 Oktober": where a span
                # begins; what is told happened after it
            if (
                etype in _WORDS_ABOUT
                and t["start"] > near
                and not closing
                and _HAPPENING.search(self.body, near, t["start"])
            ):
                continue  # "mengutuk serangan pada hari Sabtu", "menyalahkan Iran atas serangan … Sabtu dini
                # hari (14/9/2019)": the day of the attack, not of the words about it
            if (
                t["precision"] == "year"
                and t["type"] in ("date", "interval")
                and _NAMED_YEAR.search(self.body[max(s0, t["start"] - 30) : t["start"]])
            ):
                continue  # "kesepakatan nuklir 2015", "Tahun sidang 2019-2020": a year that names a thing
            if _VIA_CLAUSE.search(self.body[max(s0, t["start"] - 90) : t["start"]]):
                continue  # "Dilansir … dari Al Jazeera pada Sabtu": when it was reported, not when it happened
            d = abs(t["start"] - near)
            if best is None or d < best[0]:
                best = (d, t)
        return _date_of(best[1]) if best else None

    def _narrated_day(self, pos: int) -> dict[str, Any] | None:
        """The day a statement was made when its sentence does not say: the last day its paragraph dates,
        else the day the lead dates (news statements are mostly of the day the lead names)."""
        recap = recap_time(self.article, pos, sentences=3)
        if recap is not None:  # "… Hal itu diungkap Prabowo dalam sidang kabinet, Senin (20/10) lalu."
            return {**_date_of(recap), "inferred": True}
        p0 = self.body.rfind("\n\n", 0, pos) + 2 if "\n\n" in self.body[:pos] else 0
        lead_end = self.finder.paras[1].end if len(self.finder.paras) > 1 else len(self.body)
        for lo, hi in ((p0, pos), (0, lead_end)):
            days = [t for t in self.article.times if lo <= t["start"] < hi and t["precision"] == "day" and t["value"]
                    and t["type"] in ("date", "relative") and not t["flags"] and not opens_span(self.body, t["start"])
                    and not _VIA_CLAUSE.search(self.body[max(0, t["start"] - 90) : t["start"]])]  # fmt: skip
            if days:
                return {**_date_of(days[-1]), "inferred": True}
        pub = (self.article.published or "")[:10]
        if re.fullmatch(r"\d{4}-\d\d-\d\d", pub):  # a statement of the day's news: the day it was published
            return {"value": pub, "precision": "day", "text": None, "inferred": True}
        return None

    def _modality(self, text: str, trigger_at: int, quoted_by_other: bool) -> str:
        text = _THAT_KALAU.sub(r"\g<1>bahwa", text)  # "terungkap kalau …" is "that", no condition
        before = text[:trigger_at]
        if _NEGATION.search(before[-30:]):
            return "denied"
        for name, pat in _patterns()["modality"]:
            if name == "denied":
                continue
            if pat.search(text):
                return name
        return "reported" if quoted_by_other else "asserted"

    # ----- finding
    def acts(self) -> list[_Event]:
        out: list[_Event] = []
        for para in self.finder.paras:
            qs, _ = sp.quoted_spans(para)
            for s0, s1 in sp.sentences(para, [(q.start, q.end) for q in qs]):
                found: list[_Event] = []
                for etype, pat in _patterns()["triggers"]:
                    for m in pat.finditer(self.body, s0, s1):
                        a = m.start()
                        if any(x <= a < y for x, y in self.direct_spans + self.deny_spans):
                            continue
                        if _RELATIVE.search(self.body[max(s0, a - 40) : a]):
                            continue  # "Prabowo yang hendak mengirim bantuan": a relative clause, not the act told
                        if re.search(r"\bdalam\s+$", self.body[max(s0, a - 8) : a], re.IGNORECASE):
                            continue  # "peran aktif Menlu RI dalam mendukung perdamaian": a role described
                        if self._is_quote_cue(m, (s0, s1)):
                            continue  # "Rusia menyerukan bahwa …": the speech event is made from the quote
                        if _alleged().search(self.body, s0, a):
                            continue  # "menuduh militer Pakistan menembakkan artileri": alleged, the accusation is the act
                        if etype == "REJECT" and _NO_COMMENT.match(self.body, m.end()):
                            continue
                        if m.group().lower() == "mengancam" and not _THREAT_FOLLOWS.match(self.body, m.end()):
                            continue
                        if _CONDITION.search(self.body[self._clause_start(s0, a) : a]):
                            continue  # "… apabila Ukraina menyerang": a condition, not an act
                        if (
                            _NOT_DONE.search(self.body[self._clause_start(s0, a) : a])
                            or _HOPED_FOR.search(self.body, max(s0, a - 60), a)
                            or _asked_for(self.body[s0:a])
                        ):
                            continue  # "meminta bertemu", "seharusnya menyerukan": asked for or wished, not done
                        ev = self._act(etype, m, (s0, s1))
                        if ev is not None:
                            found.append(ev)
                kept: list[_Event] = []
                for ev in sorted(found, key=lambda e: e.start):
                    if any(
                        e.start < ev.start
                        and (
                            _COMPLEMENT.search(self.body[e.start : ev.start])
                            or not self.body[e.end : ev.start].strip()
                            or (e.type == "REQUEST" and not re.search(r"[,.;]", self.body[e.end : ev.start]))
                        )
                        for e in kept
                    ):
                        continue  # "sepakat untuk mengintensifkan …", "mengancam akan mendeportasi … dan
                        # mencabut …", "menolak untuk bertemu", "meminta badan usaha swasta … menjalin kerja
                        # sama": what was agreed, threatened, promised, refused or asked for is part of that act
                    kept.append(ev)
                out += kept
                for etype, pat in _patterns()["passive"]:
                    for m in pat.finditer(self.body, s0, s1):
                        if any(x <= m.start() < y for x, y in self.direct_spans + self.deny_spans):
                            continue
                        ev = self._passive(etype, m, (s0, s1))
                        if ev is not None:
                            out.append(ev)
        return out

    def _passive(self, etype: str, m: re.Match[str], sent: tuple[int, int]) -> _Event | None:
        """ "Arso ditahan KPK", "tiga polisi ditembak oleh Bazarsah": the agent after the verb is the actor,
        the subject the recipient; without a named agent there is no event."""
        s0, s1 = sent
        agent = next(
            ((a, e) for a, _b, e in self._entities_in(m.end(), min(s1, m.end() + 60)) if a == m.end()), None
        )
        at = m.end() + len(_IN_CUSTODY.match(self.body, m.end()).group())  # "ditahan di Rutan Polres X"
        head = _patterns()["agency"].match(self.body, at) if agent is None else None
        if (
            head is not None
        ):  # "ditangkap Polres Pangandaran", a unit the recogniser missed: named all the same
            unit = self.body[head.start() : place_after(self.body, head.end())]
            if _agency(unit):
                agent = (head.start(), {"id": None, "name": unit, "type": "ORG", "mentions": []})
        lead = self.body[max(s0, m.start() - 30) : m.start()]
        if (
            agent is None
            and " ".join(m.group().lower().split()[:3]) in _patterns()["enforced"]
            and not _UNDONE_PASSIVE.search(lead)
            and not _RELATIVE_PASSIVE.search(lead)
        ):
            agent = self._voiced_unit(m.start()) or self._enforcer(m.start())
        if agent is None:
            return None
        actor = self._actor(agent[1], agent[1].get("agent"))
        c0 = self._clause_start(s0, m.start())
        subj = self.finder._subject(c0 if c0 > s0 else s0, m.start())
        target, _ = self._subject_actors(subj)
        if target is not None and target["name"] == actor["name"]:
            target = None
        quoted = self._quote_at(m.start())
        date = (
            self._date(s0, s1, m.start())
            or (_said_on(quoted[1]) if quoted else None)
            or self._narrated_day(m.start())
        )
        clause_start = max(self.body.rfind(",", s0, m.start()), s0)
        clause_end = self.body.find(
            ",", m.end(), s1
        )  # "Setelah X ditetapkan …, pihaknya akan …": not planned
        clause_end = s1 if clause_end < 0 else clause_end
        mod = self._modality(
            self.body[clause_start:clause_end], m.start() - clause_start, self._relayed(quoted, actor)
        )
        return _Event(etype, actor, target, None, date, None, mod, self._source(quoted), m.group().strip(),
                      m.start(), m.end(), sent)  # fmt: skip

    def _voiced_unit(self, pos: int) -> tuple[int, dict[str, Any]] | None:
        """ "Kapolsek Metro Tanah Abang … mengatakan, ketiga orang tersebut sudah ditetapkan sebagai
        tersangka": the unit whose chief tells it (Polsek Metro Tanah Abang), not the one named last."""
        quoted = self._quote_at(pos)
        speaker = (quoted[1].get("speaker") or {}) if quoted else {}
        unit = institution_of(speaker.get("role") or "") if speaker.get("type") == "PER" else None
        if unit is None or not _agency(unit):
            return None
        known = next((e for _a, _b, e in self.mentions if e.get("type") == "ORG" and e["name"] == unit), None)
        ent = known or {"id": None, "name": unit, "type": "ORG", "mentions": []}
        return pos, {**ent, "agent": speaker.get("name")}

    def _enforcer(self, pos: int, police: bool | None = None) -> tuple[int, dict[str, Any]] | None:
        """Who detained, arrested or named a suspect when the sentence does not say ("Pelaku langsung
        ditahan"): the law-enforcement agency named last before, else the first named after."""
        found = [(ms, e) for ms, _me, e in self.mentions if e.get("type") == "ORG" and _agency(e["name"])]
        if police is not None:  # "polisi" names a police unit; "jaksa" an agency that is no police unit
            found = [x for x in found if bool(_POLICE_UNIT.match(x[1]["name"])) == police]
        units = [x for x in found if x[1]["name"] not in _patterns()["agencies_alone"]]
        found = units or found  # a story with a regional unit ("Polres Polman") is that unit's, not Polri's
        # "bekerja sama dengan Polres Dharmasraya, tersangka berhasil kami ringkus": a unit that helped
        found = [x for x in found if not _HELPER_BEFORE.search(self.body, max(0, x[0] - 40), x[0])] or found
        before = [x for x in found if x[0] < pos]
        pick = before[-1] if before else found[0] if found else None
        if pick is None:
            return None
        # "Polri" after "Kortas Tipikor Polri" was named: the unit, not the whole force
        fuller = [
            x
            for x in found
            if x[1]["name"] != pick[1]["name"] and x[1]["name"].endswith(" " + pick[1]["name"])
        ]
        return fuller[-1] if fuller else pick

    def _is_quote_cue(self, m: re.Match[str], sent: tuple[int, int]) -> bool:
        word = m.group().lower()
        return any(
            (q.get("cue") or "").lower() == word and sent[0] <= q["start"] < sent[1] + 1
            for q in self.article.quotes
        ) or any(
            (q.get("cue") or "").lower() == word and q["start"] <= sent[1] and sent[0] <= q["end"]
            for q in self.article.quotes
            if not q.get("direct")
        )

    def _clause_start(self, s0: int, pos: int) -> int:
        """Where the trigger's clause starts: after the last comma or subordinator before it."""
        seg = self.body[s0:pos]
        cut = 0
        for m in _CLAUSE_BREAK.finditer(seg):
            cut = m.end()
        return s0 + cut

    def _quote_at(self, pos: int) -> tuple[int, dict[str, Any]] | None:
        for i, q in enumerate(self.article.quotes):
            if q["start"] <= pos < q["end"]:
                return i, q
        return None

    def _act(self, etype: str, m: re.Match[str], sent: tuple[int, int]) -> _Event | None:
        s0, s1 = sent
        a = m.start()
        c0 = self._clause_start(s0, a)
        quoted = self._quote_at(a)
        if quoted is not None and not quoted[1].get("direct") and s0 <= quoted[1]["start"] < a:
            q0 = quoted[1]["start"]
            first = next((x for x, _y, e in self._entities_in(q0, a)), None)
            if first is not None and re.fullmatch(r"(?:[A-Z][\w.-]*\s+){0,4}", self.body[q0:first]):
                c0 = max(c0, q0)  # "Pejabat AS mengatakan Sogavare telah meminta …": Sogavare asked
        subj = self.finder._subject(c0 if c0 > s0 else s0, a)
        # "mengirim surat kepada Presiden Joko Widodo untuk meminta …": he is asked, not asking
        inside = self._entities_in(*subj) if subj is not None else []
        if subj is not None and inside and _OBJECT_MARK.search(self.body, subj[0], inside[0][0]):
            return None
        actor, second = self._subject_actors(subj)
        if actor is not None and inside and _OTHER_AGENT.search(self.body, inside[-1][1], a):
            return None  # "Ryan sedang merekam aksi polisi menangkap provokator": the police arrest, not Ryan
        if (
            actor is None
            and etype == "COERCE"
            and subj is not None
            and _GENERIC_ENFORCER.fullmatch(self.body[subj[0] : subj[1]].strip(" –-‚Äì,"))
        ):  # "Polisi menangkap dua pria pemalak": the police of the article
            said = self.body[subj[0] : subj[1]]
            police = True if _POLICE_WORD.search(said) else False if re.search(r"jaksa", said, re.I) else None
            agent = self._enforcer(a, police)
            actor = self._actor(agent[1]) if agent is not None else None
        if actor is None:
            return None
        speaker = (quoted[1].get("speaker") or {}).get("name") if quoted else None
        if quoted is not None and speaker in (actor["name"], actor.get("agent")):
            return None  # the speaker's own intent ("akan … mendukung Rusia") is its speech act, not an act
        target, place = self._after(m.end(), s1, actor)
        if etype in ("CONSULT", "ASSAULT") and _SPORT.search(self.body, *sent):
            return None  # "kembali bertemu wakil India" in a badminton draw, "menyerang" on a pitch: a game
        if etype == "REQUEST" and _SYMPATHY.match(self.body, m.end()):
            return None  # "memohon doa dan dukungan": a plea for sympathy
        if m.group().lower() in ("menemui", "mengunjungi", "berkunjung ke") and target is None:
            return None  # "akan menemui pembalasan", "mengunjungi 46 lokasi": meeting or visiting no one
        # "membantu menghilangkan jerawat", "tidak bisa membantu tetapi …": helping to do a thing, no aid
        if etype == "AID" and m.group().lower() == "membantu" and _HELPS_TO.match(self.body, m.end()):
            return None
        if etype == "SUPPORT" and re.match(r"\s+diri\b", self.body[m.end() : m.end() + 8]):
            return None  # "membela diri": defending oneself
        if m.group().lower() == "tiba di" and not self._state_visit(actor, m.end()):
            return None  # arriving somewhere is a visit only for a leader arriving in a state
        if (
            etype == "ASSAULT"
            and m.group().lower() == "menyerang"
            and (self._verbal_attack(actor, target, sent) or _FIGURATIVE.match(self.body, m.end()))
        ):
            etype = (
                "ACCUSE"  # "Musk dengan kejam menyerang pendukungnya dari Partai Republik": words, not arms
            )
        if (
            etype == "ASSAULT"
            and _LAUNCH.match(m.group())
            and target is None
            and not _HIT.search(self.body, a, s1)
        ):
            etype = (
                "MOBILIZE"  # "Korut menembakkan dua proyektil ke laut": a test, a show of force, no attack
            )
        partner = None
        if second is not None:
            if etype in SYMMETRIC and target is None:
                target = second
            else:
                partner = second
        by_other = self._relayed(quoted, actor)
        date = self._date(s0, s1, a, etype)
        if date is None and quoted is not None:
            date = _said_on(quoted[1])
        if date is None:
            date = self._narrated_day(a)
        clause_start = max(self.body.rfind(",", s0, a), s0)
        source = self._source(quoted)
        mod = self._modality(self.body[clause_start:s1], a - clause_start, by_other)
        # "mengancam akan memecat": the will is what is threatened, no plan; read the clause up to the trigger
        if mod == "planned" and etype == "THREATEN":
            mod = self._modality(self.body[clause_start : m.end()], a - clause_start, by_other)
        if mod == "denied" and etype in ("DENY", "REJECT"):
            return None  # "tak menampik kabar tersebut": not denying is confirming, no event of its own
        if mod == "denied" and _REFUSED.search(self.body, max(s0, a - 40), a) and etype in _REFUSABLE:
            # "tidak akan bertemu dengan Trump": a refusal, as event coders write it
            etype, mod = "REJECT", "asserted"
        return _Event(etype, actor, target, partner, date, place, mod, source,
                      m.group(), a, m.end(), sent)  # fmt: skip

    def _state_visit(self, actor: dict[str, Any], at: int) -> bool:
        """ "Presiden Prabowo Subianto tiba di Islamabad": a person who serves a state, arriving in another
        state or its capital."""
        if actor.get("type") != "PER" or not actor.get("for"):
            return False
        for a, _b, e in self.mentions:
            if at <= a <= at + 2:
                state = (
                    e.get("stands_for")
                    or _capital_of(e)
                    or (e["name"] if str(e.get("id") or "").startswith("country:") else None)
                )
                return state is not None and state != actor["for"]
        return False

    def _verbal_attack(
        self, actor: dict[str, Any], target: dict[str, Any] | None, sent: tuple[int, int]
    ) -> bool:
        """A person "attacking" a person, a party or a bill, with no arms or fighting in the sentence."""
        if actor.get("type") != "PER" or (target is not None and target.get("type") == "LOC"):
            return False
        return not _ARMS.search(self.body, *sent)

    def _source(self, quoted: tuple[int, dict[str, Any]] | None) -> dict[str, Any]:
        src = self.article.sources or {}
        if quoted is None:
            return {"speaker": None, "quote": None, "via": None, "chain": list(src.get("chain") or [])}
        i, q = quoted
        return {
            "speaker": (q.get("speaker") or {}).get("name"),
            "quote": i,
            "via": q.get("via"),
            "chain": q.get("chain") or [],
        }

    def _said_next(self, i: int) -> dict[str, Any] | None:
        """The day the next quote gives when the same speaker, or one who speaks for it, goes on saying it
        right after ("LIPI mendesak Presiden …" then "'Kami mendesak …,' ujar Peneliti LIPI Dian Aulia …,
        Selasa (10/9/2019)")."""
        return self._said_beside(i, i + 1)

    def _said_before(self, i: int) -> dict[str, Any] | None:
        """The day the quote just before gives when the same speaker goes on in the next paragraph ("…,' kata
        Rudiansyah …, Rabu (18/9/2019). Demi …, Rudiansyah mendesak …"): the same occasion."""
        return self._said_beside(i, i - 1)

    def _said_beside(self, i: int, j: int) -> dict[str, Any] | None:
        """The day quote ``j`` gives, inferred for quote ``i`` when one voice says both within 300 characters."""
        quotes = self.article.quotes
        if not 0 <= j < len(quotes):
            return None
        q, other = quotes[i], quotes[j]
        first, second = (q, other) if i < j else (other, q)
        if not _same_voice(q, other) or second["start"] - first["end"] > 300:
            return None
        return {**d, "inferred": True} if (d := _said_on(other)) else None

    def _side_before(self, q: dict[str, Any], at: int) -> bool:
        """Whether a side is named before the will of a reported clause: an entity or "kami"/"kita"
        ("Belarus mungkin terpaksa …"); "[Dampak negatif,] kata Kapolda, dapat memicu konflik": no one's act."""
        if _WE.search(q["text"][:at]):
            return True
        return any(q["start"] <= a < q["start"] + at for a, _b, _e in self.mentions)

    def speech(self) -> list[_Event]:
        out = []
        kinds = _vocab()["speech"]
        speech_cues = _vocab()["speech_cues"]
        pats = _patterns()
        for i, q in enumerate(self.article.quotes):
            sp_ = q.get("speaker") or {}
            if not sp_.get("name"):
                continue
            text = q["text"]
            if _REJECT_CONTENT.search(text) and q.get("kind") != "call":  # "mengimbau agar … tidak mau ikut"
                etype = "REJECT"
            elif q.get("kind") == "deny" or _FIRST_PERSON_DENIAL.search(text):
                etype = "DENY"
            elif (
                pats["conditional"].search(text)
                and pats["war"].search(text)
                and (will := _WILL.search(text))
                and self._side_before(q, will.start())
            ):
                etype = (
                    "THREATEN"  # "… jika …, Belarus mungkin terpaksa memasuki perang": what the side will do
                )
            elif (q.get("cue") or "").casefold() in _vocab()["speech_cue_types"]:
                etype = _vocab()["speech_cue_types"][(q.get("cue") or "").casefold()]
            else:
                etype = kinds.get(q.get("kind") or "")
                cue = (q.get("cue") or "").casefold()
                if etype is not None and cue not in speech_cues.get(etype, [cue]):
                    etype = (
                        None  # "mengklaim", "mengingatkan": a claim or a reminder is no accusation or threat
                    )
            if etype == "REQUEST" and _SYMPATHY.match(text):
                continue  # "meminta doa dan dukungan agar kasus segera selesai": a plea for sympathy, no demand
            if etype == "THREATEN" and not _THREAT_CONTENT.search(text):
                continue  # "memperingatkan bahwa ratusan ribu pengungsi masih hidup di tempat terbuka": a warning
            if etype is None:
                continue
            if sp_.get("id"):
                actor = self._speaker_actor(sp_)
            else:  # an unnamed speaker is an actor only as an agent of a state ("para pejabat Afghanistan")
                actor = self._state_agent(re.sub(r"(?i)^para\s+", "", sp_.get("name") or ""), None)
                if actor is None:
                    continue
            own = {
                e["name"]
                for e in self.article.entities
                if sp_.get("role") and e["name"] in (sp_.get("role") or "")
            }
            # the reported clause's own subject ("Belarus mungkin terpaksa …") is not whom the statement addresses
            own |= {e["name"] for a, _b, e in self.mentions if a == q["start"]}
            target, _ = self._after(q["start"], q["end"], actor, exclude=own)
            if etype == "DENY":
                target = None
            date = _said_on(q) or self._said_next(i) or self._said_before(i) or self._narrated_day(q["start"])
            if etype in ("DENY", "REJECT"):
                mod = "asserted"  # the denial or refusal itself is asserted
            elif pats["conditional"].search(text):
                mod = "conditional"
            else:
                mod = "reported" if q.get("via") and etype != "THREATEN" else "asserted"
            out.append(_Event(etype, actor, target, None, date, None, mod, self._source((i, q)), q.get("cue") or "",
                              q["start"], q["end"], (q["start"], q["end"])))  # fmt: skip
        return out

    def _relayed(self, quoted: tuple[int, dict[str, Any]] | None, actor: dict[str, Any]) -> bool:
        """Whether an act told inside a quote comes only on a word the article does not vouch for (reported):
        an analyst's or a witness's ("Alex Kokcharov, analis …, mengatakan perwira militer … menulis surat"),
        or one state's about another's. The actor's own word, its spokesman's, and an official's account of
        what others did ("Kasat Reskrim … mengatakan, pelaku ditahan") are the article's record (asserted)."""
        if quoted is None:
            return False
        sp_ = quoted[1].get("speaker") or {}
        if not sp_.get("name"):
            return True
        name, role = sp_["name"], sp_.get("role") or ""
        if name == actor.get("name") or (sp_.get("id") and sp_.get("id") == actor.get("id")):
            return False
        if actor.get("name") and re.search(rf"(?<!\w){re.escape(actor['name'])}(?!\w)", role):
            return False
        if _patterns()["commentator"].match(role):
            return True
        side = self._speaker_actor(sp_)
        return (
            str(side.get("id", "")).startswith("country:")
            and str(actor.get("id", "")).startswith("country:")
            and side.get("id") != actor.get("id")
        )

    def _state_agent(self, role: str, agent: str | None) -> dict[str, Any] | None:
        """The state a role makes its holder speak for: "pejabat Kementerian Luar Negeri Rusia" -> Rusia."""
        if not role or not (_patterns()["agents"].match(role) or _DIPLOMAT.match(role)):
            return None
        for e in self.article.entities:
            if str(e.get("id", "")).startswith("country:") and any(
                re.search(rf"\b{re.escape(m['text'])}\b", role) for m in e.get("mentions", ())
            ):
                return {"id": e["id"], "name": e["name"], "type": "LOC", "agent": agent}
        return None

    def _speaker_actor(self, sp_: dict[str, Any]) -> dict[str, Any]:
        """The speaker as an actor; an anonymous official ("pejabat Kementerian Luar Negeri Rusia") acts for
        the state the role names."""
        role = sp_.get("role") or next(  # the role the article gave the speaker at another quote
            (
                (q.get("speaker") or {}).get("role")
                for q in self.article.quotes
                if sp_.get("id")
                and (q.get("speaker") or {}).get("id") == sp_["id"]
                and (q.get("speaker") or {}).get("role")
            ),
            "",
        )
        state = self._state_agent(role, sp_.get("name"))
        if state is not None:
            return state
        office = self._office(role, sp_.get("name")) if role else None
        if office is not None:
            return office
        ent = next((e for e in self.article.entities if e.get("id") and e.get("id") == sp_.get("id")), None)
        if ent is not None:
            return self._actor(ent)
        return {"id": sp_.get("id"), "name": sp_.get("name"), "type": sp_.get("type")}


_POLICE_HEAD = re.compile(
    r"^(?:kapolda|kapolres|kapolresta|kapolrestabes|kapolsek)\s+(?P<where>(?-i:[A-Z0-9]).*)$", re.IGNORECASE
)
#: An officer of an agency acts for it ("Kasi Pidsus Kejari Sidoarjo", "Plt Deputi Penindakan KPK", "Kepala
#: Biro Komunikasi Kemenkeu"): the golds' "Institution (Person, role)". Heads of state, ministers, chairs
#: ("Ketua NasDem Sumut", "Wakil Ketua MPR") and heads of a state or a territory ("Kepala Administrasi
#: Militer Kyiv" Serhiy Popko denies in his own name in the seeds) are not listed: they act in their own
#: name as often as for the body they lead, or for their state through `agents`. The head of an agency
#: ("Kepala DP3AP2KB Jateng", "Kadis DLH", "Kasat Reskrim") speaks for it.
_HEAD_OF = re.compile(
    r"^(?i:(?:plt\.?\s+)?(?:direktur|dirjen|direktur\s+jenderal|sekjen|sekretaris\s+jenderal|"
    r"deputi|kasi|kasubdit|wadir|rektor|aspidsus|aspidum|kajari|kajati|kabiro|kepala(?!\s+(?:administrasi|negara|pemerintahan|daerah|staf)\b)|kadis|kanit|kasat|kabag))"
    r"\s",
)
#: The chair of a body ("Ketua KPK", "Ketua Fraksi PKS", "Ketua PP Muhammadiyah") speaks for it, as the golds
#: read it; the chair of a party or of a house ("Ketua NasDem Sumut", "Ketua DPRD Kota Bogor") in his own name.
_CHAIR = re.compile(r"^(?i:ketua)\s(?!(?i:umum|harian)\b)")
_PARTY_OR_HOUSE = re.compile(
    r"\b(?:Partai|PDIP|PDI-?P|PDI\s+Perjuangan|Golkar|Gerindra|Nasdem|NasDem|PKB|PAN|PPP|Demokrat|Hanura|Perindo|PSI|"
    r"Berkarya|DPR|DPRD|DPD|MPR|DPRK|DPRA)\b(?!\s*-)"
)
_VOICE = re.compile(
    r"(?:^|\s)(?:juru\s+bicara|jubir|kabid\s+humas|kabag\s+humas|kepala\s+bidang\s+humas|kasubbid\s+penmas|kapuspen|kapuspenkum|"
    r"kepala\s+pusat\s+penerangan(?:\s+hukum)?|kasi\s+penkum|kasipenkum|kasat\s+\w+)\s+(?P<org>.+)$",
    re.IGNORECASE,
)


#: A part of a police, prosecution or military unit, named with it: the part acts as the unit.
_PART_OF_UNIT = re.compile(
    r"^(?:Direktorat|Ditreskrimum|Ditreskrimsus|Ditresnarkoba|Ditlantas|Subdit|Satreskrim|Satresnarkoba|Satlantas|"
    r"Satuan|Sat|Unit|Tim|Bidang|Seksi|Kasi)\b.*?\s(?P<unit>(?:Polda|Polres|Polresta|Polrestabes|Polsek|Kejari|Kejati|"
    r"Kodam|Korem|Kodim)\s.+)$"
)
#: A coordinator or representative right before a person's name, and the words after the noun ("Koordinator
#: aksi", "perwakilan BKBH Fakultas Hukum Unram"); not a coordinating minister or a representative office.
_DELEGATE = re.compile(
    r"(?<!Menteri )(?<!Kantor )\b(?i:koordinator|korlap|perwakilan|orator)(?P<rest>(?:\s+[\w-]+){0,6}?)\s*,?\s*$"
)
#: "koordinator aksi", "koordinator lapangan": the coordinator of the protest the article tells.
_PROTEST_LEAD = re.compile(r"\s+(?i:aksi|lapangan|demo|unjuk\s+rasa)\b")
#: A protest verb right after a group's name: "HMI menggelar aksi", "Aliansi … berunjuk rasa".
_PROTEST_AFTER = re.compile(
    r"\s+(?:\S+\s+){0,3}?(?i:menggelar\s+(?:aksi|demo|unjuk\s+rasa)|berunjuk\s+rasa|berdemo|berdemonstrasi|"
    r"melakukan\s+(?:aksi|demo|unjuk\s+rasa)|turun\s+ke\s+jalan|mendatangi|menggeruduk)"
)
#: A division of a body named after it: "MUI Bidang Pemberdayaan Ekonomi Umat", "KNPI Bidang Kehutanan".
_DIVISION = re.compile(
    r"^(?P<body>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?:Bidang|Divisi|Departemen|Biro)\s+[A-Z]"
)
#: A foreign minister (or deputy) is the voice of the state the role names: "Menteri Luar Negeri AS" Mike
#: Pompeo accuses for Amerika Serikat (the golds' "Amerika Serikat (Mike Pompeo, Menteri Luar Negeri AS)").
_DIPLOMAT = re.compile(r"^(?i:(?:wakil\s+)?(?:menteri\s+luar\s+negeri|menlu|wamenlu)\b)")

#: Heads of the police and the armed forces named by their office alone, and the force each commands.
_FORCE_HEADS = {"kapolri": "Polri", "panglima tni": "TNI", "ksad": "TNI AD", "kasad": "TNI AD", "ksal": "TNI AL",
                "kasal": "TNI AL", "ksau": "TNI AU", "kasau": "TNI AU"}  # fmt: skip


def institution_of(role: str) -> str | None:
    """The institution whose voice a role is, as the article names it, or None: police chiefs and
    spokespeople ("Kapolda Sumut" -> "Polda Sumut", "Kabid Humas Polda Metro Jaya" -> "Polda Metro Jaya",
    "Kapuspen TNI" -> "TNI"); "Kapolri" -> "Polri", "KSAD" -> "TNI AD"."""
    role = re.sub(
        rf"(?:\s+(?:{RANKS.pattern}|jenderal|mayor|kapten|letnan|pol\b\.?|\(?purn\.?\)?))+\s*$",
        "",
        role.strip(" ,"),
        flags=re.I,
    ).strip(" ,")  # "Kapolres Tebing Tinggi, AKBP": the comma before the rank, too
    if role.casefold() in _FORCE_HEADS:  # "KSAD Jenderal" (Andika Perkasa) acts for TNI AD
        return _FORCE_HEADS[role.casefold()]
    m = _POLICE_HEAD.match(role)
    if m:
        head = role.split()[0].casefold()
        return {"kapolda": "Polda", "kapolres": "Polres", "kapolresta": "Polresta", "kapolrestabes": "Polrestabes",
                "kapolsek": "Polsek"}[head] + " " + m.group("where")  # fmt: skip
    m = _VOICE.search(role)
    if m and m.group("org")[:1].isupper():
        return m.group("org")
    return None


def _short_name(ent: dict[str, Any], body: str) -> str:
    """An organisation by the short form the article defines for it, as chronicles and the golds name it
    ("DKPP" for "Dewan Kehormatan Penyelenggara Pemilu (DKPP)"), or by the one the article goes on using
    whose letters are its initials ("HMI" for "Himpunan Mahasiswa Islam" in "Ketua HMI Cirebon"); the
    entity keeps its full name."""
    if ent.get("type") != "ORG" or len(ent["name"].split()) < 2:
        return ent["name"]
    shorts = {
        m["text"]
        for m in ent.get("mentions") or ()
        if SHORT_FORM.fullmatch(m["text"]) and initials_in(m["text"], ent["name"])
    }  # fmt: skip
    if not shorts:
        initials = "".join(w[0] for w in ent["name"].split() if w[:1].isupper())
        if len(initials) >= 3 and initials.isupper() and re.search(rf"(?<![\w-]){initials}(?![\w-])", body):
            return initials
    return min(shorts, key=len) if len(shorts) == 1 else ent["name"]


def _capital_of(ent: dict[str, Any]) -> str | None:
    if ent.get("type") != "LOC":
        return None
    entry = active_registry().lookup(ent["name"])
    return entry.capital_of if entry is not None else None


def _said_on(q: dict[str, Any]) -> dict[str, Any] | None:
    s = q.get("said_on")
    if not s:
        return None
    return _date_of({"value": s["value"], "precision": s["precision"], "text": q.get("said_when")})


def _same_voice(q: dict[str, Any], other: dict[str, Any]) -> bool:
    """Two quotes by one speaker, or the second by one who speaks for the first (in its role)."""
    sp_, sp2 = q.get("speaker") or {}, other.get("speaker") or {}
    return bool(
        (sp_.get("id") and sp_.get("id") == sp2.get("id"))
        or (sp_.get("name") and re.search(rf"(?<!\w){re.escape(sp_['name'])}(?!\w)", sp2.get("role") or ""))
    )


def _date_of(t: dict[str, Any]) -> dict[str, Any]:
    value = t["value"]
    if t["precision"] == "week" and re.match(r"^\d{4}-W\d\d$", value):  # an ISO week as its days
        monday = dt.date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
        value = f"{monday}/{monday + dt.timedelta(days=6)}"
    elif t["precision"] in ("minute", "hour"):
        value, t = value[:10], {**t, "precision": "day"}
    return {"value": value, "precision": t["precision"], "text": t.get("text")}


def _actor_key(actor: dict[str, Any]) -> str:
    return (actor.get("name") or "").casefold()


def _compatible(a: dict[str, Any] | None, b: dict[str, Any] | None) -> bool:
    if a is None or b is None or a.get("inferred") or b.get("inferred"):
        return True
    va, vb = a["value"], b["value"]
    return va.startswith(vb[:7]) or vb.startswith(va[:7])


#: "26 pegawai", "36 kendaraan": a count of the people or things an act touched, not a measure of time,
#: money or size, which many different acts share.
_COUNT = re.compile(r"\b(\d+)\s+([a-z]+)\b", re.IGNORECASE)
_MEASURE = re.compile(
    r"(?:detik|menit|jam|hari|pekan|minggu|bulan|tahun|abad|persen|kali|km|kilometer|meter|m|kg|ton|"
    r"juta|miliar|triliun|ribu|ratusan|rupiah|dolar|unit|wib|wita|wit)$",
    re.IGNORECASE,
)


def _counts(body: str, sentence: tuple[int, int]) -> set[tuple[int, str]]:
    return {
        (int(m[1]), m[2].casefold())
        for m in _COUNT.finditer(body, *sentence)
        if int(m[1]) > 1 and not _MEASURE.match(m[2])
    }


def _merge(found: list[_Event], body: str) -> list[_Event]:
    """One event told twice is one event: same type and compatible dates, and the same actor or the
    same count of what the act touched ("26 pegawai ... dipecat oleh Kementerian Keuangan" and
    "DJP memecat 26 pegawai")."""
    out: list[_Event] = []
    counted = {id(e): _counts(body, e.sentence) for e in found}  # each sentence's counts read once
    for ev in sorted(found, key=lambda e: e.start):
        same = next(
            (
                o
                for o in out
                if o.type == ev.type
                and _compatible(o.date, ev.date)
                and (_actor_key(o.actor) == _actor_key(ev.actor) or counted[id(ev)] & counted[id(o)])
            ),
            None,
        )
        if same is None:
            ev.mentions = [[ev.start, ev.end]]
            out.append(ev)
            continue
        same.mentions.append([ev.start, ev.end])
        if ev.date is not None and (
            same.date is None or (same.date.get("inferred") and not ev.date.get("inferred"))
        ):
            same.date = ev.date
        same.target = same.target or ev.target
        same.partner = same.partner or ev.partner
        same.location = same.location or ev.location
        if _MODALITY_RANK[ev.modality] < _MODALITY_RANK[same.modality]:
            same.modality = ev.modality
    return out


def find_events(article: Article) -> list[_Event]:
    if not article.paragraphs:
        return []
    coder = _Coder(article)
    spoken = coder.speech()
    # what a refusal or a denial is about ("tidak berencana mengirim pasukan") is not a second event
    coder.deny_spans += [(e.start, e.end) for e in spoken if e.type in ("REJECT", "DENY")]
    return _merge([e for e in coder.acts() + spoken if _can_act(e)], article.body)


#: Street protests are made by people, not by the place they are in ("ribuan warga Peru berunjuk rasa").
_STREET = re.compile(r"unjuk\s+rasa|demo|aksi|turun\s+ke\s+jalan|berdemonstrasi|long\s+march", re.IGNORECASE)


def _can_act(e: _Event) -> bool:
    """A place is no actor unless it is a state (a capital standing for its government is its state
    already); a state does not march in a street protest."""
    actor = e.actor or {}
    if actor.get("type") != "LOC":
        return True
    if not str(actor.get("id") or "").startswith("country:"):
        return False
    return not (e.type == "PROTEST" and _STREET.search(e.trigger))
