# Two entry points for a newcomer: `make demo` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

PORT ?= 8000
.PHONY: demo test lint venv clean eval bench model chromium

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
	$(BIN)/kronik timeline --db demo.db --actor Belarus
	$(BIN)/kronik serve --db demo.db --port $(PORT)

test: $(STAMP) chromium
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/pytest -q

# Debian's Chromium for tests/test_browser.py (Playwright drives it and never downloads a browser).
chromium:
	@command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium) || echo "no chromium: browser tests will skip (and fail under CI=true)"

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests

eval: $(STAMP)
	$(BIN)/kronik eval extraction --gold ../shared/gold/seeds.gold.json
	$(BIN)/kronik eval extraction --gold ../shared/gold/anpandu-dev.gold.json
	$(BIN)/kronik eval extraction --gold gold/dev-tabular.gold.json
	$(BIN)/kronik eval extraction --gold samples/samples.gold.json --root .
	$(BIN)/kronik eval ner --dataset all --split test
	$(BIN)/kronik eval quotes --gold gold/dev-quotes.gold.json --root ../shared
	$(BIN)/kronik eval time --gold gold/dev-time.gold.json --root ../shared
	$(BIN)/kronik eval events --gold gold/dev-events.gold.json --root ../shared
	$(BIN)/kronik eval clickbait

# Retrain the NER model shipped in src/kronik/models/ner-id (floret vectors, then about 20 minutes on one core).
model: $(STAMP)
	$(BIN)/pip install --quiet -e '.[train]'
	$(BIN)/kronik train ner --shared ../shared

bench: $(STAMP)
	$(BIN)/kronik bench extraction
	$(BIN)/kronik bench entities
	$(BIN)/kronik bench quotes
	$(BIN)/kronik bench events
	$(BIN)/kronik bench clickbait

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info .pytest_cache .ruff_cache demo.db *.ingest-lock
