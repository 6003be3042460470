"""Who said it: a quote's speaker phrase resolved to one of the article's entities.

- A phrase holding a person's mention is that person; its other words are the role as written
  ("Presiden Belarus Alexander Lukashenko", "Serhiy Popko, Kepala Administrasi Militer Kyiv").
- A phrase that is an organisation or a country ("Rusia", "Kementerian Luar Negeri Rusia") is that entity;
  a capital standing for its government is kept with ``stands_for``.
- A descriptor with no name ("seorang pejabat Kementerian Luar Negeri Rusia") is an unnamed speaker; when
  the next quote names a person without a role of their own, within two paragraphs, the descriptor was
  introducing that person (the news convention "an official said … Polishchuk said").
- Pronouns and "-nya" (ia, dia, beliau, pihaknya, ujarnya) and a left-out subject ("Namun memperingatkan …")
  go to the speaker of the previous quote if it is near, else to the person last named outside quotes.
- A name the recogniser missed ("Kokcharoc") is matched to a person of the article by spelling.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz
from spacy.lang.id.stop_words import STOP_WORDS

from kronik.data import Article
from kronik.lang.id.words import NOT_NAME_WORDS
from kronik.stages.entities import SHORT_FORM, TITLES
from kronik.stages.entities.registry import active_registry
from kronik.stages.quotes import spans as sp
from kronik.stages.quotes.lexicon import Lexicon

if TYPE_CHECKING:
    from kronik.stages.quotes import Quote

#: How many paragraphs back the previous quote's speaker still answers a pronoun.
PRONOUN_REACH = 3
#: How many paragraphs ahead a named person may follow the descriptor that introduced them.
CATAPHORA_REACH = 2
#: rapidfuzz ratio at which an unrecognised name is taken as a person of the article.
NAME_MATCH = 80


@dataclass
class Speaker:
    name: str | None
    id: str | None = None
    type: str | None = None
    role: str | None = None
    unnamed: bool = False
    descriptor: str | None = None  # an unnamed speaker's description as written

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"id": self.id, "name": self.name, "type": self.type, "role": self.role}
        if self.unnamed:
            d["unnamed"] = True
            d["name"] = self.name or self.descriptor or self.role  # the description as written: "jaksa"
        return d


class Resolver:
    def __init__(self, article: Article, body: str, lex: Lexicon, quoted: dict[int, list[sp.Quoted]]) -> None:
        self.article = article
        self.body = body
        self.lex = lex
        self.inside_quotes = [(q.start, q.end) for qs in quoted.values() for q in qs]
        self.mentions: list[tuple[int, int, dict[str, Any]]] = sorted(
            ((m["start"], m["end"], e) for e in article.entities for m in e.get("mentions", ())),
            key=lambda x: (x[0], x[1]),
        )

    # ------------------------------------------------------------------ public
    def resolve(self, found: list[Quote]) -> None:
        prev: Quote | None = None
        self.spoken: list[Speaker] = []
        self.last_person: Quote | None = None
        self.last_unnamed: Quote | None = None
        self._named_in_phrases(found)
        for q in found:
            q.speaker = self._speaker(q, prev)
            if self._own_object(q):
                q.speaker = None  # "dia mengajak Anies …": whoever "dia" is, it is not Anies
            if q.speaker is not None and q.speaker.unnamed:
                self.last_unnamed = q
            if q.speaker is not None and q.speaker.name:
                prev = q
                self.spoken.append(q.speaker)
                if q.speaker.type == "PER" and not self._no_person(q.speaker):
                    self.last_person = q
        self._orphans(found)
        self._cataphora(found)

    def _own_object(self, q: Quote) -> bool:
        """A pronoun's speaker found for reported speech that opens with that person's name: the name is
        the object of the cue ("dia mengajak Anies sumpah pocong"), so the pronoun is someone else."""
        sp_ = q.speaker
        if q.direct or sp_ is None or not sp_.id or q.speaker_mode not in ("pronoun", "zero", "phrase"):
            return False
        if q.speaker_mode == "phrase" and not (
            q.speaker_span is not None
            and self.lex.pronoun.fullmatch(self.body[slice(*q.speaker_span)].strip())
        ):
            return False
        if not re.match(r"(?i:me|ber)", q.cue or "") or (q.cue or "").lower().startswith("menurut"):
            return False  # "Menurutnya Ujang, …": no verb whose object could follow
        if re.search(r"[,:]\s*$", self.body[max(0, q.start - 3) : q.start]):
            return False  # "Menurut dia, Arya menjelaskan, …": the name repeats the speaker, no object
        return any(ent.get("id") == sp_.id and q.start <= ms <= q.start + 2 for ms, _me, ent in self.mentions)

    def _orphans(self, found: list[Quote]) -> None:
        """A quote paragraph with no cue of its own speaks for its neighbour: the speaker of reported
        speech in the paragraph just before ("Kalla mengatakan, …" then "“Pengawas itu …”"), else of the
        quote opening the next paragraph ("“…,” ujar Kalla"), when that one names its speaker."""
        for i, q in enumerate(found):
            if q.speaker_mode != "none" or q.speaker is not None:
                continue
            before = found[i - 1] if i else None
            after = next((x for x in found[i + 1 :] if x.speaker_mode != "none"), None)
            if (
                before is not None
                and before.speaker
                and before.speaker.name
                and before.paragraph >= q.paragraph - 1
            ):
                q.speaker = before.speaker
            elif (
                after is not None
                and after.direct
                and after.speaker
                and after.speaker.name
                and after.paragraph <= q.paragraph + 1
            ):
                q.speaker = after.speaker

    # ------------------------------------------------------------------ cases
    def _speaker(self, q: Quote, prev: Quote | None) -> Speaker | None:
        lost = self._lost_name(q)
        if lost is not None:
            return lost
        if q.speaker_mode == "continuation":
            return self._unnamed_just_before(q, prev) or (prev.speaker if prev else None)
        if q.speaker_mode in ("zero", "pronoun"):
            return self._unnamed_just_before(q, prev) or self._antecedent(
                q, prev, prefer_previous=q.speaker_mode == "zero"
            )
        if q.speaker_span is None:
            return None
        s, e = q.speaker_span
        phrase = self.lex.adverbs_tail.sub("", self.body[s:e].strip(" ,")) or self.body[s:e].strip(" ,")
        if phrase.casefold() in ("mereka", "mereka juga"):
            return self._group(q, prev)
        if _KIN_EPITHET.fullmatch(phrase) and not self._recent_role(phrase[5:], q):
            return Speaker(name=None, unnamed=True, role=phrase, descriptor=phrase)  # "jawab sang ibu"
        if self.lex.pronoun.match(phrase) or phrase.lower().startswith(("sang ", "pihaknya")):
            return self._unnamed_just_before(q, prev) or self._antecedent(q, prev, prefer_previous=False)
        has_person = bool(self._people_in(s, e))
        if not has_person and (
            self.lex.anaphoric.match(phrase)
            or re.search(r"\s(?:itu|tersebut|ini)$", phrase)
            or re.match(r"(?:\w+\s+){1,2}ke-?\s?\d+\b", phrase)
        ):
            # "Mantan Gubernur Jakarta itu", "pria yang akrab disapa Inay itu", "Presiden ke-45 dalam sejarah
            # AS": someone already named;
            # "pejabat tersebut", "sumber militer itu": the unnamed speaker described so before
            return (
                self._same_unnamed(phrase, q)
                or self._organisation_referred(phrase, q)
                or self._antecedent(q, prev, prefer_previous=False)
            )
        synonym = self.lex.role_synonyms.get(phrase.casefold())
        if not has_person and synonym:
            holder = self._office_holder(synonym) or self._recent_role(synonym, q)
            if holder is not None:
                return holder
        names_entity = any(ms == s and me == e for ms, me, _ent in self.mentions)
        if not has_person and not names_entity:
            holder = self._recent_role(phrase, q)
            if holder is not None:
                return holder
        return self._apposed(s, phrase) or self._from_phrase(s, e, phrase)

    def _apposed(self, s: int, phrase: str) -> Speaker | None:
        """The person named just before a role phrase and a comma, opening the clause: "Di lain kesempatan,
        Hendropriyono, Mantan Kepala BIN menyatakan" is his statement, not the agency's."""
        if not (TITLES.match(phrase.casefold() + " ") or _AIDE.match(phrase)) or not re.search(
            r",\s*$", self.body[max(0, s - 3) : s]
        ):
            return None
        named = [
            self.body[ms:me]
            for ms, me, ent in self.mentions
            if s <= ms < s + len(phrase)
            and ent.get("type") == "PER"
            # "Staf Khusus Presiden Jokowi": the name after the chief's title is the chief's
            and not (ms > s and _PRINCIPAL.search(self.body[s:ms]))
        ]
        if any(
            not n.isupper() and n.casefold() not in _ROLE_OPENERS and not TITLES.match(n.casefold() + " ")
            for n in named
        ):
            return None  # "…, Kepala Dinas Ahmad Yani": the phrase names its own speaker
        comma = self.body.rfind(",", 0, s)
        for ms, me, ent in self.mentions:
            if (
                me == comma
                and ent.get("type") == "PER"
                and re.search(r"(?:^|[.,;\n]\s*)$", self.body[max(0, ms - 3) : ms])
            ):
                return _of(ent, phrase)
        return None

    def _people_in(self, start: int, end: int) -> list[dict[str, Any]]:
        """The people whose mentions start inside ``start``–``end``, in text order."""
        return [ent for ms, _me, ent in self.mentions if start <= ms < end and ent.get("type") == "PER"]

    def _named_in_phrases(self, found: list[Quote]) -> None:
        """The person each quote's speaker phrase names outright, and the one the article quotes most so."""
        self.named: list[tuple[int, int, dict[str, Any]]] = []  # (paragraph, start, entity)
        counts: dict[str, int] = {}
        for q in found:
            if q.speaker_span is None:
                continue
            s, e = q.speaker_span
            people = self._people_in(s, e)
            if people:
                self.named.append((q.paragraph, q.start, people[-1]))
                counts[people[-1]["name"]] = counts.get(people[-1]["name"], 0) + 1
        self.most_quoted = max(counts, key=lambda k: counts[k]) if counts else None

    def _lost_name(self, q: Quote) -> Speaker | None:
        """A speaker whose name the source text lost with a dropped link: a role with a gap where the name
        was ("Karopenmas Divisi Humas Polri Brigjen Pol , mengatakan", "Ketua Umum , , meminta"), or a cue
        with a gap after it ('…," ujar , dalam acara …'); a space before a comma is that gap's mark. The
        speaker is the person the next quotes name, within two paragraphs ('…," ujar Dedi'), else the person
        the article quotes most by name; else an unnamed speaker with the role as written."""
        role = None
        if q.speaker_span is not None:
            s, e = q.speaker_span
            if not _GAP.match(self.body, e) or self._people_in(s, e):
                return None
            role = self.body[s:e].strip(" ,") or None
        elif (
            not q.direct
            or q.cue.lower().endswith("nya")
            or not re.match(rf"[\s,.!?\"”’']*{re.escape(q.cue)}\s+,", self.body[q.end : q.end + 40])
        ):
            return None
        nxt = next(
            (
                ent
                for para, start, ent in self.named
                if start > q.start and para - q.paragraph <= CATAPHORA_REACH
            ),
            None,
        )
        ent = nxt or next((x for _p, _s, x in self.named if x["name"] == self.most_quoted), None)
        if ent is None:
            return Speaker(name=None, unnamed=True, role=role, descriptor=role)
        return _of(ent, role or _first(ent.get("roles")))

    def _group(self, q: Quote, prev: Quote | None) -> Speaker | None:
        """ "Mereka" is many: the last speaker who is a group, an organisation or a state ("Anggota parlemen
        dari Partai Kiri …. Mereka juga menuntut"), never one person; None rather than the wrong one."""
        for cand in (prev, self.last_unnamed):
            if cand is None or cand.speaker is None or q.paragraph - cand.paragraph > PRONOUN_REACH:
                continue
            if cand.speaker.unnamed or cand.speaker.type in ("ORG", "LOC"):
                return cand.speaker
        return None

    def _no_person(self, speaker: Speaker) -> bool:
        return speaker.type in ("ORG", "LOC") or speaker.name in self.article.cited_media

    def _same_unnamed(self, phrase: str, q: Quote) -> Speaker | None:
        """The last unnamed speaker (a few paragraphs back) whose description shares a word with ``phrase``
        ("pejabat tersebut" after "Pejabat berpangkat tinggi militer Rusia")."""
        u = self.last_unnamed
        if u is None or u.speaker is None or q.paragraph - u.paragraph > PRONOUN_REACH:
            return None
        words = {w.casefold() for w in sp.words(phrase)} - _DESCRIPTOR_GLUE
        described = {w.casefold() for w in sp.words(u.speaker.descriptor or u.speaker.role or "")}
        return u.speaker if words & described else None

    def _organisation_referred(self, phrase: str, q: Quote) -> Speaker | None:
        """ "Perusahaan itu", "Kelompok tersebut": the last organisation named before, outside quotes;
        "Negara itu": the last state."""
        words = sp.words(phrase)
        kind = self.lex.anaphoric_orgs.get(words[0].casefold()) if len(words) == 2 else None
        if kind is None:
            return None
        for ms, _me, ent in reversed(self.mentions):
            if ms >= q.start or any(a <= ms < b for a, b in self.inside_quotes):
                continue
            if kind == "ORG" and ent.get("type") == "ORG":
                return _of(ent, None)
            if kind == "LOC" and str(ent.get("id") or "").startswith("country:"):
                return _of(ent, None)
        return None

    def _unnamed_just_before(self, q: Quote, prev: Quote | None) -> Speaker | None:
        """A pronoun right after an unnamed speaker's quote, with nobody named in between, is that speaker
        ("Menurut pejabat tersebut, …. Namun, lanjut dia, …")."""
        u = self.last_unnamed
        if u is None or u.speaker is None or (prev is not None and prev.start > u.start):
            return None
        if q.paragraph - u.paragraph > 1:
            return None
        named = any(
            u.start <= ms < q.start
            and ent.get("type") == "PER"
            and not any(a <= ms < b for a, b in self.inside_quotes)
            for ms, _me, ent in self.mentions
        )
        return None if named else u.speaker

    def _recent_role(self, phrase: str, q: Quote) -> Speaker | None:
        """A role alone ("kata Kanit") names the recent speaker whose role has those words."""
        words = {w.casefold() for w in sp.words(phrase)}
        if not words or len(words) > 4:
            return None
        for sp_ in reversed(self.spoken):
            role = {w.casefold() for w in sp.words(sp_.role or "")}
            if sp_.name and role and words <= role:
                return sp_
        for (
            ent
        ) in self.article.entities:  # a role the entity stage read beside the name ("Kasubdit …, Alfian")
            if ent.get("type") == "PER":
                for r in ent.get("roles") or ():
                    if words <= {w.casefold() for w in sp.words(r)}:
                        return _of(ent, r)
        return None

    def _from_phrase(self, s: int, e: int, phrase: str) -> Speaker | None:
        cut = min(
            (m.start() for p in self.lex.medium if (m := p.search(phrase)) and m.start() > 0), default=None
        )
        if (
            cut is not None
        ):  # "Pemerintah Prancis dalam sebuah pernyataan": the medium is no part of the speaker
            phrase = phrase[:cut].rstrip(" ,")
            e = s + len(phrase)
        inside = [(ms, me, ent) for ms, me, ent in self.mentions if s <= ms and me <= e]
        people = [x for x in inside if x[2].get("type") == "PER"]
        bare = self.lex.indefinite.sub("", phrase).strip()
        if people:
            ms, me, ent = people[
                -1
            ]  # "Kanit Reskrim Polsek Sako Iptu Apriansyah": the name closes the phrase
            first_s, first_e, first = people[0]
            if (
                first_s == s
                and self.body.startswith(",", first_e)
                and first is not ent
                # ("Kapolres Boyolali, AKBP Rosyid Hartanto": a role opens it, the name follows)
                and not TITLES.match(self.body[first_s:first_e].casefold() + " ")
            ):
                # "Lenis Kogoya, Staf Khusus Presiden Jokowi Bidang Papua": the name opens it, the role follows
                ms, me, ent = people[0]
            # "Saifullah Yusuf (Gus Ipul)": the role stands before the first of the person's names
            ms = min(x[0] for x in people if x[2].get("id") == ent.get("id"))
            role = _role(self.body[s:ms], self.body[me:e]) or _first(ent.get("roles"))
            return _of(ent, role)
        tail = _name_tail(phrase, [(ms - s, me - s) for ms, me, _ in inside])
        if inside and not self.lex.unnamed.match(bare):
            # "Plt Kepala Bappenda NTB Fathurrahman": a person named elsewhere closes the role
            person = self._by_spelling(tail) if tail and not self.lex.indefinite.match(phrase) else None
            if person is not None:
                return Speaker(
                    person.name,
                    person.id,
                    person.type,
                    phrase[: phrase.rfind(tail)].strip(" ,") or person.role,
                )
            ms, me, ent = inside[0]
            printed = self.body[ms:me]
            if ent.get("type") == "ORG" and printed != ent["name"] and SHORT_FORM.fullmatch(printed):
                # "Menurut ICW": the organisation as the phrase prints it (the golds' "ICW", where a
                # speaker phrase spelling it out is "Indonesia Corruption Watch")
                return dataclasses.replace(_of(ent, None), name=printed)
            return _of(ent, None)
        if tail and not self.lex.indefinite.match(phrase):
            # "Kepala Dinas Pendidikan Kota Bekasi Inayatullah": a role, then a name the recogniser missed
            person = self._by_spelling(tail)
            role = phrase[: phrase.rfind(tail)].strip(" ,") or None
            if person is not None:
                return Speaker(person.name, person.id, person.type, role or person.role)
            return Speaker(name=tail, type="PER", role=role)
        if self.lex.unnamed.search(bare) or self.lex.indefinite.match(phrase):
            holder = self._office_holder(bare)
            if holder is not None:
                return holder
            return Speaker(name=None, unnamed=True, role=bare, descriptor=phrase)
        person = self._by_spelling(phrase)
        if person is not None:
            return person
        if TITLES.match(phrase + " ") and TITLES.sub("", phrase + " ").strip() == "":
            holder = self._office_holder(phrase)  # "kata Mendagri": the person the article calls so
            if holder is not None:
                return holder
        if phrase[:1].isupper():
            # "Amanda McKenzie, CEO …", "Veronica Koman dalam sebuah pernyataan": the name alone
            name = _NAME_END.split(phrase.split(",")[0], maxsplit=1)[0].strip()
            return Speaker(name=name) if name else None
        return None

    def _office_holder(self, role: str) -> Speaker | None:
        """A role written instead of a name ("lanjut Presiden Belarusia") names the person holding it."""
        key = role.casefold()
        for ent in self.article.entities:
            if ent.get("type") != "PER":
                continue
            for r in ent.get("roles") or ():
                if fuzz.ratio(key, r.casefold()) >= 85:
                    return _of(ent, r)
        # a bare role ("tulis hakim") printed right before one person's name ("Hakim Distrik A Beryl Howell")
        if len(key.split()) <= 2:
            # "Bupati Ogan Komering Ilir (OKI) Muchendi": the place may carry its short form in brackets
            before = re.compile(rf"(?i:\b{re.escape(key)})(?:\s+(?:[A-Z0-9][\w-]*|\([A-Z][\w-]*\)))*\s+$")
            holders = {
                ent["id"]: ent
                for ms, me, ent in self.mentions
                if ent.get("type") == "PER"
                and ent.get("id")
                and (
                    before.search(self.body[max(0, ms - 60) : ms])
                    or self.body[ms:me].casefold().startswith(key + " ")  # "Mendagri Tito Karnavian"
                )
            }
            if len(holders) == 1:
                (ent,) = holders.values()
                return _of(ent, role)
        return None

    def _by_spelling(self, phrase: str) -> Speaker | None:
        words = sp.words(phrase)
        if not words or not words[0][:1].isupper() or len(words) > 4:
            return None
        best, score = None, 0.0
        for ent in self.article.entities:
            if ent.get("type") != "PER":
                continue
            for part in [ent["name"], *ent["name"].split()]:
                r = fuzz.ratio(phrase.casefold(), part.casefold())
                if r > score and len(part) >= 4:
                    best, score = ent, r
        if best is not None and score >= NAME_MATCH:
            return _of(best, _first(best.get("roles")))
        return None

    def _antecedent(self, q: Quote, prev: Quote | None, prefer_previous: bool) -> Speaker | None:
        # "dia" is a person: not the organisation or medium that spoke last ("…, tulis Der Spiegel. Dia juga
        # mengatakan"), but the last person who spoke, else the last one named
        if (
            not prefer_previous
            and prev is not None
            and prev.speaker is not None
            and self._no_person(prev.speaker)
        ):
            if self.last_person is not None:
                prev = self.last_person
            else:
                person = self._last_person(0, q.start)
                if person is not None:
                    return person
        near_prev = (
            prev is not None and prev.speaker is not None and q.paragraph - prev.paragraph <= PRONOUN_REACH
        )
        if prefer_previous and near_prev:
            return prev.speaker  # type: ignore[union-attr]
        # a person named earlier in the same paragraph, outside quotes
        para_start = self.body.rfind("\n\n", 0, q.start)
        para_start = 0 if para_start < 0 else para_start + 2
        if near_prev and prev.paragraph == q.paragraph and prev.speaker.type == "PER":  # type: ignore[union-attr]
            # "Kuasa hukum Bambang Tri, Pardiman, menganggap …. Menurutnya, …": who spoke last in the paragraph
            return self._last_speaking(prev.end, q.start) or prev.speaker  # type: ignore[union-attr]
        person = self._last_person(para_start, q.start)
        if person is not None:
            return person
        if near_prev:
            # a person who spoke (a subject before a speech verb) after the last quote is the newer antecedent
            # (or was the subject of a sentence since: "Diketahui, … Trump telah menggunakan …. Ia juga meminta")
            newer = self._last_speaking(prev.end, para_start) or self._last_acting(prev.end, para_start)  # type: ignore[union-attr]
            return newer or prev.speaker  # type: ignore[union-attr]
        return self._last_person(0, q.start)

    def _last_speaking(self, start: int, end: int) -> Speaker | None:
        """The last person named right before a speech verb ("Senator Ron Johnson yang mengatakan …")."""
        for ms, me, ent in reversed(self.mentions):
            if start <= ms < end and ent.get("type") == "PER":
                rest = _BEFORE_VERB.sub("", self.body[me : me + 40])
                if self.lex.verb.match(rest):
                    return _of(ent, _first(ent.get("roles")))
        return None

    def _last_acting(self, start: int, end: int) -> Speaker | None:
        """The last person named as the subject of an active verb ("…, Trump telah menggunakan …")."""
        for ms, me, ent in reversed(self.mentions):
            if start <= ms < end and ent.get("type") == "PER" and _ACTIVE_VERB_AFTER.match(self.body, me):
                s0 = max(self.body.rfind(". ", 0, ms), self.body.rfind("\n", 0, ms)) + 1
                if re.fullmatch(r"\s*(?:[A-Z]\w+,\s*)?(?:[^,]*,\s*)?", self.body[s0:ms]) and not any(
                    a <= ms < b for a, b in self.inside_quotes
                ):
                    return _of(ent, _first(ent.get("roles")))
        return None

    def _last_person(self, start: int, end: int, subjects_only: bool = False) -> Speaker | None:
        """The person a pronoun points back to: the last one named as the subject of a sentence (the first
        person of it, unless a pronoun opens the sentence: in "dia berencana bertemu Ashraf Ghani" the
        name is an object), else the last one named, outside quotes."""
        people = [
            (ms, ent)
            for ms, _me, ent in self.mentions
            if start <= ms < end
            and ent.get("type") == "PER"
            and not any(a <= ms < b for a, b in self.inside_quotes)
        ]
        subjects, objects_of_pronoun = [], 0
        for ms, ent in people:
            s0 = max(self.body.rfind(". ", 0, ms), self.body.rfind("\n", 0, ms)) + 1
            if _PRONOUN_SUBJECT.search(self.body[s0:ms]):
                objects_of_pronoun += 1
            elif not any(s0 <= m2 < ms for m2, _ in people):
                subjects.append((ms, ent))
        if subjects_only or (not subjects and objects_of_pronoun == len(people)):
            people = subjects  # a pronoun's objects only: its own antecedent is further back
        if not people:
            return None
        ms, ent = (subjects or people)[-1]
        return _of(ent, _first(ent.get("roles")))

    def _cataphora(self, found: list[Quote]) -> None:
        for i, q in enumerate(found):
            sp_ = q.speaker
            if (
                sp_ is None
                or not sp_.unnamed
                or not sp_.descriptor
                or not self.lex.indefinite.match(sp_.descriptor)
            ):
                continue
            for nxt in found[i + 1 :]:
                if nxt.paragraph - q.paragraph > CATAPHORA_REACH:
                    break
                ns = nxt.speaker
                if ns is not None and ns.type == "PER" and ns.name and nxt.speaker_mode == "phrase":
                    own_role = nxt.speaker_span and _role_in(self.body, nxt.speaker_span, ns)
                    if not own_role:
                        q.speaker = Speaker(name=ns.name, id=ns.id, type="PER", role=sp_.role)
                        for later in found[i + 1 :]:
                            if later.speaker is ns:
                                later.speaker = Speaker(
                                    name=ns.name, id=ns.id, type="PER", role=ns.role or sp_.role
                                )
                    break
                if ns is not None and (ns.name or ns.descriptor != sp_.descriptor):
                    break  # someone else speaks between ("…," jawab sang ibu): the named one is another


