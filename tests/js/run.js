#!/usr/bin/env node
// Reference runner for tests/data/js/GROUP/*.js: runs FILE.js the way Conversation
// Builder runs a code panel (the script body is a sloppy-mode function body
// with one parameter, `botContext`) and prints ONE line of JSON:
//   {"calls":[{"method":...,"args":[...],"result":...}],"return":...,"error":null}
// or, when the script throws, "return":null and "error":{"name":...,"message":...}.
//
// Directives: consecutive `//! key: value` lines at the very top of the file.
//   //! channel: sms            (default "web")
//   //! user-message: hi there  (default "")
//   //! differs: why           (a known difference: cbot must NOT agree)
//
// Usage: node tests/js/run.js FILE.js [FILE.js …]  (one line per file, in order)
'use strict';

const fs = require('fs');

function usage(msg) {
  process.stderr.write(`run.js: ${msg}\nusage: node tests/js/run.js FILE.js [FILE.js …]\n`);
  process.exit(2);
}

if (process.argv.length < 3) usage('expected at least one file');

function runFile(file) {
let source;
try {
  source = fs.readFileSync(file, 'utf8');
} catch (e) {
  usage(`cannot read ${file}: ${e.message}`);
}

// --- directives -------------------------------------------------------------
const config = { channel: 'web', 'user-message': '', differs: '' };
for (const line of source.split('\n')) {
  const m = /^\/\/!\s*([A-Za-z-]+)\s*:(.*)$/.exec(line.replace(/\r$/, ''));
  if (!m) break;
  const key = m[1].toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(config, key)) {
    usage(`${file}: unknown directive \`${m[1]}\``);
  }
  config[key] = m[2].trim();
}

// --- snapshots --------------------------------------------------------------
// A deep copy via a JSON round trip, taken at call time; `undefined` (and
// anything else JSON.stringify cannot represent at the top) becomes null.
function snap(v) {
  if (v === undefined) return null;
  const s = JSON.stringify(v);
  return s === undefined ? null : JSON.parse(s);
}

// --- botContext -------------------------------------------------------------
const calls = [];
const botVariables = new Map();

const impl = {
  getChannel: () => config.channel,
  getUserChannel: () => 'lp_web',
  getCurrentUserMessage: () => config['user-message'],
  sendMessage: () => undefined,
  sendImmediateReply: () => undefined,
  printDebugMessage: () => undefined,
  setTriggerNextMessage: () => undefined,
  logCustomEvent: () => undefined,
  setMessageDelay: () => undefined,
  setAllowMaxTextResponse: () => undefined,
  setBotVariable: (name, value) => {
    botVariables.set(String(name), value);
    return undefined;
  },
  getBotVariable: (name) => {
    const key = String(name);
    return botVariables.has(key) ? botVariables.get(key) : null;
  },
  getConversationId: () => 'offline-conversation',
  getChatBotId: () => 'offline-bot',
  getLPAccountId: () => 'offline-account',
  getUserPlatformId: () => 'offline-user',
  getLPEngagementAttribute: () => null,
  getEnvVariable: () => null,
  getWebViewVariable: () => null,
  getQuickReplyPayload: () => null,
  getApiStatusCode: () => null,
  getDialogStarterIntent: () => null,
  getLPCustomerInfo: () => ({}),
  isApiExecutionSuccessful: () => false,
};

const botContext = {};
for (const method of Object.keys(impl)) {
  const fn = impl[method];
  // A plain (non-arrow) function so it behaves like an ordinary method.
  botContext[method] = function () {
    const args = Array.prototype.map.call(arguments, snap);
    const result = fn.apply(undefined, arguments);
    calls.push({ method, args, result: snap(result) });
    return result;
  };
}

// --- run --------------------------------------------------------------------
const record = { calls, return: null, error: null };
try {
  // `new Function` bodies are sloppy-mode unless they say otherwise.
  const body = new Function('botContext', source);
  record.return = snap(body(botContext));
} catch (e) {
  record.return = null;
  record.error = {
    name: e !== null && typeof e === 'object' && typeof e.name === 'string' ? e.name : 'Error',
    message: e !== null && typeof e === 'object' && 'message' in e ? String(e.message) : String(e),
  };
}
return JSON.stringify(record) + '\n';
}

// One process for many files: node starts in ~0.1 s, the programs run in µs.
let out = '';
for (const file of process.argv.slice(2)) out += runFile(file);
process.stdout.write(out);
