leaked = 5;
var before = typeof leaked;
var r = delete leaked;
var after = typeof leaked;
var declared = 1;
return [before, r, after, delete declared, declared];
