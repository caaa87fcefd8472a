"""Development scripts (benchmarks, the lock); importable by the tests as scripts.*."""
