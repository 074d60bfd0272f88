var weird = { valueOf: function () { return {}; }, toString: function () { return {}; } };
var out = [];
try { out.push(weird + 1); } catch (e) { out.push(e.name); }
try { out.push(String(weird)); } catch (e) { out.push(e.name); }
return out;
