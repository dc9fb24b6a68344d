"""Import service points from spreadsheet rows: all or nothing, and safe to run again.

`import_points` takes rows (mappings of column → text, e.g. from `read_rows`) and never
touches a file, so tests and `load_demo` call it directly.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from home.core.locales import alias_new_page

from ..models import DirectoryIndexPage, ServicePoint
from .apply import apply_values, validation_errors
from .columns import COLUMNS, REQUIRED_COLUMNS, canonical_column
from .lookups import Lookups, key
from .parse import parse_row
from .text import pinyin_slug, unique_slug

HEADER_ROW = 1


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return _("Row %(row)s, column “%(column)s”: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class ImportReport:
    dry_run: bool = False
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        counts = {"created": len(self.created), "updated": len(self.updated)}
        counts["unchanged"] = len(self.unchanged)
        if self.dry_run:
            text = _(
                "Dry run, nothing saved: %(created)s new, %(updated)s to update, %(unchanged)s unchanged."
            )
        else:
            text = _("%(created)s created, %(updated)s updated, %(unchanged)s unchanged.")
        return text % counts


@dataclass
class _Plan:
    point: ServicePoint
    is_new: bool


def import_points(
    rows: Iterable[Mapping[str, str]],
    *,
    directory_page: DirectoryIndexPage,
    dry_run: bool = False,
    user=None,
) -> ImportReport:
    """Create or update the points of `directory_page`, matched by name.

    Every row is checked before anything is saved; one bad row means nothing is saved and
    the report lists every bad cell. Rows without a `number` attribute are numbered as in a
    spreadsheet with a header row (the first data row is row 2). `user` (the admin's editor)
    is recorded on every revision and publication, so each point's history names them.
    """
    report = ImportReport(dry_run=dry_run)
    rows = [_normalised(row, index) for index, row in enumerate(rows)]
    _check_columns(rows, report)
    if report.errors:
        return report

    lookups = Lookups.load()
    # Matched the way people read names: 上海图书馆(…) and 上海图书馆（…） are one organisation.
    existing = {key(p.title): p for p in ServicePoint.objects.child_of(directory_page)}
    taken_slugs = set(directory_page.get_children().values_list("slug", flat=True))
    first_row_of: dict[str, int] = {}
    plans = []
    for number, row in rows:
        name = row.get("name", "")
        if not name:
            report.errors.append(RowError(number, "name", _("Give the point's name.")))
            continue
        if key(name) in first_row_of:
            message = _("“%(name)s” is already on row %(row)s.")
            row_before = first_row_of[key(name)]
            report.errors.append(
                RowError(number, "name", message % {"name": name, "row": row_before})
            )
            continue
        first_row_of[key(name)] = number
        plan = _plan_row(
            number, row, existing.get(key(name)), directory_page, lookups, taken_slugs, report
        )
        if plan is not None:
            plans.append(plan)

    if report.errors or dry_run:
        return report
    _save(plans, directory_page, user)
    return report


@transaction.atomic
def _save(plans: list["_Plan"], directory_page: DirectoryIndexPage, user=None) -> None:
    # Every save of a point and of each of its offerings would rebuild the point's whole
    # reference index entry; once per point, at the end, gives the same index much faster.
    with disable_reference_index_auto_update():
        for plan in plans:
            if plan.is_new:
                directory_page.add_child(instance=plan.point)
            # The caller has checked that `user` may import (the office): Wagtail's per-page
            # publish permission is not the question here, only whose name goes on record.
            plan.point.save_revision(user=user).publish(user=user, skip_permission_checks=True)
            if plan.is_new:
                # What the admin's after-create hook does for pages made there.
                alias_new_page(plan.point)
    for plan in plans:
        ReferenceIndex.create_or_update_for_object(plan.point)


def _normalised(row: Mapping[str, str], index: int) -> tuple[int, dict[str, str]]:
    values = {
        canonical_column(k): "" if v is None else str(v).strip()
        for k, v in row.items()
        if k is not None
    }
    return getattr(row, "number", index + HEADER_ROW + 1), values


def _check_columns(rows: list[tuple[int, dict]], report: ImportReport) -> None:
    columns = {column for _number, row in rows for column in row}
    for column in sorted(columns - set(COLUMNS)):
        if column:
            message = _("Unknown column; the columns are: %(columns)s.") % {
                "columns": ", ".join(COLUMNS)
            }
            report.errors.append(RowError(HEADER_ROW, column, message))
    if rows:
        for column in REQUIRED_COLUMNS:
            if column not in columns:
                report.errors.append(RowError(HEADER_ROW, column, _("This column is missing.")))
    # A value under no heading: read_rows files it under "".
    for number, row in rows:
        if row.get(""):
            report.errors.append(RowError(number, "", _("A cell has no column heading.")))


def _plan_row(
    number: int,
    row: dict[str, str],
    point: ServicePoint | None,
    directory_page: DirectoryIndexPage,
    lookups: Lookups,
    taken_slugs: set[str],
    report: ImportReport,
) -> _Plan | None:
    is_new = point is None
    if is_new:
        slug = unique_slug(pinyin_slug(row["name"]), taken_slugs)
        taken_slugs.add(slug)
        point = ServicePoint(title=row["name"], slug=slug, locale_id=directory_page.locale_id)
    parsed = parse_row(row, lookups)
    changed = apply_values(point, parsed)
    if point.title != row["name"]:
        # The file's spelling wins; the slug stays, so links to the point keep working.
        point.title = point.draft_title = row["name"]
        changed = True
    errors = parsed.errors
    if is_new or changed:
        # An unchanged point stays as it is, so the model's rules have nothing new to check.
        errors = errors + validation_errors(point, parsed)
    report.errors += [RowError(number, column, message) for column, message in errors]
    if errors:
        return None
    if is_new:
        report.created.append(point.title)
    elif changed:
        report.updated.append(point.title)
    else:
        report.unchanged.append(point.title)
        return None
    return _Plan(point, is_new)
