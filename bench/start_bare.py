"""The floor of the start-up figures: bare PySide6, a QMainWindow shown, quit on first paint.

Run as a script: ``python bench/start_bare.py``. The clock starts at the top of
this file, before any import; the window has csdesk's size (1280x800).
"""

import time

T0 = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402


def main() -> int:
    from _paint import FirstPaint

    app = QApplication(sys.argv[:1])
    app.installEventFilter(FirstPaint(app, T0))
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
