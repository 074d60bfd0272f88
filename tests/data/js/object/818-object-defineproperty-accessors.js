// Object.defineProperty with get/set: defaults (not enumerable, not
// configurable), prototype accessors, errors, and getters that throw.
function Order(lines) { this.lines = lines; }
Object.defineProperty(Order.prototype, "size", {
  get: function () { return this.lines.length; }
});
var o = new Order([1, 2, 3]);
var r = [o.size, Object.keys(o).join(","), JSON.stringify(o)];
var acct = { _balance: 10 };
Object.defineProperty(acct, "balance", {
  get: function () { return this._balance; },
  set: function (v) { if (v < 0) throw new RangeError("negative"); this._balance = v; },
  enumerable: true
});
acct.balance = 25;
r.push(acct.balance, Object.keys(acct).join(","));
try { acct.balance = -1; } catch (e) { r.push(e.name, e.message); }
r.push(acct.balance);
var d = Object.getOwnPropertyDescriptor(acct, "balance");
r.push(d.enumerable, d.configurable, typeof d.get);
try { Object.defineProperty(acct, "balance", { value: 1 }); r.push("redefined"); } catch (e) { r.push(e.name); }
try { Object.defineProperty({}, "x", { get: function () {}, value: 1 }); } catch (e) { r.push(e.name); }
try { Object.defineProperty({}, "x", { get: 42 }); } catch (e) { r.push(e.name); }
var lazy = {};
Object.defineProperty(lazy, "boom", { get: function () { throw new Error("no"); }, enumerable: true });
try { JSON.stringify(lazy); } catch (e) { r.push("json:" + e.message); }
var tools = {};
Object.defineProperty(tools, "fn", { get: function () { return function (x) { return x * 2; }; } });
r.push(tools.fn(21));
botContext.printDebugMessage(JSON.stringify(r));
return r;
