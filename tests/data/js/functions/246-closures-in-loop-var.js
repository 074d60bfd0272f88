var fs = [];
for (var i = 0; i < 3; i++) {
  fs.push(function () { return i; });
}
var makers = [];
for (var j = 0; j < 3; j++) {
  makers.push((function (k) { return function () { return k * 10; }; })(j));
}
return [fs[0](), fs[2](), makers[0](), makers[2]()];
