"""Indonesian NER corpora of ``../shared/data``, read into sentences of (token, BIO tag) with one tag set.

Each corpus names its types its own way; all are mapped onto PER, ORG and LOC (the types kronik links
to canonical entities). Finer types with no counterpart (NER-UGM's TIME and QUANTITY, NERP's EVT and
FNB) become O: they are not entities to link, and keeping them would teach the model labels that only
one corpus marks.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: corpus type -> kronik type (absent: dropped to O)
TYPE_MAP = {
    "PER": "PER", "PERSON": "PER", "PPL": "PER",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "IND": "ORG",
    "LOC": "LOC", "LOCATION": "LOC", "PLACE": "LOC", "PLC": "LOC",
}  # fmt: skip
LABELS = ("PER", "ORG", "LOC")


@dataclass(frozen=True)
class Corpus:
    """A corpus: its folder under data/, file of each split, and the column holding the tag."""

    name: str
    folder: str
    splits: dict[str, str]
    tag_column: int = 1
    lowercased: bool = False
    published: str = ""


CORPORA: dict[str, Corpus] = {
    "idner-news-2k": Corpus(
        "idner-news-2k", "idner-news-2k", {"train": "train.txt", "dev": "dev.txt", "test": "test.txt"}, tag_column=2
    ),
    "nerui": Corpus(
        "nerui", "indolem-nerui", {"train": "train.01.tsv", "dev": "dev.01.tsv", "test": "test.01.tsv"},
        published="IndoBERT-large .901, BiLSTM-CRF .822",
    ),
    "nerugm": Corpus(
        "nerugm", "indolem-nerugm", {"train": "train.01.tsv", "dev": "dev.01.tsv", "test": "test.01.tsv"},
        published="IndoBERT-large .749, BiLSTM-CRF .709",
    ),
    "nergrit": Corpus(
        "nergrit", "indonlu-nergrit_ner-grit",
        {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt", "test": "test_preprocess.txt"},
        published="IndoBERT-large .776, NusaBERT-large .799",
    ),
    "nerp": Corpus(
        "nerp", "indonlu-nerp_ner-prosa",
        {"train": "train_preprocess.txt", "dev": "valid_preprocess.txt", "test": "test_preprocess.txt"},
        lowercased=True, published="IndoBERT-large .793, NusaBERT-large .851",
    ),
}  # fmt: skip


@dataclass
class Sentence:
    tokens: list[str]
    tags: list[str]  # BIO over LABELS


def _map_tag(tag: str) -> str:
    tag = tag.strip()
    if not tag or tag == "O" or "-" not in tag:
        return "O"
    prefix, _, kind = tag.partition("-")
    mapped = TYPE_MAP.get(kind.upper())
    if mapped is None or prefix not in ("B", "I"):
        return "O"
    return f"{prefix}-{mapped}"


def _repair_bio(tags: list[str]) -> list[str]:
    """An I- tag that does not continue an entity of its type starts one."""
    out = []
    for i, t in enumerate(tags):
        if t.startswith("I-") and (i == 0 or out[-1][2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
    return out


def read_split(shared: Path, corpus: str, split: str) -> Iterator[Sentence]:
    """Sentences of one split of one corpus, tags mapped onto PER/ORG/LOC."""
    c = CORPORA[corpus]
    path = shared / "data" / c.folder / c.splits[split]
    tokens: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.rstrip("\r\n")
            if not line.strip():
                if tokens:
                    yield Sentence(tokens, _repair_bio(tags))
                tokens, tags = [], []
                continue
            parts = line.split("\t") if "\t" in line else line.split(" ")
            if len(parts) <= c.tag_column:
                continue
            tokens.append(parts[0])
            tags.append(_map_tag(parts[c.tag_column]))
    if tokens:
        yield Sentence(tokens, _repair_bio(tags))


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of a BIO sequence (end exclusive)."""
    out = []
    start, label = None, None
    for i, t in enumerate([*tags, "O"]):
        if t.startswith("B-") or t == "O" or (t.startswith("I-") and t[2:] != label):
            if start is not None:
                out.append((start, i, label))
                start, label = None, None
            if t.startswith(("B-", "I-")):
                start, label = i, t[2:]
    return out
