// The relationship explorer: the public GraphQL API with the viewer's token, drawn with
// Cytoscape.js (graphs) and Apache ECharts (charts). No other network use.
"use strict";

const VOCABULARY = window.PARTYGRAPH_VOCABULARY;
const LABEL_NAMES = VOCABULARY.labels;
const REL_NAMES = VOCABULARY.relationships;
const NEIGHBOURS = 500; // the most nodes one neighbourhood draws (the API's own bound)
const PAGE = 20;

// Colour and shape by label: blocks red and round, strips blue and square, work green.
const STYLE = {
  District: ["#8c0d12", "ellipse"], Street: ["#c8161d", "ellipse"],
  Community: ["#e65a5f", "ellipse"], Grid: ["#f3a3a6", "ellipse"],
  PartyOrganization: ["#d4a017", "star"], Alliance: ["#b8860b", "hexagon"],
  Unit: ["#1f5fa8", "round-rectangle"], Person: ["#6a6a6a", "ellipse"],
  Project: ["#2e8b57", "diamond"], VolunteerTeam: ["#3cb371", "hexagon"],
  Wish: ["#9acd32", "triangle"], Demand: ["#6b8e23", "triangle"],
  Resource: ["#20b2aa", "round-rectangle"], Request: ["#ff8c00", "vee"],
  Evaluation: ["#9370db", "diamond"], Activity: ["#4682b4", "tag"],
};

// What the properties panel asks for, by label (masked values arrive masked from the API).
const FIELDS = {
  District: "code", Street: "code", Community: "households area",
  Grid: "level kind area", PartyOrganization: "type", Alliance: "kind",
  Unit: "category level",
  Person: "partyMember cadre rank gender phone idNumber address birthDate personalDataMasked",
  Project: "category status startDate endDate budget", VolunteerTeam: "kind",
  Wish: "status createdOn content", Demand: "category status createdOn",
  Resource: "category description",
  Request: "category status description raisedAt dueAt closedAt level satisfaction overdue",
  Evaluation: "period score", Activity: "type date hours",
};
const FIELD_NAMES = {
  code: "代码", households: "户数", area: "区域类型", level: "层级", kind: "类型", type: "类型",
  category: "类别", partyMember: "党员", cadre: "干部", rank: "职级", gender: "性别",
  phone: "电话", idNumber: "身份证号", address: "住址", birthDate: "出生日期",
  status: "状态", startDate: "开始", endDate: "结束", budget: "预算", createdOn: "创建",
  content: "内容", description: "说明", raisedAt: "提出", dueAt: "期限", closedAt: "办结",
  satisfaction: "满意度", overdue: "超期", period: "评议期", score: "分数", date: "日期",
  hours: "时长",
};
const PERSONAL = ["phone", "idNumber", "address", "birthDate"];

const state = { token: null, viewer: null, cy: null, pathCy: null, centre: null, lists: {} };
// For the browser tests: what took how long, what is drawn, and a tap on a node by id (a
// canvas has no element to click).
window.__partygraph = {
  timings: {},
  drawn: (which = "graph") => {
    const cy = which === "path" ? state.pathCy : state.cy;
    if (!cy) return null;
    return { nodes: cy.nodes().map((n) => n.id()), edges: cy.edges().map((e) => e.id()) };
  },
  tap: (id) => state.cy.getElementById(id).emit("tap"),
  lists: () => state.lists,
};

// ---- the API -----------------------------------------------------------------------------

class ApiError extends Error {
  constructor(message, code) { super(message); this.code = code; }
}

