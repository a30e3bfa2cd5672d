"""Helpers the import formats share: names as compared, row checks and counts, CSV files
that may be Windows-1252 or semicolon-separated.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import ClassVar, TypeVar

from csdesk.core.errors import KnownError, ValidationError
from csdesk.core.imports.base import (
    Importer,
    ImportResult,
    ParsedFile,
    RowError,
    RowProblem,
    RowView,
)

_T = TypeVar("_T")

FALLBACK_ENCODING = "cp1252"

# ------------------------------------------------------------------ names


def norm_name(text: str) -> str:
    """A name as compared: NFC, single spaces, case-folded ("Zoë  Brandão" = "zoë brandão")."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def words(text: str) -> str:
    """Lower-case words only: "Adoption & Relationship" -> "adoption and relationship"."""
    text = text.casefold().replace("&", " and ")
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


# ------------------------------------------------------------------ rows


class RowCheck:
    """Reads a row's cells and collects every problem, so that a bad row reports them all.

    ``check(name, fn)`` is ``fn`` of the cell ``name``: None when the cell is empty or
    ``fn`` refuses it (a ValueError or ValidationError, kept as a problem of that column).
    """

    def __init__(self, row: RowView) -> None:
        self.row = row
        self.problems: list[RowProblem] = []

    def __call__(self, name: str, fn: Callable[[str], _T]) -> _T | None:
        value = self.row.get(name)
        if not value:
            return None
        try:
            return fn(value)
        except (ValueError, ValidationError) as exc:
            message = exc.message if isinstance(exc, ValidationError) else str(exc)
            self.problems.append(RowProblem(self.row.column(name), message))
            return None

    def raise_problems(self, result: ImportResult) -> None:
        """Every problem but the last becomes an error of the result; the last is raised."""
        if self.problems:
            for problem in self.problems[:-1]:
                result.errors.append(RowError(self.row.number, problem.column, problem.message))
            raise self.problems[-1]


def width_problem(cells: int, headers: int) -> RowProblem:
    have = f"{cells} cell" + ("" if cells == 1 else "s")
    if cells < headers:
        return RowProblem(
            "",
            f"This row has {have} but the header has {headers} columns; the file may "
            "be cut short or a line broken in two.",
        )
    return RowProblem(
        "",
        f"This row has {have} but the header has {headers} columns; a value with a "
        "comma may be missing its quotes.",
    )


def count_row(result: ImportResult, created: bool, changed: bool) -> str:
    """Count a row as created, updated or skipped; returns which."""
    outcome = "created" if created else "updated" if changed else "skipped"
    setattr(result, outcome, getattr(result, outcome) + 1)
    return outcome


def count_as_updated(outcomes: dict[int, str], key: int, result: ImportResult) -> None:
    """A row counted as skipped changed after all (in ``finish``): count it as updated."""
    if outcomes.get(key) == "skipped":
        outcomes[key] = "updated"
        result.skipped -= 1
        result.updated += 1


def created_verb(result: ImportResult) -> str:
    """ "Created", or "Would create" in a dry run, for the result's notes."""
    return "Would create" if result.dry_run else "Created"


# ------------------------------------------------------------------ files


def complete_mapping(
    importer: Importer, mapping: dict[str, list[int]], headers: Sequence[str]
) -> None:
    """Map, by the importer's guess, the fields ``mapping`` does not mention (in place).

    Works around base.run_import: a remembered mapping holds only the fields the
    last file had, so a report with more columns would silently lose them (and
    the next remembered mapping would shrink further). A field present with an
    empty list is deliberately unmapped and stays so; a column already used is
    never mapped twice.
    """
    used = {i for idx in mapping.values() for i in idx}
    for name, idx in importer.guess_mapping(headers).items():
        if name not in mapping and not used.intersection(idx):
            mapping[name] = idx
            used.update(idx)


#: A multi-byte UTF-8 character (2 to 4 bytes): in a file that is not valid UTF-8 it means
#: the file mixes UTF-8 with another encoding (Windows-1252 text almost never has one).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


class FallbackCsvImporter(Importer):
    """A CSV file that may not be UTF-8 (read as Windows-1252, said in a note) and may have
    been saved with semicolons (refused with ``semicolons_message``); the mapping is
    completed by the importer's guess (:func:`complete_mapping`).

    ``fallback_source`` says what writes such Windows-1252 files and ``fallback_advice``
    (from "; ...") what to do when names look wrong.
    """

    encodings: ClassVar[tuple[str, ...]] = ("utf-8-sig", FALLBACK_ENCODING)
    semicolons_message: ClassVar[str] = ""
    fallback_source: ClassVar[str] = ""
    fallback_advice: ClassVar[str] = ""

    _encoding = ""  # the encoding the last parsed file was read in

    def decode(self, data: bytes) -> tuple[str, str]:
        text, encoding = super().decode(data)
        if encoding == FALLBACK_ENCODING and (found := _UTF8_SEQUENCE.search(data)):
            raise KnownError(
                "The file mixes two text encodings: most of it is Windows-1252, but byte "
                f"{found.start()} starts a UTF-8 character, so some names would come out "
                "garbled (“Ã©” for “é”). Export the file again as UTF-8 CSV."
            )
        return text, encoding

    def parse(self, text: str, encoding: str) -> ParsedFile:
        self._encoding = encoding
        return super().parse(text, encoding)

    def check_mapping(self, mapping: dict[str, list[int]], headers: Sequence[str]) -> None:
        if len(headers) == 1 and ";" in headers[0]:
            raise ValidationError(self.semicolons_message, "mapping")
        complete_mapping(self, mapping, headers)
        super().check_mapping(mapping, headers)

    def note_encoding(self, result: ImportResult) -> None:
        if self._encoding == FALLBACK_ENCODING:
            result.notes.append(
                "The file is not UTF-8: it was read as Windows-1252 (Western European, "
                f"{self.fallback_source}). Check names with accents{self.fallback_advice}."
            )
