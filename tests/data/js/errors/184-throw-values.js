var out = [];
try { throw "text"; } catch (a) { out.push(a); }
try { throw 42; } catch (b) { out.push(b + 1); }
try { throw null; } catch (c) { out.push(c === null); }
try { throw {code: 7}; } catch (d) { out.push(d.code); }
botContext.printDebugMessage(out.join("|"));
return out;
