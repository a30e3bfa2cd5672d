"""Where csdesk keeps its files, and where it finds its forms and resources.

One module decides every path so that tests and portable use can move all
of them at once: ``--data-dir DIR`` or ``CSDESK_DATA_DIR`` put the database,
backups and logs under DIR; otherwise platformdirs gives the per-user
directories of the operating system.
"""

from __future__ import annotations

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
        for d in (self.data_dir, self.log_dir, self.backup_dir):
            d.mkdir(parents=True, exist_ok=True)


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
