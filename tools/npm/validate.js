#!/usr/bin/env node
// validate.js runs AWS's two npm ASL validators over many files in one
// Node.js process and writes one JSON result per file (JSON Lines) to a
// results file. It is driven by github.com/goasl/goasl/internal/aslcheck.
//
// Usage:
//   node validate.js [--timing] RESULTS_FILE [FILE...]
//
// With no FILE arguments the paths are read from standard input, one per
// line. Relative paths are resolved against the working directory. Data goes
// only to RESULTS_FILE (never to stdout), each line being
//   {"file": "<path as given>", "languageService": [...], "aslValidator": [...]}
// or, for a file that cannot be read,
//   {"file": "<path as given>", "readError": "<why>"}
// With --timing, start-up and per-file times are written to stderr. With
// ASLCHECK_FRESH_AJV=1 in the environment, asl-validator compiles its
// schemas afresh for every file, as it does on its own (see
// shareAjvInstance).
// The exit code is 0 when every file was processed (whatever the
// diagnostics), 2 on a usage error and 1 on an internal failure.

'use strict';

const fs = require('fs');
const path = require('path');

const started = process.hrtime.bigint();

// Only the pinned packages next to this script are used, whatever the
// working directory is.
const here = __dirname;
const req = (name) => require(path.join(here, 'node_modules', name));

function ms(from) {
  return Number(process.hrtime.bigint() - from) / 1e6;
}

