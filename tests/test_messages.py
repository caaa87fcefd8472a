"""Error messages: Chinese by default, English when Accept-Language prefers it; codes unchanged.

Every message raised in partygraph/ has a Chinese entry in partygraph.catalogue (an AST scan
finds them), and the messages graphql-core gives for the mistakes users make are translated."""

from __future__ import annotations

import ast
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from partygraph import auth, messages
from partygraph.catalogue import ZH
from tests.support.suite import Server, Target

PACKAGE = Path(__file__).resolve().parent.parent / "partygraph"
FORBIDDEN_MUTATION = (
    'mutation { createEntity(input: {label: Wish, properties: {name: "心愿"}}) { entity { id } } }'
)
CJK = re.compile("[\u4e00-\u9fff]")


def ask(
    server: Server,
    token: str | None,
    body: dict[str, Any] | bytes,
    language: str | None = None,
) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if language is not None:
        headers["Accept-Language"] = language
    if isinstance(body, bytes):
        headers["Content-Type"] = "application/json"
        return httpx.post(f"{server.url}/graphql", content=body, headers=headers, timeout=30)
    return httpx.post(f"{server.url}/graphql", json=body, headers=headers, timeout=30)


def first_error(response: httpx.Response) -> dict[str, Any]:
    error: dict[str, Any] = response.json()["errors"][0]
    return error


@pytest.fixture(scope="module")
def integration_token(target: Target) -> str:
    """A read-only role: every mutation is refused to it."""
    return auth.mint(target.settings(), auth.Role.INTEGRATION, subject="messages")


@pytest.fixture(scope="module")
def admin(target: Target) -> str:
    return auth.mint(target.settings(), auth.Role.ADMIN, subject="messages")


def test_a_refusal_is_in_chinese_by_default_and_in_english_on_request(
    server: Server, integration_token: str
) -> None:
    body = {"query": FORBIDDEN_MUTATION}
    chinese = first_error(ask(server, integration_token, body))
    english = first_error(ask(server, integration_token, body, "en"))
    assert chinese["message"].startswith("无权执行此操作：integration 角色没有此权限")
    assert english["message"].startswith("the integration role may not do this")
    assert chinese["extensions"] == english["extensions"]
    assert chinese["extensions"]["code"] == "FORBIDDEN"
    # The roles it would need are named in both, as they are.
    assert english["message"].split(": ")[-1] in chinese["message"]


def test_a_validation_error_is_in_chinese(server: Server, admin: str) -> None:
    error = first_error(ask(server, admin, {"query": '{ node(id: "x") { id nonsense } }'}))
    assert error["message"] == "类型 'Node' 上没有字段 'nonsense'。"
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_an_authentication_error_is_in_chinese(server: Server) -> None:
    response = ask(server, None, {"query": "{ __typename }"})
    assert response.status_code == 401
    error = first_error(response)
    assert error["message"] == "缺少 Authorization: Bearer <token> 请求头"
    assert error["extensions"] == {"code": "UNAUTHENTICATED"}


def test_an_unreadable_body_is_answered_in_chinese(server: Server, admin: str) -> None:
    response = ask(server, admin, b"5")
    assert response.status_code == 400
    error = first_error(response)
    assert error["message"] == "请求体应为 JSON 对象，而不是数字"
    assert error["extensions"] == {"code": "BAD_USER_INPUT"}
    english = first_error(ask(server, admin, b"5", "en-US"))
    assert english["message"] == "expected a JSON object, not a number"


def test_a_complexity_refusal_keeps_its_code_and_limit(server: Server, admin: str) -> None:
    query = "{ " + " ".join(f'a{i}: node(id: "x") {{ id }}' for i in range(201)) + " }"
    error = first_error(ask(server, admin, {"query": query}))
    assert error["message"].startswith("请求过于复杂：使用了 201 个别名")
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"


@pytest.mark.parametrize(
    ("query", "variables", "chinese"),
    [
        (
            '{ node(id: "x") { id } nodez }',
            None,
            "类型 'Query' 上没有字段 'nodez'。是否想用 'node' 或 'nodes'？",
        ),
        ('{ node(id: "x", depth: 2) { id } }', None, "字段 'Query.node' 没有参数 'depth'。"),
        ("{ node { id } }", None, "缺少必填参数 'Query.node(id:)'（类型 'ID!'）。"),
        (
            'query($n: Int!) { neighborhood(id: "x", depth: $n) { truncated } }',
            {"n": "two"},
            "变量 '$n' 的值无效：Int 不能表示非整数值：'two'",
        ),
        ('{ node(id: "x") { id }', None, "语法错误：此处应为名称，实际为文档结尾。"),
    ],
    ids=["unknown field", "unknown argument", "missing argument", "variable type", "syntax"],
)
def test_graphql_core_messages_are_in_chinese(
    server: Server, admin: str, query: str, variables: dict[str, Any] | None, chinese: str
) -> None:
    body: dict[str, Any] = {"query": query, "variables": variables or {}}
    error = first_error(ask(server, admin, body))
    assert error["message"] == chinese
    english = first_error(ask(server, admin, body, "en"))
    assert error["extensions"] == english["extensions"]
    assert not CJK.search(english["message"])


