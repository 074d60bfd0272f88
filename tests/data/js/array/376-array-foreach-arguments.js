var log = [];
var arr = ["x", "y", "z"];
var ret = arr.forEach(function (v, i, a) {
  log.push(v + i + (a === arr) + a.length + arguments.length);
});
var ctx = {prefix: ">"};
arr.forEach(function (v) { log.push(this.prefix + v); }, ctx);
arr.forEach(function (v, i) { if (i === 1) return; log.push("r" + v); });
return [log, String(ret)];
