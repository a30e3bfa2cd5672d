"""A large Jira CSV export, made from the rows of the test fixture with fresh keys and accounts."""

from __future__ import annotations

import csv
import random
import sqlite3
from pathlib import Path

from csdesk.paths import DB_FILE

FIXTURE = (
    Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "imports" / "jira_tickets.csv"
)


def make_jira_csv(path: Path, rows: int, seed: int, data_dir: Path) -> Path:
    """Write ``rows`` tickets to ``path`` (once; reused when it exists).

    Each row copies a random row of ``tests/fixtures/imports/jira_tickets.csv``
    (so every value is one the importer accepts) with its own issue key and id,
    and the organisation of a random account of the portfolio in ``data_dir``.
    """
    if path.exists():
        return path
    with open(FIXTURE, encoding="utf-8-sig", newline="") as f:
        header, *templates = list(csv.reader(f))
    con = sqlite3.connect(f"{(data_dir / DB_FILE).as_uri()}?mode=ro", uri=True)
    try:
        accounts = [r[0] for r in con.execute("SELECT name FROM accounts ORDER BY id")]
    finally:
        con.close()
    col = {name: header.index(name) for name in header}
    rng = random.Random(seed)
    tmp = path.with_suffix(".part")
    with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(header)
        for n in range(rows):
            row = list(rng.choice(templates))
            project = row[col["Project key"]] or "BEN"
            row[col["Issue key"]] = f"{project}-{100_000 + n}"
            row[col["Issue id"]] = str(500_000 + n)
            row[col["Summary"]] = f"{row[col['Summary']]} ({n})"
            row[col["Custom field (Organizations)"]] = rng.choice(accounts)
            out.writerow(row)
    tmp.replace(path)
    return path