async function gql(query, variables = {}) {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${state.token}` },
    body: JSON.stringify({ query, variables }),
  });
  let body;
  try { body = await response.json(); } catch { throw new ApiError(`HTTP ${response.status}`); }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions && first.extensions.code);
  }
  return body.data;
}

function say(text) { document.getElementById("message").textContent = text || ""; }
function failed(error) { say(error.code ? `${error.code}：${error.message}` : String(error.message || error)); }
function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  for (const child of children) node.append(child);
  return node;
}
function labelName(label) { return LABEL_NAMES[label] || label; }

// ---- sign-in -------------------------------------------------------------------------------

const ROLE_NAMES = {
  admin: "管理员（组织部门）", district: "区级", street: "街道", community: "社区",
  unit: "单位", integration: "对接系统",
};

async function signIn(token) {
  state.token = token.trim().replace(/^Bearer\s+/i, "");
  const data = await gql("{ viewer { subject role scopeId scope { id name label } } }");
  state.viewer = data.viewer;
  sessionStorage.setItem("partygraph-token", state.token);
  const scope = data.viewer.scope
    ? `${labelName(data.viewer.scope.label)} ${data.viewer.scope.name}（${data.viewer.scope.id}）`
    : "全部";
  document.getElementById("who-text").textContent =
    `${data.viewer.subject} · ${ROLE_NAMES[data.viewer.role] || data.viewer.role} · 范围：${scope}`;
  document.getElementById("sign-in").hidden = true;
  document.getElementById("who").hidden = false;
  document.getElementById("app").hidden = false;
  say("");
  const scopeNode = data.viewer.scope;
  if (scopeNode && ["District", "Street", "Community"].includes(scopeNode.label)) {
    pickers.area.choose(scopeNode);
  }
}

function signOut() {
  sessionStorage.removeItem("partygraph-token");
  location.reload();
}

// ---- pickers: search by name, choose one -----------------------------------------------------

const SEARCH = `query($text: String!, $labels: [Label!], $first: Int!) {
  search(text: $text, labels: $labels, first: $first) { id name label } }`;

class Picker {
  constructor(root, { labels = null, onChoose = null } = {}) {
    this.root = root;
    this.labels = labels;
    this.onChoose = onChoose;
    this.chosen = null;
    this.input = root.querySelector("input");
    this.select = root.querySelector("select");
    root.querySelector("button.search").addEventListener("click", () => this.search());
    this.input.addEventListener("keydown", (e) => { if (e.key === "Enter") this.search(); });
  }
  async search() {
    const text = this.input.value.trim();
    if (!text) return;
    const chosenLabel = this.select && this.select.value;
    const labels = chosenLabel ? [chosenLabel] : this.labels;
    const list = this.root.querySelector(".results");
    list.replaceChildren();
    try {
      const found = (await gql(SEARCH, { text, labels, first: 20 })).search;
      if (!found.length) list.append(el("li", { textContent: "没有找到" }));
      for (const item of found) {
        const button = el("button", {
          type: "button", textContent: `${item.name}（${labelName(item.label)}）`,
        });
        button.dataset.id = item.id;
        button.addEventListener("click", () => this.choose(item));
        list.append(el("li", {}, button));
      }
      say("");
    } catch (error) { failed(error); }
  }
  choose(item) {
    this.chosen = item;
    const chosen = this.root.querySelector(".chosen");
    if (chosen) chosen.textContent = `${item.name}（${item.id}）`;
    this.root.querySelector(".results").replaceChildren();
    if (this.onChoose) this.onChoose(item);
  }
}

const pickers = {};

// ---- the graph ---------------------------------------------------------------------------------

const NEIGHBOURHOOD = `query($id: ID!, $depth: Int!, $types: [RelationshipType!], $limit: Int!) {
  neighborhood(id: $id, depth: $depth, types: $types, limit: $limit) {
    nodes { id label name } relationships { type from to } truncated } }`;

function cyStyle() {
  return [
    { selector: "node", style: {
      label: "data(name)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 2,
      "background-color": (n) => (STYLE[n.data("label")] || ["#999"])[0],
      shape: (n) => (STYLE[n.data("label")] || [0, "ellipse"])[1],
      width: 18, height: 18,
    } },
    { selector: "node.centre", style: { width: 30, height: 30, "border-width": 3, "border-color": "#000" } },
    { selector: "node:selected", style: { "border-width": 3, "border-color": "#ffd700" } },
    { selector: "edge", style: {
      label: "data(name)", "font-size": 8, "curve-style": "bezier", width: 1,
      "target-arrow-shape": "triangle", "arrow-scale": 0.7, color: "#555",
      "line-color": "#bbb", "target-arrow-color": "#bbb", "text-rotation": "autorotate",
    } },
  ];
}

function elementsOf(nodes, relationships) {
  const items = nodes.map((n) => ({ group: "nodes", data: { id: n.id, name: n.name || n.id, label: n.label } }));
  for (const r of relationships) {
    items.push({ group: "edges", data: {
      id: `${r.from}|${r.type}|${r.to}`, source: r.from, target: r.to, type: r.type,
      name: REL_NAMES[r.type] || r.type,
    } });
  }
  return items;
}

// Rings by distance from the centre: fast for 500 nodes, and it reads as hops.
function concentric(cy, centre) {
  const depth = {};
  cy.elements().bfs({ roots: cy.getElementById(centre), directed: false,
    visit: (v, e, u, i, d) => { depth[v.id()] = d; } });
  const deepest = Math.max(0, ...Object.values(depth));
  return cy.layout({
    name: "concentric", animate: false, minNodeSpacing: 6,
    concentric: (n) => deepest + 1 - (depth[n.id()] ?? deepest + 1), levelWidth: () => 1,
  });
}

function selectedTypes() {
  const boxes = [...document.querySelectorAll("#types input:checked")];
  const all = document.querySelectorAll("#types input").length;
  return boxes.length === all ? null : boxes.map((b) => b.value);
}

async function openEntity(item) {
  const started = performance.now();
  const depth = Number(document.getElementById("depth").value);
  try {
    const hood = (await gql(NEIGHBOURHOOD, {
      id: item.id, depth, types: selectedTypes(), limit: NEIGHBOURS,
    })).neighborhood;
    const answered = performance.now() - started; // the API's part, beside the drawing's
    state.centre = item.id;
    if (state.cy) state.cy.destroy();
    state.cy = cytoscape({
      container: document.getElementById("graph"),
      elements: elementsOf(hood.nodes, hood.relationships),
      style: cyStyle(), wheelSensitivity: 0.3,
    });
    state.cy.getElementById(item.id).addClass("centre");
    state.cy.on("tap", "node", (event) => showDetails(event.target.id()));
    const layout = concentric(state.cy, item.id);
    layout.one("layoutstop", () => {
      window.__partygraph.timings.neighbourhood = {
        ms: performance.now() - started, apiMs: answered, nodes: hood.nodes.length,
      };
    });
    layout.run();
    status(hood);
    say("");
  } catch (error) { failed(error); }
}

function status(hood) {
  const shown = state.cy.nodes().length;
  const text = `${shown} 个节点，${state.cy.edges().length} 条关系`;
  document.getElementById("graph-status").textContent = hood.truncated
    ? `${text}（邻域较大，已截断：最多显示 ${NEIGHBOURS} 个节点）` : text;
}

async function showDetails(id) {
  const panel = document.getElementById("details");
  // Aliased by label: `category` of a Unit and of a Project are different enums, which one
  // selection may not merge under one name.
  const fragments = Object.entries(FIELDS).map(([label, fields]) =>
    `... on ${label} { ${fields.split(" ").map((f) => `${label}_${f}: ${f}`).join(" ")} }`).join(" ");
  try {
    const node = (await gql(`query($id: ID!) { node(id: $id) { id name label ${fragments} } }`, { id })).node;
    if (!node) { panel.replaceChildren(el("p", { textContent: "无权查看或不存在" })); return; }
    const list = el("dl");
    const add = (name, value, masked = false) => {
      list.append(el("dt", { textContent: name }));
      list.append(el("dd", { textContent: value, className: masked ? "masked" : "" }));
    };
    add("id", node.id);
    add("类型", labelName(node.label));
    const masking = node[`${node.label}_personalDataMasked`];
    for (const field of (FIELDS[node.label] || "").split(" ")) {
      if (!field || field === "personalDataMasked") continue;
      const value = node[`${node.label}_${field}`];
      const masked = masking && PERSONAL.includes(field);
      if (masked) add(FIELD_NAMES[field] || field, value == null ? "（已屏蔽）" : `${value}（已脱敏）`, true);
      else if (value != null) add(FIELD_NAMES[field] || field, String(value));
    }
    const expand = el("button", { type: "button", textContent: "展开邻居" });
    expand.dataset.testid = "expand";
    expand.addEventListener("click", () => expandNode(node.id));
    panel.replaceChildren(el("h3", { textContent: node.name || node.id }), list, expand);
  } catch (error) { failed(error); }
}

async function expandNode(id) {
  try {
    const hood = (await gql(NEIGHBOURHOOD, {
      id, depth: 1, types: selectedTypes(), limit: NEIGHBOURS,
    })).neighborhood;
    const fresh = elementsOf(hood.nodes, hood.relationships).filter(
      (item) => state.cy.getElementById(item.data.id).empty());
    state.cy.add(fresh);
    concentric(state.cy, state.centre).run();
    status(hood);
    window.__partygraph.timings.expanded = { added: fresh.length };
  } catch (error) { failed(error); }
}

// ---- downloads -------------------------------------------------------------------------------

function download(name, blob) {
  const link = el("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}

function exportPng(cy, name) {
  if (!cy) { say("还没有可导出的图"); return; }
  download(name, cy.png({ full: true, bg: "#ffffff", output: "blob", scale: 2 }));
}

// CSV with a byte order mark, so that spreadsheet programs read the Chinese as UTF-8.
function exportCsv(name, rows) {
  const cell = (v) => `"${String(v ?? "").replaceAll('"', '""')}"`;
  const text = rows.map((row) => row.map(cell).join(",")).join("\r\n");
  download(name, new Blob(["\ufeff" + text + "\r\n"], { type: "text/csv;charset=utf-8" }));
}

