"""The csdesk command line: one parser; ``csdesk`` alone starts the window.

Global options go before the subcommand:
    csdesk --data-dir /tmp/x --demo screenshot --view tasks -o tasks.png
Qt is imported only by the commands that need it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import logging
import logging.handlers
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from csdesk import __version__
from csdesk.core.errors import DamagedDatabaseError, KnownError
from csdesk.core.instance import InstanceLock
from csdesk.paths import ENV_DATA_DIR, AppPaths, resolve_paths

if TYPE_CHECKING:  # SQLAlchemy loads with the database, after the window has painted
    from csdesk.core.db import Database

log = logging.getLogger("csdesk")

EXIT_ERROR = 2
SCREENSHOT_VIEWS = (
    "today", "portfolio", "directory", "tasks", "board", "log", "ooo", "settings", "ooo-wizard",
    "ooo-return",
)  # fmt: skip
WIZARD_PAGES = (
    "dates", "people", "triage", "context", "auto_reply", "checklist", "google", "summary",
)  # fmt: skip
RETURN_PAGES = ("tracking", "imported", "digest", "agenda")  # csdesk.gui.ooo_return_wizard.PAGES


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a day like 2026-11-01") from None


def _moment(text: str) -> dt.datetime:
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time like 2026-11-23T09:00 or 2026-11-23T09:00+01:00"
        ) from None
    return value if value.tzinfo else value.astimezone()


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x800, not {text!r}") from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise argparse.ArgumentTypeError("width and height must be between 200 and 8000 pixels")
    return w, h


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="csdesk",
        description="csdesk: portfolio, directory, tasks and tickets for a Customer Success Manager.",
        epilog=f"Data lives in the user data directory unless --data-dir or ${ENV_DATA_DIR} says otherwise.",
    )
    p.add_argument("--version", action="version", version=f"csdesk {__version__}")
    p.add_argument(
        "--data-dir",
        metavar="DIR",
        help=f"keep data, backups and logs in DIR (or set ${ENV_DATA_DIR})",
    )
    p.add_argument(
        "--db", metavar="URL", help="use this SQLAlchemy database URL instead of the SQLite file"
    )
    p.add_argument(
        "--demo",
        action="store_true",
        help="use the demo portfolio (a separate database, filled on first use; never your real data)",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    shot = sub.add_parser("screenshot", help="render a view to a PNG offscreen and exit")
    shot.add_argument("--view", choices=SCREENSHOT_VIEWS, default="today")
    shot.add_argument("-o", "--output", required=True, type=Path, metavar="FILE.png")
    shot.add_argument("--size", type=_size, default=(1280, 800), metavar="WxH")
    shot.add_argument(
        "--plan", type=int, metavar="ID", help="with --view ooo-wizard or ooo-return: the plan"
    )
    shot.add_argument(
        "--page",
        choices=WIZARD_PAGES + RETURN_PAGES,
        help="with --view ooo-wizard (default dates) or ooo-return (default tracking): the page",
    )
    shot.add_argument(
        "--tracking",
        type=Path,
        metavar="FILE.xlsx",
        help="with --view ooo-return: the backup's filled workbook to read "
        "(the later pages import it into a scratch copy of the database, never yours)",
    )
    today = sub.add_parser(
        "today", help="print the Today lists: overdue, due today, stale, escalations, SLA clocks"
    )
    today.add_argument("--json", action="store_true", help="print a JSON object of named lists")
    today.add_argument(
        "--at",
        type=_moment,
        metavar="ISO-DATETIME",
        help="compute as if it were this moment (e.g. 2026-11-23T09:00; no zone = local time)",
    )
    imp = sub.add_parser(
        "import",
        help="import accounts, tickets, tasks or the directory from a CSV export (all or nothing)",
    )
    imp.add_argument("kind", choices=("accounts", "tickets", "tasks", "directory"))
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument(
        "--format",
        choices=("salesforce", "jira", "teamwork", "csv"),
        help="the file's format (default: recognised from its columns)",
    )
    imp.add_argument("--dry-run", action="store_true", help="check everything, write nothing")
    imp.add_argument("--json", action="store_true", help="print the result as JSON")
    exp = sub.add_parser("export", help="export accounts, tasks, the log or the directory")
    exp.add_argument("kind", choices=("accounts", "tasks", "log", "directory", "handoff"))
    exp.add_argument(
        "--format", choices=("csv", "json", "vcf", "xlsx", "pdf", "ics"), default="csv"
    )
    exp.add_argument("--plan", type=int, metavar="ID", help="the out-of-office plan (handoff only)")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")
    exp.add_argument("--account", metavar="NAME", help="only this account (and its franchise)")
    exp.add_argument(
        "--since", type=_day, metavar="DATE", help="only records since this day (YYYY-MM-DD)"
    )
    ooo = sub.add_parser("ooo", help="out-of-office plans: new, show, apply, return")
    ooo_sub = ooo.add_subparsers(dest="ooo_command", metavar="ACTION", required=True)
    new = ooo_sub.add_parser("new", help="plan a leave: dates, team lead and backup; triage")
    new.add_argument("--start", type=_day, required=True, metavar="DATE", help="first day away")
    new.add_argument(
        "--end", type=_day, required=True, metavar="DATE",
        help="last day away (you are back on the next working day)",
    )  # fmt: skip
    new.add_argument("--backup", required=True, metavar="EMAIL")
    new.add_argument("--tl", required=True, metavar="EMAIL", help="your team lead")
    new.add_argument("--json", action="store_true")
    show = ooo_sub.add_parser("show", help="a plan: deadlines, triage, flagged items")
    show.add_argument("--plan", type=int, required=True, metavar="ID")
    show.add_argument("--json", action="store_true")
    ret = ooo_sub.add_parser("return", help="back from leave: read the backup's tracking log")
    ret.add_argument("--plan", type=int, required=True, metavar="ID")
    source = ret.add_mutually_exclusive_group(required=True)
    source.add_argument("--tracking", type=Path, metavar="FILE.xlsx")
    source.add_argument(
        "--from-google",
        action="store_true",
        help="read the Tracking log from the shared Google Sheet (ooo apply made it)",
    )
    ret.add_argument("--dry-run", action="store_true")
    from csdesk.cli_google import add_apply_parser, add_google_parser

    add_apply_parser(ooo_sub)
    add_google_parser(sub)
    info = sub.add_parser("info", help="show where csdesk keeps its data and what is in it")
    info.add_argument("--json", action="store_true", help="print JSON")
    return p


class _LogFile(logging.handlers.RotatingFileHandler):
    """The log file; when it cannot be written (a full disk, say), one line says so.

    Python's default prints a traceback per lost record on stderr, under the
    message the user needs (e.g. "The disk is full ... Nothing was changed").
    """

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        if not self.failed:
            self.failed = True
            why = sys.exc_info()[1]
            print(
                f"csdesk: the log {self.baseFilename} cannot be written ({why}).", file=sys.stderr
            )


def setup_logging(paths: AppPaths) -> None:
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        paths.log_dir.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = _LogFile(
            paths.log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)


def _check_db_options(args: argparse.Namespace) -> None:
    if args.db and args.demo:
        raise KnownError("Use either --db or --demo: the demo portfolio has its own database.")


def open_app_database(args: argparse.Namespace, paths: AppPaths) -> Database:
    from csdesk.core.db import open_database, sqlite_url

    _check_db_options(args)
    if args.db:
        return open_database(args.db, paths.backup_dir)
    paths.ensure()
    db = open_database(sqlite_url(paths.database_file(demo=args.demo)), paths.backup_dir)
    if args.demo:
        from csdesk.core import demo

        if demo.is_empty(db):
            demo.build_demo(db)
            log.info("demo portfolio created in %s", paths.database_file(demo=True))
    return db


def _info(db: Database, paths: AppPaths, as_json: bool) -> int:
    from sqlalchemy import func, select

    from csdesk.core.db import head_revision
    from csdesk.core.models import Account, Colleague, Department, WorkItem

    with db.session() as s:
        counts = {
            name: s.scalar(select(func.count()).select_from(model)) or 0
            for name, model in (
                ("accounts", Account),
                ("colleagues", Colleague),
                ("departments", Department),
                ("items", WorkItem),
            )
        }
    data = {
        "version": __version__,
        "database": str(db.sqlite_path or db.url),
        "schema": head_revision(),
        "data_dir": str(paths.data_dir),
        "backups": str(paths.backup_dir),
        "log": str(paths.log_file),
        "counts": counts,
    }
    if as_json:
        print(json.dumps(data, indent=2))
    else:
        for key, value in data.items():
            if key == "counts":
                value = ", ".join(f"{n} {k}" for k, n in counts.items())
            print(f"{key:>10}: {value}")
    return 0


def _today(db: Database, at: dt.datetime | None, as_json: bool) -> int:
    from csdesk.core import ooo
    from csdesk.core.business_time import load_calendar
    from csdesk.core.today import BUCKETS, today_report

    report = today_report(db, now=at)
    day = load_calendar(db).local_date(report.now)
    late = ooo.late_checklist(db, day)
    upcoming = ooo.next_deadline(db, day)

    def step(c: ooo.ChecklistDue) -> dict[str, object]:
        return {
            "plan_id": c.plan_id,
            "step": c.title,
            "owner": c.owner,
            "due": c.due_date.isoformat(),
            "days_late": c.days_late,
            "leave_starts": c.first_day.isoformat(),
        }

    if as_json:
        data = report.to_json()
        data["ooo_late"] = [step(c) for c in late]
        data["ooo_next"] = step(upcoming) if upcoming else None
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(f"Today at {report.now.astimezone():%a %d %b %Y %H:%M} — {report.open_count} open items")
    if report.high_load:
        print(
            f"High load: more than {report.high_load_threshold} open items; warn affected clients."
        )
    for c in late:
        print(f"Out of office, late: {c.title} (owner: {c.owner}, due {c.due_date:%a %d %b})")
    if upcoming and not late:
        print(f"Out of office, next: {upcoming.title} by {upcoming.due_date:%a %d %b}")
    for bucket, label in BUCKETS.items():
        entries = report.buckets[bucket]
        print(f"\n{label} ({len(entries)})")
        for e in entries:
            account = f" [{e.account}]" if e.account else ""
            print(f"  {e.key}  {e.title}{account}\n      {e.reason}")
    return 0


def _import(db: Database, args: argparse.Namespace) -> int:
    """Exit 0 when imported (or a clean dry run), 1 when rows are bad (nothing written)."""
    from csdesk.core.imports import base
    from csdesk.core.imports.all import load_all
    from csdesk.core.progress import Progress

    load_all()
    if args.format:
        importer = base.importer_for(args.kind, args.format)
        parsed = importer.read(args.file)
    else:
        probe = next(f() for (k, _), f in base.REGISTRY.items() if k == args.kind)
        parsed = probe.read(args.file)
        importer = base.detect(args.kind, parsed.headers)
        if importer.format != probe.format:
            parsed = importer.read(args.file)

    def report(done: int, total: int) -> None:
        if total >= 5000 and not args.json and sys.stderr.isatty():
            print(f"\r{done:,}/{total:,} rows", end="", file=sys.stderr)

    result = base.run_import(
        db, importer, args.file, dry_run=args.dry_run, progress=Progress(report), parsed=parsed
    )
    if args.json:
        print(json.dumps(result.to_json(), indent=2, ensure_ascii=False))
    else:
        label = importer.label or importer.format
        print(f"{label}: {result.summary()}")
        for note in result.notes:
            print(f"  note: {note}")
        for error in result.errors:
            print(f"  {error}", file=sys.stderr)
    return 0 if result.ok else 1


def _colleague_by_email(db: Database, email: str, what: str) -> int:
    from csdesk.core.directory import list_colleagues

    matches = [c.id for c in list_colleagues(db) if c.email.lower() == email.strip().lower()]
    if not matches:
        raise KnownError(f"No colleague in the Directory has the email {email} ({what}).")
    return matches[0]


def _ooo(db: Database, args: argparse.Namespace) -> int:
    from csdesk.core import ooo, ooo_return
    from csdesk.core.business_time import load_calendar

    if args.ooo_command == "new":
        back = load_calendar(db).add_workdays(args.end, 1)
        plan_id = ooo.create_plan(db, args.start, back)
        ooo.set_people(
            db, plan_id, _colleague_by_email(db, args.tl, "--tl"),
            _colleague_by_email(db, args.backup, "--backup"),
        )  # fmt: skip
        ooo.triage(db, plan_id)
        ooo.ensure_checklist(db, plan_id)
        return _show_plan(db, plan_id, args.json)
    if args.ooo_command == "show":
        return _show_plan(db, args.plan, args.json)
    from csdesk.core.enums import OooStatus

    status = ooo.get_plan(db, args.plan).status
    if status is OooStatus.CANCELLED:  # refused before anything is read or written
        raise KnownError(f"Plan {args.plan} was cancelled: there is no return to record.")
    if args.from_google:
        from csdesk.core.google.apply import read_tracking_sheet

        rows = read_tracking_sheet(db, args.plan)
    else:
        rows = ooo_return.read_tracking(args.tracking)
    result = ooo_return.apply_tracking(db, args.plan, rows, dry_run=args.dry_run)
    print(result.summary())
    for problem in result.errors:
        print(f"  {problem}", file=sys.stderr)
    for row in result.unmatched:
        print(f"  not matched: {row}")
    for note in result.notes:
        print(f"  note: {note}")
    if result.ok and not args.dry_run and status is OooStatus.RETURNED:
        print("The plan was already marked returned: only the tracking rows were added.")
    elif result.ok and not args.dry_run:
        handed_back = ooo.mark_returned(db, args.plan)
        print(f"Welcome back: {len(handed_back)} item(s) handed back from your backup.")
        from csdesk.core.google.apply import after_return

        switched = after_return(db, args.plan)
        if switched is not None:
            print(switched.message)
    return 0 if result.ok else 1


def _show_plan(db: Database, plan_id: int, as_json: bool) -> int:
    from csdesk.core import ooo

    data = ooo.plan_json(db, plan_id)
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False, default=str))
        return 0
    print(f"Plan {plan_id}: away {data.get('first_day')} – back {data.get('return_day')}")
    for d in data.get("deadlines", []):
        flag = "MISSED " if d.get("missed") else ""
        print(f"  {flag}{d.get('due')}  {d.get('title')}")
    flagged = data.get("flagged", [])
    print(f"  {len(flagged)} item(s) flagged for the backup")
    return 0


def _export_handoff(db: Database, args: argparse.Namespace) -> int:
    from csdesk.core import handoff

    if args.plan is None:
        raise KnownError("Say which plan: csdesk export handoff --plan ID ...")
    if args.format not in ("xlsx", "csv", "pdf", "ics"):
        raise KnownError(
            f"The hand-off can be exported as xlsx, csv, pdf or ics, not {args.format}."
        )
    if args.format == "ics":
        from csdesk.core.ooo_ics import write_ics

        write_ics(db, args.plan, args.output)
        print(f"Calendar file written to {args.output}")
        return 0
    sheet = handoff.build_sheet(db, args.plan)
    if args.format == "xlsx":
        handoff.write_xlsx(sheet, args.output)
    elif args.format == "csv":
        handoff.write_csv(sheet, args.output)
    else:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from csdesk.gui.app import make_application
        from csdesk.gui.pdf import html_to_pdf

        make_application()
        html_to_pdf(handoff.sheet_html(sheet), args.output, title="Hand-off sheet", landscape=True)
    print(f"Hand-off sheet written to {args.output}")
    return 0


def _export(db: Database, args: argparse.Namespace) -> int:
    from csdesk.core.exports import EXPORTS, FORMATS

    if args.kind == "handoff":
        return _export_handoff(db, args)
    if args.format not in FORMATS[args.kind]:
        raise KnownError(
            f"{args.kind} can be exported as {', '.join(FORMATS[args.kind])}, not {args.format}."
        )
    count = EXPORTS[args.kind](db, args.output, args.format, account=args.account, since=args.since)
    print(f"Exported {count} {args.kind} record(s) to {args.output}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    paths = resolve_paths(args.data_dir)
    setup_logging(paths)
    if args.command is None:
        return _window(args, paths)
    try:
        db = open_app_database(args, paths)
    except KnownError as exc:
        log.error("%s", exc.message)
        print(f"csdesk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

    from csdesk.core.db import explain_database_error

    try:
        return _command(db, paths, args)
    except KnownError as exc:
        print(f"csdesk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except SQLAlchemyDatabaseError as exc:  # a write that SQLite refused outside a session
        known = explain_database_error(exc, db.where, paths.backup_dir)
        if known is None:
            raise
        log.error("%s", known.message)
        print(f"csdesk: {known.message}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        db.close()


def _window(args: argparse.Namespace, paths: AppPaths) -> int:
    """``csdesk`` alone: one window per database (a second one says so and goes).

    The window paints before the database is opened (see csdesk.gui.app.run_gui);
    a database that cannot be opened is said in a window, and a damaged one with
    a backup is offered that backup.
    """
    try:
        _check_db_options(args)
        lock = _instance_lock(args, paths)
    except KnownError as exc:
        log.error("%s", exc.message)
        print(f"csdesk: {exc.message}", file=sys.stderr)
        _show_startup_error(exc)
        return EXIT_ERROR
    try:
        from csdesk.gui.app import run_gui

        return run_gui(lambda: open_app_database(args, paths), paths, args.demo, _open_failed)
    finally:
        if lock is not None:
            lock.release()


def _open_failed(exc: KnownError) -> bool:
    """The window's database could not be opened: True when a backup was put in place."""
    print(f"csdesk: {exc.message}", file=sys.stderr)
    return _show_startup_error(exc)


