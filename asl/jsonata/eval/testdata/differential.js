// Evaluates JSONata expressions with jsonata-js for the differential tests.
// Usage: node differential.js <path to node_modules/jsonata>
// Reads one JSON object per line, {"expr": ..., "input": <JSON text or "">},
// and writes one JSON object per line: {"result": <JSON text>} or
// {"undefined": true}, {"error": <code>} or {"skip": <why>}.
'use strict';
const jsonata = require(process.argv[2]);
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, terminal: false });
const queue = [];
let busy = false;

function hasFunction(v, depth) {
  if (depth > 50) return true;
  if (typeof v === 'function') return true;
  if (v && typeof v === 'object') {
    if (v._jsonata_lambda || v._jsonata_function) return true;
    for (const k of Object.keys(v)) if (hasFunction(v[k], depth + 1)) return true;
  }
  return false;
}

async function run(line) {
  const req = JSON.parse(line);
  let out;
  try {
    const expr = jsonata(req.expr);
    const input = req.input === '' ? undefined : JSON.parse(req.input);
    const r = await expr.evaluate(input);
    if (r === undefined) out = { undefined: true };
    else if (hasFunction(r, 0)) out = { skip: 'the result holds a function' };
    else if (typeof r === 'number' && !isFinite(r)) out = { skip: 'the result is not a finite number' };
    else out = { result: JSON.stringify(r) };
  } catch (err) {
    if (err instanceof RangeError) out = { skip: 'RangeError: ' + err.message };
    else if (!err.code && err instanceof TypeError) out = { error: 'TypeError' };
    // goasl's code for a regular expression JavaScript rejects
    else if (!err.code && err instanceof SyntaxError && /regular expression/.test(err.message)) out = { error: 'S0303' };
    else out = { error: err.code || 'NOCODE ' + String(err.message) };
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

rl.on('line', (line) => {
  queue.push(line);
  if (!busy) drain();
});

async function drain() {
  busy = true;
  while (queue.length) await run(queue.shift());
  busy = false;
}
