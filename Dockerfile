# Production image: gunicorn for the API, the same image runs Celery workers and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=cvplatform.settings.production

WORKDIR /app
# System packages the renderers need (TeX engines, fonts), the same list CI installs.
COPY .ci/apt-packages /tmp/apt-packages
RUN apt-get update \
    && grep -v '^\s*\(#\|$\)' /tmp/apt-packages | xargs -r apt-get install -y --no-install-recommends \
    && rm -rf /var/lib/apt/lists/*

COPY pyproject.toml README.md ./
COPY . .
RUN pip install --no-cache-dir . \
    && DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput -v0

RUN useradd --create-home --uid 1000 app && mkdir -p /app/media && chown -R app /app/media
USER app
EXPOSE 8000
# Inside the container the server must listen on every interface for the published port.
ENV GUNICORN_BIND=0.0.0.0:8000
CMD ["gunicorn", "-c", "gunicorn.conf.py", "cvplatform.wsgi:application"]
