"""Entity-level precision, recall and F1 of the NER model on a corpus split (exact span and type).

The model reads each sentence as the corpus tokenised it, so that scores compare with published ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from kronik.ner.corpora import CORPORA, LABELS, read_split, spans
from kronik.ner.train import MODEL_DIR


@dataclass
class NerScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    per_type: dict[str, list[int]] = field(default_factory=dict)  # label -> [tp, fp, fn]

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def prf(self) -> tuple[float, float, float]:
        return self._prf(self.tp, self.fp, self.fn)

    def type_prf(self, label: str) -> tuple[float, float, float]:
        return self._prf(*self.per_type.get(label, [0, 0, 0]))


@lru_cache(maxsize=2)
def load_model(path: str | None = None) -> Any:
    """The trained pipeline: ``path``, else the folder named by ``KRONIK_NER_MODEL``, else the packaged one."""
    import os

    import spacy

    import kronik.ner.tokenizer  # noqa: F401 - registers kronik.IndonesianTokenizer.v1

    model = Path(path or os.environ.get("KRONIK_NER_MODEL") or MODEL_DIR)
    if not (model / "meta.json").exists():
        raise FileNotFoundError(f"no NER model at {model}: run `kronik train ner` (or `make model`)")
    # the tokenizer comes from the config (kronik/ner/tokenizer.py), not from spaCy's 16k stored exceptions
    return spacy.load(model, exclude=["tokenizer"])


def evaluate(
    shared: Path, corpus: str, split: str, model_path: str | None = None, lower: bool = False
) -> NerScore:
    """Score the model on ``corpus``/``split``; ``lower`` lower-cases the input first (for NERP's text)."""
    from spacy.tokens import Doc

    nlp = load_model(model_path)
    score = NerScore(per_type={lab: [0, 0, 0] for lab in LABELS})
    sentences = list(read_split(shared, corpus, split))
    docs = (Doc(nlp.vocab, words=[t.lower() if lower else t for t in s.tokens]) for s in sentences)
    for s, doc in zip(sentences, nlp.pipe(docs, batch_size=256), strict=True):
        gold = set(spans(s.tags))
        pred = {(e.start, e.end, e.label_) for e in doc.ents}
        for a in pred & gold:
            score.tp += 1
            score.per_type[a[2]][0] += 1
        for a in pred - gold:
            score.fp += 1
            score.per_type.setdefault(a[2], [0, 0, 0])[1] += 1
        for a in gold - pred:
            score.fn += 1
            score.per_type[a[2]][2] += 1
    return score


__all__ = ["CORPORA", "NerScore", "evaluate", "load_model"]
