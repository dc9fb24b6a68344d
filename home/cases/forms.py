"""The admin form of a case: a point's staff write cases about their own points only.

IP-office users (`services.staff.is_office_staff`: superusers, Editors, Moderators) may choose
any point. Everyone else may choose only the points whose staff group they belong to; the
select lists only those, and a forged POST naming another point is refused with a field error.
The point a saved case already has stays allowed, so a case the office moved to another point
can still be saved by its owner (it cannot be moved further).

The other choices are narrowed to what makes sense in the page's language: points and catalogue
services of the page's locale, and provinces and cities (not districts) for the region.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class CasePageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from directory.models import Region, ServiceItem, ServicePoint

        locale_id = self.instance.locale_id or (
            self.parent_page.locale_id if self.parent_page is not None else None
        )
        points = ServicePoint.objects.filter(alias_of__isnull=True).order_by("title")
        if locale_id:
            points = points.filter(locale_id=locale_id)
        self.saved_point_id = self.instance.point_id
        self.allowed_point_ids = self._allowed_point_ids()
        if "point" in self.fields:
            own = points
            if self.allowed_point_ids is not None:
                own = points.filter(pk__in=self.allowed_point_ids)
                if self.saved_point_id:
                    own = points.filter(pk__in=[*self.allowed_point_ids, self.saved_point_id])
                if len(self.allowed_point_ids) == 1 and not self.saved_point_id:
                    self.initial.setdefault("point", next(iter(self.allowed_point_ids)))
            self.fields["point"].queryset = own
        if "partner_points" in self.fields:
            self.fields["partner_points"].queryset = points
        if "services" in self.fields and locale_id:
            self.fields["services"].queryset = ServiceItem.objects.filter(locale_id=locale_id)
        if "region" in self.fields:
            regions = Region.objects.filter(level__lte=Region.Level.CITY)
            if locale_id:
                regions = regions.filter(locale_id=locale_id)
            self.fields["region"].queryset = regions.order_by("adcode")

    def _allowed_point_ids(self) -> frozenset[int] | None:
        """The points this user may name as the case's point; None: any point."""
        from services.staff import is_office_staff, staff_point_ids

        user = self.for_user
        if user is None or is_office_staff(user):
            return None
        return staff_point_ids(user)

    def clean_point(self):
        point = self.cleaned_data.get("point")
        if (
            point is not None
            and self.allowed_point_ids is not None
            and point.pk not in self.allowed_point_ids
            and point.pk != self.saved_point_id
        ):
            raise ValidationError(
                _("You can only write cases about the points whose staff you are."),
                code="not_own_point",
            )
        return point
