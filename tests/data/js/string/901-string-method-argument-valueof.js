// ES5: `s.charAt(pos)` converts pos with ToInteger, which calls its
// valueOf; `s.split(sep)` converts sep with ToString.
var one = { valueOf: function () { return 1; } };
var sep = { toString: function () { return ","; } };
return ["abc".charAt(one), [1, 2, 3].slice(one).length, "a,b".split(sep).length, "abc".substring(one)];
