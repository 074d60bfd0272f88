var counter = (function () {
  var count = 0;
  function change(by) { count += by; }
  return {
    increment: function () { change(1); },
    decrement: function () { change(-1); },
    value: function () { return count; }
  };
})();
counter.increment(); counter.increment(); counter.decrement();
return counter.value();
