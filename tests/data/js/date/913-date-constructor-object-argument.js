// ES5 §15.9.3: `new Date(value)` and `new Date(y, m, …)` convert their
// arguments with ToPrimitive/ToNumber, which call script valueOf first.
var zero = { valueOf: function () { return 0; }, toString: function () { return "x"; } };
var month = { valueOf: function () { return 5; } };
return [new Date(zero).getTime(), new Date(2020, month, 1).getUTCMonth(), new Date(2020, zero).getUTCFullYear()];