def _command(db: Database, paths: AppPaths, args: argparse.Namespace) -> int:
    if args.command == "screenshot":
        from PySide6.QtCore import QSize

        from csdesk.gui.app import screenshot

        if args.view in ("ooo-wizard", "ooo-return"):
            if args.plan is None:
                raise KnownError(f"Say which plan: --view {args.view} --plan ID [--page NAME].")
            pages = WIZARD_PAGES if args.view == "ooo-wizard" else RETURN_PAGES
            page = args.page or pages[0]
            if page not in pages:
                raise KnownError(
                    f"--view {args.view} has the pages {', '.join(pages)}, not {page}."
                )
        if args.view == "ooo-wizard":
            from csdesk.gui.app import wizard_screenshot

            out = wizard_screenshot(db, args.plan, page, args.output, QSize(*args.size))
        elif args.view == "ooo-return":
            from csdesk.gui.app import return_wizard_screenshot

            out = return_wizard_screenshot(
                db, args.plan, page, args.tracking, args.output, QSize(*args.size)
            )
        else:
            out = screenshot(db, paths, args.demo, args.view, args.output, QSize(*args.size))
        print(out)
        return 0
    if args.command == "info":
        return _info(db, paths, args.json)
    if args.command == "today":
        return _today(db, args.at, args.json)
    if args.command == "import":
        return _import(db, args)
    if args.command == "export":
        return _export(db, args)
    if args.command == "ooo" and args.ooo_command == "apply":
        from csdesk.cli_google import run_apply

        return run_apply(db, args)
    if args.command == "ooo":
        return _ooo(db, args)
    assert args.command == "google", args.command
    from csdesk.cli_google import run_google

    return run_google(args)


