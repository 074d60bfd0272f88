function Timer() {
  this.ticks = 0;
  var self = this;
  [1, 2, 3].forEach(() => { this.ticks++; });
  return this.ticks === self.ticks;
}
var t = new Timer();
return [t.ticks, Timer.call({ticks: 10})];
