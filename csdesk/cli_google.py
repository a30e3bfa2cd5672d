"""The Google commands of the csdesk CLI (issue 6): ``csdesk google …`` and ``csdesk ooo apply``.

    csdesk google login --client-secrets client_secret.json [--features vacation,calendar]
    csdesk google import-credentials authorized_user.json
    csdesk google status [--json]
    csdesk google logout
    csdesk ooo apply --plan ID [--dry-run] [--json] [--only vacation,calendar,meetings,sheet]

Kept apart from :mod:`csdesk.cli` so the Google client libraries load only
for these commands.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from csdesk.core.errors import KnownError
from csdesk.core.google.choices import DECLINE_MODES, FEATURE_KEYS, RESTRICT_CHOICES, STEPS

if TYPE_CHECKING:
    from csdesk.core.db import Database


def _csv_list(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def _local_moment(text: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date and time like 2026-12-01T14:00 (in the plan's time zone)"
        ) from None


def add_google_parser(sub: Any) -> None:
    g = sub.add_parser("google", help="connect a Google account: login, status, logout")
    gsub = g.add_subparsers(dest="google_command", metavar="ACTION", required=True)
    login = gsub.add_parser(
        "login", help="connect with the 'Desktop app' OAuth client file of your Cloud project"
    )
    login.add_argument("--client-secrets", type=Path, required=True, metavar="FILE")
    login.add_argument(
        "--features",
        type=_csv_list,
        default=list(FEATURE_KEYS),
        metavar="LIST",
        help=f"what csdesk may do (default all): {','.join(FEATURE_KEYS)}",
    )
    login.add_argument(
        "--no-browser",
        action="store_true",
        help="print the consent address instead of opening a browser",
    )
    login.add_argument("--timeout", type=float, default=300.0, metavar="SECONDS")
    imp = gsub.add_parser(
        "import-credentials",
        help="keep an authorized-user JSON sign-in in the keyring (the file is not kept)",
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    status = gsub.add_parser("status", help="which account is connected and what it allows")
    status.add_argument("--json", action="store_true")
    gsub.add_parser("logout", help="revoke csdesk's access with Google and forget it here")


def add_apply_parser(ooo_sub: Any) -> None:
    ap = ooo_sub.add_parser(
        "apply",
        help="set the plan in Google: auto-reply, out-of-office event, meetings, shared sheet",
    )
    ap.add_argument("--plan", type=int, required=True, metavar="ID")
    ap.add_argument("--dry-run", action="store_true", help="say what would be done; call nothing")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--only", type=_csv_list, metavar="LIST", help=f"only these steps: {','.join(STEPS)}"
    )
    ap.add_argument(
        "--restrict", choices=RESTRICT_CHOICES, help="auto-reply only to contacts / your domain"
    )
    ap.add_argument("--decline", choices=tuple(DECLINE_MODES), help="which invitations to decline")
    ap.add_argument(
        "--handoff-at", type=_local_moment, metavar="WHEN", help="hand-off meeting start"
    )
    ap.add_argument("--return-at", type=_local_moment, metavar="WHEN", help="return meeting start")
    ap.add_argument(
        "--no-availability", action="store_true", help="do not check the backup's free/busy"
    )


def run_google(args: argparse.Namespace) -> int:
    from csdesk.core.google import auth

    if args.google_command == "login":
        config = auth.load_client_config(args.client_secrets)

        def show(url: str) -> None:
            import webbrowser

            if not args.no_browser and webbrowser.open(url, new=1, autoraise=True):
                print("Your browser shows Google's consent page; waiting for it…", flush=True)
                print(f"(If it did not open, open this address:)\n{url}", flush=True)
            else:  # no browser here (a server, a remote shell): the user opens it elsewhere
                print(f"Open this address in a browser to connect csdesk:\n{url}", flush=True)

        conn = auth.login(config, args.features, open_url=show, timeout=args.timeout)
        print(_connected_text(conn))
        return 0
    if args.google_command == "import-credentials":
        conn = auth.import_credentials(args.file)
        print(_connected_text(conn))
        return 0
    if args.google_command == "status":
        from csdesk.core.google.secrets import backend_name

        conn = auth.status()
        if args.json:
            print(
                json.dumps(
                    {
                        "connected": conn is not None,
                        "email": conn.email if conn else None,
                        "scopes": list(conn.scopes) if conn else [],
                        "features": list(conn.features) if conn else [],
                        "keyring": backend_name(),
                        "api_root": auth.api_root(),
                    },
                    indent=2,
                )
            )
        elif conn is None:
            print("No Google account is connected. Connect with: csdesk google login …")
        else:
            print(_connected_text(conn))
        return 0
    result = auth.logout()
    print(result.message)
    return 0


def _connected_text(conn: Any) -> str:
    from csdesk.core.google.auth import FEATURES

    who = conn.email or "a Google account (its address could not be read)"
    lines = [f"Connected: {who}"]
    for f in FEATURES:
        mark = "yes" if conn.allows(f.key) else "no — not allowed at connect time"
        lines.append(f"  {f.label}: {mark}")
    return "\n".join(lines)


def run_apply(db: Database, args: argparse.Namespace) -> int:
    from csdesk.core.google import apply as gapply

    current = gapply.get_options(db, args.plan)
    options = gapply.Options(
        restrict=args.restrict or current.restrict,
        decline=args.decline or current.decline,
        handoff_at=args.handoff_at or current.handoff_at,
        return_at=args.return_at or current.return_at,
    )
    availability = None
    if not args.dry_run and not args.no_availability:
        try:
            availability = gapply.backup_availability(db, args.plan)
        except KnownError as exc:
            availability = gapply.Availability(False, f"Backup not checked: {exc.message}")

    def progress(done: int, total: int, label: str) -> None:
        if not args.json and done < total:
            print(f"[{done + 1}/{total}] {label}…", file=sys.stderr, flush=True)

    result = gapply.apply_plan(
        db,
        args.plan,
        only=args.only,
        dry_run=args.dry_run,
        options=options,
        progress=progress,
    )
    if args.json:
        data = result.to_json()
        if availability is not None:
            data["backup_availability"] = {
                "checked": availability.checked,
                "warning": availability.warning,
                "message": availability.message,
            }
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        if availability is not None:
            print(("Warning: " if availability.warning else "") + availability.message)
        for step in result.steps:
            mark = {"done": "done", "unchanged": "done (unchanged)", "planned": "plan"}.get(
                step.state, step.state.replace("_", " ")
            )
            print(f"{step.label}: {mark}\n  {step.message}")
            if step.link:
                print(f"  {step.link}")
        if not result.ok:
            print("Some steps did not finish; what finished is kept. Run the same command again.")
    return 0 if result.ok else 1
