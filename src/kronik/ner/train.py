"""Train kronik's Indonesian NER model from the corpora in ``../shared/data`` (``kronik train ner``).

Steps: read the train and dev splits of every corpus (tags mapped onto PER/ORG/LOC), drop training
sentences that also occur in any dev or test split (the corpora overlap: two re-annotate the same
news), write spaCy DocBins, train with ``config.cfg``, copy the best model into the package and write
its model card with the scores of :mod:`kronik.ner.evaluate`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from kronik.ner.corpora import CORPORA, Sentence, read_split, spans

#: Where the trained model ships inside the package.
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner-id"
#: Corpora trained on by default. NERP is left out: its text is lower-cased (news is not), it would be
#: two thirds of the sentences, and it would triple training time; it is still evaluated.
DEFAULT_TRAIN = ("idner-news-2k", "nerui", "nerugm", "nergrit")


@dataclass
class TrainReport:
    train_sentences: int = 0
    dropped_overlap: int = 0
    dev_sentences: int = 0
    seconds: float = 0.0
    per_corpus: dict[str, int] = field(default_factory=dict)


def _key(s: Sentence) -> str:
    return " ".join(s.tokens).lower()


def _docbin(sentences: Iterable[Sentence], path: Path) -> int:
    import spacy
    from spacy.tokens import Doc, DocBin, Span

    nlp = spacy.blank("id")
    db = DocBin()
    n = 0
    for s in sentences:
        doc = Doc(nlp.vocab, words=s.tokens)
        doc.ents = [Span(doc, a, b, label=lab) for a, b, lab in spans(s.tags)]
        db.add(doc)
        n += 1
    db.to_disk(path)
    return n


def build_data(shared: Path, work: Path, corpora: Iterable[str] = DEFAULT_TRAIN) -> TrainReport:
    """Write train.spacy and dev.spacy under ``work``."""
    rep = TrainReport()
    held_out = {_key(s) for c in CORPORA for split in ("dev", "test") for s in read_split(shared, c, split)}
    train: list[Sentence] = []
    seen: set[str] = set()
    for c in corpora:
        n = 0
        for s in read_split(shared, c, "train"):
            k = _key(s)
            if k in held_out:
                rep.dropped_overlap += 1
                continue
            if k in seen:
                continue
            seen.add(k)
            train.append(s)
            n += 1
        rep.per_corpus[c] = n
    dev = [s for c in corpora for s in read_split(shared, c, "dev")]
    work.mkdir(parents=True, exist_ok=True)
    rep.train_sentences = _docbin(train, work / "train.spacy")
    rep.dev_sentences = _docbin(dev, work / "dev.spacy")
    return rep


def write_model_card(
    shared: Path, model_dir: Path = MODEL_DIR, progress: Callable[[str], None] = print
) -> str:
    """Score the installed model on every corpus (dev and test) and write its MODEL_CARD.md."""
    from kronik.ner.evaluate import evaluate, load_model

    load_model.cache_clear()
    info = json.loads((model_dir / "training.json").read_text())
    rows = []
    for name, c in CORPORA.items():
        cells = []
        for split in ("dev", "test"):
            progress(f"scoring {name} {split} ...")
            p, r, f = evaluate(shared, name, split, str(model_dir), lower=c.lowercased).prf
            cells.append(f"{p:.3f} / {r:.3f} / **{f:.3f}**")
        trained = "yes" if name in info["corpora"] else "no (evaluated only)"
        rows.append(f"| {name} | {trained} | {cells[0]} | {cells[1]} | {c.published or '-'} |")
    size = sum(f.stat().st_size for f in model_dir.rglob("*") if f.is_file()) / 1e6
    from spacy.util import load_config

    encode = load_config(model_dir / "config.cfg", interpolate=True)["components"]["tok2vec"]["model"][
        "encode"
    ]
    width, depth = encode["width"], encode["depth"]
    pretrained = (
        "The tok2vec starts from weights of `spacy pretrain` (character objective) over ~2.6M words of news text\n"
        "from click-id and detik-summ-1000 (`kronik train ner --pretrain`)."
        if info.get("pretrained_tok2vec")
        else "The tok2vec is trained from scratch."
    )
    vectors = (
        "Static vectors: floret (hashed subwords, 50,000 × 100) trained by `kronik train ner` on ~2.6M words\n"
        "of news text (click-id, detik-summ-1000), so that words never seen in the NER corpora get a meaning."
        if info.get("static_vectors")
        else "No word vectors."
    )
    augmented = (
        "Training sentences are lower-cased at random (spaCy's lower_case augmenter)."
        if info.get("lowercase_augmented")
        else "No data augmentation."
    )
    card = f"""# kronik NER model for Indonesian (ner-id)

