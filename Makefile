# The two README commands: `make demo` (emulator + quickstart) and `make test` (venv + suite).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: test demo bench lint typecheck clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[dev]"
	touch $@

test: $(BIN)/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

demo: $(BIN)/.installed
	$(BIN)/python examples/quickstart/demo.py

bench: $(BIN)/.installed
	$(BIN)/python tests/benchmarks/run.py

lint: $(BIN)/.installed
	$(BIN)/ruff check provider tests tools

typecheck: $(BIN)/.installed
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache
