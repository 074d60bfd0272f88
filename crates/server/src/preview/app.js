// cbot preview: CB's Preview for the bot `cbot serve` runs. Talks to the
// JSON API in preview.rs; bot content only ever goes into the page as text
// (textContent, never innerHTML), since bots may echo what users type.
"use strict";

(() => {
  // A DELAY longer than this is shortened: the preview shows the typing,
  // it need not make the developer wait a minute.
  const MAX_DELAY_MS = 3000;
  const STORE = "cbot-preview:";

  const $ = (id) => document.getElementById(id);
  const ui = {
    name: $("bot-name"),
    meta: $("bot-meta"),
    environment: $("environment"),
    channel: $("channel"),
    trace: $("trace-toggle"),
    restart: $("restart"),
    transcript: $("transcript"),
    form: $("composer"),
    input: $("message"),
    send: $("send"),
    status: $("status"),
    hint: $("status-hint"),
  };

  const state = {
    bot: null,
    id: null, // the conversation's id
    // Bumped by every restart: answers to an older conversation that
    // arrive late are dropped.
    generation: 0,
    turns: 0,
    busy: false,
  };

  function el(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  const isUrl = (s) => typeof s === "string" && /^https?:\/\//i.test(s);
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const remember = (k, v) => {
    try {
      localStorage.setItem(STORE + k, v);
    } catch (_) {
      /* private mode: nothing to remember */
    }
  };
  const recall = (k) => {
    try {
      return localStorage.getItem(STORE + k);
    } catch (_) {
      return null;
    }
  };

  class ApiError extends Error {
    constructor(status, code, message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  async function api(method, path, body) {
    const init = { method, headers: {} };
    if (body !== undefined) {
      init.headers["content-type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (_) {
      throw new ApiError(0, "network", "The server cannot be reached. Is cbot serve still running?");
    }
    if (res.status === 204) return null;
    let data = null;
    try {
      data = await res.json();
    } catch (_) {
      data = null;
    }
    if (!res.ok) {
      const err = (data && data.error) || {};
      throw new ApiError(res.status, err.code || "http", err.message || `HTTP ${res.status}`);
    }
    return data;
  }

  // ---- The transcript ------------------------------------------------

  // The typing indicator stays the transcript's last child.
  const typingRow = el("div", "row bot typing");
  {
    const b = el("div", "bubble");
    b.setAttribute("aria-label", "The bot is typing");
    for (let i = 0; i < 3; i++) b.append(el("span", "dot"));
    typingRow.append(b);
  }

  function append(node) {
    ui.transcript.insertBefore(node, typingRow);
    ui.transcript.scrollTop = ui.transcript.scrollHeight;
    return node;
  }

  function typing(on) {
    typingRow.classList.toggle("on", on);
    if (on) ui.transcript.scrollTop = ui.transcript.scrollHeight;
  }

  // Text with its http(s) links made clickable (as LivePerson's web
  // window does).
  function richText(node, text) {
    const parts = String(text).split(/(https?:\/\/[^\s<>"]+)/g);
    parts.forEach((part, i) => {
      if (i % 2 === 1) {
        const a = el("a", null, part);
        a.href = part;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        node.append(a);
      } else if (part) {
        node.append(document.createTextNode(part));
      }
    });
    return node;
  }

  function userBubble(text, payload) {
    const row = el("div", "row user");
    const b = richText(el("div", "bubble"), text);
    if (payload !== undefined && payload !== text) b.append(el("span", "payload", `payload: ${payload}`));
    row.append(b);
    append(row);
  }

  function botRow(content) {
    const row = el("div", "row bot");
    row.append(content);
    return append(row);
  }

  function notice(kind, icon, title, details) {
    const n = el("div", `notice ${kind}`);
    n.setAttribute("role", "status");
    if (icon) n.append(el("span", "icon", icon));
    const body = el("div", "body");
    body.append(el("div", "title", title));
    for (const d of details || []) if (d) body.append(el("div", "detail", d));
    n.append(body);
    return append(n);
  }

  // Quick replies and buttons send their payload as the user's message;
  // the bubble shows what the user tapped.
  function choose(title, payload) {
    if (!state.busy) send(payload, title);
  }

  function quickReplies(ev) {
    const stack = el("div", "stack");
    if (ev.text) stack.append(richText(el("div", "bubble"), ev.text));
    const chips = el("div", "chips");
    for (const r of ev.replies || []) {
      const c = el("button", "chip", r.title);
      c.type = "button";
      c.dataset.payload = r.payload;
      c.addEventListener("click", () => {
        if (chips.classList.contains("used") || state.busy || !state.id) return;
        useChips(c);
        send(r.payload, r.title);
      });
      chips.append(c);
    }
    stack.append(chips);
    botRow(stack);
  }

  // Quick replies answer once: after a tap, or any later message, they
  // are spent (as on LivePerson's channels).
  function useChips(chosen) {
    for (const chips of ui.transcript.querySelectorAll(".chips:not(.used)")) {
      chips.classList.add("used");
      for (const c of chips.children) {
        c.disabled = true;
        if (c === chosen) c.classList.add("chosen");
      }
    }
  }

  function actionButton(title, payload, className) {
    if (isUrl(payload)) {
      const a = el("a", className, title);
      a.href = payload;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      a.title = payload;
      return a;
    }
    const b = el("button", className, title);
    b.type = "button";
    b.dataset.payload = payload;
    b.addEventListener("click", () => choose(title, payload));
    return b;
  }

  function buttons(ev) {
    const card = el("div", "card");
    if (ev.text) card.append(richText(el("div", "card-text"), ev.text));
    for (const b of ev.buttons || []) card.append(actionButton(b.title, b.payload, "card-button"));
    botRow(card);
  }

  function image(url, className) {
    const broken = () => el("div", "broken", `image not loaded: ${url}`);
    if (!isUrl(url) && !/^data:image\//i.test(String(url))) return broken();
    const img = el("img", className);
    img.alt = "image";
    img.addEventListener("error", () => img.replaceWith(broken()));
    img.addEventListener("load", () => (ui.transcript.scrollTop = ui.transcript.scrollHeight));
    img.src = url;
    return img;
  }

  // LivePerson structured content (vertical/horizontal layouts, text,
  // image, button, carousel, map). Anything else shows as its JSON, so a
  // developer still sees what the channel would get.
  function structuredElement(node, depth) {
    if (!node || typeof node !== "object" || depth > 32) return null;
    const children = (box) => {
      for (const c of Array.isArray(node.elements) ? node.elements : []) {
        const r = structuredElement(c, depth + 1);
        if (!r) return null;
        box.append(r);
      }
      return box;
    };
    switch (node.type) {
      case "vertical":
      case "horizontal":
        return children(el("div", `sc-${node.type}`));
      case "carousel": {
        const box = el("div", "sc-carousel");
        for (const c of Array.isArray(node.elements) ? node.elements : []) {
          const r = structuredElement(c, depth + 1);
          if (!r) return null;
          const card = el("div", "card");
          card.append(r);
          box.append(card);
        }
        return box;
      }
      case "text": {
        const t = richText(el("div", "sc-text"), node.text ?? "");
        const style = node.style || {};
        if (style.bold) t.classList.add("bold");
        if (style.size === "large") t.classList.add("large");
        if (style.size === "small") t.classList.add("small");
        if (node.tooltip) t.title = node.tooltip;
        return t;
      }
      case "image": {
        const img = image(node.url, "sc-image");
        if (node.tooltip) img.title = img.alt = node.tooltip;
        return img;
      }
      case "button": {
        const actions = (node.click && Array.isArray(node.click.actions) && node.click.actions) || [];
        const link = actions.find((a) => a && a.type === "link" && isUrl(a.uri));
        const publish = actions.find((a) => a && a.type === "publishText");
        const title = node.title ?? "";
        if (link) return actionButton(title, link.uri, "card-button");
        if (publish) return actionButton(title, String(publish.text ?? title), "card-button");
        const b = actionButton(title, "", "card-button");
        b.disabled = true;
        return b;
      }
      case "map":
        return el("div", "sc-map", `Map: ${node.la}, ${node.lo}${node.tooltip ? ` — ${node.tooltip}` : ""}`);
      default:
        return null;
    }
  }

  function structured(content) {
    const rendered = structuredElement(content, 0);
    if (rendered && rendered.classList.contains("sc-carousel")) return botRow(rendered);
    const card = el("div", "card");
    if (rendered) card.append(rendered);
    else card.append(el("pre", "raw", JSON.stringify(content, null, 2)));
    botRow(card);
  }

  function skillOf(ev) {
    return ev.skill ? `${ev.skill} (skill ${ev.skillId})` : `skill ${ev.skillId}`;
  }

  // What an event is in one line, for the trace panel.
  function logLine(ev) {
    switch (ev.type) {
      case "debug":
        return `debug: ${ev.text}`;
      case "api_call": {
        const to = `${ev.integration}: ${ev.method} ${ev.url}`;
        if (ev.status !== null && ev.status !== undefined) return `${to} → ${ev.status}`;
        return ev.error ? `${to} failed: ${ev.error}` : to;
      }
      case "custom_event":
        return `custom event ${ev.name}: ${ev.message} ${ev.details}`.trim();
      case "escalation_event":
        return `escalation event (${ev.target}): ${ev.message}`;
      case "structured":
        return `structured content: ${JSON.stringify(ev.content)}`;
      case "script_error":
        return `script error in ${ev.panel}: ${ev.error}`;
      case "error":
        return `error: ${ev.message}`;
      case "transfer":
        return ev.transferBotContext ? `transfer bot context: ${JSON.stringify(ev.transferBotContext)}` : null;
      default:
        return null;
    }
  }

  // One event; what goes only to the trace panel is collected in `logs`.
  function renderEvent(ev, logs) {
    const line = logLine(ev);
    if (line) logs.push({ line, error: ev.type === "script_error" || ev.type === "error" });
    switch (ev.type) {
      case "text":
        botRow(richText(el("div", "bubble"), ev.text));
        break;
      case "quick_replies":
        quickReplies(ev);
        break;
      case "buttons":
        buttons(ev);
        break;
      case "image": {
        const b = el("div", "bubble image-bubble");
        b.append(image(ev.url));
        botRow(b);
        break;
      }
      case "structured":
        structured(ev.content);
        break;
      case "transfer":
        notice("transfer", "→", `Transferred to ${skillOf(ev)}`, [
          ev.message ? `Message to the agent: ${ev.message}` : "No message to the agent",
        ]);
        break;
      case "bot_transfer":
        notice("transfer", "→", `Transferred to dialog “${ev.dialog}” of bot ${ev.botId}`, [
          ev.message ? `Message: ${ev.message}` : null,
        ]);
        break;
      case "close":
        notice("close", "×", "Conversation closed by the bot", [
          ev.survey ? "Close dialog: the post-conversation survey follows" : "Close conversation: no survey",
        ]);
        break;
      case "private_message":
        notice("private", null, "Private message (agents only)", [ev.text]);
        break;
      case "script_error":
        notice("error", "!", `Script error in ${ev.panel}`, [ev.error]);
        break;
      case "error":
        notice("error", "!", "The bot stopped", [ev.message]);
        break;
      default:
        // Logs (debug, api_call, custom and escalation events): trace only.
        break;
    }
  }

  function traceBlock(n, turn, logs, label) {
    const t = el("section", "trace");
    t.dataset.turn = String(n);
    const head = el("div", "trace-head");
    const fact = (name, value) => {
      const s = el("span", null, `${name} `);
      s.append(el("b", null, value));
      head.append(s);
    };
    fact(label || `Turn ${n}`, `“${turn.user}”`);
    fact("dialog", turn.dialog || "—");
    fact("intent", turn.intent || "—");
    fact("status", turn.status);
    t.append(head);
    const trace = Array.isArray(turn.trace) ? turn.trace : [];
    if (trace.length) {
      const ol = el("ol", "trace-lines");
      for (const line of trace) ol.append(el("li", null, line));
      t.append(ol);
    } else {
      t.append(el("div", "trace-empty", "no trace for this turn"));
    }
    if (logs.length) {
      const ul = el("ul", "trace-logs");
      for (const l of logs) ul.append(el("li", l.error ? "error" : null, l.line));
      t.append(ul);
    }
    append(t);
  }

  const HINTS = {
    active: "",
    transferred: "With an agent: the bot stays silent until __agent_escalation_failed__ comes back.",
    closed: "Closed: the next message starts the conversation over.",
  };

  function setStatus(status, hint) {
    const label = { active: "Active", transferred: "Transferred", closed: "Closed", offline: "Not connected" };
    ui.status.className = `status ${status}`;
    ui.status.textContent = label[status] || status;
    ui.hint.textContent = hint !== undefined ? hint : HINTS[status] || "";
    document.body.dataset.status = status;
  }

  // A turn's events in order; a DELAY shows the bot typing for a while.
  async function renderTurn(turn, label) {
    const generation = state.generation;
    const n = ++state.turns;
    const logs = [];
    let visible = 0;
    for (const ev of Array.isArray(turn.events) ? turn.events : []) {
      if (ev.type === "delay") {
        typing(true);
        await sleep(Math.min(Number(ev.ms) || 0, MAX_DELAY_MS));
        typing(false);
        if (generation !== state.generation) return;
        continue;
      }
      const before = ui.transcript.childElementCount;
      renderEvent(ev, logs);
      if (ui.transcript.childElementCount > before) visible++;
    }
    if (!visible && turn.status === "transferred") {
      notice("silent", null, "No answer: the conversation is with an agent", []);
    }
    traceBlock(n, turn, logs, label);
    setStatus(turn.status);
  }

  // ---- Talking to the server -----------------------------------------

  function setBusy(busy) {
    state.busy = busy;
    ui.send.disabled = busy;
    document.body.dataset.state = busy ? "busy" : "ready";
  }

  function failed(err) {
    if (err.status === 404 && state.id) {
      notice("error", "!", "This conversation is gone", [
        "The server restarted or let it go (the preview keeps conversations in memory only). Restart to begin a new one.",
      ]);
      setStatus("offline", "");
    } else if (err.status === 0) {
      notice("error", "!", "Not connected", [err.message]);
      setStatus("offline", "");
    } else {
      notice("error", "!", "The server refused", [`${err.message} (${err.code})`]);
    }
  }

  async function send(text, title) {
    if (state.busy || !state.id) return;
    const generation = state.generation;
    useChips(null);
    userBubble(title !== undefined ? title : text, title !== undefined ? text : undefined);
    setBusy(true);
    typing(true);
    try {
      const turn = await api("POST", `/preview/api/conversations/${encodeURIComponent(state.id)}/messages`, { text });
      if (generation !== state.generation) return;
      typing(false);
      await renderTurn(turn);
    } catch (err) {
      if (generation === state.generation) failed(err);
    } finally {
      if (generation === state.generation) {
        typing(false);
        setBusy(false);
      }
    }
  }

  // A new conversation with the chosen environment and channel; the bot's
  // welcome (its get-started payload, "hi" by default) is sent for the
  // user, as CB's Preview greets before the user types.
  async function start() {
    const old = state.id;
    const generation = ++state.generation;
    state.id = null;
    state.turns = 0;
    if (old) api("DELETE", `/preview/api/conversations/${encodeURIComponent(old)}`).catch(() => {});
    ui.transcript.replaceChildren(typingRow);
    setBusy(true);
    typing(true);
    const environment = ui.environment.value;
    const channel = ui.channel.value;
    const label = ui.channel.selectedOptions[0] ? ui.channel.selectedOptions[0].textContent : channel;
    try {
      const c = await api("POST", "/preview/api/conversations", { environment, channel, welcome: true });
      if (generation !== state.generation) return;
      state.id = c.id;
      document.body.dataset.conversation = c.id;
      typing(false);
      const welcome = c.welcome;
      notice("start", null, `New conversation · ${label} · ${environment}`, [
        welcome ? `started with “${welcome.user}”, the bot's get-started message` : null,
      ]);
      if (welcome) await renderTurn(welcome, "Welcome");
      else setStatus(c.status);
    } catch (err) {
      if (generation === state.generation) failed(err);
    } finally {
      if (generation === state.generation) {
        typing(false);
        setBusy(false);
        ui.input.focus();
      }
    }
  }

  function option(select, value, label) {
    const o = el("option", null, label);
    o.value = value;
    select.append(o);
  }

  async function init() {
    ui.transcript.append(typingRow);
    ui.trace.checked = recall("trace") === "1";
    document.body.classList.toggle("trace-on", ui.trace.checked);
    ui.trace.addEventListener("change", () => {
      document.body.classList.toggle("trace-on", ui.trace.checked);
      ui.transcript.scrollTop = ui.transcript.scrollHeight;
      remember("trace", ui.trace.checked ? "1" : "0");
    });
    ui.form.addEventListener("submit", (e) => {
      e.preventDefault();
      const text = ui.input.value;
      if (!text.trim() || state.busy || !state.id) return;
      ui.input.value = "";
      send(text);
    });
    ui.restart.addEventListener("click", () => start());
    ui.environment.addEventListener("change", () => start());
    ui.channel.addEventListener("change", () => {
      remember("channel", ui.channel.value);
      start();
    });

    let bot;
    try {
      bot = await api("GET", "/preview/api/bot");
    } catch (err) {
      ui.name.textContent = "cbot preview";
      failed(err);
      document.body.dataset.state = "error";
      return;
    }
    state.bot = bot;
    const name = bot.name || "Unnamed bot";
    ui.name.textContent = name;
    ui.meta.textContent = `bot ${bot.botId} · ${bot.version}`;
    ui.meta.title = ui.meta.textContent;
    document.title = `${name} · cbot preview`;
    for (const env of bot.environments) option(ui.environment, env, env);
    for (const ch of bot.channels) option(ui.channel, ch.id, `${ch.label} · ${ch.id}`);
    const saved = recall("channel");
    ui.channel.value = bot.channels.some((c) => c.id === saved) ? saved : bot.defaultChannel;
    await start();
  }

  // For tests and the browser console: render a turn as if the server had
  // sent it, send a message, restart.
  window.cbotPreview = { renderTurn, send, restart: start };

  init();
})();
