// Walks the relationship explorer (/explore) in Debian's chromium (playwright-core from
// tools/web) as a member of an organisation department would, with every request off
// 127.0.0.1 aborted, and reports what the page showed, as JSON on stdout:
// tests/test_explorer_browser.py asserts on it against the API.
//
//   node tests/js/explore.mjs '{"url": ..., "token": ..., "search": ..., "depth": n,
//     "types": [type, ...] | null, "open": id, "expand": id,
//     "paths": [{"from": [text, id], "to": [text, id], "hops": n}, ...],
//     "area": [text, id] | null, "shots": folder, "name": prefix}'
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(fileURLToPath(new URL("../../tools/web/", import.meta.url)));
const { chromium } = require("playwright-core");

const options = JSON.parse(process.argv[2]);
const report = { external: [], console: [], steps: {}, failure: null };

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    report.external.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") report.console.push(m.text()); });
  page.on("pageerror", (e) => report.console.push(String(e)));
  const shot = async (name) => {
    if (options.shots) await page.screenshot({ path: `${options.shots}/${options.name}-${name}.png`, fullPage: true });
  };
  const text = (selector) => page.locator(selector).first().innerText();

  await page.goto(`${options.url}/explore`);
  await page.fill("#token", options.token);
  await page.click("#sign-in button[type=submit]");
  await page.waitForSelector("#who:not([hidden])", { timeout: 15000 });
  report.steps.who = await text("#who-text");
  await shot("signed-in");

  // Search in Chinese, open one result.
  if (options.depth) await page.selectOption("#depth", String(options.depth));
  if (options.types) {  // the relationship-type filter: only these stay ticked
    await page.evaluate((keep) => {
      for (const box of document.querySelectorAll("#types input")) box.checked = keep.includes(box.value);
    }, options.types);
  }
  await page.fill("#graph-picker input", options.search);
  await page.click("#graph-picker button.search");
  await page.waitForSelector("#graph-picker .results li", { timeout: 15000 });
  report.steps.search = await page.locator("#graph-picker .results button").evaluateAll(
    (buttons) => buttons.map((b) => b.dataset.id));
  report.steps.message = await text("#message");
  if (options.open) {
    const hit = page.locator(`#graph-picker .results button[data-id="${options.open}"]`);
    if (await hit.count()) {
      await hit.click();
      await page.waitForFunction(() => window.__partygraph.timings.neighbourhood, null, { timeout: 30000 });
      report.steps.opened = await page.evaluate(() => window.__partygraph.drawn());
      report.steps.graphStatus = await text("#graph-status");
      report.steps.neighbourhoodMs = await page.evaluate(() => window.__partygraph.timings.neighbourhood);
      await shot("graph");
      if (options.expand) {
        await page.evaluate((id) => window.__partygraph.tap(id), options.expand);
        await page.waitForSelector("#details [data-testid=expand]", { timeout: 15000 });
        report.steps.details = await text("#details");
        await shot("details");
        const before = await page.evaluate(() => window.__partygraph.drawn().nodes.length);
        await page.click("#details [data-testid=expand]");
        await page.waitForFunction((n) => window.__partygraph.drawn().nodes.length !== n
          || window.__partygraph.timings.expanded, before, { timeout: 15000 });
        report.steps.expanded = await page.evaluate(() => window.__partygraph.drawn());
        await shot("expanded");
      }
      const download = page.waitForEvent("download");
      await page.click("#export-png");
      const png = await download;
      const pngPath = `${options.shots}/${options.name}-export.png`;
      await png.saveAs(pngPath);  // the browser's own copy goes with the browser
      report.steps.png = { name: png.suggestedFilename(), path: pngPath };
    }
  }

  // The path finder, once for each pair asked for.
  report.steps.paths = [];
  for (const [n, path] of (options.paths || []).entries()) {
    await page.click(".tab[data-tab=path]");
    for (const [picker, [search, id]] of [["#from-picker", path.from], ["#to-picker", path.to]]) {
      await page.fill(`${picker} input`, search);
      await page.click(`${picker} button.search`);
      await page.click(`${picker} .results button[data-id="${id}"]`, { timeout: 15000 });
    }
    await page.selectOption("#max-hops", String(path.hops));
    await page.evaluate(() => { document.getElementById("path-status").textContent = ""; });
    await page.click("#find-path");
    await page.waitForFunction(() => document.getElementById("path-status").textContent !== "", null, { timeout: 15000 });
    report.steps.paths.push({
      status: await text("#path-status"),
      drawn: await page.evaluate(() => window.__partygraph.drawn("path")),
    });
    await shot(`path-${n + 1}`);
  }

  // An area's dashboards.
  if (options.area) {
    await page.click(".tab[data-tab=dashboard]");
    const [search, id] = options.area;
    await page.fill("#area-picker input", search);
    await page.click("#area-picker button.search");
    await page.waitForSelector("#area-picker .results li", { timeout: 15000 });
    const hit = page.locator(`#area-picker .results button[data-id="${id}"]`);
    report.steps.areaFound = (await hit.count()) > 0;
    if (report.steps.areaFound) {
      await page.evaluate(() => { delete window.__partygraph.timings.dashboard; });
      await hit.click();
      await page.waitForFunction(() => window.__partygraph.timings.dashboard, null, { timeout: 60000 });
      report.steps.dashboardMs = await page.evaluate(() => window.__partygraph.timings.dashboard.ms);
      report.steps.dashboardStatus = await text("#dashboard-status");
      report.steps.lists = await page.evaluate(() => window.__partygraph.lists());
      report.steps.unreportedCount = await text("#reporting .count");
      report.steps.unreportedShown = await page.locator("#unreported tr").count();
      report.steps.gapCounts = await page.locator("#gaps details").evaluateAll(
        (boxes) => Object.fromEntries(boxes.map((b) => [b.dataset.gap, Number(b.dataset.count)])));
      report.steps.requestTotal = await page.locator("#requests .totals").getAttribute("data-total");
      report.steps.pairedTotal = await page.locator("#pairing").getAttribute("data-total");
      await shot("dashboard");
      if (await page.locator("#reporting .next").isEnabled()) {
        const first = await page.locator("#unreported td:first-child").first().innerText();
        await page.click("#reporting .next");
        await page.waitForFunction((id) => document.querySelector("#unreported td") &&
          document.querySelector("#unreported td").textContent !== id, first, { timeout: 15000 });
        report.steps.secondPage = await page.locator("#unreported td:first-child").allInnerTexts();
      }
      const download = page.waitForEvent("download");
      await page.click("#reporting .csv");
      const csv = await download;
      const csvPath = `${options.shots}/${options.name}-unreported.csv`;
      await csv.saveAs(csvPath);
      report.steps.csv = { name: csv.suggestedFilename(), path: csvPath };
    }
  }
} catch (error) {
  report.failure = String(error && error.stack || error);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
