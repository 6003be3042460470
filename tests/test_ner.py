"""NER corpora, tag mapping, training data and the scorer (the model's scores gate its quality)."""

from __future__ import annotations

import pytest

from kronik.ner.corpora import CORPORA, _map_tag, _repair_bio, read_split, spans
from kronik.ner.train import MODEL_DIR, build_data

from .conftest import need_shared


def test_tag_mapping_and_bio_repair():
    assert _map_tag("B-PERSON") == "B-PER"
    assert _map_tag("I-ORGANISATION") == "I-ORG"
    assert _map_tag("B-PLC") == "B-LOC"
    assert _map_tag("B-TIME") == "O" and _map_tag("B-EVT") == "O" and _map_tag("") == "O"
    assert _repair_bio(["O", "I-PER", "I-PER", "I-LOC"]) == ["O", "B-PER", "I-PER", "B-LOC"]
    assert spans(["B-PER", "I-PER", "O", "B-LOC", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")]


def test_every_corpus_reads_with_mapped_tags():
    shared = need_shared()
    for name in CORPORA:
        sentences = list(read_split(shared, name, "test"))
        assert len(sentences) > 100, name
        tags = {t for s in sentences for t in s.tags}
        assert tags <= {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}, name
        assert all(len(s.tokens) == len(s.tags) for s in sentences)


def test_training_data_drops_sentences_of_dev_and_test(tmp_path):
    shared = need_shared()
    rep = build_data(shared, tmp_path, ("nerui", "idner-news-2k"))
    assert rep.train_sentences > 2000 and rep.dropped_overlap > 0
    assert (tmp_path / "train.spacy").exists() and (tmp_path / "dev.spacy").exists()


@pytest.mark.skipif(not (MODEL_DIR / "meta.json").exists(), reason="no trained NER model in the package")
def test_shipped_model_quality_floor():
    """Quality gate: the packaged model's NER-UI test F1 (0.850 when it was trained) may not fall below 0.84."""
    from kronik.ner.evaluate import evaluate

    score = evaluate(need_shared(), "nerui", "test")
    assert score.prf[2] >= 0.84
