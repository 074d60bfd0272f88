function Base() { this.own = 1; }
Base.prototype.inherited = 2;
var b = new Base();
var arr = [1, 2];
arr.extra = "ignored";
var r = [];
r.push(JSON.stringify(b));
r.push(JSON.stringify(arr));
r.push(JSON.stringify({ arr: arr }));
r.push(JSON.stringify({ e: new Error("boom") }));
botContext.printDebugMessage(r.join(" | "));
return r;
