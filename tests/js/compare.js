#!/usr/bin/env node
// Compares programs of the differential suite quickly, without `cargo test`:
// runs each FILE.js in node (run.js) and in a built `cbot script --format
// json`, and prints `ok`, `DIFF` (with both results) or `DIFFERS-AS-MARKED`
// per file. The authoritative check is `cargo test --test all differential`;
// this is for writing programs.
//
// Usage: CBOT=target/release/cbot node tests/js/compare.js FILE.js …
// Exit status: 0 when every file agrees (or differs as marked), 1 otherwise.
'use strict';

const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const cbot = process.env.CBOT || path.join(__dirname, '../../target/release/cbot');
const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: CBOT=path/to/cbot node tests/js/compare.js FILE.js …\n');
  process.exit(2);
}

// The same comparison as tests/all/script.rs `same`: numbers as doubles,
// error objects by name only.
function same(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a === b || (a !== a && b !== b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if ('name' in a && 'message' in a) return a.name === b.name;
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && same(a[k], b[k]));
  }
  return a === b;
}

const reference = execFileSync('node', [path.join(__dirname, 'run.js'), ...files], {
  env: { ...process.env, TZ: 'UTC' },
  encoding: 'utf8',
}).trim().split('\n');

let bad = 0;
files.forEach((file, i) => {
  const want = JSON.parse(reference[i]);
  const text = fs.readFileSync(file, 'utf8');
  const args = ['script', file, '--format', 'json'];
  const differs = /^\/\/!\s*differs\s*:/m.test(text.split('\n').filter((l) => l.startsWith('//!')).join('\n'));
  for (const line of text.split('\n')) {
    const m = /^\/\/!\s*([a-z-]+)\s*:(.*)$/.exec(line);
    if (!m) break;
    if (m[1] === 'channel') args.push('--channel', m[2].trim());
    if (m[1] === 'user-message') args.push('--user-message', m[2].trim());
  }
  const run = spawnSync(cbot, args, { encoding: 'utf8' });
  let got;
  try {
    const out = JSON.parse(run.stdout);
    got = { calls: out.calls, return: out.error ? null : out.return, error: out.error ? { name: out.error.kind, message: '' } : null };
  } catch (e) {
    got = { compile: (run.stdout + run.stderr).trim() };
  }
  const agree = same(want, got);
  if (agree && !differs) {
    console.log(`ok   ${file}`);
  } else if (!agree && differs) {
    console.log(`ok   ${file} (differs as marked)`);
  } else {
    bad++;
    console.log(`DIFF ${file}${differs ? ' (marked differs but agrees)' : ''}\n  node: ${JSON.stringify(want)}\n  cbot: ${JSON.stringify(got)}`);
  }
});
process.exit(bad ? 1 : 0);
