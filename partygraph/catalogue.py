"""The Chinese for every error message a client can meet (partygraph.messages uses it).

Keys are the English messages as raised, each value a `{name}` placeholder; values are the
Chinese, with the same placeholders. Ids and values stay as they are. tests/test_messages.py
finds every message raised in partygraph/ and fails for one without an entry here.
"""

from __future__ import annotations

# Fixed English words that fill a placeholder (the action in "… cannot be {action}").
WORDS: dict[str, str] = {
    "escalated": "吹哨上报",
    "reassigned": "更换首问负责单位",
    "closed": "办结",
    "returned": "退回",
    "taken": "认领",
    "completed": "完成",
    "claimed": "认领",
    "fulfilled": "实现",
    "without a status": "没有状态",
    "street": "街道",
    "district": "区",
    "a string": "字符串",  # the JSON kinds of "expected a JSON object, not {kind}"
    "a number": "数字",
    "a boolean": "布尔值",
    "null": "空值（null）",
}

_SERVICE: dict[str, str] = {
    # HTTP: the request itself (app, request_body, the body and in-flight limits)
    "request body over {limit} bytes": "请求体超过 {limit} 字节",
    "the service answers only {types}": "本服务只以 {types} 作答",
    "the request body is not valid UTF-8": "请求体不是有效的 UTF-8 文本",
    "the request's JSON is nested too deeply": "请求中的 JSON 嵌套层数过多",
    # HTTP: the read-your-writes header (bookmarks)
    "the Partygraph-Bookmark header is not a bookmark this service issued": (
        "Partygraph-Bookmark 请求头不是本服务签发的书签"
    ),
    "the Partygraph-Bookmark header is longer than {limit} characters": (
        "Partygraph-Bookmark 请求头超过 {limit} 个字符"
    ),
    "send one Partygraph-Bookmark header, the latest one received": (
        "只需发送一个 Partygraph-Bookmark 请求头，即最近收到的那个"
    ),
    "the graph cannot read the bookmark the Partygraph-Bookmark header holds": (
        "图数据库无法读取 Partygraph-Bookmark 请求头中的书签"
    ),
    "the graph has not reached the write the Partygraph-Bookmark header names; send the "
    "request again later, or without the header": (
        "图数据库尚未包含 Partygraph-Bookmark 请求头所指的写入；请稍后重发，或不带该请求头发送"
    ),
    "{word} is not JSON: numbers must be finite": "{word} 不是合法的 JSON：数值必须是有限数",
    "expected a JSON object, not {kind}": "请求体应为 JSON 对象，而不是{kind}",
    "the request holds a lone surrogate ({code}), which is not Unicode text": (
        "请求中含有孤立代理码元（{code}），不是有效的 Unicode 文本"
    ),
    "{text} is too large for a number: numbers must be finite": (
        "{text} 超出数值范围：数值必须是有限数"
    ),
    "you have {limit} requests running; wait for one to finish": (
        "您已有 {limit} 个请求正在处理，请等待其中一个完成后再试"
    ),
    # Authentication
    "missing Authorization: Bearer <token> header": ("缺少 Authorization: Bearer <token> 请求头"),
    "the Authorization header must be 'Bearer <token>'": (
        "Authorization 请求头的格式必须是 'Bearer <token>'"
    ),
    "the token is not valid": "令牌无效",
    "the token has expired": "令牌已过期",
    "unknown role {role}": "未知角色 {role}",
    "the {role} role needs a scope (the id of its {label})": (
        "{role} 角色需要指定范围（其 {label} 的 id）"
    ),
    "the {role} role covers the whole graph and takes no scope": (
        "{role} 角色覆盖全部数据，不能指定范围"
    ),
    "PARTYGRAPH_SECRET must be set when NEO4J_URI is set": (
        "设置了 NEO4J_URI 时必须设置 PARTYGRAPH_SECRET"
    ),
    "PARTYGRAPH_SECRET must be at least {length} characters": (
        "PARTYGRAPH_SECRET 至少需要 {length} 个字符"
    ),
    "PARTYGRAPH_JWT_ISSUER must be set with PARTYGRAPH_JWT_PUBLIC_KEY": (
        "设置 PARTYGRAPH_JWT_PUBLIC_KEY 时必须同时设置 PARTYGRAPH_JWT_ISSUER"
    ),
    # The graph database
    "the query ran past the statement timeout ({seconds} s) and was stopped; ask for less "
    "(a smaller page or area, fewer hops) or try again when the graph is less busy": (
        "查询超过语句时限（{seconds} 秒），已被终止；请缩小查询范围（更小的分页或区域、"
        "更少的跳数），或在数据库较空闲时重试"
    ),
    "the graph database refused the request": "图数据库拒绝了该请求",
    "the graph database is not reachable; the service retries by itself, try again shortly": (
        "无法连接图数据库；服务会自动重试，请稍后再试"
    ),
    "the graph database is busy; try again shortly": "图数据库繁忙，请稍后再试",
    "the change conflicts with data already stored": "该修改与已存储的数据冲突",
    "the graph database stopped answering; the service retries by itself, try again shortly": (
        "图数据库停止响应；服务会自动重试，请稍后再试"
    ),
    "internal error; it has been logged": "内部错误，已记录日志",
    "the change was made and committed; reading its result failed: {reason}": (
        "修改已完成并提交，但读取其结果失败：{reason}"
    ),
    # Limits on a query
    "this query could return {cost} objects; the limit is {limit}: ask for fewer "
    "(smaller `first`, fewer nested lists or aliases)": (
        "请求过于复杂：此查询可能返回 {cost} 个对象，上限为 {limit}；"
        "请少取一些（更小的 `first`、更少的嵌套列表或别名）"
    ),
    "`{argument}` of {field} must be between 1 and {limit}": (
        "{field} 的 `{argument}` 必须在 1 到 {limit} 之间"
    ),
    "{operation} exceeds maximum operation depth of {depth}": (
        "请求过于复杂：操作 {operation} 超过最大嵌套深度 {depth}"
    ),
    "{count} aliases found. Allowed: {limit}": (
        "请求过于复杂：使用了 {count} 个别名，最多允许 {limit} 个"
    ),
    "Document contains more than {limit} tokens. Parsing aborted.": (
        "请求过于复杂：文档超过 {limit} 个词法单元，已停止解析"
    ),
    # Permissions
    "the {role} role may not do this; it needs one of: {needed}": (
        "无权执行此操作：{role} 角色没有此权限，需要以下角色之一：{needed}"
    ),
    "{id} lies outside what your role may change": (
        "无权执行此操作：{id} 不在您的角色可修改的范围内"
    ),
    "choosing the id of a new entity needs the admin role; leave id out": (
        "无权执行此操作：只有 admin 角色可以为新实体指定 id，请不要填写 id"
    ),
}