Trained {info["date"]} by `kronik train ner` (src/kronik/ner/train.py, config src/kronik/ner/config.cfg):
spaCy {_spacy_version()}, blank `id` tokenizer, CNN tok2vec (hash embeddings of NORM, PREFIX, SUFFIX,
SHAPE; width {width}, depth {depth}) and a transition-based NER, on CPU. {vectors} {pretrained}
{augmented}
Labels: PER, ORG, LOC. Size {size:.1f} MB. Training took {info["train_seconds"] / 60:.1f} minutes on one core.

## Data
Train splits of {", ".join(info["corpora"])} ({info["train_sentences"]} sentences after dropping
{info["dropped_overlap"]} that also occur in some corpus's dev or test split, since the corpora re-annotate
overlapping news). Per corpus: {", ".join(f"{k} {v}" for k, v in info["per_corpus"].items())}.
Dev: the dev splits of the same corpora ({info["dev_sentences"]} sentences), used for model selection only.
Tag sets are mapped onto PER/ORG/LOC (kronik/ner/corpora.py); NER-UGM's TIME/QUANTITY and NERP's EVT/FNB
become O. NERP is lower-cased text and is not trained on; it is scored on lower-cased input.

## Scores (entity level, exact span and type; P / R / F1)
| corpus | trained on | dev | test | published test F1 |
|---|---|---|---|---|
{chr(10).join(rows)}

