"""Every record kronik makes validates against the published JSON Schema, and round-trips."""

import json
from importlib import resources

import jsonschema

from kronik.corpus import extract
from kronik.data import Article
from kronik.pipeline import check_pipeline

from .conftest import SAMPLES

SCHEMA = json.loads(resources.files("kronik.data").joinpath("article.schema.json").read_text("utf-8"))


def test_sample_records_validate_and_round_trip():
    records = [a for a in extract([str(SAMPLES)]) if isinstance(a, Article)]
    assert len(records) >= 12
    for art in records:
        d = art.to_dict()
        jsonschema.validate(d, SCHEMA)
        assert Article.from_dict(d).to_dict() == d


def test_stage_order_is_consistent():
    assert check_pipeline() == []
