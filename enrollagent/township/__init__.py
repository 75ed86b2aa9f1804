"""The township side: receive village packages, add them up against the tasks, find 重复参保."""
