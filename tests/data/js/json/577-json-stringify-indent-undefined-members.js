var u;
var o = { a: u, b: function () {}, c: 1, d: [u, function () {}, 2] };
var pretty = JSON.stringify(o, null, 2);
botContext.printDebugMessage(pretty);
var onlyUndef = JSON.stringify({ x: u }, null, 2);
var arrayUndef = JSON.stringify([u], null, 2);
return [pretty, onlyUndef, arrayUndef];
