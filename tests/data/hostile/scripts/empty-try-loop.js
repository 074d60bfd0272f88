// while (true) { try {} catch (e) {} }
while (true) {
  try {
  } catch (e) {}
}