#: Where a speaker phrase stops being a name: a preposition of medium, place or time.
_NAME_END = re.compile(
    r"\s+(?:dalam|melalui|lewat|kepada|di|saat|ketika|usai|seusai|pada|dari|yang)\s", re.IGNORECASE
)


#: "sang ibu", "sang ayah": a relative of someone in the story, a speaker of their own, not the last one named.
_KIN_EPITHET = re.compile(
    r"sang\s+(?:ibu|ayah|bapak|anak|istri|suami|kakak|adik|nenek|kakek|paman|bibi|putra|putri)", re.IGNORECASE
)
#: The mark a dropped link leaves where a name was: a space before a comma ("Brigjen Pol , mengatakan").
_GAP = re.compile(r" +,")
#: What may stand between a speaker's name and the speech verb: "X yang juga mengatakan".
_BEFORE_VERB = re.compile(
    r"^\W*(?:yang\s+)?(?:juga\s+|pun\s+|sempat\s+|pernah\s+|secara\s+(?:khusus|tegas|terbuka|terpisah)\s+)*"
)

#: A pronoun subject before a name in its sentence makes the name an object ("dia bertemu X").
_PRONOUN_SUBJECT = re.compile(r"(?:^|\s)(?:ia|dia|beliau|mereka)\s+(?!dan\b)", re.IGNORECASE)


