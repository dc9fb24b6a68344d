"""Spreadsheet import and export of the directory (CSV or XLSX, one format both ways)."""

from .columns import COLUMNS
from .exporter import export_rows
from .files import FileFormatError, Row, read_rows, write_rows
from .importer import ImportReport, RowError, import_points

__all__ = [
    "COLUMNS",
    "FileFormatError",
    "ImportReport",
    "Row",
    "RowError",
    "export_rows",
    "import_points",
    "read_rows",
    "write_rows",
]
