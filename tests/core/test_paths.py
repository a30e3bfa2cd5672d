"""Where csdesk keeps its files and finds its resources."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import csdesk.paths as paths_mod
from csdesk.paths import (
    DB_FILE,
    DEMO_DB_FILE,
    ENV_DATA_DIR,
    AppPaths,
    resolve_paths,
    resource,
    resources_dir,
    ui_dir,
)


def test_the_argument_decides_and_beats_the_environment(tmp_path: Path) -> None:
    chosen = tmp_path / "portable"
    p = resolve_paths(chosen)
    assert p.data_dir == chosen.resolve()
    assert p.log_dir == chosen.resolve() / "logs"
    assert p.backup_dir == chosen.resolve() / "backups"
    # the autouse fixture set CSDESK_DATA_DIR; the argument wins over it
    assert p.data_dir != (tmp_path / "csdesk-data").resolve()


def test_a_string_argument_with_tilde_is_expanded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    p = resolve_paths("~/csdesk-here")
    assert p.data_dir == (tmp_path / "home" / "csdesk-here").resolve()


def test_a_relative_argument_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    p = resolve_paths("rel")
    assert p.data_dir.is_absolute()
    assert p.data_dir == (tmp_path / "rel").resolve()


def test_the_environment_variable_is_used_without_argument(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, str(tmp_path / "from-env"))
    p = resolve_paths()
    assert p.data_dir == (tmp_path / "from-env").resolve()
    assert p.log_dir == (tmp_path / "from-env").resolve() / "logs"
    assert p.backup_dir == (tmp_path / "from-env").resolve() / "backups"


def _expect_platform_default(p: AppPaths, tmp_path: Path) -> None:
    assert p.data_dir == tmp_path / "xdg-data" / "csdesk"
    assert p.log_dir.is_relative_to(tmp_path / "xdg-state" / "csdesk")
    assert p.backup_dir == p.data_dir / "backups"
    assert p.data_dir != (tmp_path / "csdesk-data").resolve()


def test_default_uses_the_platform_directories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_DATA_DIR)
    _expect_platform_default(resolve_paths(), tmp_path)


def test_an_empty_environment_variable_means_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_DATA_DIR, "")
    _expect_platform_default(resolve_paths(), tmp_path)


def test_resolving_creates_nothing_and_ensure_creates_all(tmp_path: Path) -> None:
    p = resolve_paths(tmp_path / "fresh")
    assert not p.data_dir.exists()
    p.ensure()
    assert p.data_dir.is_dir()
    assert p.log_dir.is_dir()
    assert p.backup_dir.is_dir()
    p.ensure()  # twice is fine


def test_files_inside_the_directories(tmp_path: Path) -> None:
    p = resolve_paths(tmp_path / "d")
    assert p.database_file() == p.data_dir / DB_FILE
    assert p.database_file(demo=True) == p.data_dir / DEMO_DB_FILE
    assert p.database_file() != p.database_file(demo=True)
    assert p.log_file == p.log_dir / "csdesk.log"


def test_app_paths_is_immutable(tmp_path: Path) -> None:
    p = resolve_paths(tmp_path)
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.data_dir = tmp_path / "other"  # type: ignore[misc]


# ------------------------------------------------------------------ resources


def test_bundled_folders_of_the_source_tree_exist() -> None:
    assert resources_dir().is_dir()
    assert resources_dir().name == "resources"
    assert ui_dir().is_dir()
    assert ui_dir().name == "ui"


def test_a_missing_resource_raises_naming_it() -> None:
    with pytest.raises(FileNotFoundError) as info:
        resource("no-such-dir", "no-such-style.qss")
    message = str(info.value)
    assert "no-such-dir/no-such-style.qss" in message
    assert str(resources_dir()) in message


def test_resource_is_found_beside_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "src" / "csdesk"
    package.mkdir(parents=True)
    (tmp_path / "src" / "resources" / "icons").mkdir(parents=True)
    qss = tmp_path / "src" / "resources" / "style.qss"
    qss.write_text("QWidget {}")
    icon = tmp_path / "src" / "resources" / "icons" / "app.svg"
    icon.write_text("<svg/>")
    monkeypatch.setattr(paths_mod, "_PACKAGE_DIR", package)

    assert resources_dir() == tmp_path / "src" / "resources"
    assert resource("style.qss") == qss
    assert resource("icons", "app.svg") == icon


def test_resource_inside_the_installed_package_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site" / "csdesk"
    (package / "resources").mkdir(parents=True)
    (package / "ui").mkdir()
    (tmp_path / "site" / "resources").mkdir()
    (tmp_path / "site" / "resources" / "style.qss").write_text("outside")
    inside = package / "resources" / "style.qss"
    inside.write_text("inside")
    monkeypatch.setattr(paths_mod, "_PACKAGE_DIR", package)

    assert resource("style.qss") == inside
    assert ui_dir() == package / "ui"
