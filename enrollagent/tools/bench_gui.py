"""Measure what the agent feels: time to a usable main window, and each search keystroke.

QT_QPA_PLATFORM=offscreen python -m enrollagent.tools.bench_gui DEMO.db"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="测量打开和搜索的速度")
    parser.add_argument("db", type=Path)
    args = parser.parse_args(argv)
    from PySide6.QtCore import QCoreApplication, QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    QCoreApplication.setOrganizationName("EnrollAgentBench")
    QCoreApplication.setApplicationName("EnrollAgentBench")
    from ..ui.context import AppContext
    from ..ui.main import make_application
    from ..ui.main_window import MainWindow

    app = make_application([])
    window = MainWindow(AppContext(args.db))
    window.resize(1366, 768)
    window.show()
    window.grab()  # the window painted, before its first page is built
    print(f"window painted (from interpreter start): {time.perf_counter() - T0:.2f} s")
    while "overview" not in window.pages:
        app.processEvents()
    window.grab()
    print(f"overview filled and painted: {time.perf_counter() - T0:.2f} s")
    t = time.perf_counter()
    page = window.show_page("roster")
    window.grab()
    print(f"roster first shown: {time.perf_counter() - t:.2f} s")
    page.search.wait()
    app.processEvents()
    times = []
    for query in (
        "z",
        "zh",
        "zs",
        "w",
        "wm",
        "wxm",
        "1",
        "12",
        "123",
        "1234",
        "王",
        "王明",
        "李",
        "0001",
    ):
        t = time.perf_counter()
        page.search_edit.setText(query)
        page.apply_filter()  # what the debounce timer runs
        page.table_view.viewport().grab()  # and the repaint
        times.append((time.perf_counter() - t) * 1000)
    print(
        f"search keystroke: median {statistics.median(times):.0f} ms, max {max(times):.0f} ms "
        f"over {len(times)} queries"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
