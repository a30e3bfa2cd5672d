"""The import framework shared by every format.

An :class:`Importer` says which fields it understands, how to read its file
(encodings, repeated headers, footers) and how to apply one row inside a
session. :func:`run_import` does the rest:

1. read and decode the file (a wrong encoding or a truncated file is a clear
   error, never a half import);
2. choose the column mapping: the one given, else the one remembered for this
   format, else the importer's guess from the headers; required fields must be
   mapped;
3. apply every row inside ONE transaction, collecting per-row errors; any
   error, a dry run, or a cancel rolls the whole transaction back, so the
   database is exactly as before;
4. on success remember the mapping for next time.
"""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field
from itertools import chain, compress
from pathlib import Path
from typing import Any, ClassVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from csdesk.core.db import Database
from csdesk.core.errors import KnownError, ValidationError
from csdesk.core.progress import Cancelled, Progress
from csdesk.core.settings import get_setting, set_setting

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_CELL = 100_000
PROGRESS_EVERY = 250
UPCOMING_ROWS = 500  # rows shown to Importer.upcoming at a time
IMPORT_CACHE_KIB = 128 * 1024  # SQLite's page cache while an import writes (see _big_cache)


@dataclass(frozen=True)
class FieldSpec:
    """A field an importer understands; ``aliases`` are header names that map to it."""

    name: str
    label: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    multi: bool = False  # several columns (Jira repeats "Watchers", "Comment"...)


@dataclass(frozen=True)
class RowError:
    row: int  # the record's number as a user counts it: the header is row 1
    column: str
    message: str

    def __str__(self) -> str:
        where = f"Row {self.row}" + (f", column “{self.column}”" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class ImportResult:
    kind: str
    format: str
    dry_run: bool
    rows: int = 0
    created: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["ok"] = self.ok
        data["errors"] = [asdict(e) | {"text": str(e)} for e in self.errors]
        return data

    def summary(self) -> str:
        verb = "would be" if self.dry_run or not self.written else "were"
        head = (
            f"{self.rows} rows read: {self.created} {verb} created, {self.updated} {verb} "
            f"updated, {self.skipped} skipped."
        )
        if self.errors:
            head += f" {len(self.errors)} error(s): nothing was imported."
        return head


@dataclass
class ParsedFile:
    """A decoded file: headers (in file order, repeats kept) and data rows."""

    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]  # the user-visible number of each data row
    encoding: str
    skipped_footer: int = 0


Mapping_ = dict[str, list[int]]  # field name -> column indexes (several for multi fields)


@dataclass
class RowView:
    """One data row seen through the mapping: values by field name."""

    number: int
    cells: Sequence[str]
    mapping: Mapping_
    headers: Sequence[str]

    def get(self, name: str) -> str:
        idx = self.mapping.get(name)
        if idx:
            cells = self.cells
            for i in idx:
                if i < len(cells):
                    value = cells[i].strip()
                    if value:
                        return value
        return ""

    def get_all(self, name: str) -> list[str]:
        idx = self.mapping.get(name)
        if not idx:
            return []
        cells = self.cells
        values = (cells[i].strip() for i in idx if i < len(cells))
        return [v for v in values if v]

    def column(self, name: str) -> str:
        """The header the field was read from, for error messages."""
        idx = self.mapping.get(name) or []
        return self.headers[idx[0]] if idx else name


class RowProblem(Exception):
    """Raised by an importer for one bad row; collected, never fatal by itself."""

    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message


