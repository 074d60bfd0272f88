// gap: `arguments` is not defined at panel top level (the panel is a function body whose first argument is botContext)
var out = [typeof arguments];
out.push(typeof arguments !== "undefined" ? arguments.length : -1);
out.push(typeof arguments !== "undefined" ? arguments[0] === botContext : false);
return out;
