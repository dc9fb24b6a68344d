"""The directory as open data in HSDS 3.0 (Open Referral's Human Services Data Specification).

collect (one snapshot in a fixed number of queries) → tables (HSDS rows, the China IP profile's
fields included) → package (the Frictionless datapackage: inline JSON, or CSVs in a zip) →
store (built files in storage with a manifest; the daily job and `export_hsds` write them, the
public page only reads them). `schemas` loads the HSDS JSON schemas copied into `schema/`.
"""
