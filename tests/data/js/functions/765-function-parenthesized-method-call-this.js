var o = {
  name: "menu",
  who: function () { return this === o ? this.name : "lost"; }
};
var out = [o.who(), (o.who)(), (o["who"])(), ((o.who))()];
botContext.printDebugMessage(out.join(","));
return out;
