//! differs: a quantified group with alternatives runs on the linear engine, which keeps the last capture of a group that did not take part in the final iteration (JavaScript resets it)
var nested = /((a)|b)+/.exec("ab");
var opt = /(?:(x)|y)*/.exec("xy");
return [JSON.stringify(nested), JSON.stringify(opt)];
