"""Tokens: `partygraph token` mints them; /graphql answers nothing without a valid one."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest

from partygraph import auth
from partygraph.seed.records import node
from tests.support.suite import SECRET, Client, Server, Target, load

QUERY = {"query": '{ node(id: "anything") { id } }'}


def ask(server: Server, headers: dict[str, str]) -> httpx.Response:
    return httpx.post(f"{server.url}/graphql", json=QUERY, headers=headers, timeout=30)


def assert_unauthenticated(response: httpx.Response) -> None:
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    body = response.json()
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]


def cli_token(target: Target, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "partygraph", "token", *args],
        env=target.env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_cli_token_is_accepted_by_the_api(server: Server, target: Target, tmp_path: Path) -> None:
    minted = cli_token(target, tmp_path, "--role", "admin")
    assert minted.returncode == 0, minted.stderr
    token = minted.stdout.strip()
    claims = jwt.decode(token, SECRET, algorithms=["HS256"], issuer="partygraph")
    assert claims["role"] == "admin" and claims["exp"] > time.time() + 3600
    response = ask(server, {"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response.json()["data"] == {"node": None}


def test_cli_token_refuses_unknown_roles(target: Target, tmp_path: Path) -> None:
    result = cli_token(target, tmp_path, "--role", "emperor")
    assert result.returncode != 0 and not result.stdout.strip()


def forged(key: str = SECRET, algorithm: str = "HS256", **claims: object) -> str:
    """A bearer header with a token like ours but for the claims and key given."""
    now = int(time.time())
    body = {"iss": "partygraph", "sub": "x", "role": "admin", "iat": now, "exp": now + 60}
    return "Bearer " + jwt.encode({**body, **claims}, key, algorithm=algorithm)


@pytest.mark.parametrize(
    "header",
    [
        None,
        "Bearer",
        "Basic YWRtaW46YWRtaW4=",
        "Bearer not.a.jwt",
        forged(key="another-secret-another-secret-12345"),
        forged(iat=int(time.time()) - 7200, exp=int(time.time()) - 3600),
        forged(iss="someone-else"),
        forged(role="root"),
        forged(algorithm="HS512", key=SECRET * 2),
        forged(role="street"),
        forged(role="admin", scope="s-01"),
    ],
    ids=[
        "missing",
        "empty bearer",
        "basic auth",
        "garbage",
        "wrong secret",
        "expired",
        "wrong issuer",
        "unknown role",
        "other algorithm",
        "scoped role without a scope",
        "admin with a scope",
    ],
)
def test_requests_without_a_valid_token_get_only_an_authentication_error(
    server: Server, header: str | None
) -> None:
    assert_unauthenticated(ask(server, {"Authorization": header} if header else {}))


def test_get_queries_need_a_token_too_but_graphiql_page_does_not(server: Server) -> None:
    response = httpx.get(f"{server.url}/graphql", params={"query": "{ __typename }"})
    assert_unauthenticated(response)
    page = httpx.get(f"{server.url}/graphql", headers={"Accept": "text/html"})
    assert page.status_code == 200 and "graphiql" in page.text.lower()


def test_expiry_is_enforced(server: Server, target: Target) -> None:
    token = auth.mint(target.settings(), auth.Role.ADMIN, ttl_minutes=0)
    time.sleep(1.1)
    assert_unauthenticated(ask(server, {"Authorization": f"Bearer {token}"}))


def test_short_secrets_are_refused(target: Target, tmp_path: Path) -> None:
    env = target.env(tmp_path)
    env["PARTYGRAPH_SECRET"] = "short"
    result = subprocess.run(
        [sys.executable, "-m", "partygraph", "token", "--role", "admin"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1 and "at least 32 characters" in result.stderr


@pytest.fixture(scope="module")
def identity_provider(target: Target) -> Iterator[tuple[Server, Any]]:
    """The API trusting an external identity provider's RS256 key, and that private key."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    settings = target.settings().model_copy(
        update={
            "jwt_public_key": public,
            "jwt_issuer": "https://idp.example.gov.cn",
            "jwt_audience": "partygraph",
        }
    )
    with Server(settings, target.connection) as running:
        yield running, key


