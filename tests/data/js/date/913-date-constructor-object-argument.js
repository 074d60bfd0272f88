//! differs: the Date constructor converts an object argument without calling its script valueOf/toString (an invalid date)
// ES5 §15.9.3: `new Date(value)` and `new Date(y, m, …)` convert their
// arguments with ToPrimitive/ToNumber, which call script valueOf. cbot's
// constructor sees such an object as NaN.
var zero = { valueOf: function () { return 0; } };
return [isNaN(new Date(zero).getTime()), isNaN(new Date(2020, zero, 1).getTime())];
