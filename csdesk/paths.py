"""Where csdesk keeps its files, and where it finds its forms and resources.

One module decides every path so that tests and portable use can move all
of them at once: ``--data-dir DIR`` or ``CSDESK_DATA_DIR`` put the database,
backups and logs under DIR; otherwise platformdirs gives the per-user
directories of the operating system.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from csdesk import APP_NAME

ENV_DATA_DIR = "CSDESK_DATA_DIR"
DB_FILE = "csdesk.sqlite3"
DEMO_DB_FILE = "csdesk-demo.sqlite3"

_PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class AppPaths:
    """The directories of one running csdesk."""

    data_dir: Path
    log_dir: Path
    backup_dir: Path

    def database_file(self, demo: bool = False) -> Path:
        return self.data_dir / (DEMO_DB_FILE if demo else DB_FILE)

    @property
    def log_file(self) -> Path:
        return self.log_dir / "csdesk.log"

    def ensure(self) -> None:
        """Create the folders; a read-only or full disk is a clear error, not a traceback."""
        from csdesk.core.errors import DiskFullError, ReadOnlyDataError

        for d in (self.data_dir, self.log_dir, self.backup_dir):
            try:
                d.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                if exc.errno == errno.ENOSPC:
                    raise DiskFullError(
                        f"The disk is full: csdesk cannot create the folder {d}. "
                        "Nothing was changed. Free some space, then start csdesk again."
                    ) from exc
                raise ReadOnlyDataError(
                    f"csdesk cannot create the folder {d} ({exc.strerror or exc}): the data "
                    "folder is read-only or not yours. Nothing was changed. Make it writable, "
                    "or start csdesk with another data folder (--data-dir)."
                ) from exc


def resolve_paths(data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
    """The paths for this run: the argument, then the environment, then the OS default."""
    chosen = data_dir if data_dir is not None else os.environ.get(ENV_DATA_DIR) or None
    if chosen is not None:
        base = Path(chosen).expanduser().resolve()
        return AppPaths(data_dir=base, log_dir=base / "logs", backup_dir=base / "backups")
    data = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    logs = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    return AppPaths(data_dir=data, log_dir=logs, backup_dir=data / "backups")


def _bundled_dir(name: str) -> Path:
    """A top-level folder of the source tree, or its copy inside the installed package.

    The wheel carries ``ui/`` and ``resources/`` as ``csdesk/ui`` and
    ``csdesk/resources``; a source checkout has them beside the package.
    """
    inside = _PACKAGE_DIR / name
    if inside.is_dir():
        return inside
    return _PACKAGE_DIR.parent / name


def resources_dir() -> Path:
    return _bundled_dir("resources")


def ui_dir() -> Path:
    return _bundled_dir("ui")


def resource(*parts: str) -> Path:
    """The path of a resource file; raises FileNotFoundError naming it if it is missing."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise FileNotFoundError(f"csdesk resource missing: {'/'.join(parts)} (looked in {path})")
    return path
