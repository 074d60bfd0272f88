function merge(target) {
  for (var i = 1; i < arguments.length; i++) {
    var src = arguments[i];
    if (!src) continue;
    for (var k in src) {
      if (!src.hasOwnProperty(k)) continue;
      if (typeof src[k] === "object" && src[k] !== null && !Array.isArray(src[k]) && typeof target[k] === "object") {
        merge(target[k], src[k]);
      } else {
        target[k] = src[k];
      }
    }
  }
  return target;
}
var settings = merge({lang: "en", ui: {theme: "light", size: 12}, tags: ["a"]},
  {ui: {theme: "dark"}, tags: ["b", "c"]}, null, {extra: 1});
botContext.setBotVariable("settings", settings, true, false);
return settings;
