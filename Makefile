# The README's two commands: `make run` (example patient) and `make test` (whole suite).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint schemas bench bench-notes eval-notes eval-orders eval-vignettes clean

run: $(STAMP)
	$(BIN)/rightscan evaluate examples/reference_patient.json

test: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

# JSON Schemas of the knowledge files (src/rightscan/knowledge/schemas), regenerated from their models.
schemas: $(STAMP)
	$(BIN)/python -m rightscan.adapters.kbfiles.jsonschema

bench: $(STAMP)
	$(BIN)/python bench/core.py

bench-notes: $(STAMP)
	$(BIN)/python bench/extract.py

eval-notes: $(STAMP)
	$(BIN)/python tests/nlp/evaluate_extraction.py

eval-orders: $(STAMP)
	$(BIN)/python bench/orders_eval.py tests/fixtures/orders/orders_dev.jsonl tests/fixtures/orders/orders_test.jsonl tests/fixtures/orders/orders_v3.jsonl tests/fixtures/orders/orders_v4.jsonl tests/fixtures/orders/orders_v5.jsonl tests/fixtures/orders/orders_v6.jsonl tests/fixtures/orders/orders_v7.jsonl tests/fixtures/orders/orders_v10.jsonl tests/fixtures/orders/orders_v11.jsonl tests/fixtures/orders/orders_v12.jsonl tests/fixtures/orders/orders_v13.jsonl tests/fixtures/orders/orders_v14.jsonl tests/fixtures/orders/orders_v15.jsonl tests/fixtures/orders/orders_v16.jsonl tests/fixtures/orders/orders_v17.jsonl tests/fixtures/orders/orders_v18.jsonl tests/fixtures/orders/orders_v19.jsonl tests/fixtures/orders/orders_v20.jsonl tests/fixtures/orders/orders_v21.jsonl tests/fixtures/orders/orders_v22.jsonl tests/fixtures/orders/orders_v23.jsonl tests/fixtures/orders/orders_v24.jsonl tests/fixtures/orders/orders_v25.jsonl tests/fixtures/orders/orders_v26.jsonl tests/fixtures/orders/orders_v27.jsonl tests/fixtures/orders/orders_v28.jsonl tests/fixtures/orders/orders_v29.jsonl tests/fixtures/orders/orders_v30.jsonl tests/fixtures/orders/orders_v31.jsonl tests/fixtures/orders/orders_v32.jsonl tests/fixtures/orders/orders_v33.jsonl tests/fixtures/orders/orders_v34.jsonl tests/fixtures/orders/orders_v35.jsonl tests/fixtures/orders/orders_v36.jsonl tests/fixtures/orders/orders_v37.jsonl tests/fixtures/orders/orders_v38.jsonl tests/fixtures/orders/orders_v39.jsonl tests/fixtures/orders/orders_v40.jsonl tests/fixtures/orders/orders_v41.jsonl tests/fixtures/orders/orders_v42.jsonl tests/fixtures/orders/orders_v43.jsonl tests/fixtures/orders/orders_v44.jsonl tests/fixtures/orders/orders_v45.jsonl tests/fixtures/orders/orders_v46.jsonl tests/fixtures/orders/orders_v47.jsonl tests/fixtures/orders/orders_v48.jsonl tests/fixtures/orders/orders_v49.jsonl tests/fixtures/orders/orders_v50.jsonl tests/fixtures/orders/orders_v51.jsonl tests/fixtures/orders/orders_v52.jsonl tests/fixtures/orders/orders_v53.jsonl

eval-vignettes: $(STAMP)
	$(BIN)/python bench/vignettes_eval.py

$(STAMP): requirements.lock pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "RightScan needs Python 3.11 or newer: '$(PYTHON)' was not found; name one, e.g. make run PYTHON=python3.12"; exit 2; }
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "RightScan needs Python 3.11 or newer; $(PYTHON) is %s: name another, e.g. make run PYTHON=python3.12" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache
