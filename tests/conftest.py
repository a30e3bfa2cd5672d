"""Shared fixtures. Sets the Qt platform before any QApplication exists."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from csdesk.core.db import Database, open_database, sqlite_url
from csdesk.paths import AppPaths


@pytest.fixture(autouse=True)
def _isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real user directories."""
    monkeypatch.setenv("CSDESK_DATA_DIR", str(tmp_path / "csdesk-data"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    base = tmp_path / "data"
    paths = AppPaths(data_dir=base, log_dir=base / "logs", backup_dir=base / "backups")
    paths.ensure()
    return paths


@pytest.fixture
def db(app_paths: AppPaths) -> Iterator[Database]:
    """A fresh, migrated SQLite database in a temporary directory."""
    database = open_database(sqlite_url(app_paths.database_file()), app_paths.backup_dir)
    yield database
    database.close()
