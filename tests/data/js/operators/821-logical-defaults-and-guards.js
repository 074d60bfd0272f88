function settings(opts) {
  opts = opts || {};
  return {
    lang: opts.lang || "en",
    retries: opts.retries || 3,
    zeroKept: opts.retries !== undefined ? opts.retries : 3,
    name: String(opts.user && opts.user.name),
    greet: opts.silent && "quiet" || "loud"
  };
}
var out = [settings(), settings({ lang: "fr", retries: 0 }), settings({ user: { name: "Ann" }, silent: true }), settings({ user: null })];
var calls = [];
function t(v) { calls.push(v); return v; }
var r = t(0) || t("") || t(null) || t("x") || t("never");
var s = t(1) && t("a") && t(0) && t("never");
out.push(r, s, calls.join(","));
return out;