class Importer:
    """Base class: subclasses set kind/format/fields and implement apply_row."""

    kind: ClassVar[str] = ""
    format: ClassVar[str] = ""
    label: ClassVar[str] = ""
    fields: ClassVar[tuple[FieldSpec, ...]] = ()
    encodings: ClassVar[tuple[str, ...]] = ("utf-8-sig",)

    # ------------------------------------------------------------ reading

    def decode(self, data: bytes) -> tuple[str, str]:
        for enc in self.encodings:
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                last = exc
        raise KnownError(
            f"The file is not in the expected text encoding ({', '.join(self.encodings)}): "
            f"byte {last.start} cannot be read. Export it again as UTF-8 CSV."
        )

    def is_footer(self, cells: Sequence[str]) -> bool:
        """Lines a tool appends after the data (Salesforce report footers)."""
        return False

    def read(self, path: Path) -> ParsedFile:
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                raise KnownError(
                    f"{path.name} is {size // 1_000_000} MB; csdesk imports files up to 200 MB."
                )
            data = path.read_bytes()
        except FileNotFoundError:
            raise KnownError(f"There is no file {path}.") from None
        except IsADirectoryError:
            raise KnownError(f"{path} is a folder, not a file.") from None
        except PermissionError:
            raise KnownError(f"csdesk is not allowed to read {path}.") from None
        binary = binary_file_kind(data)
        if binary:
            raise KnownError(
                f"{path.name} is not a text (CSV) file: it is {binary}. Export the data "
                "again as a UTF-8 CSV file and import that."
            )
        text, encoding = self.decode(data)
        return self.parse(text, encoding)

    def parse(self, text: str, encoding: str) -> ParsedFile:
        if not text.strip():
            raise KnownError("The file is empty.")
        reader = csv.reader(io.StringIO(text, newline=""), strict=True)
        cells_read: list[list[str]] = []
        enabled = gc.isenabled()
        gc.disable()  # (lists of strings: no garbage for the collector, only its walks)
        try:
            cells_read.extend(reader)  # (what was read before an error is kept)
        except csv.Error as exc:
            _check_cells(cells_read)  # a huge cell before the error is the first problem
            raise KnownError(
                f"The file is not valid CSV near line {reader.line_num}: {exc}. "
                "It may be truncated or not a CSV export."
            ) from exc
        finally:
            if enabled:
                gc.enable()
        _check_cells(cells_read)
        # By index (a record's number is its index + 1): a tuple per record would cost
        # more than the rest of this method.
        filled = _filled
        start, end = 0, len(cells_read)
        # skip blank lines before the header
        while start < end and not filled(cells_read[start]):
            start += 1
        if start == end:
            raise KnownError("The file has no header row.")
        headers = [h.strip() for h in cells_read[start]]
        # trailing footer lines (and blank lines) are dropped, from the end
        skipped = 0
        while end > start + 1 and (
            not filled(cells_read[end - 1]) or self.is_footer(cells_read[end - 1])
        ):
            end -= 1
            skipped += 1
        body = cells_read[start + 1 : end]
        keep = list(map(filled, body))
        if all(keep):
            rows, numbers = body, list(range(start + 2, end + 1))
        else:
            rows = list(compress(body, keep))
            numbers = list(compress(range(start + 2, end + 1), keep))
        return ParsedFile(headers, rows, numbers, encoding, skipped)

    # ------------------------------------------------------------ mapping

    def guess_mapping(self, headers: Sequence[str]) -> Mapping_:
        """Map fields to columns by name or alias, case- and space-insensitively."""
        norm = [_norm(h) for h in headers]
        mapping: Mapping_ = {}
        for spec in self.fields:
            names = {_norm(spec.name), _norm(spec.label), *(_norm(a) for a in spec.aliases)}
            idx = [i for i, h in enumerate(norm) if h in names]
            if idx:
                mapping[spec.name] = idx if spec.multi else idx[:1]
        return mapping

    def sniff(self, headers: Sequence[str]) -> float:
        """How sure this importer is that the headers are its format (0..1)."""
        mapped = self.guess_mapping(headers)
        required = [f for f in self.fields if f.required]
        if any(f.name not in mapped for f in required):
            return 0.0
        return len(mapped) / max(len(self.fields), 1)

    def check_mapping(self, mapping: Mapping_, headers: Sequence[str]) -> None:
        missing = [f.label for f in self.fields if f.required and not mapping.get(f.name)]
        if missing:
            raise ValidationError(
                "These required columns are missing or not mapped: "
                + ", ".join(missing)
                + f". The file's columns are: {', '.join(headers) or '(none)'}.",
                "mapping",
            )
        specs = {f.name: f for f in self.fields}
        for name, idx in mapping.items():
            if any(i < 0 or i >= len(headers) for i in idx):
                raise ValidationError(
                    f"The mapping of {name} points past the file's columns.", "mapping"
                )
            spec = specs.get(name)
            if spec is None or spec.multi or not idx:
                continue
            header = headers[idx[0]]
            if sum(_norm(h) == _norm(header) for h in headers) > 1:
                raise ValidationError(
                    f"The file has the column “{header}” more than once, so csdesk cannot "
                    f"tell which one holds the {spec.label}. Delete or rename the extra "
                    "column and import the file again.",
                    "mapping",
                )

    # ------------------------------------------------------------ applying

    def begin(self, session: Session, result: ImportResult) -> None:
        """Called once before the rows (load lookups, e.g. existing records by external id)."""

    def upcoming(self, session: Session, rows: Sequence[RowView]) -> None:
        """Called between rows (outside any row's savepoint) with the next rows, up to
        ``UPCOMING_ROWS`` at a time, before they are applied: an importer may load what
        they will read in one go (e.g. the records they update). It only reads."""

    def apply_row(self, session: Session, row: RowView, result: ImportResult) -> None:
        raise NotImplementedError

    def apply_row_alone(self, session: Session, row: RowView, result: ImportResult) -> None:
        """Apply one row so that, if it fails, the session is as before the row.

        By default the row runs in its own SAVEPOINT. An importer that knows when a
        row touches the session may open the savepoint only then (see
        ``TrackerImporter``): a row that only builds new objects in memory needs none.
        """
        with session.begin_nested():
            self.apply_row(session, row, result)

    def finish(self, session: Session, result: ImportResult) -> None:
        """Called once after the rows, still inside the transaction."""


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("_", " ").split())