_PROPERTIES: dict[str, str] = {
    "{name} must be a date like 2024-05-01, not {value}": (
        "{name} 必须是形如 2024-05-01 的日期，而不是 {value}"
    ),
    "{name} is longer than {limit} characters": "{name} 超过 {limit} 个字符",
    "{name} holds a lone surrogate ({code}), which is not Unicode text": (
        "{name} 含有孤立代理码元（{code}），不是有效的 Unicode 文本"
    ),
    "{name} must be a finite number, not {value}": "{name} 必须是有限数，而不是 {value}",
    "{name} must be a string, number, boolean, null or a list of one of those": (
        "{name} 必须是字符串、数字、布尔值、null，或由其中一种组成的列表"
    ),
    "{name} must be one of {allowed}, not {value}": (
        "{name} 必须是 {allowed} 之一，而不是 {value}"
    ),
    "{name} must be a date-time string, not {value}": (
        "{name} 必须是日期时间字符串，而不是 {value}"
    ),
    "{name} lies outside the years 1 to 9999 in UTC": ("{name} 超出 UTC 时间 1 年至 9999 年的范围"),
    "{name} must be a string, not {value}": "{name} 必须是字符串，而不是 {value}",
    "{name} must be a period like 2024, 2024-H1, 2024-Q2 or 2024-05": (
        "{name} 必须是形如 2024、2024-H1、2024-Q2 或 2024-05 的时期"
    ),
    "{name} must be true or false, not {value}": "{name} 必须是 true 或 false，而不是 {value}",
    "{name} must be a number, not {value}": "{name} 必须是数字，而不是 {value}",
    "{name} must be a whole number, not {value}": "{name} 必须是整数，而不是 {value}",
    "{name} must lie between {low} and {high}": "{name} 必须在 {low} 到 {high} 之间",
    "{name} must be between {low} and {high}": "{name} 必须在 {low} 到 {high} 之间",
    "{name} must be a date-time like 2024-05-01T08:30:00+08:00, not {value}": (
        "{name} 必须是形如 2024-05-01T08:30:00+08:00 的日期时间，而不是 {value}"
    ),
}

