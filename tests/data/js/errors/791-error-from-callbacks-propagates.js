var seen = [];
function process(items) {
  return items.map(function (x) {
    seen.push(x);
    if (x < 0) throw new RangeError("negative: " + x);
    return x * 2;
  });
}
var out = [];
try { out.push(process([1, 2, 3]).join()); } catch (e) { out.push("no"); }
try { out.push(process([4, -5, 6]).join()); } catch (e) { out.push(e.name + "/" + e.message); }
try {
  [1, 2].forEach(function (x) { [3].forEach(function () { if (x === 2) throw "deep " + x; }); });
} catch (e) { out.push(e); }
out.push(seen.join(","));
return out;