// ---- the path finder ---------------------------------------------------------------------------

const PATH = `query($from: ID!, $to: ID!, $hops: Int!) {
  shortestPath(from: $from, to: $to, maxHops: $hops) {
    length nodes { id label name } relationships { type from to } } }`;

async function findPath() {
  const from = pickers.from.chosen;
  const to = pickers.to.chosen;
  const out = document.getElementById("path-status");
  if (!from || !to) { out.textContent = "请先选择起点和终点"; return; }
  const hops = Number(document.getElementById("max-hops").value);
  try {
    const path = (await gql(PATH, { from: from.id, to: to.id, hops })).shortestPath;
    if (state.pathCy) { state.pathCy.destroy(); state.pathCy = null; }
    if (!path) { out.textContent = `${hops} 步以内没有路径`; return; }
    out.textContent = `最短路径：${path.length} 步`;
    state.pathCy = cytoscape({
      container: document.getElementById("path-graph"),
      elements: elementsOf(path.nodes, path.relationships), style: cyStyle(),
    });
    state.pathCy.getElementById(from.id).addClass("centre");
    state.pathCy.layout({ name: "breadthfirst", roots: [from.id], directed: false, animate: false }).run();
    say("");
  } catch (error) { failed(error); }
}

// ---- area dashboards -------------------------------------------------------------------------

