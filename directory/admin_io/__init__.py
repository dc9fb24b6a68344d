"""The office's import and export of points in the Wagtail admin.

The same importer and format as `manage.py import_points` / `export_points` (directory/io/):
an upload is always checked first (a dry run with the per-row error report), kept privately
until the editor applies it, then imported as one transaction and written to the audit log.
"""
