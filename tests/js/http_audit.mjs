// Runs graphql-http's GraphQL-over-HTTP audit suite against a served partygraph and prints
// its results as JSON: usage `node http_audit.mjs URL` with PARTYGRAPH_TOKEN in the environment.
// The audits send no Authorization header; every request here gets the token's, since without
// it the service answers 401 before GraphQL is reached. The audits run one at a time
// (auditServer would send all 61 at once, and one token may have only
// PARTYGRAPH_MAX_CONCURRENT requests running: the rest would be answered 429).
import { serverAudits } from '../../tools/web/node_modules/graphql-http/lib/index.mjs';

const [url] = process.argv.slice(2);
const token = process.env.PARTYGRAPH_TOKEN;
if (!url || !token) {
  console.error('usage: PARTYGRAPH_TOKEN=... node http_audit.mjs URL');
  process.exit(2);
}

function withToken(input, init = {}) {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
}

const results = [];
for (const audit of serverAudits({ url, fetchFn: withToken })) {
  results.push(await audit.fn());
}
const counts = { ok: 0, notice: 0, warn: 0, error: 0 };
const failures = [];
for (const result of results) {
  counts[result.status] += 1;
  if (result.status !== 'ok') {
    const body = await result.response.text().catch(() => '');
    failures.push({
      id: result.id,
      name: result.name,
      status: result.status,
      reason: result.reason,
      responseStatus: result.response.status,
      contentType: result.response.headers.get('content-type'),
      body: body.slice(0, 300),
    });
  }
}
console.log(JSON.stringify({ counts, failures }, null, 2));
