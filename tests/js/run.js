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
//        node tests/js/run.js --serve  (one program per stdin line, as a JSON
//        string; one result line each: for `cbot fuzz js`, which runs many
//        programs without starting node for each)
'use strict';

const fs = require('fs');

function usage(msg) {
  process.stderr.write(`run.js: ${msg}\nusage: node tests/js/run.js FILE.js [FILE.js …]\n`);
  process.exit(2);
}

if (process.argv.length < 3) usage('expected at least one file');

// Serving, a bad directive ends that program, not node.
const serving = process.argv[2] === '--serve';

function runFile(file) {
  let source;
  try {
    source = fs.readFileSync(file, 'utf8');
  } catch (e) {
    usage(`cannot read ${file}: ${e.message}`);
  }
  return runSource(source, file);
}

function runSource(source, file) {

// --- directives -------------------------------------------------------------
const config = { channel: 'web', 'user-message': '', differs: '' };
for (const line of source.split('\n')) {
  const m = /^\/\/!\s*([A-Za-z-]+)\s*:(.*)$/.exec(line.replace(/\r$/, ''));
  if (!m) break;
  const key = m[1].toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(config, key)) {
    if (serving) throw new Error(`unknown directive ${m[1]}`);
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

// What the offline botContext (cbot_host::OfflineContext) takes as now:
// 2024-01-01T12:00:00Z (cbot_host::OFFLINE_NOW_MS).
const NOW = 1704110400000;
const CONVERSATION_ID = 'offline-conversation';
const USER_ID = 'offline-user';

// ToString of argument i as cbot_host::dispatch does it ("undefined" when
// missing), and the context service's variant ("" when missing).
const text = (args, i) => String(args[i]);
const ctxText = (args, i) => (i < args.length ? String(args[i]) : '');
// An array argument's items as strings; one other value is a list of one.
const strings = (v) => (Array.isArray(v) ? v.map(String) : v === undefined || v === null ? [] : [String(v)]);

// --- getHoursType (mirrors crates/host/src/hours.rs) ---
const MINUTE = 60000;
const DAY = 86400000;
const ZONES = {
  'Africa/Cairo': [120, 'none'], 'Africa/Johannesburg': [120, 'none'], 'Africa/Lagos': [60, 'none'],
  'Africa/Nairobi': [180, 'none'], 'America/Anchorage': [-540, 'us'], 'America/Argentina/Buenos_Aires': [-180, 'none'],
  'America/Bogota': [-300, 'none'], 'America/Chicago': [-360, 'us'], 'America/Denver': [-420, 'us'],
  'America/Detroit': [-300, 'us'], 'America/Edmonton': [-420, 'us'], 'America/Halifax': [-240, 'us'],
  'America/Lima': [-300, 'none'], 'America/Los_Angeles': [-480, 'us'], 'America/Mexico_City': [-360, 'none'],
  'America/New_York': [-300, 'us'], 'America/Phoenix': [-420, 'none'], 'America/Sao_Paulo': [-180, 'none'],
  'America/St_Johns': [-210, 'us'], 'America/Toronto': [-300, 'us'], 'America/Vancouver': [-480, 'us'],
  'America/Winnipeg': [-360, 'us'], 'Asia/Bangkok': [420, 'none'], 'Asia/Calcutta': [330, 'none'],
  'Asia/Dhaka': [360, 'none'], 'Asia/Dubai': [240, 'none'], 'Asia/Hong_Kong': [480, 'none'],
  'Asia/Jakarta': [420, 'none'], 'Asia/Karachi': [300, 'none'], 'Asia/Kolkata': [330, 'none'],
  'Asia/Manila': [480, 'none'], 'Asia/Seoul': [540, 'none'], 'Asia/Shanghai': [480, 'none'],
  'Asia/Singapore': [480, 'none'], 'Asia/Taipei': [480, 'none'], 'Asia/Tokyo': [540, 'none'],
  'Atlantic/Canary': [0, 'eu'], 'Australia/Adelaide': [570, 'au'], 'Australia/Brisbane': [600, 'none'],
  'Australia/Hobart': [600, 'au'], 'Australia/Melbourne': [600, 'au'], 'Australia/Perth': [480, 'none'],
  'Australia/Sydney': [600, 'au'], 'Europe/Amsterdam': [60, 'eu'], 'Europe/Athens': [120, 'eu'],
  'Europe/Berlin': [60, 'eu'], 'Europe/Brussels': [60, 'eu'], 'Europe/Bucharest': [120, 'eu'],
  'Europe/Budapest': [60, 'eu'], 'Europe/Copenhagen': [60, 'eu'], 'Europe/Dublin': [0, 'eu'],
  'Europe/Helsinki': [120, 'eu'], 'Europe/Istanbul': [180, 'none'], 'Europe/Kiev': [120, 'eu'],
  'Europe/Kyiv': [120, 'eu'], 'Europe/Lisbon': [0, 'eu'], 'Europe/London': [0, 'eu'], 'Europe/Madrid': [60, 'eu'],
  'Europe/Moscow': [180, 'none'], 'Europe/Oslo': [60, 'eu'], 'Europe/Paris': [60, 'eu'], 'Europe/Prague': [60, 'eu'],
  'Europe/Rome': [60, 'eu'], 'Europe/Stockholm': [60, 'eu'], 'Europe/Vienna': [60, 'eu'], 'Europe/Warsaw': [60, 'eu'],
  'Europe/Zurich': [60, 'eu'], 'Pacific/Auckland': [720, 'nz'], 'Pacific/Honolulu': [-600, 'none'],
  'US/Central': [-360, 'us'], 'US/Eastern': [-300, 'us'], 'US/Mountain': [-420, 'us'], 'US/Pacific': [-480, 'us'],
};
const dayNumber = (y, m, d) => Date.UTC(y, m - 1, d) / DAY;
// The day number of the nth Sunday (0 = the last) of a month.
function sunday(y, m, n) {
  if (n === 0) {
    const last = dayNumber(y, m + 1, 1) - 1;
    return last - new Date(last * DAY).getUTCDay();
  }
  const first = dayNumber(y, m, 1);
  return first + ((7 - new Date(first * DAY).getUTCDay()) % 7) + 7 * (n - 1);
}
function inDst(rule, std, utc) {
  const stdMs = std * MINUTE;
  const y = new Date(Math.floor((utc + stdMs) / DAY) * DAY).getUTCFullYear();
  const at = (day, localMs) => day * DAY + localMs - stdMs;
  const H = 60 * MINUTE;
  switch (rule) {
    case 'us': return at(sunday(y, 3, 2), 2 * H) <= utc && utc < at(sunday(y, 11, 1), H);
    case 'eu': return sunday(y, 3, 0) * DAY + H <= utc && utc < sunday(y, 10, 0) * DAY + H;
    case 'au': return utc < at(sunday(y, 4, 1), 2 * H) || at(sunday(y, 10, 1), 2 * H) <= utc;
    case 'nz': return utc < at(sunday(y, 4, 1), 2 * H) || at(sunday(y, 9, 0), 2 * H) <= utc;
    default: return false;
  }
}
function fixedOffset(s) {
  const m = /^([+-])(\d+)(?::(\d+))?$/.exec(s);
  if (!m) return null;
  let h = m[2];
  let mi = m[3] === undefined ? '0' : m[3];
  if (m[3] === undefined && h.length === 4) {
    mi = h.slice(2);
    h = h.slice(0, 2);
  }
  const hh = Number(h);
  const mm = Number(mi);
  return hh <= 18 && mm < 60 ? (m[1] === '-' ? -1 : 1) * (hh * 60 + mm) : null;
}
function zoneOffset(zone, utc) {
  zone = zone.trim();
  for (const name of Object.keys(ZONES)) {
    if (name.toLowerCase() === zone.toLowerCase()) {
      const [std, rule] = ZONES[name];
      return inDst(rule, std, utc) ? std + 60 : std;
    }
  }
  const upper = zone.toUpperCase();
  if (upper.startsWith('ETC/GMT') && upper.length > 7) {
    const o = fixedOffset(upper.slice(7));
    return o === null ? 0 : -o;
  }
  let rest = upper;
  for (const p of ['UTC', 'GMT', 'ETC/UTC', 'ETC/GMT', 'Z']) {
    if (upper.startsWith(p) && upper.length - p.length < rest.length) rest = upper.slice(p.length);
  }
  if (rest === '') return 0;
  const o = fixedOffset(rest);
  return o === null ? 0 : o;
}
function minutes(hm) {
  const parts = hm.trim().split(':');
  if (parts.length < 2) return null;
  const [h, m] = [parts[0].trim(), parts.slice(1).join(':').trim()];
  if (!/^\+?\d+$/.test(h) || !/^\+?\d+$/.test(m)) return null;
  return Number(h) <= 24 && Number(m) < 60 ? Number(h) * 60 + Number(m) : null;
}
const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
function hoursType(spec, zone, now) {
  const utc = Math.floor(now);
  const local = new Date(utc + zoneOffset(zone, utc) * MINUTE);
  const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
  const today = DAYS[local.getUTCDay()];
  let found = null;
  for (const entry of spec) {
    const bar = entry.indexOf('|');
    const qualifier = bar < 0 ? null : entry.slice(0, bar).trim();
    const parts = (bar < 0 ? entry : entry.slice(bar + 1)).split('~');
    if (parts.length < 3) continue;
    const start = minutes(parts[1]);
    let end = minutes(parts[2]);
    if (start === null || end === null) continue;
    let applies = true;
    if (qualifier !== null && qualifier.includes('.')) {
      const d = qualifier.split('.').slice(0, 3).map((p) => (/^\s*[+-]?\d+\s*$/.test(p) ? Number(p) : NaN));
      applies = d.length === 3 && d[0] === local.getUTCMonth() + 1 && d[1] === local.getUTCDate() && d[2] === local.getUTCFullYear();
    } else if (qualifier !== null) {
      applies = qualifier.toUpperCase() === today;
    }
    if (end === 23 * 60 + 59) end = 24 * 60;
    const holds = start === end ? true : start < end ? start <= minute && minute < end : minute >= start || minute < end;
    if (applies && holds) found = parts[0].trim();
  }
  return found;
}

// --- evaluateOptions (mirrors cbot_host::evaluate_options) ---
function evaluateOptions(userText, options) {
  const norm = (s) => s.split(/\s+/).filter((w) => w !== '').join(' ').toLowerCase();
  const input = norm(userText);
  if (input === '') return null;
  for (const option of options) {
    if (norm(option) === input) return option;
    const close = option.indexOf(')');
    if (close < 0) continue;
    const label = norm(option.slice(0, close));
    const rest = norm(option.slice(close + 1));
    if (label === '' || Array.from(label).length > 3) continue;
    if ([label, label + ')', rest, label + ' ' + rest, label + ') ' + rest].includes(input)) return option;
  }
  return null;
}

// --- the Conversation Context Service (mirrors crates/host/src/context_service.rs) ---
const namespaces = new Map(); // name -> ttl seconds or null
const contextValues = new Map(); // JSON [scope, owner, ns, prop] -> {value, expires}
function contextCall(name, args) {
  if (name === 'isContextApiEnabled') return true;
  const [scope, owner] = name.includes('ForConversation')
    ? ['conversation', CONVERSATION_ID]
    : name.includes('ForUser') ? ['user', USER_ID] : ['global', ''];
  const ns = ctxText(args, 0);
  const key = (prop) => JSON.stringify([scope, owner, ns, prop]);
  const live = (e) => e.expires === null || NOW < e.expires;
  const mine = (k) => { const [s, o, n] = JSON.parse(k); return s === scope && o === owner && n === ns; };
  if (name === 'registerContextNamespace') {
    const ttl = args.length > 1 ? Number(args[1]) : NaN;
    const given = Number.isFinite(ttl) && ttl > 0 ? ttl : null;
    if (!namespaces.has(ns) || given !== null) namespaces.set(ns, given);
    return true;
  }
  if (name === 'deleteContextNamespace') {
    for (const k of [...contextValues.keys()]) if (JSON.parse(k)[2] === ns) contextValues.delete(k);
    return namespaces.delete(ns);
  }
  if (name.startsWith('set')) {
    if (!namespaces.has(ns)) return false;
    const ttl = namespaces.get(ns);
    contextValues.set(key(ctxText(args, 1)), { value: snap(args[2]), expires: ttl === null ? null : NOW + ttl * 1000 });
    return true;
  }
  if (name.startsWith('get') && args.length < 2 && scope !== 'global') {
    if (!namespaces.has(ns)) return null;
    const all = [...contextValues.entries()].filter(([k, e]) => mine(k) && live(e)).map(([k, e]) => [JSON.parse(k)[3], e.value]);
    all.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out = {};
    for (const [k, v] of all) out[k] = snap(v);
    return out;
  }
  if (name.startsWith('get')) {
    const e = contextValues.get(key(ctxText(args, 1)));
    return e && live(e) ? snap(e.value) : null;
  }
  if (!namespaces.has(ns)) return false;
  const only = name.startsWith('deleteAll') ? null : ctxText(args, 1);
  for (const k of [...contextValues.keys()]) if (mine(k) && (only === null || JSON.parse(k)[3] === only)) contextValues.delete(k);
  return true;
}
const CONTEXT_METHODS = [
  'deleteAllContextDataForConversation', 'deleteAllContextDataForUser', 'deleteContextDataForConversation',
  'deleteContextDataForUser', 'deleteContextNamespace', 'deleteGlobalContextData', 'getContextDataForConversation',
  'getContextDataForUser', 'getGlobalContextData', 'isContextApiEnabled', 'registerContextNamespace',
  'setContextDataForConversation', 'setContextDataForUser', 'setGlobalContextData',
];

// The legacy permanent user name and email (setUserName/setEmail).
let userName = null;
let email = null;

const impl = {
  getChannel: () => config.channel,
  getUserChannel: () => 'lp_web',
  getCurrentUserMessage: () => config['user-message'],
  sendMessage: () => undefined,
  // Ends the script (CB-SPEC §3.4): see STOP below.
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
  // The rest of the API, with OfflineContext's defaults (docs/botcontext.md).
  sendMessages: () => undefined,
  sendMessageWithQuickReplies: () => undefined,
  addQuickReplies: () => undefined,
  addQuickReples: () => undefined,
  sendPrivateMessage: () => undefined,
  logEscalationEvent: () => undefined,
  setBotTransferUserMessage: () => undefined,
  setBotTransferIntentId: () => undefined,
  setBotTransferIntentbyDomain: () => undefined,
  transferToBotDialog: () => undefined,
  getWebViewVariables: () => ({}),
  getButtonPayload: () => null,
  getUserPlatformType: () => null,
  getLPUserPersonalInfo: () => null,
  getMetadata: () => null,
  getSentiment: () => null,
  getNlpResponse: () => ({ nouns: [], verbs: [], phrases: [], sentences: [], tokens: [] }),
  getNamedEntities: () => [],
  getUserLocation: () => null,
  getDisambiguatedIntentId: () => null,
  getDisambiguatedIntentName: () => null,
  askMaven: () => '{}',
  getUserName: () => userName,
  getEmail: () => email,
  setUserName: function () {
    userName = text(arguments, 0);
    return undefined;
  },
  setEmail: function () {
    email = text(arguments, 0);
    return undefined;
  },
  getHoursType: function () {
    const zone = arguments[1] === undefined || arguments[1] === null ? '' : String(arguments[1]);
    return hoursType(strings(arguments[0]), zone, NOW);
  },
  evaluateOptions: function () {
    return evaluateOptions(text(arguments, 0), strings(arguments[1]));
  },
};
for (const method of CONTEXT_METHODS) {
  impl[method] = function () {
    return contextCall(method, Array.prototype.slice.call(arguments));
  };
}

const STOP = { stop: 'sendImmediateReply' };
const botContext = {};
for (const method of Object.keys(impl)) {
  const fn = impl[method];
  // A plain (non-arrow) function so it behaves like an ordinary method.
  botContext[method] = function () {
    const args = Array.prototype.map.call(arguments, snap);
    const result = fn.apply(undefined, arguments);
    calls.push({ method, args, result: snap(result) });
    // sendImmediateReply ends the script (CB-SPEC §3.4): a sentinel the
    // runner below recognises (programs must not catch it).
    if (method === 'sendImmediateReply') throw STOP;
    return result;
  };
}

// --- run --------------------------------------------------------------------
const record = { calls, return: null, error: null };
let body;
try {
  // `new Function` bodies are sloppy-mode unless they say otherwise.
  body = new Function('botContext', source);
} catch (e) {
  // Serving, say that the program did not compile (a SyntaxError thrown
  // while running is a different answer).
  if (!serving) throw e;
  return JSON.stringify({ calls: [], return: null, error: { name: e.name, message: e.message }, compile: true }) + '\n';
}
try {
  record.return = snap(body(botContext));
} catch (e) {
  record.return = null;
  if (e === STOP) return JSON.stringify(record) + '\n';
  record.error = {
    name: e !== null && typeof e === 'object' && typeof e.name === 'string' ? e.name : 'Error',
    message: e !== null && typeof e === 'object' && 'message' in e ? String(e.message) : String(e),
  };
}
return JSON.stringify(record) + '\n';
}

if (serving) {
  // Programs share this process: globals a sloppy-mode program creates by
  // assignment are deleted after it, so the next one starts clean (as a
  // fresh cbot run does). Programs must not change built-in prototypes.
  const baseline = new Set(Object.getOwnPropertyNames(globalThis));
  const lines = require('readline').createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    let out;
    try {
      out = runSource(JSON.parse(line), '<stdin>');
    } catch (e) {
      out = JSON.stringify({ fatal: String(e) }) + '\n';
    }
    for (const k of Object.getOwnPropertyNames(globalThis)) if (!baseline.has(k)) delete globalThis[k];
    process.stdout.write(out);
  });
} else {
  // One process for many files: node starts in ~0.1 s, the programs run in µs.
  let out = '';
  for (const file of process.argv.slice(2)) out += runFile(file);
  process.stdout.write(out);
}
