// A loop whose body throws and catches: still stopped by the CPU budget.
while (true) {
  try {
    throw 1;
  } catch (e) {}
}
