# Two commands do all set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.tailorfit-installed

.PHONY: run test setup sysdeps packaging-tools export-tools package lint typecheck bench clean

run: setup
	$(PY) -m tailorfit

# The suite includes the slow packaging tests: a wheel installed into a fresh venv, and the
# PyInstaller bundle built and started offscreen (about two minutes in all).
test: setup packaging-tools export-tools
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest
	$(VENV)/bin/ruff check desktop tests benchmarks tools
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

setup: sysdeps $(STAMP)

sysdeps:
	@sh packaging/linux/ensure-system-deps.sh

packaging-tools:
	@sh packaging/linux/ensure-test-tools.sh "packaging validators" "desktop-file and AppStream tests" \
		desktop-file-utils appstream

# LibreOffice converts every exported DOCX to PDF in the tests; poppler renders pages.
export-tools:
	@sh packaging/linux/ensure-test-tools.sh "export checkers" "LibreOffice export tests" \
		libreoffice-writer-nogui poppler-utils

# The one-folder app in dist/tailorfit/ and its archive dist/tailorfit-VERSION-linux-ARCH.tar.gz
# (on macOS dist/Tailorfit.app; on Windows also the Inno Setup installer when iscc is found).
package: setup
	$(PY) packaging/build_bundle.py

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

bench: setup
	for b in benchmarks/bench_*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache
