# ipsmatch: two commands on a fresh machine (Python 3.11 with pip and venv, nothing else).
#   make demo   set up, seed synthetic demo data into ipsmatch.duckdb, serve API + docs on 127.0.0.1:8000
#               (make demo AS=ebba.sv: as that demo user instead of the Manchester supervisor)
#   make test   set up, lint (ruff, import-linter, deptry, mypy), run the test suite (no tests is a failure)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: demo test test-slow lint bench serve clean browser messages

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# Reinstall when the project metadata changes. torch is pinned to 2.13.0 in pyproject.toml so
# pip takes the CPU wheel on local disk instead of a CUDA build.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev,scale,bench]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/ipsmatch demo $(if $(AS),--as $(AS))

serve: $(STAMP)
	$(BIN)/ipsmatch serve

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/deptry .
	$(BIN)/mypy
	$(BIN)/mypy --strict matching storekit vocabulary reports feeds

# The pages' translations (docs/web.md): re-extract every UI string into messages.pot and merge it
# into the sv, da and fr catalogs; new strings arrive empty and the i18n test fails until translated.
# The .po files are read at run time (no compiled .mo to build or commit).
LOCALE := service/web/locale
messages: $(STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k N_ -k say --sort-output --add-location=file \
	  --project ipsmatch --copyright-holder ipsmatch -o $(LOCALE)/messages.pot .
	$(BIN)/pybabel -q update -i $(LOCALE)/messages.pot -d $(LOCALE) --width=100 --no-fuzzy-matching

# Debian's chromium for the browser tests (playwright drives it; nothing is downloaded by playwright).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "note: Debian chromium is not installed and this is not root: browser tests will be skipped"; fi; }

test: lint browser
	$(BIN)/python -m pytest -q

test-slow: $(STAMP) browser
	$(BIN)/python -m pytest -q -m slow

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_rank.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
