# The Kraków equality assistant as a container: `docker build -t equality-bot .`, then see
# docs/deployment.md for running it (TELEGRAM_BOT_TOKEN, the /data volume, the health check).

# Stage 1: the wheel, carrying the knowledge, the catalogs and the question set (setup.py).
FROM python:3.11.11-slim-bookworm AS wheel
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml setup.py MANIFEST.in README.md ./
COPY bot/ bot/
COPY knowledge/ knowledge/
COPY locales/ locales/
COPY eval/ eval/
RUN pip wheel --no-deps --wheel-dir /wheels .

# Stage 2: the image, with the wheel installed (not the source tree).
FROM python:3.11.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BOT_DATA_DIR=/data \
    BOT_KEY_FILE=/keys/pseudonym.key \
    BOT_CACHE_DIR=/app/cache

WORKDIR /app
RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin bot

# Dependencies first (exact versions from requirements.lock), so code changes reuse this layer.
COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY --from=wheel /wheels /wheels
COPY scripts/i18n.sh scripts/
# Build-time checks: the catalogs compile (inside the installed package), the knowledge is valid, the
# word lexicon is unpacked into the cache and the validated knowledge cached, for the bot's user.
RUN pip install -c requirements.lock --no-deps /wheels/*.whl \
    && rm -rf /wheels \
    && LOCALES_DIR="$(python -c 'from bot.knowledge.files import data_dir; print(data_dir("locales"))')" \
       bash scripts/i18n.sh compile \
    && equality-bot validate \
    && python -c "from bot.knowledge.lexicon_store import load_lexicon; load_lexicon()" \
    && python -c "from bot.knowledge.files import knowledge_dir; from bot.knowledge.knowledge_cache import load_knowledge_cached; load_knowledge_cached(knowledge_dir())" \
    && chown -R bot:bot /app/cache \
    && mkdir -p /data /keys \
    && chown bot:bot /data /keys \
    && chmod 0700 /data /keys

USER 10001:10001
# The pseudonym key apart from the database: a copy of /data alone leads to no resident.
VOLUME ["/data", "/keys"]
# Webhook mode listens here (BOT_WEBHOOK_LISTEN=0.0.0.0, BOT_WEBHOOK_PORT=8443); polling needs no port.
EXPOSE 8443
# Healthy only while updates go through the handlers (a heartbeat every 10 s; see bot/health.py).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["equality-bot", "health"]
CMD ["equality-bot", "run"]
