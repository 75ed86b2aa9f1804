"""Cancelling a job stops it at its next progress update."""

import pytest

from enrollagent.core.progress import Cancelled, Progress


def test_cancel_raises_at_next_update():
    seen = []
    progress = Progress(lambda done, total, message: seen.append((done, total, message)))
    progress.update(1, 10, "读取")
    progress.cancel()
    with pytest.raises(Cancelled):
        progress.update(2, 10)
    assert seen == [(1, 10, "读取")]