Published figures are for models that keep each corpus's own tag set (and GPU transformers);
kronik's are for the mapped PER/ORG/LOC set, so they compare closely but not exactly.
Reproduce: `kronik eval ner --dataset all --split test`.
"""
    (model_dir / "MODEL_CARD.md").write_text(card)
    return card


def _spacy_version() -> str:
    import spacy

    return spacy.__version__


def write_raw_text(shared: Path, path: Path) -> int:
    """Paragraphs of the click-id and detik-summ articles as JSON Lines for ``spacy pretrain``; returns words."""
    import csv
    import re
    import sys

    csv.field_size_limit(sys.maxsize)
    words = 0
    with open(path, "w", encoding="utf-8") as out:

        def put(text: str) -> None:
            nonlocal words
            text = text.strip(" ,")
            if len(text.split()) >= 5:
                out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
                words += len(text.split())

        with open(shared / "data" / "click-id" / "raw_articles.jsonl", encoding="utf-8") as fh:
            for line in fh:
                for para in re.split(
                    r"(?<=[.!?\"”])\s*,(?=\s*[A-Z\"“])", json.loads(line).get("content") or ""
                ):
                    put(para)
        with open(
            shared / "data" / "detik-summ-1000" / "data_berita.csv", encoding="utf-8", newline=""
        ) as fh:
            for row in csv.DictReader(fh):
                for para in row["isi_berita"].split("\n"):
                    put(para)
    return words


#: floret settings of the static vectors (hashed subword vectors: a fixed-size table that also covers
#: words never seen, 50,000 rows × 100 dims ≈ 20 MB).
FLORET = {"model": "cbow", "mode": "floret", "hashCount": 2, "bucket": 50000, "minn": 4, "maxn": 5, "minCount": 2,
          "dim": 100, "epoch": 10, "thread": 1}  # fmt: skip


def build_vectors(shared: Path, work: Path, progress: Callable[[str], None] = print) -> Path:
    """Train floret vectors on the news text (click-id, detik-summ-1000), tokenised as the model tokenises,
    and turn them into a spaCy vectors folder (``spacy init vectors --mode floret``); returns that folder."""
    import floret
    import spacy
    from spacy.training.initialize import convert_vectors

    from kronik.ner.tokenizer import create_tokenizer

    raw = work / "raw.jsonl"
    words = write_raw_text(shared, raw)
    nlp = spacy.blank("id")
    tokenizer = create_tokenizer()(nlp)
    corpus = work / "vectors-corpus.txt"
    with open(raw, encoding="utf-8") as fh, open(corpus, "w", encoding="utf-8") as out:
        for line in fh:
            out.write(" ".join(t.text for t in tokenizer(json.loads(line)["text"])) + "\n")
    progress(f"training floret vectors on {words} words of news text ...")
    model = floret.train_unsupervised(str(corpus), **FLORET)
    vec_file = work / "vectors.floret"
    model.save_floret_vectors(str(vec_file))
    out_dir = work / "vectors"
    vec_nlp = spacy.blank("id")
    convert_vectors(vec_nlp, vec_file, truncate=0, prune=-1, mode="floret")
    vec_nlp.to_disk(out_dir)
    return out_dir


def pretrain(shared: Path, work: Path, config: Path, progress: Callable[[str], None] = print) -> Path:
    """Pretrain the tok2vec on raw news text (``spacy pretrain``); returns the weights of the last epoch."""
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    import kronik.ner.tokenizer  # noqa: F401 - registers kronik.IndonesianTokenizer.v1

    raw = work / "raw.jsonl"
    progress(f"pretraining the tok2vec on {write_raw_text(shared, raw)} words of news text ...")
    out = work / "pretrain"
    overrides = {
        "paths.raw_text": str(raw),
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "dev.spacy"),
    }
    out.mkdir(parents=True, exist_ok=True)
    spacy_pretrain(
        load_config(config, overrides=overrides, interpolate=False).interpolate(),
        out,
        use_gpu=-1,
        silent=False,
    )
    return sorted(out.glob("model*.bin"), key=lambda p: p.stat().st_mtime)[-1]


def train(
    shared: Path,
    work: Path,
    output: Path = MODEL_DIR,
    corpora: Iterable[str] = DEFAULT_TRAIN,
    max_epochs: int | None = None,
    progress: Callable[[str], None] = print,
    init_tok2vec: Path | None = None,
    do_pretrain: bool = False,
    vectors: bool = True,
) -> TrainReport:
    """Train the model and install it at ``output`` with a model card."""
    from spacy.cli.train import train as spacy_train

    import kronik.ner.tokenizer  # noqa: F401 - registers kronik.IndonesianTokenizer.v1

    corpora = tuple(corpora)
    progress("building training data ...")
    rep = build_data(shared, work, corpora)
    progress(
        f"{rep.train_sentences} training sentences ({rep.dropped_overlap} dropped: also in a dev/test split)"
    )
    config = Path(str(resources.files("kronik.ner").joinpath("config.cfg")))
    if do_pretrain and init_tok2vec is None:
        init_tok2vec = pretrain(shared, work, config, progress)
    overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
    if vectors:
        vec = build_vectors(shared, work, progress)
        overrides.update({"paths.vectors": str(vec), "initialize.vectors": str(vec),
                          "components.tok2vec.model.embed.include_static_vectors": True})  # fmt: skip
    if init_tok2vec is not None:
        overrides["paths.init_tok2vec"] = str(init_tok2vec)
    if max_epochs is not None:
        overrides["training.max_epochs"] = max_epochs
    start = time.perf_counter()
    spacy_train(config, work / "model", overrides=overrides, use_gpu=-1)
    rep.seconds = time.perf_counter() - start
    best = work / "model" / "model-best"
    if output.exists():
        shutil.rmtree(output)
    shutil.copytree(
        best, output, ignore=shutil.ignore_patterns("tokenizer")
    )  # rebuilt from the config on load
    cfg = output / "config.cfg"  # the build folders it was trained from mean nothing where it is installed
    cfg.write_text(
        re.sub(
            r'^(vectors|train|dev|raw_text|init_tok2vec) = "[^"]*"$',
            r"\1 = null",
            cfg.read_text(),
            flags=re.M,
        )
    )
    (output / "training.json").write_text(
        json.dumps(
            {
                "date": dt.date.today().isoformat(),
                "corpora": list(corpora),
                "train_sentences": rep.train_sentences,
                "dropped_overlap": rep.dropped_overlap,
                "per_corpus": rep.per_corpus,
                "dev_sentences": rep.dev_sentences,
                "train_seconds": round(rep.seconds),
                "pretrained_tok2vec": init_tok2vec is not None,
                "static_vectors": "floret, 50000 x 100, news text" if vectors else None,
                "lowercase_augmented": "lower_case" in config.read_text(),
            },
            indent=2,
        )
        + "\n"
    )
    write_model_card(shared, output, progress)
    return rep
