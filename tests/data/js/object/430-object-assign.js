var defaults = {lang: "en", tone: "formal", retries: 2};
var opts = Object.assign({}, defaults, {tone: "casual"}, null, {extra: true});
var target = {a: 1};
var same = Object.assign(target, {b: 2}) === target;
return [opts, target, same, Object.keys(opts)];
