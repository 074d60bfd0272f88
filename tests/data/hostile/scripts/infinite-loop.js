// The plainest runaway: stopped by the CPU budget.
while (true) {}
