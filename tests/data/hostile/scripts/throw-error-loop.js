// Each Error object stays on the run's heap (a run's heap is dropped as a
// whole when it ends): an endless loop of them ends at the heap quota.
while (true) {
  try {
    throw new Error('again');
  } catch (e) {}
}
