String.prototype.shout = function () { return this.toUpperCase() + "!"; };
return "hi".shout();
