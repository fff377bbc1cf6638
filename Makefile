# Everything a fresh machine needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint format types pytest docs docs-serve bench bench-instructions data clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/vap --version
	$(BIN)/vap schedule LAO --until 2012-12-31 --applies yes
	$(BIN)/vap explain LAO VAP-21
	$(BIN)/vap assess examples/data/progress.json --as-of 2012-01-01
	$(BIN)/python examples/timeline.py

test: lint types pytest docs

lint: $(STAMP)
	$(BIN)/ruff check conftest.py src tests docs examples benchmarks
	$(BIN)/ruff format --check conftest.py src tests docs examples benchmarks
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix conftest.py src tests docs examples benchmarks
	$(BIN)/ruff format conftest.py src tests docs examples benchmarks

types: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP)
	CI=$${CI:-true} $(BIN)/pytest --cov --cov-branch --cov-report=term

docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

docs-serve: $(STAMP)
	$(BIN)/mkdocs serve

data: $(STAMP)
	$(BIN)/python -m vap.data.cache

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

bench-instructions: $(STAMP)
	$(BIN)/python benchmarks/instructions.py

clean:
	rm -rf $(VENV) site .coverage .pytest_cache .mypy_cache .ruff_cache .hypothesis