def _instance_lock(args: argparse.Namespace, paths: AppPaths) -> InstanceLock | None:
    """Hold the lock of the database the window will open (none for a database server)."""
    if args.db:
        from sqlalchemy.engine import make_url

        u = make_url(args.db)
        if u.get_backend_name() != "sqlite" or not u.database or u.database == ":memory:":
            return None
        database = Path(u.database).resolve()
        if not database.parent.is_dir():
            return None  # open_database creates the folder, or says why it cannot
    else:
        paths.ensure()
        database = paths.database_file(demo=args.demo)
    lock = InstanceLock(database)
    lock.acquire()
    return lock


def _show_startup_error(exc: KnownError) -> bool:
    """The database could not be opened: say so in a window, since the user started one.

    For a damaged database with a backup, the window offers to put a copy of the
    newest backup in place (the damaged file is kept aside, unchanged): True
    when the user chose that and it was done.
    """
    try:
        from csdesk.gui.app import make_application
        from csdesk.gui.messages import show_known

        make_application()
        if isinstance(exc, DamagedDatabaseError) and exc.backup is not None:
            from csdesk.gui.recovery import offer_backup

            return offer_backup(exc)
        show_known(None, exc)
    except KnownError as again:  # the backup could not be put in place: said, then stop
        print(f"csdesk: {again.message}", file=sys.stderr)
        with contextlib.suppress(Exception):
            show_known(None, again)
    except Exception:  # no display: the message went to stderr already
        log.exception("could not show the start-up error")
    return False
