//! differs: arrays have no holes in cbot: a deleted or never-written element is `undefined`, counts for `in`, and callbacks (forEach, map, filter, reduce…) visit it
var text = '{"keep":1,"drop":2,"inner":{"drop":3,"ok":4},"arr":[1,"drop",3]}';
var o = JSON.parse(text, function (key, value) {
  if (key === "drop" || value === "drop") return undefined;
  return value;
});
botContext.printDebugMessage(JSON.stringify(o));
return [("drop" in o), ("drop" in o.inner), o.arr.length, String(o.arr[1]), (1 in o.arr), Object.keys(o).join(",")];
