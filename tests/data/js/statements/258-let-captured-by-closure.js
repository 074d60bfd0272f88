function make() {
  let count = 10;
  {
    let count = 0;
    var inc = function () { count++; return count; };
  }
  inc();
  return [inc(), count];
}
const fixed = "c";
var get = () => fixed + fixed;
return [make(), get()];
