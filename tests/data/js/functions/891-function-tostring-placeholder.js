//! differs: a function converts to the placeholder `function () { [code] }`, not to its source text
function add(a, b) { return a + b; }
return String(add);
