function check(age) {
  if (typeof age !== "number") throw new TypeError("age must be a number");
  if (age < 0 || age > 150) throw new RangeError("age out of range: " + age);
  return "ok";
}
botContext.printDebugMessage(check(30));
try { check("x"); } catch (e) { botContext.printDebugMessage(e.name + " - " + e.message); }
check(200);
