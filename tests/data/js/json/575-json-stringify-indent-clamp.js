var o = { k: [1] };
var ten = JSON.stringify(o, null, 10);
var twenty = JSON.stringify(o, null, 20);
var big = JSON.stringify(o, null, 1e9);
var str = JSON.stringify(o, null, "12345678901234");
botContext.printDebugMessage(twenty);
return [ten === twenty, ten === big, twenty.split("\n")[1].length, str.split("\n")[1], ten.length, str.length];
