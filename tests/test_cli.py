"""The command line, run as a user runs it: a separate process."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent


def csdesk(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "csdesk", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=full_env,
        timeout=120,
    )


def non_blank(png: Path) -> bool:
    image = QImage(str(png))
    assert not image.isNull(), f"{png} is not a PNG image"
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    return len(colours) > 20


def test_version() -> None:
    from csdesk import __version__

    result = csdesk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"csdesk {__version__}"


@pytest.mark.slow
@pytest.mark.parametrize("view", ["today", "portfolio", "directory", "tasks", "board", "settings"])
def test_screenshot_of_each_view_on_the_demo(tmp_path: Path, view: str) -> None:
    out = tmp_path / f"{view}.png"
    result = csdesk(
        "--data-dir", str(tmp_path / "d"), "--demo", "screenshot", "--view", view,
        "-o", str(out), "--size", "1200x760",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 760)
    assert non_blank(out)
    assert (tmp_path / "d" / "csdesk-demo.sqlite3").exists()
    assert not (tmp_path / "d" / "csdesk.sqlite3").exists(), "the demo must not touch real data"


def test_info_json_counts_the_demo(tmp_path: Path) -> None:
    result = csdesk("--data-dir", str(tmp_path), "--demo", "info", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["counts"]["accounts"] >= 25
    assert data["counts"]["items"] >= 60
    assert data["database"].endswith("csdesk-demo.sqlite3")


def test_data_dir_from_environment(tmp_path: Path) -> None:
    result = csdesk("info", "--json", env={"CSDESK_DATA_DIR": str(tmp_path / "env")})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["database"] == str(tmp_path / "env" / "csdesk.sqlite3")


def test_db_url_option(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'team' / 'shared.db'}"
    result = csdesk("--data-dir", str(tmp_path / "d"), "--db", url, "info", "--json")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "team" / "shared.db").exists()


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    assert csdesk("--data-dir", str(tmp_path), "info").returncode == 0
    db_file = tmp_path / "csdesk.sqlite3"
    con = sqlite3.connect(db_file)
    con.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    before = db_file.read_bytes()
    result = csdesk("--data-dir", str(tmp_path), "info")
    assert result.returncode == 2
    assert "newer version of csdesk" in result.stderr
    assert "Traceback" not in result.stderr
    assert db_file.read_bytes() == before


def test_demo_and_db_together_are_refused(tmp_path: Path) -> None:
    result = csdesk("--data-dir", str(tmp_path), "--demo", "--db", "sqlite://", "info")
    assert result.returncode == 2
    assert "either --db or --demo" in result.stderr


def test_bad_size_is_explained(tmp_path: Path) -> None:
    result = csdesk("screenshot", "-o", str(tmp_path / "x.png"), "--size", "big")
    assert result.returncode == 2
    assert "size must look like 1280x800" in result.stderr


def test_today_json_on_the_demo_has_every_bucket(tmp_path: Path) -> None:
    """The demo is built around noon of the current day; --at fixes the clock there."""
    import datetime as dt

    from csdesk.core.demo import demo_anchor

    at = demo_anchor(dt.date.today()).isoformat()
    result = csdesk("--data-dir", str(tmp_path), "--demo", "today", "--json", "--at", at)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    buckets = ("overdue", "due_today", "stale", "escalation_due", "sla_breached", "sla_near_breach")
    for bucket in buckets:
        assert data[bucket], f"the demo shows nothing in {bucket}"
    now = dt.datetime.fromisoformat(data["at"])
    for entry in data["overdue"]:
        assert dt.datetime.fromisoformat(entry["due_at"]) < now
        assert entry["reason"].startswith("Due ")
    assert all(e["item_type"] == "ticket" for e in data["stale"])
    assert all(e["status"] == "waiting_for_account_manager" for e in data["escalation_due"])
    assert all(e["minutes_left"] < 0 for e in data["sla_breached"])
    assert all(e["minutes_left"] >= 0 for e in data["sla_near_breach"])
    assert data["high_load"]["active"] is True
    text = csdesk("--data-dir", str(tmp_path), "--demo", "today", "--at", at)
    assert "Escalation due (" in text.stdout


def test_today_refuses_a_bad_clock(tmp_path: Path) -> None:
    result = csdesk("--data-dir", str(tmp_path), "today", "--at", "next tuesday")
    assert result.returncode == 2
    assert "is not a date and time like 2026-11-23T09:00" in result.stderr


def test_export_each_kind_from_the_demo(tmp_path: Path) -> None:
    import csv as csv_module

    data = tmp_path / "d"
    for kind, fmt in (("accounts", "csv"), ("tasks", "json"), ("log", "csv"), ("directory", "vcf")):
        out = tmp_path / f"{kind}.{fmt}"
        result = csdesk(
            "--data-dir", str(data), "--demo", "export", kind, "--format", fmt, "-o", str(out)
        )
        assert result.returncode == 0, result.stderr
        assert out.exists() and out.stat().st_size > 0
    text = (tmp_path / "accounts.csv").read_text(encoding="utf-8-sig")
    rows = list(csv_module.DictReader(text.splitlines()))
    assert len(rows) >= 25 and "name" in rows[0]
    assert json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))["count"] >= 60
    assert (tmp_path / "directory.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") >= 10


def test_export_refuses_unknown_account_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    result = csdesk(
        "--data-dir", str(tmp_path / "d"), "--demo", "export", "log", "-o", str(out), "--account", "Nobody Inc"
    )  # fmt: skip
    assert result.returncode == 2
    assert "Nobody Inc" in result.stderr
    assert not out.exists()


FIXTURES = ROOT / "tests" / "fixtures" / "imports"


def test_import_dry_run_then_import_then_reimport(tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    source = str(FIXTURES / "salesforce_accounts.csv")
    dry = csdesk("--data-dir", data, "import", "accounts", source, "--dry-run", "--json")
    assert dry.returncode == 0, dry.stderr
    assert json.loads(dry.stdout)["created"] == 12
    info = json.loads(csdesk("--data-dir", data, "info", "--json").stdout)
    assert info["counts"]["accounts"] == 0  # a dry run writes nothing
    real = csdesk("--data-dir", data, "import", "accounts", source)
    assert real.returncode == 0 and "12 were created" in real.stdout
    again = json.loads(csdesk("--data-dir", data, "import", "accounts", source, "--json").stdout)
    assert (again["created"], again["updated"]) == (0, 0)
    info = json.loads(csdesk("--data-dir", data, "info", "--json").stdout)
    assert info["counts"]["accounts"] == 12


def test_import_with_bad_rows_exits_1_and_writes_nothing(tmp_path: Path) -> None:
    data = str(tmp_path / "d")
    result = csdesk(
        "--data-dir", data, "import", "accounts", str(FIXTURES / "salesforce_bad_date.csv")
    )
    assert result.returncode == 1
    assert "Row 4, column “Renewal Date”" in result.stderr
    assert "nothing was imported" in result.stdout
    info = json.loads(csdesk("--data-dir", data, "info", "--json").stdout)
    assert info["counts"]["accounts"] == 0


def test_import_of_a_truncated_file_is_explained(tmp_path: Path) -> None:
    result = csdesk(
        "--data-dir", str(tmp_path), "import", "accounts", str(FIXTURES / "salesforce_truncated.csv"),
        "--format", "salesforce",
    )  # fmt: skip
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.startswith("csdesk: ")


def test_ooo_new_show_handoff_and_return_on_the_demo(tmp_path: Path) -> None:
    import datetime as dt

    import openpyxl

    data = ["--data-dir", str(tmp_path / "d"), "--demo"]
    start = dt.date.today() + dt.timedelta(days=21)
    end = start + dt.timedelta(days=6)
    made = csdesk(
        *data, "ooo", "new", "--start", start.isoformat(), "--end", end.isoformat(),
        "--tl", "celeste.harmon@brightpath.example", "--backup", "jonah.pierce@brightpath.example",
        "--json",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    plan = json.loads(made.stdout)
    assert plan["first_day"] == start.isoformat()
    assert {d["key"] for d in plan["deadlines"]} >= {"notify_tl", "hr_request", "auto_reply"}
    assert plan["flagged"] and all(
        f["level"] in ("high", "medium") or f["needs_backup"] for f in plan["flagged"]
    )
    assert all("reason" in t for t in plan["triage"])
    today_json = json.loads(csdesk(*data, "today", "--json").stdout)
    assert today_json["ooo_next"]["leave_starts"] == start.isoformat()
    assert today_json["ooo_late"] == []
    bad = csdesk(*data, "ooo", "new", "--start", "2020-01-06", "--end", "2020-01-10",
                 "--tl", "celeste.harmon@brightpath.example", "--backup", "jonah.pierce@brightpath.example")  # fmt: skip
    assert bad.returncode == 2 and "past" in bad.stderr
    sheet = tmp_path / "handoff.xlsx"
    assert (
        csdesk(
            *data,
            "export",
            "handoff",
            "--plan",
            str(plan["id"]),
            "--format",
            "xlsx",
            "-o",
            str(sheet),
        ).returncode
        == 0
    )
    pdf = tmp_path / "handoff.pdf"
    assert (
        csdesk(
            *data, "export", "handoff", "--plan", str(plan["id"]), "--format", "pdf", "-o", str(pdf)
        ).returncode
        == 0
    )
    assert pdf.read_bytes().startswith(b"%PDF-")
    ics = tmp_path / "leave.ics"
    made_ics = csdesk(
        *data, "export", "handoff", "--plan", str(plan["id"]), "--format", "ics", "-o", str(ics)
    )
    assert made_ics.returncode == 0, made_ics.stderr
    assert ics.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 3
    book = openpyxl.load_workbook(sheet)
    assert book.sheetnames == ["Summary", "Pending items", "Admins", "Tracking log"]
    pending = book["Pending items"]
    account, item = pending.cell(2, 1).value, pending.cell(2, 2).value
    tracking = book["Tracking log"]
    # the leave is in the future here, so the backup's rows carry yesterday's date
    day = (dt.date.today() - dt.timedelta(days=1)).isoformat()
    tracking.append([day, account, item, "Email", "Sent the admin an update", "No"])
    tracking.append([day, "Nobody Inc", "?", "Call", "Wrong number", ""])
    book.save(sheet)
    book.close()
    back = csdesk(*data, "ooo", "return", "--plan", str(plan["id"]), "--tracking", str(sheet))
    assert back.returncode == 0, back.stderr
    assert "1 were added to the communication log" in back.stdout
    assert "not matched" in back.stdout and "Welcome back" in back.stdout
    # a second return of the same plan adds nothing and does not fail half-way
    again = csdesk(*data, "ooo", "return", "--plan", str(plan["id"]), "--tracking", str(sheet))
    assert again.returncode == 0, again.stderr
    assert "already marked returned" in again.stdout


def test_a_log_file_that_cannot_be_written_is_said_once_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import errno
    import logging

    class FullDisk:
        def write(self, _text: str) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        def flush(self) -> None:
            pass

        def close(self) -> None:
            pass

    from csdesk import cli

    handler = cli._LogFile(tmp_path / "csdesk.log", delay=True)
    handler.stream = FullDisk()  # type: ignore[assignment]
    logger = logging.getLogger("csdesk.test.fulldisk")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("one")
        logger.warning("two")
    finally:
        logger.removeHandler(handler)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.count("cannot be written") == 1 and "No space left" in err
