function Defaults() { this.lang = "en"; }
Defaults.prototype.theme = "dark";
Defaults.prototype.size = "m";
var prefs = new Defaults();
prefs.size = "l";
prefs.extra = true;
var all = [], own = [];
for (var k in prefs) {
  all.push(k + "=" + prefs[k]);
  if (prefs.hasOwnProperty(k)) own.push(k);
}
var arr = ["x", "y"];
var idx = [];
for (var i in arr) idx.push(i + ":" + typeof i);
return [all.join(","), own.join(","), idx.join(",")];