function usage(msg) {
  process.stderr.write(`validate.js: ${msg}\nusage: node validate.js [--timing] RESULTS_FILE [FILE...]\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------
// amazon-states-language-service

// Severities of the Language Server Protocol: 1 error, 2 warning,
// 3 information, 4 hint. Errors and warnings are both failures: the service
// reports duplicate JSON keys as warnings.
const severityWord = { 1: 'error', 2: 'warning' };

// isEmptyCommentFalsePositive reports whether diag is the service's
// rejection of an empty "Comment" string. The bundled JSON schema gives
// Comment a minimum length of 1, but Step Functions accepts "Comment": ""
// (validators.md lists it as a known false positive). The filter is kept
// narrow: the message must be the schema's minimum-length message, and the
// value the diagnostic points at must be the empty string held by a property
// named exactly "Comment". Every other minimum-length complaint stays.
function isEmptyCommentFalsePositive(diag, doc, jsonDoc) {
  if (diag.message !== 'String is shorter than the minimum length of 1.') {
    return false;
  }
  const node = jsonDoc.getNodeFromOffset(doc.offsetAt(diag.range.start));
  if (!node || node.type !== 'string' || node.value !== '') {
    return false;
  }
  const prop = node.parent;
  return Boolean(prop && prop.type === 'property' && prop.valueNode === node &&
    prop.keyNode && prop.keyNode.value === 'Comment');
}

async function languageServiceDiagnostics(service, TextDocument, file, text) {
  const uri = 'file://' + path.resolve(file);
  const doc = TextDocument.create(uri, 'asl', 1, text);
  const jsonDoc = service.parseJSONDocument(doc);
  const diags = await service.doValidation(doc, jsonDoc);
  const kept = diags
    .filter((d) => d.severity === 1 || d.severity === 2)
    .filter((d) => !isEmptyCommentFalsePositive(d, doc, jsonDoc))
    .map((d) => ({
      line: d.range.start.line + 1,
      col: d.range.start.character + 1,
      text: `${severityWord[d.severity]}: ${d.message}`,
    }));
  kept.sort((a, b) => a.line - b.line || a.col - b.col || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return kept.map((d) => `${d.line}:${d.col}: ${d.text}`);
}

// ---------------------------------------------------------------------------
// asl-validator

// normalizeJSONata rewrites, in a copy of the definition handed to
// asl-validator, every string value of the form "{%...%}" whose delimiters
// are not followed/preceded by exactly one space, or whose body spans several
// lines, into the one-line "{% body %}" form. asl-validator's schema requires
// the pattern ^\{% .+ %\}$, which rejects "{%$x%}" and multi-line JSONata
// that Step Functions accepts (validators.md lists both as false positives).
// A schema error also stops asl-validator from running its other checks, so
// the value is normalised before validation instead of filtering the error
// afterwards. The body itself is kept: asl-validator still parses it with
// JSONata, so a real syntax error is still reported. Replacing a line break
// by a space keeps a JSONata expression's syntax (a line break is whitespace
// outside a string literal and an ordinary character inside one). An empty
// body is left alone so that "{%%}" is still rejected.
const jsonataRe = /^\{%([\s\S]*)%\}$/;
const canonicalJSONataRe = /^\{% .+ %\}$/;

function normalizeJSONata(value) {
  if (typeof value === 'string') {
    const m = jsonataRe.exec(value);
    if (!m || canonicalJSONataRe.test(value)) {
      return value;
    }
    const body = m[1].replace(/[\r\n\u2028\u2029]/g, ' ').trim();
    return body === '' ? value : `{% ${body} %}`;
  }
  if (Array.isArray(value)) {
    return value.map(normalizeJSONata);
  }
  if (value !== null && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value)) {
      out[key] = normalizeJSONata(value[key]);
    }
    return out;
  }
  return value;
}

// shareAjvInstance makes asl-validator compile its JSON schemas once per
// process instead of once per file, which takes its time from about 75 ms to
// a few ms a file. asl-validator 4.0.0 builds a new Ajv instance on every
// call (checks/json-schema-errors.js: `new ajv_1.default({schemas: ...})`,
// then registers the same formats and keywords on it) and validates against
// it once. The first construction here returns a real Ajv instance that
// asl-validator sets up as usual; every later one returns a view of that
// same instance whose set-up methods do nothing, so the schemas compiled by
// the first validation are reused. This is sound only because every call
// passes the same options ({checkPaths: true, checkArn: true}), hence the
// same schemas and formats, and the format functions are pure. The Go test
// TestSharedAjvMatchesFreshAjv checks that the verdicts are the same with
// ASLCHECK_FRESH_AJV=1, which turns the sharing off.
const ajvSetupMethods = new Set(['addSchema', 'addMetaSchema', 'addFormat', 'addKeyword', 'addVocabulary', 'removeSchema', 'removeKeyword']);

function shareAjvInstance() {
  const validatorDir = path.dirname(require.resolve(path.join(here, 'node_modules', 'asl-validator')));
  const ajvModule = require(require.resolve('ajv', { paths: [path.join(validatorDir, 'checks')] }));
  const RealAjv = ajvModule.default;
  if (typeof RealAjv !== 'function') {
    throw new Error('ajv has no default export: the asl-validator schema cache needs updating');
  }
  let shared = null;
  let view = null;
  function SharedAjv(opts) {
    if (shared === null) {
      shared = new RealAjv(opts);
      view = new Proxy(shared, {
        get(target, prop) {
          if (ajvSetupMethods.has(prop)) {
            return () => view;
          }
          const value = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return shared;
    }
    return view;
  }
  ajvModule.default = SharedAjv;
}

function aslValidatorDiagnostics(aslValidator, text) {
  let definition;
  try {
    definition = JSON.parse(text);
  } catch (err) {
    return [`INVALID_JSON: ${err.message}`];
  }
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    return ['INVALID_JSON: the document is not a JSON object'];
  }
  let result;
  try {
    // asl-validator mutates its argument (it fills in QueryLanguage on
    // every state); the normalised copy is ours to give away.
    result = aslValidator(normalizeJSONata(definition), { checkPaths: true, checkArn: true });
  } catch (err) {
    return [`VALIDATOR_EXCEPTION: ${err && err.message ? err.message : String(err)}`];
  }
  return (result.errors || []).map((e) => `${e['Error code']}: ${e.Message}`);
}

// ---------------------------------------------------------------------------

function readFileList() {
  const text = fs.readFileSync(0, 'utf8');
  return text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l !== '');
}

async function main() {
  const args = process.argv.slice(2);
  let timing = false;
  if (args[0] === '--timing') {
    timing = true;
    args.shift();
  }
  if (args.length === 0 || args[0].startsWith('-')) {
    usage('missing RESULTS_FILE');
  }
  const resultsFile = args.shift();
  const files = args.length > 0 ? args : readFileList();

  const ls = req('amazon-states-language-service');
  const { TextDocument } = req('vscode-languageserver-textdocument');
  if (process.env.ASLCHECK_FRESH_AJV !== '1') {
    shareAjvInstance();
  }
  const aslValidator = req('asl-validator');
  const service = ls.getLanguageService({});
  const loaded = ms(started);

  const lines = [];
  const times = [];
  for (const file of files) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      lines.push(JSON.stringify({ file, readError: err.message }));
      continue;
    }
    const t1 = process.hrtime.bigint();
    const languageService = await languageServiceDiagnostics(service, TextDocument, file, text);
    const t2 = process.hrtime.bigint();
    const aslValidatorErrors = aslValidatorDiagnostics(aslValidator, text);
    const t3 = process.hrtime.bigint();
    times.push({ lsMs: Number(t2 - t1) / 1e6, avMs: Number(t3 - t2) / 1e6 });
    lines.push(JSON.stringify({ file, languageService, aslValidator: aslValidatorErrors }));
  }

  const tmp = `${resultsFile}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, lines.map((l) => l + '\n').join(''));
  fs.renameSync(tmp, resultsFile);

  if (timing) {
    const sum = (k) => times.reduce((a, t) => a + t[k], 0);
    const n = times.length;
    const fmt = (x) => x.toFixed(1);
    process.stderr.write(`validate.js: start-up ${fmt(loaded)} ms (node start not included), ${n} files\n`);
    if (n > 0) {
      process.stderr.write(`validate.js: language service ${fmt(sum('lsMs'))} ms (${fmt(sum('lsMs') / n)} ms/file), ` +
        `asl-validator ${fmt(sum('avMs'))} ms (${fmt(sum('avMs') / n)} ms/file), total ${fmt(ms(started))} ms\n`);
    }
  }
}

main().catch((err) => {
  process.stderr.write(`validate.js: ${err && err.stack ? err.stack : String(err)}\n`);
  process.exit(1);
});
