var o = { a: 1, f: function () {}, b: [1, function () {}] };
return JSON.stringify(o);
