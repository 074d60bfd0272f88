try {
  var r = {} instanceof {};
  return r;
} catch (e) {
  return e.name;
}
