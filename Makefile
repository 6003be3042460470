# Two entry points for a newcomer: `make demo` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint venv clean eval bench model

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	rm -f demo.db
	$(BIN)/kronik extract samples/pages --format text
	$(BIN)/kronik ingest samples/pages --db demo.db
	$(BIN)/kronik stats --db demo.db
	$(BIN)/kronik entities --db demo.db --limit 15

test: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

eval: $(STAMP)
	$(BIN)/kronik eval extraction --gold ../shared/gold/seeds.gold.json
	$(BIN)/kronik eval extraction --gold ../shared/gold/anpandu-dev.gold.json
	$(BIN)/kronik eval extraction --gold gold/dev-tabular.gold.json
	$(BIN)/kronik eval extraction --gold samples/samples.gold.json --root .
	$(BIN)/kronik eval ner --dataset all --split test

# Retrain the NER model shipped in src/kronik/models/ner-id (floret vectors, then about 20 minutes on one core).
model: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/kronik train ner --shared ../shared

bench: $(STAMP)
	$(BIN)/kronik bench extraction
	$(BIN)/kronik bench entities

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache demo.db