#: Magic numbers of files people pick by mistake instead of a CSV export.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive or an Excel workbook (.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Excel (.xls) or a password-protected file"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
)


def binary_file_kind(data: bytes) -> str:
    """What a file that is not text looks like ("a PNG image"...); "" for text.

    A NUL byte anywhere means binary: no CSV export has one, and a text file saved
    as UTF-16 (Excel's "Unicode text") has one in every other byte.
    """
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:64]
    zeros = max(head[0::2].count(0), head[1::2].count(0))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) >= 4 and zeros * 4 >= len(head)):
        return "saved as UTF-16 (“Unicode text”)"
    if b"\x00" in data:
        return "binary data (it has NUL bytes at byte " + str(data.index(b"\x00")) + ")"
    return ""


def _filled(cells: Sequence[str]) -> bool:
    """Whether a record has a cell with more than spaces."""
    return any(map(str.strip, cells))


def _check_cells(records: list[list[str]]) -> None:
    """Refuse the first record (numbered as a spreadsheet user counts rows) with a cell
    longer than MAX_CELL. One pass over every cell's length, record by record only
    when one is too long."""
    if max(map(len, chain.from_iterable(records)), default=0) <= MAX_CELL:
        return
    for record_no, cells in enumerate(records, start=1):
        if cells and max(map(len, cells)) > MAX_CELL:
            raise KnownError(
                f"Row {record_no} has a cell longer than {MAX_CELL:,} characters; "
                "this does not look like a real export."
            )


class _Rollback(Exception):
    pass


@contextmanager
def _frozen_gc() -> Iterator[None]:
    """No cyclic garbage collection during the import, and what is alive now set aside.

    A large file is millions of objects that live through the whole import; each
    full collection, triggered again and again by the objects the rows create,
    would walk them all (a third of the time of a 50,000-row import). ``gc.freeze``
    sets them aside; ``gc.unfreeze`` hands them back afterwards. The rows make
    (almost) no reference cycles - their objects are freed as usual, by reference
    counting - so the collector stays off until the import ends: even the young
    objects' collections cost more than they find.
    """
    enabled = gc.isenabled()
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.unfreeze()


@contextmanager
def _big_cache(session: Session) -> Iterator[None]:
    """A page cache big enough for the whole import's writes, for the import only.

    SQLite's default cache (2 MB) is far smaller than the table and index pages a
    large import dirties: once it is full, SQLite writes pages out to the WAL in
    the middle of the transaction and reads them back for the next rows (a third
    of the time of the inserts of a 50,000-row file). The cache grows only as
    pages are used, and is set back to what it was before the transaction ends.
    """
    conn = session.connection()
    if conn.dialect.name != "sqlite":  # pragma: no cover - csdesk runs on SQLite
        yield
        return
    before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    conn.exec_driver_sql(f"PRAGMA cache_size=-{IMPORT_CACHE_KIB}")
    try:
        yield
    finally:
        with suppress(SQLAlchemyError):  # (a broken connection may keep the big cache)
            conn.exec_driver_sql(f"PRAGMA cache_size={int(before or 0)}")


def mapping_key(importer: Importer) -> str:
    return f"import_mapping.{importer.kind}.{importer.format}"


def remembered_mapping(db: Database, importer: Importer, headers: Sequence[str]) -> Mapping_ | None:
    """The mapping used last time for this format, matched to these headers by name.

    A field saved with no column (``[]``) was deliberately left unmapped and stays so.
    """
    saved = get_setting(db, mapping_key(importer))
    if not isinstance(saved, dict):
        return None
    mapping: Mapping_ = {}
    for name, header_names in saved.items():
        if not isinstance(header_names, list):
            continue
        wanted = set(header_names)
        idx = [i for i, h in enumerate(headers) if h in wanted]
        if idx or not header_names:
            mapping[name] = idx
    return mapping or None


def remember_mapping(
    db: Database, importer: Importer, mapping: Mapping_, headers: Sequence[str]
) -> None:
    set_setting(
        db,
        mapping_key(importer),
        {name: sorted({headers[i] for i in idx}) for name, idx in mapping.items()},
    )


def suggested_mapping(db: Database, importer: Importer, headers: Sequence[str]) -> Mapping_:
    """The importer's guess from the headers, overridden by what the user chose last time.

    Merging (rather than preferring the remembered mapping whole) means a wider
    file than last time still has its extra columns read.
    """
    return {**importer.guess_mapping(headers), **(remembered_mapping(db, importer, headers) or {})}