def rs256(key: Any, **claims: object) -> str:
    now = int(time.time())
    body = {
        "iss": "https://idp.example.gov.cn",
        "aud": "partygraph",
        "sub": "oa-system",
        "role": "admin",
        "iat": now,
        "exp": now + 60,
    }
    given = {k: v for k, v in {**body, **claims}.items() if v is not None}  # None: left out
    return "Bearer " + jwt.encode(given, key, algorithm="RS256")


def test_tokens_of_an_external_identity_provider(identity_provider: tuple[Server, Any]) -> None:
    from cryptography.hazmat.primitives.asymmetric import rsa

    server, key = identity_provider
    accepted = ask(server, {"Authorization": rs256(key)})
    assert accepted.status_code == 200 and accepted.json()["data"] == {"node": None}
    stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    for header in (
        rs256(stranger),  # signed by another key
        rs256(key, iss="https://elsewhere.example"),  # another issuer
        rs256(key, exp=int(time.time()) - 10),  # expired
        rs256(key, aud="another-application"),  # issued for someone else
        rs256(key, aud=None),  # for no one in particular
        forged(iss="https://idp.example.gov.cn"),  # HS256 claiming the provider's issuer
    ):
        assert_unauthenticated(ask(server, {"Authorization": header}))
    # Our own tokens keep working beside the provider's.
    assert ask(server, {"Authorization": forged()}).status_code == 200
    # The provider's tokens carry roles and scopes like ours.
    scoped = ask(server, {"Authorization": rs256(key, role="street", scope="s-01")})
    assert scoped.status_code == 200
    assert_unauthenticated(ask(server, {"Authorization": rs256(key, role="unit")}))


def test_cli_token_checks_the_scope_against_the_graph(target: Target, tmp_path: Path) -> None:
    load(target, [node("Street", "tok-s1", name="令牌街道")])
    street = cli_token(target, tmp_path, "--role", "street", "--scope", "tok-s1")
    assert street.returncode == 0, street.stderr
    claims = jwt.decode(street.stdout.strip(), SECRET, algorithms=["HS256"], issuer="partygraph")
    assert (claims["role"], claims["scope"]) == ("street", "tok-s1")
    wrong = cli_token(target, tmp_path, "--role", "district", "--scope", "tok-s1")
    assert wrong.returncode != 0 and "must be a District" in wrong.stderr
    missing = cli_token(target, tmp_path, "--role", "unit")
    assert missing.returncode != 0 and "needs a scope" in missing.stderr


def test_a_token_checked_once_still_lapses_at_its_expiry(server: Server) -> None:
    """A token's signature is checked once per process and the viewer remembered; its expiry
    is not: the request after it has passed is refused as before."""
    expires = int(time.time()) + 6  # time enough for two answers on a busy machine
    header = {"Authorization": forged(exp=expires), "Accept-Language": "en"}
    answered = ask(server, header)
    assert answered.status_code == 200, answered.text
    assert answered.json()["data"] == {"node": None}
    assert ask(server, header).status_code == 200  # the remembered viewer
    assert time.time() < expires, "the machine was too slow to answer before the expiry"
    time.sleep(max(expires - time.time(), 0) + 0.2)
    refused = ask(server, header)
    assert_unauthenticated(refused)
    assert "expired" in refused.json()["errors"][0]["message"]


def test_viewer_says_who_the_token_is(server: Server, target: Target) -> None:
    """What a front end shows as the signed-in user: role, and the scope node for an office."""
    query = "{ viewer { subject role scopeId scope { id label } } }"
    settings = target.settings()
    admin = Client(server.url, auth.mint(settings, auth.Role.ADMIN, subject="组织部"))
    assert admin.query(query)["data"]["viewer"] == {
        "subject": "组织部",
        "role": "admin",
        "scopeId": None,
        "scope": None,
    }
    load(target, [node("Street", "vw-s1", name="石板桥街道")])
    office = Client(server.url, auth.mint(settings, auth.Role.STREET, scope="vw-s1", subject="s"))
    assert office.query(query)["data"]["viewer"] == {
        "subject": "s",
        "role": "street",
        "scopeId": "vw-s1",
        "scope": {"id": "vw-s1", "label": "Street"},
    }