// Each community's paired units come with its reporting figures: one request, not two.
const REPORTING = `query($a: ID!) { reportingSummary(areaId: $a) {
  community { id name pairedUnits(first: 20) { id } } residing reported unreported } }`;
const UNREPORTED = `query($a: ID!, $first: Int, $after: String) {
  unreportedMembersIn(areaId: $a, first: $first, after: $after) {
    totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } } }`;
const GAPS = `query($a: ID!) { coverageGaps(areaId: $a) {
  communitiesWithoutContactLeader { id name } communitiesWithoutPairedUnit { id name }
  gridsWithoutPartyBranch { id name } gridsUnderStaffed { grid { id name } cadres volunteers }
  buildingGridsMissingRoles { grid { id name } missing } } }`;
const REQUESTS = `query($a: ID!) {
  requestStats(areaId: $a) { total closed open overdue escalated closureRate }
  requestStatsByArea(areaId: $a) { area { id name } total closed overdue escalated closureRate } }`;

const charts = {};
function chart(id, option) {
  if (!charts[id]) charts[id] = echarts.init(document.getElementById(id));
  charts[id].setOption(option, true);
}
function bars(id, names, series) {
  chart(id, {
    tooltip: { trigger: "axis" }, legend: {}, grid: { left: 40, right: 10, bottom: 80 },
    xAxis: { type: "category", data: names, axisLabel: { rotate: 45, interval: 0, fontSize: 10 } },
    yAxis: { type: "value" },
    series: series.map(([name, data, stack]) => ({ name, type: "bar", data, stack })),
    animation: false,
  });
}

async function openArea(area) {
  const started = performance.now();
  const out = document.getElementById("dashboard-status");
  out.textContent = `${labelName(area.label)} ${area.name} 加载中…`;
  state.unreportedCursors = [null];
  const parts = await Promise.allSettled([
    reportingPart(area), unreportedPart(area, null), gapsPart(area), requestsPart(area),
  ]);
  const failures = parts.filter((p) => p.status === "rejected");
  window.__partygraph.timings.dashboard = { ms: performance.now() - started, area: area.id };
  out.textContent = failures.length
    ? `部分内容无法取得：${failures.map((f) => f.reason.code || f.reason.message).join("，")}`
    : `${labelName(area.label)} ${area.name}`;
}

