"""Turn an uploaded .xlsx or .csv file into rows keyed by field, with sheet row numbers.

Problems are raised as `ReadError(issues)`, each issue a (code, params) pair; the accounts
services turn them into Vietnamese messages. Nothing here touches the database.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
import zipfile
from dataclasses import dataclass, field

from binhdang.core.text import fold

from .columns import FIELD_OF_FOLDED, REQUIRED, column_letter

MAX_ROWS = 5_000

Issue = tuple[str, dict]


class ReadError(Exception):
    def __init__(self, issues: list[Issue]):
        super().__init__(issues)
        self.issues = issues


@dataclass
class Table:
    columns: dict[str, str]  # field -> column letter
    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)  # (row number, values)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # phone numbers and codes typed as numbers
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return " ".join(unicodedata.normalize("NFC", str(value)).split())


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        raise ReadError([("unreadable_xlsx", {})]) from exc
    except Exception as exc:  # openpyxl's InvalidFileException for a zip that is no workbook
        raise ReadError([("unreadable_xlsx", {})]) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([_text(value) for value in values])
            if len(rows) > MAX_ROWS + 1:
                raise ReadError([("too_many_rows", {"limit": MAX_ROWS})])
        return rows
    finally:
        workbook.close()


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Excel on Vietnamese Windows saves CSV in windows-1258 or similar.
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError([("encoding", {})])
    return str(best)


def _csv_rows(data: bytes) -> list[list[str]]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    rows = []
    for values in csv.reader(io.StringIO(text), delimiter=delimiter):
        rows.append([_text(value) for value in values])
        if len(rows) > MAX_ROWS + 1:
            raise ReadError([("too_many_rows", {"limit": MAX_ROWS})])
    return rows


def read_table(data: bytes, ext: str) -> Table:
    """Read the first sheet (or the CSV), check the header row, return the data rows."""
    raw = _xlsx_rows(data) if ext == "xlsx" else _csv_rows(data)
    while raw and not any(raw[-1]):
        raw.pop()
    if not raw:
        raise ReadError([("no_header", {})])
    header = raw[0]
    columns: dict[str, str] = {}
    index_of: dict[str, int] = {}
    issues: list[Issue] = []
    for index, title in enumerate(header):
        if not title:
            continue
        field_name = FIELD_OF_FOLDED.get(fold(title))
        letter = column_letter(index)
        if field_name is None:
            issues.append(("unknown_column", {"column": letter, "title": title}))
        elif field_name in columns:
            issues.append(
                (
                    "duplicate_column",
                    {"column": letter, "title": title, "first": columns[field_name]},
                )
            )
        else:
            columns[field_name] = letter
            index_of[field_name] = index
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        issues.append(("missing_columns", {"fields": missing}))
    if issues:
        raise ReadError(issues)
    table = Table(columns=columns)
    for number, values in enumerate(raw[1:], start=2):
        if not any(values):
            continue
        table.rows.append(
            (
                number,
                {
                    name: values[index] if index < len(values) else ""
                    for name, index in index_of.items()
                },
            )
        )
    if not table.rows:
        raise ReadError([("no_rows", {})])
    return table
