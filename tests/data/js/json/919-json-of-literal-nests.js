// JSON.stringify of nests of literals (structured content) writes a nest
// that is still as made from its JSON text (calls.rs `Plain::nest`); any
// change to it, however deep, must show, and what JSON leaves out or runs
// (undefined, functions, toJSON, cycles) must behave as for any object.
var out = [];
var uri = "https://shop.example.com/p?v=1";
function card(title, u) {
  return { type: "button", title: title, click: { actions: [{ type: "link", uri: u, target: "blank" }] } };
}
function show(label, v) {
  try { out.push(label + " " + JSON.stringify(v)); } catch (e) { out.push(label + " " + e.name); }
}
show("as made", card("See", uri));
show("in an array", [card("A", 1), card("B", null), card("C", true)]);
var c = card("X", uri); c.click.actions[0].target = "self"; show("constant changed deep", c);
c = card("X", uri); c.type = "but" + "ton"; show("same text, another string", c);
c = card("X", uri); c.extra = 1; show("name added", c);
c = card("X", uri); delete c.click.actions[0].target; show("name deleted deep", c);
c = card("X", uri); c.click.actions.push({ type: "more" }); show("array grown", c);
c = card("X", uri); c.click.actions.length = 0; show("array emptied", c);
c = card("X", uri); c.click = { actions: [{ type: "link", uri: uri, target: "blank" }] }; show("inner replaced alike", c);
c = card("X", uri); c.click = card("inner", 2); show("inner replaced by a nest", c);
c = card(undefined, uri); show("undefined operand", c);
c = card(function () {}, uri); show("function operand", c);
c = card("X", [1, undefined, function () {}]); show("array operand", c);
c = card("X", { toJSON: function () { return "tj"; } }); show("operand with toJSON", c);
c = card("X", uri); c.click.toJSON = function () { return "replaced"; }; show("toJSON added deep", c);
var t = { toJSON: function () { return { made: "by toJSON" }; }, k: "v", nested: { a: [1, 2] } };
show("nest with toJSON", t);
c = card("X", uri); c.click.actions[0].uri = c; show("cycle", c);
c = card("X", uri); c.click.actions[0].uri = c.click; show("cycle through inner", c);
c = card("X", uri); var p = Object.create({ inherited: 1 }); p.actions = c.click.actions; c.click = p; show("inner with a prototype", c);
c = card("X", uri); Object.defineProperty(c.click.actions[0], "type", { enumerable: false }); show("made non-enumerable", c);
var d = { when: new Date(0), n: -0, big: 1e21, tiny: 1e-7, inf: 1 / 0, s: "q\"u\\o\n", u: "\u2028" };
show("special values", d);
var k = { "a\"b": 1, "": { "\n": [true, false, null] } };
show("odd names", k);
show("indented", JSON.stringify(card("I", 1), null, 2));
show("replacer", JSON.stringify(card("R", 2), ["type", "click", "actions"]));
botContext.sendMessage(out.join("\n"));
