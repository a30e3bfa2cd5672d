"""Start csdesk (``csdesk --data-dir DIR``, the real entry point) and stop at its first paint.

Run as a script: ``python bench/start_csdesk.py DATA_DIR``. The clock starts at
the top of this file, before any import.
"""

import time

T0 = time.perf_counter()

import os  # noqa: E402
import sys  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from csdesk import cli  # noqa: E402


def main() -> int:
    from _paint import FirstPaint

    import csdesk.gui.app as gui_app  # what cli.main imports to start the window anyway

    make = gui_app.make_application

    def make_application(argv=None):
        app = make(argv)
        app.installEventFilter(FirstPaint(app, T0))
        return app

    gui_app.make_application = make_application
    return cli.main(["--data-dir", sys.argv[1]])


if __name__ == "__main__":
    sys.exit(main())
