//! differs: `this` is undefined in a plain call f() (strict-mode style); sloppy-mode JavaScript passes the global object
function kind() { return typeof this; }
return [kind(), typeof kind.call(undefined)];
