# The two promises of the README: `make run` and `make test`. Everything else serves them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed
# The data folder (SQLite database, uploads); the same default as settings.VAR_DIR.
VAR_DIR ?= var
export VAR_DIR

.PHONY: run test install demo lint bench clean deploy-test

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "需要 Python 3.11（找不到 $(PYTHON)）"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python requirements.lock pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	# setuptools comes from the lock too, so the editable install needs no download.
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

$(VAR_DIR):
	mkdir -p $(VAR_DIR)

demo: install | $(VAR_DIR)
	$(BIN)/gongkai migrate --noinput -v0
	$(BIN)/gongkai demo load

run: demo
	$(BIN)/python -m gongkai.prerequisites fonts
	$(BIN)/gongkai collectstatic --noinput -v0
	@echo "政府信息公开平台：http://127.0.0.1:$(PORT)/   （Ctrl-C 停止）"
	GUNICORN_BIND=127.0.0.1:$(PORT) GUNICORN_WORKERS=3 $(BIN)/gunicorn -c deploy/gunicorn.conf.py gongkai.wsgi:application

test: install | $(VAR_DIR)
	$(BIN)/python -m gongkai.prerequisites chromium fonts poppler
	$(BIN)/gongkai collectstatic --noinput -v0
	$(BIN)/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .

# The production set-up tried as operations would (deploy/test/run.py): nginx, two app
# servers, a worker, the scheduler, local PostgreSQL and Redis; needs root for apt.
deploy-test: install
	@command -v nginx >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
	$(BIN)/python deploy/test/run.py

# The benchmark database (DATABASE_URL, else VAR_DIR/bench.sqlite3, never the demo's) is
# migrated first, so a fresh machine needs nothing by hand.
bench: install | $(VAR_DIR)
	export DATABASE_URL="$${DATABASE_URL:-sqlite:///$(abspath $(VAR_DIR))/bench.sqlite3}"; \
	$(BIN)/gongkai migrate --noinput -v0 && $(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(VAR_DIR)
