var out = [];
out.push(typeof someGlobalConfig === "undefined");
var config = typeof someGlobalConfig !== "undefined" ? someGlobalConfig : { lang: "en" };
out.push(config.lang);
if (typeof helperFromGlobals === "function") {
  out.push(helperFromGlobals());
} else {
  out.push("no helper");
}
implicitlyCreated = "now exists";
out.push(typeof implicitlyCreated, typeof typeof nope);
try { out.push(nope); } catch (e) { out.push(e.name); }
return out;
