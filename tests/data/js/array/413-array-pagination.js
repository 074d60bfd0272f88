var results = [];
for (var i = 1; i <= 11; i++) results.push("Item " + i);
var pageSize = 4;
function page(n) {
  var start = (n - 1) * pageSize;
  return results.slice(start, start + pageSize);
}
var pages = Math.ceil(results.length / pageSize);
var out = [];
for (var p = 1; p <= pages + 1; p++) out.push(p + ":" + page(p).join(","));
botContext.sendMessage("Page 1 of " + pages + ": " + page(1).join(", "));
return out;
