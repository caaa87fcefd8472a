"""Bearer tokens: JWTs signed with the configured secret, carrying the viewer's role and scope.

The viewer reaches every resolver through the GraphQL context; its role decides how the
statements are rendered (partygraph.access) and its scope id is passed to them as $scope.
"""

from __future__ import annotations

import enum
import secrets
import time
from dataclasses import dataclass
from functools import lru_cache

import jwt
from jwt.types import Options

from partygraph.access import FULL, MASKED, Access, Reach
from partygraph.config import Settings

ISSUER = "partygraph"
ALGORITHM = "HS256"
EXTERNAL_ALGORITHM = "RS256"  # integrations' identity providers
# Verified tokens remembered per process (Verifier): one per signed-in viewer in practice.
REMEMBERED_TOKENS = 4096


class Role(enum.Enum):
    ADMIN = "admin"  # organisation department: the whole graph
    DISTRICT = "district"
    STREET = "street"
    COMMUNITY = "community"
    UNIT = "unit"
    INTEGRATION = "integration"  # other systems: read-only, personal fields masked


# The label the scope node of each scoped role carries.
SCOPE_LABELS: dict[Role, str] = {
    Role.DISTRICT: "District",
    Role.STREET: "Street",
    Role.COMMUNITY: "Community",
    Role.UNIT: "Unit",
}


def access_of(role: Role) -> Access:
    if role is Role.ADMIN:
        return FULL
    if role is Role.INTEGRATION:
        return MASKED
    if role is Role.UNIT:
        return Access(Reach.UNIT, SCOPE_LABELS[role], personal=False)
    return Access(Reach.AREA, SCOPE_LABELS[role])


def check_scope(role: Role, scope: str | None) -> None:
    """Scoped roles need a scope id; the others must not carry one."""
    if role in SCOPE_LABELS and not scope:
        raise AuthError(f"the {role.value} role needs a scope (the id of its {SCOPE_LABELS[role]})")
    if role not in SCOPE_LABELS and scope:
        raise AuthError(f"the {role.value} role covers the whole graph and takes no scope")


class AuthError(Exception):
    """No valid token: the request gets UNAUTHENTICATED and nothing else."""


@dataclass(frozen=True)
class Viewer:
    subject: str
    role: Role
    scope: str | None  # the id of the node the viewer's office covers; None for admin

    @property
    def access(self) -> Access:
        return access_of(self.role)


def signing_secret(settings: Settings) -> str:
    """PARTYGRAPH_SECRET, or on the development engine a random one kept under `home`."""
    if settings.secret is not None:  # its length is checked by Settings
        return settings.secret.get_secret_value()
    if not settings.uses_dev_engine:
        raise AuthError("PARTYGRAPH_SECRET must be set when NEO4J_URI is set")
    path = settings.home / "secret"
    if not path.exists():
        settings.home.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(32))
        path.chmod(0o600)
    return path.read_text().strip()


def mint(
    settings: Settings,
    role: Role,
    scope: str | None = None,
    subject: str = "cli",
    ttl_minutes: int | None = None,
) -> str:
    check_scope(role, scope)
    now = int(time.time())
    ttl = settings.token_ttl_minutes if ttl_minutes is None else ttl_minutes
    claims: dict[str, object] = {
        "iss": ISSUER,
        "sub": subject,
        "role": role.value,
        "iat": now,
        "exp": now + ttl * 60,
    }
    if scope is not None:
        claims["scope"] = scope
    return jwt.encode(claims, signing_secret(settings), algorithm=ALGORITHM)


def _claims(settings: Settings, secret: str, token: str) -> dict[str, object]:
    """The verified claims: HS256 with our secret, or RS256 with the identity provider's
    public key. The header's algorithm only picks the key; each key is tried with its own
    algorithm alone, so a token cannot pass one key off as the other."""
    try:
        algorithm = jwt.get_unverified_header(token).get("alg")
    except jwt.InvalidTokenError as exc:
        raise AuthError("the token is not valid") from exc
    required: Options = {"require": ["exp", "iat", "sub", "role"]}
    try:
        if algorithm == EXTERNAL_ALGORITHM and settings.jwt_public_key:
            if not settings.jwt_issuer:
                raise AuthError("PARTYGRAPH_JWT_ISSUER must be set with PARTYGRAPH_JWT_PUBLIC_KEY")
            found: dict[str, object] = jwt.decode(
                token,
                settings.jwt_public_key,
                algorithms=[EXTERNAL_ALGORITHM],
                issuer=settings.jwt_issuer,
                audience=settings.jwt_audience,
                options=required,
            )
            return found
        found = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options=required,
        )
        return found
    except jwt.ExpiredSignatureError as exc:
        raise AuthError("the token has expired") from exc
    except jwt.InvalidTokenError as exc:
        raise AuthError("the token is not valid") from exc


class Verifier:
    """Checks bearer tokens for one app. A token's signature and claims are checked once and
    the viewer remembered (checking them is most of a small request's cost); its expiry is
    checked again on every request, so a remembered token still lapses on time."""

    def __init__(self, settings: Settings, remembered: int = REMEMBERED_TOKENS) -> None:
        self.settings = settings
        self.secret = signing_secret(settings)  # resolved once: on the dev engine, a file
        self._viewer = lru_cache(maxsize=remembered)(self._verified)

    def _verified(self, token: str) -> tuple[Viewer, float]:
        claims = _claims(self.settings, self.secret, token)
        viewer = _viewer_of(claims)
        expires = claims["exp"]
        return viewer, float(expires) if isinstance(expires, int | float) else 0.0

    def verify(self, token: str) -> Viewer:
        viewer, expires = self._viewer(token)
        if time.time() >= expires:  # as PyJWT decides, with no leeway
            raise AuthError("the token has expired")
        return viewer

    def from_header(self, header: str | None) -> Viewer:
        if not header:
            raise AuthError("missing Authorization: Bearer <token> header")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise AuthError("the Authorization header must be 'Bearer <token>'")
        return self.verify(token.strip())


def _viewer_of(claims: dict[str, object]) -> Viewer:
    try:
        role = Role(claims["role"])
    except ValueError as exc:
        raise AuthError(f"unknown role {claims['role']!r}") from exc
    scope = claims.get("scope")
    scope_id = str(scope) if scope is not None else None
    check_scope(role, scope_id)
    return Viewer(str(claims["sub"]), role, scope_id)
