# syntax=docker/dockerfile:1
#
# partygraph API image.
#
#   docker build -t partygraph .
#   docker run --rm -p 8000:8000 \
#     -e NEO4J_URI=neo4j://neo4j:7687 -e NEO4J_USER=neo4j -e NEO4J_PASSWORD=... \
#     -e PARTYGRAPH_SECRET=... [-e PARTYGRAPH_WORKERS=4] partygraph
#
# NEO4J_URI must always be set for this image: without it the app would try to
# start the local development engine, which is a dev-only dependency and is not
# installed here. See docker-compose.yml for the full stack.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm
ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------
# Stage 0: GraphiQL's scripts and styles, which the service serves itself, from
# tools/web's pinned npm packages (package-lock.json checks their integrity).
# Only the runtime dependencies (graphiql, react, react-dom): no test tools.
# The build stage copies the files partygraph.graphiql_files lists.
# ---------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS web

WORKDIR /web
COPY tools/web/package.json tools/web/package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error

# ---------------------------------------------------------------------------
# Stage 1: build wheels for partygraph and its runtime dependencies only.
# Every runtime dependency ships manylinux wheels (x86_64 and aarch64), so no
# compiler toolchain is needed.
# ---------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS build

ENV PYTHONDONTWRITEBYTECODE=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore

WORKDIR /src

# The build context is filtered by .dockerignore; this stage is thrown away, so
# nothing copied here reaches the runtime image except the wheels.
COPY . .
# GraphiQL's files into the package (pyproject.toml's package-data), hence into
# the wheel; partygraph.graphiql_files (standard library only) lists them.
RUN --mount=type=bind,from=web,source=/web/node_modules,target=/web/node_modules \
    mkdir -p partygraph/static/graphiql \
 && python -m partygraph.graphiql_files > /tmp/graphiql-files \
 && while read -r source name; do \
        cp "/web/node_modules/$source" "partygraph/static/graphiql/$name" || exit 1; \
    done < /tmp/graphiql-files

# `pip wheel .` resolves [project].dependencies only: the `dev` extra
# (development engine, test and lint tools) is never installed. constraints.txt:
# the versions the suite last passed with.
RUN --mount=type=cache,target=/root/.cache/pip \
    python -m pip wheel --wheel-dir /wheels -c constraints.txt .

# ---------------------------------------------------------------------------
# Stage 2: slim runtime, no build context, no compilers, non-root.
# ---------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime

LABEL org.opencontainers.image.title="partygraph" \
      org.opencontainers.image.description="Relationship service for party-building-led grassroots governance: GraphQL over Neo4j"

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONFAULTHANDLER=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore \
    VIRTUAL_ENV=/opt/venv \
    PATH=/opt/venv/bin:$PATH

RUN groupadd --system --gid 10001 partygraph \
 && useradd --system --uid 10001 --gid partygraph \
        --home-dir /app --no-create-home --shell /usr/sbin/nologin partygraph \
 && install -d -o partygraph -g partygraph -m 0750 /app

# Install from the wheels built above only (--no-index): the runtime image never
# talks to a package index and gets exactly what stage 1 resolved.
RUN --mount=type=bind,from=build,source=/wheels,target=/wheels \
    python -m venv "$VIRTUAL_ENV" \
 && "$VIRTUAL_ENV/bin/pip" install --no-index --find-links=/wheels partygraph \
 && partygraph --help >/dev/null \
 && python -c 'import sys; from partygraph.graphiql import missing_assets; sys.exit(missing_assets() or None)'

WORKDIR /app
USER 10001:10001

EXPOSE 8000

# Liveness only (/healthz: the process is up). Graph readiness is /readyz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]

# Worker processes: 0 is one per core the container may use (its CPU affinity and
# cgroup quota, e.g. `docker run --cpus 2`); set PARTYGRAPH_WORKERS to choose.
# Several workers need Neo4j (serve refuses them on ArcadeDB).
ENV PARTYGRAPH_WORKERS=0

# Apply constraints/indexes (idempotent), then replace the shell with the server
# so it receives SIGTERM directly (uvicorn's supervisor passes it on to its
# workers and waits for them). A failed migration exits non-zero.
CMD ["sh", "-c", "partygraph migrate && exec partygraph serve --host 0.0.0.0 --port 8000"]