def resolve_mapping(
    db: Database, importer: Importer, parsed: ParsedFile, mapping: Mapping_ | None = None
) -> Mapping_:
    """The mapping to import with: the caller's, else the suggestion; ``[]`` means unmapped."""
    chosen = (
        dict(mapping) if mapping is not None else suggested_mapping(db, importer, parsed.headers)
    )
    importer.check_mapping(chosen, parsed.headers)
    return chosen


def preview(
    importer: Importer, parsed: ParsedFile, mapping: Mapping_, limit: int = 20
) -> list[dict[str, str]]:
    """The first rows as the import will read them (for the wizard's preview)."""
    out = []
    for number, cells in list(zip(parsed.row_numbers, parsed.rows, strict=True))[:limit]:
        view = RowView(number, cells, mapping, parsed.headers)
        out.append({f.name: " | ".join(view.get_all(f.name)) for f in importer.fields})
    return out


def run_import(
    db: Database,
    importer: Importer,
    path: Path,
    mapping: Mapping_ | None = None,
    dry_run: bool = False,
    progress: Progress | None = None,
    parsed: ParsedFile | None = None,
    max_errors: int = 200,
) -> ImportResult:
    """Import ``path`` all-or-nothing; see the module docstring."""
    parsed = parsed or importer.read(path)
    chosen = resolve_mapping(db, importer, parsed, mapping)
    result = ImportResult(importer.kind, importer.format, dry_run, rows=len(parsed.rows))
    if parsed.skipped_footer:
        result.notes.append(f"Skipped {parsed.skipped_footer} footer line(s) after the data.")
    if not parsed.rows:
        result.notes.append("The file has no data rows (only the header): nothing to import.")
        return result
    total = len(parsed.rows)
    progress = progress or Progress()
    try:
        with db.session() as s, _big_cache(s), _frozen_gc():
            importer.begin(s, result)
            gc.freeze()  # the lookups begin() loaded too
            numbers, rows, headers = parsed.row_numbers, parsed.rows, parsed.headers
            for n, (number, cells) in enumerate(zip(numbers, rows, strict=True)):
                if n % PROGRESS_EVERY == 0:
                    progress.update(n, total)
                if n % UPCOMING_ROWS == 0:
                    end = n + UPCOMING_ROWS
                    importer.upcoming(
                        s,
                        [
                            RowView(number_, cells_, chosen, headers)
                            for number_, cells_ in zip(numbers[n:end], rows[n:end], strict=True)
                        ],
                    )
                view = RowView(number, cells, chosen, parsed.headers)
                try:
                    importer.apply_row_alone(s, view, result)
                except RowProblem as problem:
                    result.errors.append(RowError(number, problem.column, problem.message))
                except ValidationError as exc:
                    result.errors.append(
                        RowError(number, view.column(exc.field) if exc.field else "", exc.message)
                    )
                if len(result.errors) >= max_errors:
                    result.notes.append(f"Stopped after {max_errors} errors.")
                    break
            importer.finish(s, result)
            progress.update(total, total)
            if result.errors or dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except Cancelled:
        result.notes.append("Cancelled: nothing was imported.")
        raise
    result.written = not (result.errors or dry_run)
    if result.written:
        remember_mapping(db, importer, chosen, parsed.headers)
    return result


ImporterFactory = Callable[[], Importer]
REGISTRY: dict[tuple[str, str], ImporterFactory] = {}


def register(cls: type[Importer]) -> type[Importer]:
    REGISTRY[(cls.kind, cls.format)] = cls
    return cls


def detect(kind: str, headers: Sequence[str]) -> Importer:
    """The best importer of ``kind`` for these headers; KnownError when none fits."""
    candidates = [f() for (k, _), f in REGISTRY.items() if k == kind]
    scored = sorted(
        ((imp.sniff(headers), imp.format, imp) for imp in candidates),
        reverse=True,
        key=lambda t: (t[0], t[1]),
    )
    if not scored or scored[0][0] <= 0:
        formats = ", ".join(sorted(imp.format for imp in candidates)) or "none"
        raise KnownError(
            f"csdesk does not recognise these columns as a {kind} export ({formats}). "
            "Choose the format and map the columns yourself."
        )
    return scored[0][2]


def importer_for(kind: str, fmt: str) -> Importer:
    factory = REGISTRY.get((kind, fmt))
    if factory is None:
        known = ", ".join(f for k, f in REGISTRY if k == kind) or "none"
        raise KnownError(f"csdesk cannot import {kind} from {fmt} files (known: {known}).")
    return factory()


def as_mapping(raw: Mapping[str, Sequence[int]]) -> Mapping_:
    return {k: list(v) for k, v in raw.items()}
