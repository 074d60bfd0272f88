var cb = {
  prefix: "[bot] ",
  log: function (m) { botContext.printDebugMessage(this.prefix + m); },
  get: function (k) { var v = botContext.getBotVariable(k); this.log("get " + k + "=" + v); return v; },
  set: function (k, v) { this.log("set " + k); botContext.setBotVariable(k, v, true, false); return this; },
  say: function (m) { this.log("say"); botContext.sendMessage(m); return this; },
  incr: function (k) { var n = Number(this.get(k) || 0) + 1; this.set(k, n); return n; }
};
cb.set("name", "Ann").say("Hello " + cb.get("name"));
cb.incr("turns");
cb.incr("turns");
return cb.get("turns");