async function reportingPart(area) {
  const rows = (await gql(REPORTING, { a: area.id })).reportingSummary;
  state.lists.reporting = [["社区 id", "社区", "居住党员", "已报到", "未报到"],
    ...rows.map((r) => [r.community.id, r.community.name, r.residing, r.reported, r.unreported])];
  bars("reporting-chart", rows.map((r) => r.community.name), [
    ["已报到", rows.map((r) => r.reported), "a"], ["未报到", rows.map((r) => r.unreported), "a"],
  ]);
  pairingPart(rows.map((r) => r.community));
}

async function unreportedPart(area, after) {
  const page = (await gql(UNREPORTED, { a: area.id, first: PAGE, after })).unreportedMembersIn;
  const card = document.getElementById("reporting");
  card.querySelector(".count").textContent = `共 ${page.totalCount} 人`;
  const table = document.getElementById("unreported");
  table.replaceChildren(el("tr", {}, el("th", { textContent: "id" }), el("th", { textContent: "姓名" })),
    ...page.edges.map((e) => el("tr", {}, el("td", { textContent: e.node.id }), el("td", { textContent: e.node.name || "" }))));
  state.unreported = { area, page, after };
}

async function allUnreported(area) {
  const rows = [["id", "姓名"]];
  let after = null;
  for (;;) {
    const page = (await gql(UNREPORTED, { a: area.id, first: 100, after })).unreportedMembersIn;
    rows.push(...page.edges.map((e) => [e.node.id, e.node.name]));
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}

const GAP_LISTS = [
  ["communitiesWithoutContactLeader", "无包联领导的社区", (x) => [x.id, x.name]],
  ["communitiesWithoutPairedUnit", "无结对单位的社区", (x) => [x.id, x.name]],
  ["gridsWithoutPartyBranch", "无党支部的网格", (x) => [x.id, x.name]],
  ["gridsUnderStaffed", "低于配备标准的网格（干部 / 志愿者）", (x) => [x.grid.id, x.grid.name, x.cadres, x.volunteers]],
  ["buildingGridsMissingRoles", "缺“两长四员”的楼栋", (x) => [x.grid.id, x.grid.name, x.missing.join(" ")]],
];

async function gapsPart(area) {
  const gaps = (await gql(GAPS, { a: area.id })).coverageGaps;
  const lists = document.querySelector("#gaps .lists");
  lists.replaceChildren();
  for (const [field, title, row] of GAP_LISTS) {
    const items = gaps[field];
    state.lists[field] = items.map(row);
    const table = el("table", { className: "list" },
      ...items.slice(0, 200).map((x) => el("tr", {}, ...row(x).map((v) => el("td", { textContent: String(v) })))));
    const csv = el("button", { type: "button", className: "csv", textContent: "导出 CSV" });
    csv.dataset.list = field;
    csv.addEventListener("click", () => exportCsv(`${field}.csv`, state.lists[field]));
    const box = el("details", {}, el("summary", { textContent: `${title}：${items.length}` }), table, csv);
    box.dataset.gap = field;
    box.dataset.count = items.length;
    lists.append(box);
  }
}

async function requestsPart(area) {
  const data = await gql(REQUESTS, { a: area.id });
  const t = data.requestStats;
  const rate = (x) => (x == null ? "—" : `${(x * 100).toFixed(1)}%`);
  const totals = document.querySelector("#requests .totals");
  totals.textContent = `诉求 ${t.total} 件，办结 ${t.closed}，在办 ${t.open}，超期 ${t.overdue}，吹哨上报 ${t.escalated}，办结率 ${rate(t.closureRate)}`;
  totals.dataset.total = t.total;
  totals.dataset.closureRate = t.closureRate ?? "";
  const rows = data.requestStatsByArea;
  state.lists.requests = [["区域 id", "区域", "诉求", "办结", "超期", "吹哨上报", "办结率"],
    ...rows.map((r) => [r.area.id, r.area.name, r.total, r.closed, r.overdue, r.escalated, r.closureRate ?? ""])];
  chart("requests-chart", {
    tooltip: { trigger: "axis" }, legend: {}, grid: { left: 40, right: 40, bottom: 80 },
    xAxis: { type: "category", data: rows.map((r) => r.area.name), axisLabel: { rotate: 45, interval: 0, fontSize: 10 } },
    yAxis: [{ type: "value" }, { type: "value", max: 1, axisLabel: { formatter: (v) => `${v * 100}%` } }],
    series: [
      { name: "超期", type: "bar", data: rows.map((r) => r.overdue) },
      { name: "吹哨上报", type: "bar", data: rows.map((r) => r.escalated) },
      { name: "办结率", type: "line", yAxisIndex: 1, data: rows.map((r) => r.closureRate) },
    ],
    animation: false,
  });
}

function pairingPart(found) {
  const count = (c) => c.pairedUnits.length;
  state.lists.pairing = [["社区 id", "社区", "结对单位数（至多 20）"], ...found.map((c) => [c.id, c.name, count(c)])];
  const card = document.getElementById("pairing");
  card.dataset.total = found.reduce((sum, c) => sum + count(c), 0);
  bars("pairing-chart", found.map((c) => c.name), [["结对单位", found.map(count)]]);
}

// ---- wiring --------------------------------------------------------------------------------

function showTab(name) {
  for (const tab of document.querySelectorAll(".tab")) tab.setAttribute("aria-selected", tab.dataset.tab === name);
  for (const panel of document.querySelectorAll(".panel")) panel.hidden = panel.id !== `tab-${name}`;
  for (const c of Object.values(charts)) c.resize();
}

function setUp() {
  const labelSelect = document.querySelector("#graph-picker select");
  for (const [label, name] of Object.entries(LABEL_NAMES)) labelSelect.append(el("option", { value: label, textContent: name }));
  const checks = document.querySelector("#types .checks");
  for (const [type, name] of Object.entries(REL_NAMES)) {
    const box = el("input", { type: "checkbox", value: type, checked: true });
    checks.append(el("label", {}, box, ` ${name}`));
  }
  const legend = document.getElementById("legend");
  for (const [label, [colour]] of Object.entries(STYLE)) {
    const item = el("span", { textContent: labelName(label) });
    item.style.setProperty("--swatch", colour);
    legend.append(item);
  }
  pickers.graph = new Picker(document.getElementById("graph-picker"), { onChoose: openEntity });
  pickers.from = new Picker(document.getElementById("from-picker"));
  pickers.to = new Picker(document.getElementById("to-picker"));
  pickers.area = new Picker(document.getElementById("area-picker"),
    { labels: ["District", "Street", "Community"], onChoose: openArea });
  for (const tab of document.querySelectorAll(".tab")) tab.addEventListener("click", () => showTab(tab.dataset.tab));
  document.getElementById("depth").addEventListener("change", () => state.centre && openEntity({ id: state.centre }));
  document.getElementById("types").addEventListener("change", () => state.centre && openEntity({ id: state.centre }));
  document.getElementById("export-png").addEventListener("click", () => exportPng(state.cy, "关系图.png"));
  document.getElementById("export-path-png").addEventListener("click", () => exportPng(state.pathCy, "路径.png"));
  document.getElementById("find-path").addEventListener("click", findPath);
  const card = document.getElementById("reporting");
  card.querySelector(".next").addEventListener("click", async () => {
    const u = state.unreported;
    if (!u || !u.page.pageInfo.hasNextPage) return;
    state.unreportedCursors.push(u.page.pageInfo.endCursor);
    await unreportedPart(u.area, u.page.pageInfo.endCursor).catch(failed);
  });
  card.querySelector(".prev").addEventListener("click", async () => {
    if (!state.unreported || state.unreportedCursors.length < 2) return;
    state.unreportedCursors.pop();
    await unreportedPart(state.unreported.area, state.unreportedCursors.at(-1)).catch(failed);
  });
  card.querySelector(".csv").addEventListener("click", async () => {
    if (!state.unreported) return;
    try { exportCsv("未报到党员.csv", await allUnreported(state.unreported.area)); } catch (e) { failed(e); }
  });
  for (const list of ["requests", "pairing"]) {
    document.querySelector(`#${list} .csv`).addEventListener("click", () => exportCsv(`${list}.csv`, state.lists[list] || []));
  }
  document.getElementById("sign-in").addEventListener("submit", (event) => {
    event.preventDefault();
    signIn(document.getElementById("token").value).catch(failed);
  });
  document.getElementById("sign-out").addEventListener("click", signOut);
  const kept = sessionStorage.getItem("partygraph-token");
  if (kept) signIn(kept).catch(failed);
}

setUp();
