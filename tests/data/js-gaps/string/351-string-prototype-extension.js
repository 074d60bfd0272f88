// gap: String.prototype is not available, so methods added to it cannot be called
String.prototype.shout = function () { return this.toUpperCase() + "!"; };
return "hi".shout();
