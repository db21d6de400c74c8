PY ?= python3

.PHONY: install test lint format bench bench-extract load accuracy quality

install:
	$(PY) -m pip install -e '.[test]'

test:
	$(PY) -m pytest -q

lint:
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format:
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

# Facet precision/recall against hand-read gold (the bundled real reports), then over generated reports.
accuracy:
	$(PY) scripts/gold_accuracy.py
	$(PY) scripts/extraction_accuracy.py --count 300

# Scale: 10,000 generated reports ingested and queried beside plain Whoosh + jieba
# (about half an hour on 2 cores); COUNT=100000 for the full run.
COUNT ?= 10000
bench:
	$(PY) -m indexer.cli bench --count $(COUNT) --json bench-$(COUNT).json

# The server under load: 32 clients on loopback for 3 rounds of 20 s on LOAD_COUNT generated reports
# (throughput, p50/p95/p99 per request kind, errors, the server's memory after each round).
LOAD_COUNT ?= 1000
load:
	$(PY) -m indexer.cli bench --load-only --count $(LOAD_COUNT) --load-clients 32 --load-seconds 20 \
		--load-rounds 3 --json bench-load-$(LOAD_COUNT).json

# Extraction speed per input form (ms per file, files per second).
bench-extract:
	$(PY) scripts/bench_extract.py --count 40
	$(PY) scripts/bench_analyzer.py

# Search quality on the judged query set (precision@5, MRR).
quality:
	$(PY) scripts/search_quality.py
