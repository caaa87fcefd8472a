"""Settings from the environment: the NEO4J_* connection and partygraph's own PARTYGRAPH_*."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

MIN_SECRET = 32  # characters: HS256 wants a key at least as long as its hash


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Production graph. When NEO4J_URI is unset, the local development engine is used.
    neo4j_uri: str | None = Field(default=None, alias="NEO4J_URI")
    neo4j_user: str = Field(default="neo4j", alias="NEO4J_USER")
    neo4j_password: SecretStr = Field(default=SecretStr(""), alias="NEO4J_PASSWORD")
    neo4j_database: str = Field(default="neo4j", alias="NEO4J_DATABASE")

    # The local engine (partygraph.engine): which one (unset: the one running, else Neo4j
    # where a JDK 17+ and Maven are found, else ArcadeDB), and where it keeps its data,
    # password, pid and log (project-local).
    engine: Literal["neo4j", "arcadedb"] | None = Field(default=None, alias="PARTYGRAPH_ENGINE")
    home: Path = Field(default=Path(".partygraph"), alias="PARTYGRAPH_HOME")
    engine_bolt_port: int = Field(
        default=17687, alias="PARTYGRAPH_ENGINE_BOLT_PORT", ge=1, le=65535
    )
    engine_http_port: int = Field(
        default=12480, alias="PARTYGRAPH_ENGINE_HTTP_PORT", ge=1, le=65535
    )
    # Unset: 2g for Neo4j, 1g for ArcadeDB. On ArcadeDB 512m loads 100k nodes; the chengdu
    # city profile (156k nodes, 220k relationships in one import transaction) needs 768m.
    engine_heap: str | None = Field(
        default=None, alias="PARTYGRAPH_ENGINE_HEAP", pattern=r"^[1-9]\d*[kmgKMG]?$"
    )
    # Neo4j's page cache: the chengdu and shinan profiles together fill about 300 MB of store.
    engine_pagecache: str = Field(
        default="1g", alias="PARTYGRAPH_ENGINE_PAGECACHE", pattern=r"^[1-9]\d*[kmgKMG]?$"
    )

    # Tokens. Unset (or empty) on the development engine: a random secret is kept under `home`.
    secret: SecretStr | None = Field(default=None, alias="PARTYGRAPH_SECRET")
    token_ttl_minutes: int = Field(default=720, alias="PARTYGRAPH_TOKEN_TTL_MINUTES", ge=1)
    # Tokens of an external identity provider (RS256): its public key (PEM) and issuer.
    jwt_public_key: str | None = Field(default=None, alias="PARTYGRAPH_JWT_PUBLIC_KEY")
    jwt_issuer: str | None = Field(default=None, alias="PARTYGRAPH_JWT_ISSUER")
    # When set, the provider's tokens must name this audience (tokens it issued for other
    # applications are refused); when unset, tokens that name any audience are refused.
    jwt_audience: str | None = Field(default=None, alias="PARTYGRAPH_JWT_AUDIENCE")

    # Every graph transaction gives up after this long (seconds)...
    statement_timeout: float = Field(default=30.0, alias="PARTYGRAPH_STATEMENT_TIMEOUT", gt=0)
    # ...but `partygraph import` and `seed`, whose one transaction holds a whole file (the
    # chengdu city profile: 27 s on Neo4j on an idle 2-core machine).
    import_timeout: float = Field(default=900.0, alias="PARTYGRAPH_IMPORT_TIMEOUT", gt=0)
    # How long a request keeps retrying transient graph errors before it answers an error.
    retry_time: float = Field(default=5.0, alias="PARTYGRAPH_RETRY_TIME", ge=0)

    # Hostile-input limits: every request is checked against them before it runs.
    max_depth: int = Field(default=12, alias="PARTYGRAPH_MAX_DEPTH", ge=1)
    max_aliases: int = Field(default=200, alias="PARTYGRAPH_MAX_ALIASES", ge=1)
    max_tokens: int = Field(default=3000, alias="PARTYGRAPH_MAX_TOKENS", ge=1)
    # The most objects a document may ask for (partygraph.schema.cost), and how many requests
    # one viewer may have running at once.
    max_cost: int = Field(default=25_000, alias="PARTYGRAPH_MAX_COST", ge=1)
    max_concurrent: int = Field(default=8, alias="PARTYGRAPH_MAX_CONCURRENT", ge=1)
    # Large enough for importRecords' 5,000 lines; bulk loads go through `partygraph import`.
    max_body_bytes: int = Field(default=4 * 1024 * 1024, alias="PARTYGRAPH_MAX_BODY_BYTES", ge=1024)
    introspection: bool = Field(default=True, alias="PARTYGRAPH_INTROSPECTION")

    # Worker processes of `partygraph serve` (its --workers): 0 is one per available core.
    workers: int = Field(default=1, alias="PARTYGRAPH_WORKERS", ge=0)

    @field_validator("secret", mode="before")
    @classmethod
    def _unset_when_empty(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("secret")
    @classmethod
    def _long_enough(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and len(value.get_secret_value()) < MIN_SECRET:
            raise ValueError(f"must be at least {MIN_SECRET} characters")
        return value

    @property
    def uses_dev_engine(self) -> bool:
        return not self.neo4j_uri


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()


def problems(error: ValidationError) -> list[str]:
    """What is wrong with the environment, a line per variable (never its value: it may be a
    secret)."""
    lines = []
    for problem in error.errors():
        name = ".".join(str(part) for part in problem["loc"])
        lines.append(f"{name}: {problem['msg'].removeprefix('Value error, ')}")
    return lines