_ENTITIES: dict[str, str] = {
    "no entity with id {id}": "没有 id 为 {id} 的实体",
    "{id} is a {label}, not a {allowed}": "{id} 是 {label}，不是 {allowed}",
    "{first} and {second} must name two different entities, not both {id}": (
        "{first} 和 {second} 必须是两个不同的实体，不能都是 {id}"
    ),
    "{relationship} changes only through {mutation}": "{relationship} 只能通过 {mutation} 修改",
    "{label} {keys} change only through {mutations}": (
        "{label} 的 {keys} 只能通过 {mutations} 修改"
    ),
    "{what} must be a JSON object": "{what} 必须是 JSON 对象",
    "IN from {from_} to {to} would make a cycle in the area hierarchy: "
    "{to} already lies in {from_} ({chain})": (
        "从 {from_} 到 {to} 的 IN 关系会在区域层级中形成环：{to} 已位于 {from_} 之内（{chain}）"
    ),
    "{relationship} needs {keys} in properties": "{relationship} 需要在 properties 中给出 {keys}",
    "{what} may not contain 'id': the id is given beside them": (
        "{what} 不能包含 'id'：实体的 id 在 properties 之外另行给出"
    ),
    "{name} property {problem}": "{name} 属性：{problem}",
    "properties.name is required": "必须提供 properties.name",
    "properties must name at least one property": "properties 至少要包含一个属性",
    "name cannot be removed or emptied": "name 不能删除或置空",
    "{relationship} needs period to say which one to remove": (
        "{relationship} 需要给出 period 以指明删除哪一条"
    ),
    "{relationship} cannot join a {source} to a {target} (allowed: {allowed})": (
        "{relationship} 不能连接 {source} 与 {target}（允许：{allowed}）"
    ),
    "no {relationship} from {from_} to {to}": "不存在从 {from_} 到 {to} 的 {relationship} 关系",
    "id {id} is already in use": "id {id} 已被使用",
    "id {id} is already used": "id {id} 已被使用",
    "{what} must be 1 to {limit} characters without surrounding spaces": (
        "{what} 必须为 1 到 {limit} 个字符，且首尾不能有空格"
    ),
    "name must not be empty": "name 不能为空",
    "at most {limit} lines per request; use `partygraph import FILE`": (
        "每个请求最多 {limit} 行；更多数据请使用 `partygraph import FILE`"
    ),
    "{count} bad line(s); nothing was imported": "{count} 行有误，未导入任何数据",
}

_AREAS: dict[str, str] = {
    # Cobuilding (共建)
    "{label} {id} is {current}; only a {expected} one can be {action}": (
        "{label} {id} 当前状态为 {current}，只有状态为 {expected} 的才能{action}"
    ),
    "period must look like 2024, 2024-H1, 2024-Q2 or 2024-05, not {period}": (
        "period 必须形如 2024、2024-H1、2024-Q2 或 2024-05，而不是 {period}"
    ),
    "{what} must be more than 0 and at most {limit} hours": (
        "{what} 必须大于 0 且不超过 {limit} 小时"
    ),
    "score must be between 0 and 100": "score 必须在 0 到 100 之间",
    "a Community evaluates a Unit, or a Unit evaluates a Community; not a {source} a {target}": (
        "只能由社区评价单位，或由单位评价社区；不能由 {source} 评价 {target}"
    ),
    # Coverage (双报到)
    "{person} has already reported to {community}": "{person} 已向 {community} 报到",
    "period {period} is not a period like 2024, 2024-H1, 2024-Q2 or 2024-05": (
        "period {period} 不是形如 2024、2024-H1、2024-Q2 或 2024-05 的时期"
    ),
    "{name} must be 0 or more, not {value}": "{name} 必须大于或等于 0，而不是 {value}",
    "the report date {on} lies in the future": "报到日期 {on} 晚于今天",
    "{person} is not a party member (member of no party organization); "
    "only party members report (双报到)": (
        "{person} 不是党员（不属于任何党组织）；只有党员才能报到（双报到）"
    ),
    "{person} must report to the community they reside in, not {community}: {residence}": (
        "{person} 必须向其居住的社区报到，而不是 {community}：{residence}"
    ),
    # … its {residence}
    "they reside in {places}": "其居住地为 {places}",
    "no residence in a community you can see is recorded for them": (
        "在您可见的社区中没有其居住记录"
    ),
    # Requests (诉求)
    "the request is already with a functional department (level 3), the top": (
        "该诉求已在职能部门（第 3 级），已是最高一级"
    ),
    "the request is already at the district (level 2); whistle a department (unitId)": (
        "该诉求已在区级（第 2 级）；请向职能部门吹哨（unitId）"
    ),
    "a department is whistled from the street up: escalate to the street first": (
        "向职能部门吹哨须从街道开始：请先上报到街道"
    ),
    "{field} must not be empty": "{field} 不能为空",
    "{field} must be at most {limit} characters": "{field} 最多 {limit} 个字符",
    "dueAt must be later than the moment the request is raised": "dueAt 必须晚于诉求提出的时间",
    "a {status} request cannot be {action}": "状态为 {status} 的诉求不能{action}",
    "the request changed meanwhile; read it again": "该诉求已被他人修改，请重新读取",
    "the request's grid lies in no {level}": "该诉求所在网格不属于任何{level}",
    "satisfaction must be between 1 and 5": "satisfaction 必须在 1 到 5 之间",
    "`from` must be earlier than `to`": "`from` 必须早于 `to`",
    # Reading: paging, lookups, exploration
    "`{argument}` is not a cursor this API gave out": "`{argument}` 不是本接口给出的游标",
    "`{argument}` must be between 1 and {limit}": "`{argument}` 必须在 1 到 {limit} 之间",
    "`first` and `last` cannot be given together": "`first` 和 `last` 不能同时给出",
    "`ids` holds at most {limit} ids": "`ids` 最多包含 {limit} 个 id",
    "maxHops must be between 1 and {limit}": "maxHops 必须在 1 到 {limit} 之间",
    "depth must be between 1 and {limit}": "depth 必须在 1 到 {limit} 之间",
    "limit must be between 1 and {limit}": "limit 必须在 1 到 {limit} 之间",
    "text must be 1 to {limit} characters": "text 必须为 1 到 {limit} 个字符",
    "first must be between 1 and {limit}": "first 必须在 1 到 {limit} 之间",
}

