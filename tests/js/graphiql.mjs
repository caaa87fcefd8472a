// Opens partygraph's GraphiQL page in Debian's chromium (playwright-core from tools/web) with
// every request off 127.0.0.1 aborted, and reports what a user would see, as JSON on stdout:
// tests/test_graphiql_browser.py asserts on it.
//
//   node tests/js/graphiql.mjs '{"url": ..., "query": ..., "token": ... | null,
//                                "expect": ..., "docsType": ..., "screenshot": ...}'
// token: typed into the Headers tab; null: the tab is left as the page filled it.
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(fileURLToPath(new URL("../../tools/web/", import.meta.url)));
const { chromium } = require("playwright-core");

const options = JSON.parse(process.argv[2]);
const report = { external: [], steps: [], failure: null };
const queryEditor = ".graphiql-query-editor .CodeMirror";
const headersEditor = 'section.graphiql-editor-tool[aria-label="Headers"] .graphiql-editor:not(.hidden) .CodeMirror';
const resultEditor = "section.result-window .CodeMirror";

// The text of a CodeMirror 5 editor (GraphiQL 3's editors), all lines, not only those drawn.
const editorText = (page, selector) =>
  page.locator(selector).first().evaluate((element) => element.CodeMirror.getValue());

async function replaceText(page, selector, text) {
  await page.locator(selector).first().click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  // One input event, as a paste: no auto-closed brackets or completion picks per key.
  await page.keyboard.insertText(text);
  await page.keyboard.press("Escape");
}

async function step(name, work) {
  await work();
  report.steps.push(name);
}

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // Only the service itself: anything else is recorded (the test fails on it) and aborted.
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1") return route.continue();
    report.external.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  await context.routeWebSocket(/.*/, (socket) => {
    if (new URL(socket.url()).hostname === "127.0.0.1") return socket.connectToServer();
    report.external.push(socket.url());
    return socket.close();
  });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  try {
    await step("page loaded", async () => {
      const response = await page.goto(`${options.url}/graphql`, { waitUntil: "load" });
      report.status = response.status();
    });
    await step("editor rendered", async () => {
      await page.locator(queryEditor).first().waitFor({ state: "visible" });
      await page.locator(headersEditor).first().waitFor({ state: "visible" });
    });
    await step("headers read", async () => {
      report.initialHeaders = await editorText(page, headersEditor);
    });
    await step("query typed", async () => {
      await replaceText(page, queryEditor, options.query);
      report.query = await editorText(page, queryEditor);
    });
    if (options.token !== null) {
      await step("token typed", async () => {
        const headers = JSON.stringify({ Authorization: `Bearer ${options.token}` });
        await replaceText(page, headersEditor, headers);
        report.headers = await editorText(page, headersEditor);
      });
    }
    await step("query run", async () => {
      await page.locator("button.graphiql-execute-button").click();
      await page.waitForFunction(
        ([selector, expected]) => {
          const editor = document.querySelector(selector);
          return editor !== null && editor.CodeMirror.getValue().includes(expected);
        },
        [resultEditor, options.expect],
      );
      report.result = await editorText(page, resultEditor);
    });
    await step("docs opened", async () => {
      await page.locator('button[aria-label="Show Documentation Explorer"]').click();
      const docs = page.locator("section.graphiql-doc-explorer");
      const name = new RegExp(`^${options.docsType}$`);
      // The type in "All Schema Types", then its own page.
      await docs.locator("a.graphiql-doc-explorer-type-name", { hasText: name }).first().click();
      await docs.locator(".graphiql-doc-explorer-title", { hasText: name }).waitFor();
      report.docs = await docs.innerText();
    });
  } catch (error) {
    report.failure = `after [${report.steps.join(", ")}]: ${error.message}`;
    if (report.result === undefined) {
      report.result = await editorText(page, resultEditor).catch(() => null);
    }
  } finally {
    await page.screenshot({ path: options.screenshot, fullPage: true });
    report.screenshot = options.screenshot;
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report));
