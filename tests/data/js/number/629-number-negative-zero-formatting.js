var nz = -0;
var r = [];
r.push(String(nz), nz + "", `${nz}`, nz.toString(), nz.toFixed(1), JSON.stringify(nz), [nz].join());
r.push(1 / nz, 1 / (0 * -1), 1 / Math.round(-0.4), 1 / (-0 + 0), 1 / Number("-0"), 1 / parseFloat("-0"));
r.push(nz === 0, 1 / Math.abs(nz));
botContext.printDebugMessage(r.map(String).join(" "));
return r.map(String);
