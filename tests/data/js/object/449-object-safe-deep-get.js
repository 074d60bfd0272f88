function get(obj, path, fallback) {
  var parts = path.split(".");
  var cur = obj;
  for (var i = 0; i < parts.length; i++) {
    if (cur === null || cur === undefined || typeof cur !== "object") return fallback;
    cur = cur[parts[i]];
  }
  return cur === undefined ? fallback : cur;
}
var profile = {user: {prefs: {lang: "fr", quiet: false}, tags: ["a", "b"]}, count: 0};
return [get(profile, "user.prefs.lang", "en"), get(profile, "user.prefs.quiet", true),
  get(profile, "user.missing.deep", "none"), get(profile, "user.tags.1", "?"), get(profile, "count", 5),
  get(profile, "count.x", "nx"), get(null, "a", "null-root")];
