// Compiles each expression with jsonata-js and reports whether it parses.
// Usage: node oracle.js <path to node_modules/jsonata>  < expressions.json
// Input: a JSON array of strings. Output: a JSON array with, for each
// expression, {"ok": true} or {"ok": false, "code": ..., "message": ...}.
'use strict';
const jsonata = require(process.argv[2]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', () => {
  const exprs = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const out = exprs.map((e) => {
    try {
      jsonata(e);
      return { ok: true };
    } catch (err) {
      return { ok: false, code: err.code || '', message: String(err.message) };
    }
  });
  process.stdout.write(JSON.stringify(out));
});