# What Strawberry (reading the HTTP request) and graphql-core (parsing, validating, coercing
# variables) say; the reason inside a message is translated as a message of its own.
_GRAPHQL: dict[str, str] = {
    "No GraphQL query found in the request": "请求中没有 GraphQL 查询",
    "Unable to parse request body as JSON": "无法将请求体解析为 JSON",
    "Unsupported content type": "不支持的内容类型",
    "GraphQL only supports GET and POST requests.": "GraphQL 只支持 GET 和 POST 请求。",
    "Batching is not enabled": "未启用批量请求",
    "Too many operations": "操作过多",
    "Not Found": "未找到",
    "mutations are not allowed when using GET": "GET 请求不能执行变更（mutation）",
    "The GraphQL operation's `query` must be a string or null, if provided.": (
        "GraphQL 操作的 `query` 若给出，必须是字符串或 null。"
    ),
    "The GraphQL operation's `variables` must be an object or null, if provided.": (
        "GraphQL 操作的 `variables` 若给出，必须是对象或 null。"
    ),
    "The GraphQL operation's `extensions` must be an object or null, if provided.": (
        "GraphQL 操作的 `extensions` 若给出，必须是对象或 null。"
    ),
    "Syntax Error: {reason}": "语法错误：{reason}",
    "Unexpected <EOF>.": "意外的文档结尾。",
    "Expected {expected}, found {found}.": "此处应为 {expected}，实际为 {found}。",
    "Expected Name, found {found}.": "此处应为名称，实际为 {found}。",
    "Expected Name, found <EOF>.": "此处应为名称，实际为文档结尾。",
    "Unexpected {token}.": "意外的 {token}。",
    "Unexpected character: {character}.": "意外的字符：{character}。",
    "Unterminated string.": "字符串未结束。",
    "Cannot query field {field} on type {type}.": "类型 {type} 上没有字段 {field}。",
    "Unknown argument {argument} on field {field}.": "字段 {field} 没有参数 {argument}。",
    "Argument {argument} of type {type} is required, but it was not provided.": (
        "缺少必填参数 {argument}（类型 {type}）。"
    ),
    "Field {field} argument {argument} of type {type} is required, but it was not provided.": (
        "字段 {field} 缺少必填参数 {argument}（类型 {type}）。"
    ),
    "Field {field} of type {type} must have a selection of subfields. Did you mean {hint}?": (
        "字段 {field}（类型 {type}）必须选择子字段。是否想写 {hint}？"
    ),
    "Field {field} must not have a selection since type {type} has no subfields.": (
        "字段 {field} 不能选择子字段，因为类型 {type} 没有子字段。"
    ),
    "This anonymous operation must be the only defined operation.": (
        "匿名操作必须是文档中唯一的操作。"
    ),
    "There can be only one operation named {name}.": "只能有一个名为 {name} 的操作。",
    "Unknown type {type}.": "未知类型 {type}。",
    "Unknown directive {directive}.": "未知指令 {directive}。",
    "Unknown fragment {fragment}.": "未知片段 {fragment}。",
    "Fragment {fragment} is never used.": "片段 {fragment} 未被使用。",
    "Variable {variable} is never used.": "变量 {variable} 未被使用。",
    "Variable {variable} is not defined.": "变量 {variable} 未定义。",
    "Variable {variable} is never used in operation {operation}.": (
        "变量 {variable} 在操作 {operation} 中未被使用。"
    ),
    "Variable {variable} is not defined by operation {operation}.": (
        "变量 {variable} 未在操作 {operation} 中定义。"
    ),
    "Variable {variable} of type {type} used in position expecting type {expected}.": (
        "变量 {variable} 的类型为 {type}，但此处需要类型 {expected}。"
    ),
    "Fields {alias} conflict because {reason}. "
    "Use different aliases on the fields to fetch both if this was intentional.": (
        "字段 {alias} 冲突，因为 {reason}。如需同时获取，请为字段使用不同的别名。"
    ),
    "The subscription operation is not supported by the schema.": "本接口不支持订阅操作。",
    "Variable {variable} has invalid value: {reason}": "变量 {variable} 的值无效：{reason}",
    "Variable {variable} has invalid value at {path}: {reason}": (
        "变量 {variable} 在 {path} 处的值无效：{reason}"
    ),
    "Expected a value of non-null type {type} to be provided.": "必须提供非空类型 {type} 的值。",
    "Expected value of non-null type {type} not to be None.": "非空类型 {type} 的值不能为 null。",
    "Expected value of type {type} to include required field {field}, found: {value}.": (
        "类型 {type} 的值缺少必填字段 {field}，实际为：{value}。"
    ),
    "Expected value of type {type} not to include unknown field {field}, found: {value}.": (
        "类型 {type} 的值不能包含未知字段 {field}，实际为：{value}。"
    ),
    "Expected value of type {type} to be an object, found: {value}.": (
        "类型 {type} 的值应为对象，实际为：{value}。"
    ),
    "Expected value of type {type}, found {value}.": "应为类型 {type} 的值，实际为 {value}。",
    "Expected value of type {type}, found {value}; {reason}": (
        "应为类型 {type} 的值，实际为 {value}；{reason}"
    ),
    "Value {value} does not exist in {enum} enum.": "枚举 {enum} 中没有值 {value}。",
    "Enum {enum} cannot represent non-enum value: {value}.": (
        "枚举 {enum} 不能表示非枚举值：{value}。"
    ),
    "Enum {enum} cannot represent non-string value: {value}.": (
        "枚举 {enum} 不能表示非字符串值：{value}。"
    ),
    "Int cannot represent non-integer value: {value}": "Int 不能表示非整数值：{value}",
    "Int cannot represent non 32-bit signed integer value: {value}": (
        "Int 不能表示超出 32 位有符号整数范围的值：{value}"
    ),
    "Float cannot represent non numeric value: {value}": "Float 不能表示非数值：{value}",
    "String cannot represent a non string value: {value}": "String 不能表示非字符串值：{value}",
    "Boolean cannot represent a non boolean value: {value}": ("Boolean 不能表示非布尔值：{value}"),
    "ID cannot represent value: {value}": "ID 不能表示该值：{value}",
    "ID cannot represent a non-string and non-integer value: {value}": (
        "ID 不能表示非字符串且非整数的值：{value}"
    ),
    'Value cannot represent a {type}: "{value}". Expected a string.': (
        '值 "{value}" 不能表示为 {type}：应为字符串。'
    ),
    'Value cannot represent a {type}: "{value}".{detail}': (
        '值 "{value}" 不能表示为 {type}。{detail}'
    ),
    "Must provide operation name if query contains multiple operations.": (
        "文档包含多个操作时必须给出操作名称。"
    ),
    "Unknown operation named {name}.": "没有名为 {name} 的操作。",
    "GraphQL introspection has been disabled, but the requested query contained the field "
    "{field}.": "GraphQL 内省已关闭，但查询中含有字段 {field}。",
    "Maximum introspection depth exceeded": "内省查询嵌套过深",
}

ZH: dict[str, str] = {**_SERVICE, **_PROPERTIES, **_ENTITIES, **_AREAS, **_GRAPHQL}