@pytest.mark.parametrize(
    ("header", "english"),
    [
        ("en", True),
        ("en-US", True),
        ("en;q=0.9,zh;q=0.8", True),
        ("zh;q=0.5, en-GB;q=0.8", True),
        ("fr, en;q=0.5", True),
        ("zh-CN", False),
        ("zh", False),
        (None, False),
        ("*", False),
        ("zh-CN,zh;q=0.9,en;q=0.8", False),
        ("en;q=0", False),
    ],
)
def test_accept_language_picks_the_language(
    server: Server, admin: str, header: str | None, english: bool
) -> None:
    error = first_error(ask(server, admin, {"query": "{ nodez }"}, header))
    assert error["message"].startswith("Cannot query field 'nodez'") is english
    assert bool(CJK.search(error["message"])) is not english
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


def test_a_message_without_an_entry_stays_english_and_is_logged_once(
    caplog: pytest.LogCaptureFixture,
) -> None:
    unknown = "a message nobody has translated yet"
    with caplog.at_level(logging.WARNING, logger="partygraph"):
        assert messages.translated(unknown, messages.CHINESE) == unknown
        assert messages.translated(unknown, messages.CHINESE) == unknown
    assert [r.getMessage() for r in caplog.records].count(
        f"untranslated error message: {unknown}"
    ) == 1


# ------------------------------------------------------------------- coverage of the catalogue

# Calls whose first argument is a message a client can see (HTTPException: its second).
MESSAGE_CALLS = {
    "Malformed",
    "UserError",
    "PropertyError",
    "AuthError",
    "GraphError",
    "GraphUnavailable",
    "GraphConflict",
    "GraphTimeout",
    "GraphQLError",
    "_invalid_state",
    "_refuse",
    "_unreadable",
    "_unauthenticated",
}


def _template(node: ast.expr) -> str | None:
    """A string literal as it is; an f-string with each value as `{}`."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values
        )
    return None


def _called(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _messages(tree: ast.Module) -> Iterator[ast.expr]:
    """The expressions a module gives as a client's message."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _called(node)
            if name in MESSAGE_CALLS and node.args:
                yield node.args[0]
            elif name == "HTTPException" and len(node.args) > 1:
                yield node.args[1]
        elif isinstance(node, ast.Dict):  # an error body built by hand
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant) and key.value == "message":
                    yield value
        elif isinstance(node, ast.Assign):  # error.message = f"..."
            for target in node.targets:
                if isinstance(target, ast.Attribute) and target.attr == "message":
                    yield node.value


def raised_templates() -> set[tuple[str, str]]:
    """(module, template) of every message raised in partygraph/; a message held in a name
    (`message = "..."`, UNREACHABLE) counts with each literal the module assigns to it."""
    found: set[tuple[str, str]] = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text())
        assigned: dict[str, list[str]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                text = _template(node.value)
                for target in node.targets:
                    if text is not None and isinstance(target, ast.Name):
                        assigned.setdefault(target.id, []).append(text)
        where = str(path.relative_to(PACKAGE.parent))
        for message in _messages(tree):
            text = _template(message)
            texts = [text] if text is not None else []
            if isinstance(message, ast.Name):
                texts = assigned.get(message.id, [])
            found.update((where, t) for t in texts)
    return found


def test_every_message_raised_has_a_chinese_entry() -> None:
    raised = raised_templates()
    assert len(raised) > 90  # the scan finds the raise sites at all
    missing = sorted(
        f"{where}: {text}"
        for where, text in raised
        # The message as it would be raised, with a value in each place.
        if messages.translated(text.replace("{}", "x"), messages.CHINESE) == text.replace("{}", "x")
    )
    assert not missing, "no entry in partygraph/catalogue.py for:\n" + "\n".join(missing)


def test_every_entry_has_the_placeholders_of_its_english() -> None:
    for english, chinese in ZH.items():
        names = set(re.findall(r"\{(\w+)\}", english))
        assert set(re.findall(r"\{(\w+)\}", chinese)) == names, english
        assert CJK.search(chinese), english


def test_values_quoted_in_a_message_stay_exactly_as_sent() -> None:
    # Ids and values that happen to be one of the catalogue's fixed words are not translated.
    assert messages.translated("no entity with id null", "zh") == "没有 id 为 null 的实体"
    assert messages.translated("no entity with id street", "zh") == "没有 id 为 street 的实体"
    assert messages.translated("id closed is already in use", "zh") == "id closed 已被使用"
    # A value that reads like other templates is kept whole (and matched in linear time: the
    # regular expressions this replaced took 10 s on this message).
    sent = "x cannot join a " * 105 + "x to a " * 105 + "x (allowed: " * 105
    message = f'Int cannot represent non-integer value: "{sent}"'
    assert messages.translated(message, "zh") == f'Int 不能表示非整数值："{sent}"'


def test_english_tags_with_underscores_and_malformed_weights() -> None:
    assert messages.language("en_US") == "en"
    assert messages.language("en;q=nan, zh;q=0.5") == "zh"
    assert messages.language("en;q=inf") == "zh"