#: Words of a description that say nothing of whom it describes.
_DESCRIPTOR_GLUE = {
    "itu",
    "tersebut",
    "ini",
    "para",
    "seorang",
    "sang",
    "sebuah",
    "salah",
    "satu",
    "yang",
    "dari",
    "di",
}
_ACTIVE_VERB_AFTER = re.compile(
    r"(?:\s+(?:juga|telah|sudah|pun|kemudian|lalu|akan|masih|sempat|pernah|baru))*\s+(?:me|ber)[a-z]{3,}\b"
)


def _name_tail(phrase: str, taken: list[tuple[int, int]]) -> str | None:
    """Capitalised words closing a role phrase, outside any recognised mention and not words of an
    office: the name of a person the recogniser missed ("… Kota Bekasi Inayatullah")."""
    tail: list[re.Match[str]] = []
    for m in reversed(list(re.finditer(r"\S+", phrase))):
        w = m.group().strip(",")
        if not re.fullmatch(r"[A-Z][a-z]+(?:[-'][A-Za-z]+)?", w) or w.casefold() in NOT_NAME_WORDS:
            break
        if any(a <= m.start() < b for a, b in taken):
            break
        tail.insert(0, m)
        if len(tail) == 3:
            break
    if not tail or tail[0].start() == 0:
        return None
    return phrase[tail[0].start() : tail[-1].end()].strip(",")


