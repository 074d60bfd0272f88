// ES2015 destructuring in `let`/`const` declarations (block-scoped like
// plain names, also inside loops and nested blocks) and in `catch`
// parameters; destructuring null or undefined is a TypeError.
const {a, b: [c, d = 4] = []} = {a: 1, b: [3]};
let [x, , y = a + 10, ...rest] = [5, 6, undefined, 8, 9];
var out = [];
for (let i = 0; i < 3; i++) { const {v, w: {deep} = {deep: "dflt"}} = {v: i * 3}; out.push(v, deep); }
try { throw {code: 42, msg: "bad"}; } catch ({code, msg}) { out.push(code, msg); }
try { throw [1, [2]]; } catch ([one, [two]]) { out.push(one + two); }
try { const {z} = null; } catch (e) { out.push(e.name); }
try { let [q] = undefined; } catch (e) { out.push(e.name); }
{ let {a} = {a: "inner"}; out.push(a); }
out.push(a);
const {length} = "hello", [h, ...tail] = "hey";
botContext.printDebugMessage(JSON.stringify([a, c, d, x, y, rest, out, length, h, tail]));
return [a, c, d, x, y, rest, out, length, h, tail];
