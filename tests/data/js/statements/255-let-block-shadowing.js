var x = 1;
let y = "outer";
{
  let x = 2;
  const y = "inner";
  botContext.printDebugMessage(x + " " + y);
}
if (true) {
  let x = 3;
  x++;
}
return [x, y];
