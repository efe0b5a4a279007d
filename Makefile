# The README's commands: `make demo` (emulator + the quickstart through the real pulumi) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The Python SDK at the CLI's release (tools/pulumi-cli/go.mod pins the CLI; a test checks they agree).
CONSTRAINTS := tools/pulumi-cli/python-constraints.txt

.PHONY: test demo demo-destroy bench lint typecheck clean pulumi-cli

$(BIN)/.installed: pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c $(CONSTRAINTS) -e ".[dev]"
	touch $@

# Builds pulumi + the Python language host into .tools/pulumi/bin once per machine (a pinned
# `pulumi` on PATH is used instead); without Go or pulumi it stops with one line saying how to get it.
pulumi-cli:
	@bash tools/pulumi-cli/build.sh

test: $(BIN)/.installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The CLI check comes first: a machine without it hears so before any install.
demo: pulumi-cli $(BIN)/.installed
	$(BIN)/python examples/quickstart/demo.py

demo-destroy: pulumi-cli $(BIN)/.installed
	$(BIN)/python examples/quickstart/demo.py --destroy

bench: pulumi-cli $(BIN)/.installed
	$(BIN)/python tests/benchmarks/run.py $(BENCH_ARGS)

lint: $(BIN)/.installed
	$(BIN)/ruff check provider tests tools

typecheck: $(BIN)/.installed
	$(BIN)/mypy

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .pulumi-demo
