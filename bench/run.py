"""The benchmark runner: build (or reuse) the portfolios, run every figure in child processes.

Every figure and its floor run in fresh processes, interleaved (csdesk, floor,
csdesk, floor, ...) so that a busy machine slows both alike; what counts is the
ratio of the medians measured in the same run.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.jira_csv import make_jira_csv
from bench.portfolio import Size, cache_root, portfolio_path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
SEARCH_TEXT = "report"  # the keystroke measured is the last letter


@dataclass
class Figure:
    key: str
    name: str
    workload: str
    floor: str
    target_ratio: float | None  # None: reported, no target in the issue
    unit: str  # "s", "ms" or "MB"
    target_abs: float | None = None  # e.g. 16 ms for search-as-you-type
    csdesk: list[float] = field(default_factory=list)
    base: list[float] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)
    error: str = ""

    def stats(self, values: list[float]) -> dict[str, float]:
        if not values:
            return {}
        return {
            "median": statistics.median(values),
            "min": min(values),
            "max": max(values),
        }

    @property
    def ratio(self) -> float | None:
        if not self.csdesk or not self.base:
            return None
        return statistics.median(self.csdesk) / statistics.median(self.base)

    @property
    def passed(self) -> bool | None:
        r = self.ratio
        if r is None or self.target_ratio is None:
            return None
        ok = r <= self.target_ratio
        if self.target_abs is not None:
            ok = ok and statistics.median(self.csdesk) <= self.target_abs
        return ok

    @property
    def target(self) -> str:
        if self.target_ratio is None:
            return "(reported)"
        t = f"<= {self.target_ratio:g}x"
        if self.target_abs is not None:
            t += f" and <= {self.target_abs:g} {self.unit}"
        return t

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "workload": self.workload,
            "floor": self.floor,
            "unit": self.unit,
            "csdesk": {**self.stats(self.csdesk), "runs": self.csdesk},
            "floor_measured": {**self.stats(self.base), "runs": self.base},
            "ratio": self.ratio,
            "target": self.target,
            "pass": self.passed,
            "error": self.error or None,
            **self.extra,
        }


def child(args: list[str], timeout: float = 900) -> dict[str, object]:
    """Run a child process; return the dict of its ``BENCH {...}`` line."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["CSDESK_BENCH_CACHE"] = str(cache_root())
    proc = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH "):
            return json.loads(line[6:])
    raise RuntimeError(
        f"{' '.join(args)} printed no result (exit {proc.returncode}):\n"
        f"{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--scale", type=float, default=1.0, help="multiply every workload size")
    p.add_argument("--runs", type=int, default=5, help="processes per figure and floor")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--smoke", action="store_true", help="tiny sizes and one run (seconds)")
    p.add_argument("--json", type=Path, metavar="FILE", help="also write the results as JSON")
    p.add_argument(
        "--only",
        default="start,search,ooo,jira",
        help="comma-separated subset of start,search,ooo,jira",
    )
    args = p.parse_args(argv)
    only = set(args.only.split(","))
    runs = 1 if args.smoke else args.runs
    s = args.scale
    if args.smoke:
        main_size, search_size, jira_rows, reps = Size(60, 400, 1000), Size(60, 2000, 100), 300, 2
    else:
        main_size = Size(round(1000 * s), round(20_000 * s), round(100_000 * s))
        search_size = Size(round(1000 * s), round(100_000 * s), 1000)
        jira_rows, reps = round(50_000 * s), 5

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    started = time.perf_counter()
    # An installed csdesk runs from byte-code that pip compiled at install time; a
    # checkout may not (PYTHONDONTWRITEBYTECODE, a read-only tree), and compiling
    # the sources on every start would be measured instead of csdesk.
    for tree in ("csdesk", "bench"):
        compileall.compile_dir(ROOT / tree, quiet=1)
    main_dir = portfolio_path(main_size, args.seed, log)
    # what csdesk's first OOO and Jira runs wrote, for the same-work floors
    scratch = Path(tempfile.mkdtemp(prefix="csdesk-bench-run-"))
    figures: dict[str, Figure] = {}
    plan: list[tuple[str, Callable[[], None]]] = []
    work = (
        f"{main_size.accounts:,} accounts, {main_size.items:,} items, {main_size.log:,} log entries"
    )

    if "start" in only:
        paint = figures["paint"] = Figure(
            "paint", "start to first paint (Today)", work,
            "bare PySide6 QMainWindow, quit on first paint", 2.0, "s",
        )  # fmt: skip
        rss = figures["rss"] = Figure(
            "rss", "peak RSS at first paint", work, "the same bare script", 2.5, "MB"
        )
        # Not in the table: the first paint is Today's frame (the portfolio
        # is being opened); these say when Today shows its data, against the same floor.
        ready = figures["ready"] = Figure(
            "ready", "start to Today filled (its data painted)", work,
            "the same bare script", None, "s",
        )  # fmt: skip
        ready_rss = figures["ready_rss"] = Figure(
            "ready_rss", "peak RSS with Today filled", work, "the same bare script", None, "MB"
        )

        def start() -> None:
            r = child([str(BENCH / "start_csdesk.py"), str(main_dir)])
            f = child([str(BENCH / "start_bare.py")])
            for fig, key in (
                (paint, "seconds"), (rss, "rss_mb"),
                (ready, "ready_seconds"), (ready_rss, "ready_rss_mb"),
            ):  # fmt: skip
                fig.csdesk.append(float(r[key]))  # type: ignore[arg-type]
                fig.base.append(float(f[key]))  # type: ignore[arg-type]

        plan.append(("start", start))

    if "search" in only:
        search_dir = portfolio_path(search_size, args.seed, log)
        for key, size, where in (
            ("search", search_size, search_dir),
            ("search_default", main_size, main_dir),
        ):
            plan.append((key, _search_figure(figures, key, size, where, reps)))

    if "ooo" in only:
        ooo = figures["ooo"] = Figure(
            "ooo",
            "OOO plan + hand-off XLSX",
            f"open items of {work}",
            "same rows/columns: sqlite3 + XlsxWriter",
            1.3,
            "s",
        )

        ooo_tables = figures["ooo_tables"] = Figure(
            "ooo_tables",
            "OOO plan + hand-off XLSX, floor also storing csdesk's rows",
            "the same",
            "the same, plus replaying csdesk's rows (plan, triage) with sqlite3",
            None,
            "s",
        )
        ooo_db = scratch / "ooo-result.sqlite3"

        def ooo_run() -> None:
            r = child(["-m", "bench.child", "ooo", str(main_dir), str(ooo_db)])
            counts = {k: r[k] for k in r if k != "seconds" and k != "bytes"}
            f = child(["-m", "bench.child", "ooo-floor", str(main_dir), json.dumps(counts)])
            t = child(
                ["-m", "bench.child", "ooo-floor-tables", str(main_dir), json.dumps(counts),
                 str(ooo_db)]
            )  # fmt: skip
            for fig, floor in ((ooo, f), (ooo_tables, t)):
                fig.csdesk.append(float(r["seconds"]))  # type: ignore[arg-type]
                fig.base.append(float(floor["seconds"]))  # type: ignore[arg-type]
            ooo.extra["sheet"] = counts
            ooo_tables.extra["rows_replayed"] = t["written"]
            ooo.workload = f"{r['pending']:,} open items in the sheet ({work})"

        plan.append(("ooo", ooo_run))

    if "jira" in only:

        def jira_file(rows: int) -> Path:
            name = f"jira-{rows}-s{args.seed}-{main_dir.name}.csv"
            return make_jira_csv(cache_root() / name, rows, args.seed, main_dir)

        jira_csv = jira_file(jira_rows)
        jira = figures["jira"] = Figure(
            "jira",
            "Jira CSV import",
            f"{jira_rows:,} rows into the {main_size.items:,}-item portfolio",
            "csv module + executemany into SQLite",
            2.0,
            "s",
        )

        jira_tables = figures["jira_tables"] = Figure(
            "jira_tables",
            "Jira CSV import, floor writing csdesk's rows to the same tables",
            "the same",
            "csv module + executemany of csdesk's rows into the same tables",
            None,
            "s",
        )
        jira_db = scratch / "jira-result.sqlite3"

        def jira_run() -> None:
            r = child(["-m", "bench.child", "jira", str(main_dir), str(jira_csv), str(jira_db)])
            f = child(["-m", "bench.child", "jira-floor", str(jira_csv)])
            t = child(
                ["-m", "bench.child", "jira-floor-tables", str(main_dir), str(jira_csv),
                 str(jira_db)]
            )  # fmt: skip
            for fig, floor in ((jira, f), (jira_tables, t)):
                fig.csdesk.append(float(r["seconds"]))  # type: ignore[arg-type]
                fig.base.append(float(floor["seconds"]))  # type: ignore[arg-type]
            jira.extra["summary"] = r["summary"]
            jira_tables.extra["rows_replayed"] = t["written"]

        plan.append(("jira", jira_run))

        # Not in the table: the weekly export imported again, every ticket known.
        again_rows = max(jira_rows // 25, 1)
        again_csv = jira_file(again_rows)
        again = figures["jira_again"] = Figure(
            "jira_again",
            "Jira CSV import again (every ticket known, unchanged)",
            f"{again_rows:,} rows into the {main_size.items:,}-item portfolio",
            "csv module + the keys' ids + executemany UPDATE by id",
            None,
            "s",
        )

        def jira_again_run() -> None:
            r = child(["-m", "bench.child", "jira-again", str(main_dir), str(again_csv)])
            f = child(["-m", "bench.child", "jira-again-floor", str(main_dir), str(again_csv)])
            again.csdesk.append(float(r["seconds"]))  # type: ignore[arg-type]
            again.base.append(float(f["seconds"]))  # type: ignore[arg-type]
            again.extra["summary"] = r["summary"]

        plan.append(("jira_again", jira_again_run))

    for n in range(runs):
        for key, step in plan:
            fig = figures.get(key) or figures.get("paint")
            if fig is not None and fig.error:
                continue  # it failed once: the error is reported, the next figure goes on
            log(f"run {n + 1}/{runs}: {key}")
            try:
                step()
            except Exception as exc:  # a crash of csdesk is a result too
                log(f"  {key} failed: {exc}")
                if fig is not None:
                    fig.error = _first_fatal(str(exc))

    shutil.rmtree(scratch, ignore_errors=True)
    print(table(list(figures.values())))
    result = {
        "machine": {
            "platform": platform.platform(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
        },
        "runs": runs,
        "scale": 0 if args.smoke else s,
        "smoke": args.smoke,
        "seed": args.seed,
        "elapsed_seconds": time.perf_counter() - started,
        "figures": {k: f.to_json() for k, f in figures.items()},
    }
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


def _search_figure(
    figures: dict[str, Figure], key: str, size: Size, where: Path, reps: int
) -> Callable[[], None]:
    fig = figures[key] = Figure(
        key,
        "search-as-you-type (keystroke to rows painted)",
        f"{size.items:,} tasks/tickets, typing “{SEARCH_TEXT}”",
        "the same filter as one raw sqlite3 query",
        2.0,
        "ms",
        target_abs=16.0,
    )

    def run() -> None:
        r = child(["-m", "bench.child", "search", str(where), SEARCH_TEXT, str(reps)])
        f = child(["-m", "bench.child", "search-floor", str(where), SEARCH_TEXT, str(reps)])
        fig.csdesk.append(1000 * float(r["seconds"]))  # type: ignore[arg-type]
        fig.base.append(1000 * float(f["seconds"]))  # type: ignore[arg-type]
        filt = fig.extra.setdefault("keystroke_to_filtered_ms", [])
        filt.append(1000 * float(r["filter_seconds"]))  # type: ignore[union-attr, arg-type]
        fig.extra["rows_shown"] = r["rows"]
        fig.extra["rows_floor"] = f["rows"]

    return run


def _first_fatal(text: str) -> str:
    """The telling line of a child's failure (e.g. "Fatal Python error: ...", "... in set_rows")."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    fatal = next((ln for ln in lines if ln.startswith("Fatal Python error")), "")
    where = next((ln for ln in lines if ln.startswith("File ")), "")
    if fatal:
        return f"{fatal} ({where.split('/')[-1] if where else 'no frame'})"
    return lines[-1] if lines else "failed"


def _fmt(values: list[float], unit: str) -> str:
    if not values:
        return "-"
    digits = 1 if unit in ("ms", "MB") else 3
    med = statistics.median(values)
    return f"{med:.{digits}f} {unit} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def table(figures: list[Figure]) -> str:
    head = ("figure", "workload", "csdesk median (min–max)", "floor median (min–max)", "ratio",
            "target", "result")  # fmt: skip
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for f in figures:
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else "-"
        verdict = {True: "pass", False: "FAIL", None: "-"}[f.passed]
        if f.error:
            verdict = f"FAIL: {f.error}"
        cells = (f.name, f.workload, _fmt(f.csdesk, f.unit), _fmt(f.base, f.unit), ratio,
                 f.target, verdict)  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
