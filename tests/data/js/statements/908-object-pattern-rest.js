// ES2018 rest elements in object patterns: the own enumerable properties
// not named before the rest, in declarations, parameters and on strings;
// null or undefined is a TypeError even with nothing but a rest.
var user = {id: 1, password: "x", name: "n", 0: "zero"};
const {password, ...safe} = user;
let {0: z, ...others} = user;
var {...all} = "ab";
function strip({id, ...restOf}) { return Object.keys(restOf); }
var r = [safe, others, all, strip(user), z];
try { var {...none} = null; } catch (e) { r.push(e.name); }
try { var {q, ...n2} = undefined; } catch (e) { r.push(e.name); }
return r;
