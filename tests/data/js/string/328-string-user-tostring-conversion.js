function Tag(name) { this.name = name; }
Tag.prototype.toString = function () { return "#" + this.name; };
var tags = [new Tag("b"), new Tag("a")];
var plain = { toString: function () { return "P"; } };
return [tags.join(" "), "".concat(plain, "!"), tags.sort().join(","), [plain, 1].join("+")];