def _first(xs: Any) -> str | None:
    return xs[0] if xs else None


def _of(ent: dict[str, Any], role: str | None) -> Speaker:
    state = ent.get("stands_for")
    if state:  # "Teheran membantah …": the capital speaks for its state's government
        entry = active_registry().lookup(state)
        return Speaker(
            name=state, id=entry.id if entry else None, type="LOC", role=role or f"pemerintah ({ent['name']})"
        )
    return Speaker(name=ent["name"], id=ent.get("id"), type=ent.get("type"), role=role)


def _role(before: str, after: str) -> str | None:
    """The role written with a name: before it ("Presiden Belarus") or after a comma ("…, Kepala …")."""
    before = re.sub(r"^(?:seorang|salah seorang|sang)\s+", "", before.strip(" ,"), flags=re.IGNORECASE)
    after = after.strip(" ,")
    for cand in (after, before):
        if cand and len(sp.words(cand)) >= 1 and not re.fullmatch(r"[\W\d]*", cand):
            if cand is before and sp.words(cand)[0].casefold() in STOP_WORDS - _ROLE_OPENERS:
                continue  # "Ini bukan pertama kalinya Duterte menyarankan": a sentence's opening, no role
            return cand
    return None


#: A role serving someone the phrase names after it ("Staf Khusus Presiden Jokowi Bidang Papua").
_AIDE = re.compile(r"(?i:staf(?:\s+khusus|\s+ahli)?|stafsus|penasihat|asisten|ajudan|sekretaris\s+pribadi)\s")
#: The chief an aide's role names right before the chief's name.
_PRINCIPAL = re.compile(r"(?i:presiden|wakil\s+presiden|wapres|menteri|gubernur|bupati|wali\s+kota)\s+$")


#: Words opening a role that are also stop words ("para", "mantan", "wakil" …).
_ROLE_OPENERS = {
    "para",
    "mantan",
    "bekas",
    "wakil",
    "kepala",
    "ketua",
    "anggota",
    "pihak",
    "sejumlah",
    "beberapa",
}


def _role_in(body: str, span: tuple[int, int], speaker: Speaker) -> bool:
    phrase = body[span[0] : span[1]]
    return len(sp.words(phrase)) > len(sp.words(speaker.name or ""))
