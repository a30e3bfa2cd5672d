"""Shared pieces of the fault tests: a data folder with the demo portfolio, a big Jira
export, the CLI in a subprocess, and the checks every fault ends with."""

from __future__ import annotations

import csv
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from csdesk.core.db import open_database, sqlite_url
from csdesk.core.demo import build_demo
from csdesk.paths import AppPaths
from tests.google.conftest import fake_google  # noqa: F401  (the fixture, for the apply faults)

REPO = Path(__file__).resolve().parents[2]
JIRA_FIXTURE = REPO / "tests" / "fixtures" / "imports" / "jira_tickets.csv"


def read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection; ``immutable`` when there is no -wal file (a read-only disk)."""
    wal = path.with_name(path.name + "-wal")
    mode = "mode=ro" if wal.exists() else "mode=ro&immutable=1"
    return sqlite3.connect(f"{path.as_uri()}?{mode}", uri=True)


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of an SQLite file (WAL included), read-only."""
    con = read_only(path)
    try:
        return ", ".join(r[0] for r in con.execute("PRAGMA integrity_check"))
    finally:
        con.close()


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted, to prove that nothing was lost or half-changed."""
    con = read_only(path)
    try:
        names = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {n: sorted(con.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    finally:
        con.close()


def counts(path: Path) -> dict[str, int]:
    return {name: len(rows) for name, rows in table_rows(path).items()}


def lost_rows(
    before: dict[str, list[tuple[object, ...]]], after: dict[str, list[tuple[object, ...]]]
) -> int:
    """How many rows of ``before`` are missing (or changed) in ``after``."""
    lost = 0
    for name, rows in before.items():
        kept = set(after.get(name, []))
        lost += sum(1 for r in rows if r not in kept)
    return lost


@pytest.fixture
def demo_paths(tmp_path: Path) -> AppPaths:
    """A data folder whose database holds the demo portfolio (no WAL left over)."""
    base = tmp_path / "data"
    paths = AppPaths(data_dir=base, log_dir=base / "logs", backup_dir=base / "backups")
    paths.ensure()
    db = open_database(sqlite_url(paths.database_file()), paths.backup_dir)
    try:
        build_demo(db)
    finally:
        db.close()
    return paths


def make_jira_csv(path: Path, rows: int, accounts: list[str], seed: int = 9) -> Path:
    """``rows`` tickets made from the rows of the Jira fixture, each with its own key."""
    with open(JIRA_FIXTURE, encoding="utf-8-sig", newline="") as f:
        header, *templates = list(csv.reader(f))
    col = {name: header.index(name) for name in header}
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        for n in range(rows):
            row = list(rng.choice(templates))
            row[col["Issue key"]] = f"BIG-{100_000 + n}"
            row[col["Issue id"]] = str(900_000 + n)
            row[col["Summary"]] = f"{row[col['Summary']]} ({n})"
            row[col["Custom field (Organizations)"]] = rng.choice(accounts)
            out.writerow(row)
    return path


def account_names(path: Path) -> list[str]:
    con = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in con.execute("SELECT name FROM accounts ORDER BY id")]
    finally:
        con.close()


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def csdesk(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "csdesk", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env or cli_env(),
        timeout=timeout,
    )


def start_csdesk(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "csdesk", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env=env or cli_env(),
    )


@pytest.fixture
def mountpoint(tmp_path: Path) -> Iterator[Path | None]:
    """A fresh 2 MB tmpfs (root on Linux), or None where mounting is not allowed."""
    where = tmp_path / "small-disk"
    where.mkdir()
    ok = False
    if sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(where)],
            capture_output=True,
        )
        ok = done.returncode == 0
    yield where if ok else None
    if ok:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)
