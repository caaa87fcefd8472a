#!/usr/bin/env node
// Neo4j fidelity check: lints Cypher statements offline with Neo4j's own parser and
// semantic analysis (the Neo4j front end compiled to JavaScript, shipped in
// @neo4j-cypher/language-support).
//
// stdin:  {"schema": {"labels": [...], "relationshipTypes": [...], "propertyKeys": [...],
//                     "defaultLanguage"?: "CYPHER 5" | "CYPHER 25"},
//          "statements": [{"name": "...", "query": "...", "parameters": ["p1", ...]}]}
// stdout: [{"name": "...", "diagnostics": [{"severity": "error" | "warning" | "information"
//           | "hint", "message": "...", "line": N, "column": N}]}]
//         line and column are 1-based and point at the start of the offending text.
// Exit status: 0 when the lint ran (whatever it found), 2 on bad input or an internal failure.
//
// Functions and procedures: the semantic analysis only knows the functions and procedures
// it is given. The package exports, as `testData.mockSchema`, the output of SHOW FUNCTIONS /
// SHOW PROCEDURES from a real Neo4j server (with APOC and GDS installed). We keep the
// built-in functions (isBuiltIn) and the procedures of a plain server (db.*, dbms.*, tx.*,
// cdc.*): a statement that calls APOC or GDS fails the check, as it would on a server
// without those plugins.

import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const PLAIN_SERVER_PROCEDURE_NAMESPACES = ['db.', 'dbms.', 'tx.', 'cdc.'];

function fail(message) {
  process.stderr.write(`cypher-lint: ${message}\n`);
  process.exit(2);
}

function builtInRegistries() {
  const functions = {};
  const procedures = {};
  const mock = testData?.mockSchema;
  if (!mock?.functions || !mock?.procedures) {
    fail('the installed @neo4j-cypher/language-support no longer ships testData.mockSchema');
  }
  for (const [version, registry] of Object.entries(mock.functions)) {
    functions[version] = Object.fromEntries(
      Object.entries(registry).filter(([, fn]) => fn.isBuiltIn === true),
    );
  }
  for (const [version, registry] of Object.entries(mock.procedures)) {
    procedures[version] = Object.fromEntries(
      Object.entries(registry).filter(([name]) =>
        PLAIN_SERVER_PROCEDURE_NAMESPACES.some((ns) => name.startsWith(ns)),
      ),
    );
  }
  return { functions, procedures };
}

function stringList(value, where) {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    fail(`${where} must be a list of strings`);
  }
  return value;
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function main() {
  let input;
  try {
    input = JSON.parse(await readStdin());
  } catch (err) {
    fail(`stdin is not a JSON document: ${err.message}`);
  }
  if (input === null || typeof input !== 'object' || !Array.isArray(input.statements)) {
    fail('expected {"schema": {...}, "statements": [...]}');
  }
  const schema = input.schema ?? {};
  const { functions, procedures } = builtInRegistries();
  const baseSchema = {
    labels: stringList(schema.labels, 'schema.labels'),
    relationshipTypes: stringList(schema.relationshipTypes, 'schema.relationshipTypes'),
    propertyKeys: stringList(schema.propertyKeys, 'schema.propertyKeys'),
    functions,
    procedures,
    defaultLanguage: schema.defaultLanguage ?? 'CYPHER 5',
  };

  const results = [];
  for (const [index, statement] of input.statements.entries()) {
    if (statement === null || typeof statement !== 'object') {
      fail(`statements[${index}] must be an object`);
    }
    const name = typeof statement.name === 'string' ? statement.name : `#${index}`;
    if (typeof statement.query !== 'string') {
      fail(`statement ${name}: "query" must be a string`);
    }
    const parameterNames = stringList(statement.parameters, `statement ${name}: parameters`);
    // The linter reports `Parameter $x is not defined.` for every parameter whose
    // value in dbSchema.parameters is undefined; any other value marks it as supplied.
    const dbSchema = {
      ...baseSchema,
      parameters: Object.fromEntries(parameterNames.map((p) => [p, null])),
    };
    let diagnostics;
    try {
      // Console commands (:param, :use ...) are a Browser/cypher-shell feature; the
      // driver sends plain Cypher, so they must be reported as syntax errors.
      ({ diagnostics } = lintCypherQuery(statement.query, dbSchema, {
        consoleCommandsEnabled: false,
      }));
    } catch (err) {
      fail(`statement ${name}: the linter crashed: ${err?.stack ?? err}`);
    }
    results.push({
      name,
      diagnostics: diagnostics.map((d) => ({
        severity: SEVERITY[d.severity] ?? 'error',
        message: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
      })),
    });
  }
  process.stdout.write(JSON.stringify(results) + '\n');
}

main().catch((err) => fail(err?.stack ?? String(err)));
