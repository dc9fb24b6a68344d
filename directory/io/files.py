"""Reading and writing the spreadsheet files (CSV or XLSX); no knowledge of the models."""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from django.utils.translation import gettext as _

from home.core.spreadsheets import neutralise, unneutralise

from .columns import canonical_column


class FileFormatError(Exception):
    """The file cannot be read as a table at all (as opposed to a row with bad values)."""


class Row(dict):
    """The cells of one data row by column, with its row number as the spreadsheet shows it."""

    def __init__(self, values: Mapping[str, str], number: int):
        super().__init__(values)
        self.number = number


def file_format(path: Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".txt"):
        return "csv"
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    raise FileFormatError(_("Use a .csv or .xlsx file, not “%(suffix)s”.") % {"suffix": suffix})


def read_rows(path: str | Path) -> list[Row]:
    """The data rows of a CSV (UTF-8, BOM or not) or the first sheet of an XLSX file.

    Headers become column names (see `canonical_column`); blank rows are skipped but still
    counted, so row numbers in error reports match what the editor sees.
    """
    path = Path(path)
    reader = _csv_records if file_format(path) == "csv" else _xlsx_records
    records = reader(path)
    try:
        headers = next(records)
    except StopIteration:
        raise FileFormatError(_("The file is empty.")) from None
    columns = [canonical_column(h) for h in headers]
    rows = []
    for number, cells in enumerate(records, start=2):
        texts = [_cell_text(c) for c in cells]
        if not any(texts):
            continue
        values = {column: "" for column in columns if column}
        extra = []
        for index, text in enumerate(texts):
            column = columns[index] if index < len(columns) else ""
            if column:
                values[column] = text
            elif text:
                extra.append(text)
        if extra:
            # A stray cell under no heading is most often a shifted row; report, never guess.
            values[""] = extra[0]
        rows.append(Row(values, number))
    return rows


def _csv_records(path: Path) -> Iterator[list]:
    try:
        # newline="" keeps line breaks inside quoted cells (multi-line descriptions) intact.
        with path.open(encoding="utf-8-sig", newline="") as handle:
            yield from csv.reader(handle)
    except UnicodeDecodeError:
        raise FileFormatError(
            _("The CSV file is not UTF-8 encoded: save it as “CSV UTF-8” and try again.")
        ) from None
    except csv.Error as error:
        raise FileFormatError(
            _("The CSV file cannot be read: %(error)s") % {"error": error}
        ) from None


def _xlsx_records(path: Path) -> Iterator[list]:
    from openpyxl import load_workbook

    try:
        # data_only: a formula cell gives its last computed value, never the formula text.
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types for a damaged or foreign file
        raise FileFormatError(
            _("The XLSX file cannot be read: %(error)s") % {"error": error}
        ) from None
    try:
        yield from workbook.worksheets[0].iter_rows(values_only=True)
    finally:
        workbook.close()


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        # Excel stores 110000 or a phone number as a float; the text is what was typed.
        return str(int(value))
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return unneutralise(str(value).strip())


def write_rows(path: str | Path, columns: list[str], rows: Iterable[Mapping[str, str]]) -> None:
    """Write a CSV (UTF-8 with BOM, which Excel needs to show Chinese) or an XLSX file."""
    path = Path(path)
    path.write_bytes(table_bytes(columns, rows, file_format(path)))


def table_bytes(columns: list[str], rows: Iterable[Mapping[str, str]], kind: str) -> bytes:
    """The file's content, `kind` "csv" or "xlsx" (what the admin's download sends).

    Every cell is written as text and neutralised against formula injection.
    """
    table = [[neutralise(str(row.get(c, "") or "")) for c in columns] for row in rows]
    if kind == "csv":
        text = io.StringIO(newline="")
        writer = csv.writer(text)
        writer.writerow(columns)
        writer.writerows(table)
        return text.getvalue().encode("utf-8-sig")
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "points"
    sheet.append(columns)
    for cells in table:
        # Neutralised above: openpyxl would otherwise store a leading "=" as a live formula.
        sheet.append(cells)
    content = io.BytesIO()
    workbook.save(content)
    return content.getvalue()
