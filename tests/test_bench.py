"""The benchmark harness runs end to end at smoke scale (no timing assertions)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIGURES = {
    "paint", "rss", "ready", "ready_rss", "search", "search_default",
    "ooo", "ooo_tables", "jira", "jira_tables", "jira_again",
}  # fmt: skip
# measured against a floor, no target in the issue
REPORTED = {"ready", "ready_rss", "ooo_tables", "jira_tables", "jira_again"}


def test_bench_smoke(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    env = {
        **os.environ,
        "CSDESK_BENCH_CACHE": str(tmp_path / "cache"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--smoke", "--json", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data["figures"]) == FIGURES
    for key, fig in data["figures"].items():
        for side in ("csdesk", "floor_measured"):
            assert isinstance(fig[side]["median"], float) and fig[side]["median"] > 0, key
            assert len(fig[side]["runs"]) == 1, key
        assert isinstance(fig["ratio"], float), key
        if key in REPORTED:
            assert fig["pass"] is None and fig["target"] == "(reported)", key
        else:
            assert isinstance(fig["pass"], bool), key
    assert "| figure |" in result.stdout


def test_same_work_floor_replays_exactly_the_rows_added(tmp_path: Path) -> None:
    """The same-tables floors insert what csdesk added: replayed on ``before``, it gives ``after``."""
    from bench.child import added_rows, replay

    before, after, again = (tmp_path / n for n in ("before.db", "after.db", "again.db"))
    con = sqlite3.connect(before)
    con.executescript(
        "PRAGMA foreign_keys=ON;"
        "CREATE TABLE z_items (id INTEGER PRIMARY KEY, title TEXT NOT NULL);"
        "CREATE TABLE a_links (item_id INTEGER NOT NULL REFERENCES z_items (id), who TEXT,"
        " PRIMARY KEY (item_id, who));"
        "CREATE INDEX ix_who ON a_links (who);"
        "INSERT INTO z_items VALUES (1, 'old'); INSERT INTO a_links VALUES (1, 'me');"
    )
    con.close()
    shutil.copy(before, after)
    shutil.copy(before, again)
    con = sqlite3.connect(after)
    con.executescript(
        "PRAGMA foreign_keys=ON;"
        "INSERT INTO z_items VALUES (2, 'new'), (3, 'newer');"
        "INSERT INTO a_links VALUES (2, 'me'), (2, 'css'), (3, 'me');"
    )
    con.close()
    tables = added_rows(before, after)
    # parents first, whatever their names: the links point at the items
    assert [t for t, _, _ in tables] == ["z_items", "a_links"]
    assert [len(rows) for _, _, rows in tables] == [2, 3]
    replay(again, tables)
    dump = lambda p: list(sqlite3.connect(p).iterdump())  # noqa: E731
    assert dump(again) == dump(after)
