"""A searchable chooser for service points (Wagtail's ChooserViewSet), for every admin form
that picks a point (the consultation transfer first).

It lists the default-locale, non-alias points with their public facts only: the live title
(never a draft), city, category and status. Who sees which:

- the IP office: every point, live or not, in any status;
- a point's staff: the live points in the public directory that are active (a transfer may go
  to any of them: they are public and take questions), and their own points in any status.
  Nothing a visitor of the site cannot read is shown, and a point's draft never appears.

`?active=1` in the chooser URL narrows the list to live, active points (what a transfer may
target); the transfer form's widget adds it.
"""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.admin.widgets import BaseChooser
from wagtail.models import Locale

from .lifecycle.access import is_office, user_point_ids
from .models import PointCategory, Region, ServicePoint


def choosable_points(user, *, active_only: bool = False):
    """The points `user` may pick, see the module docstring."""
    points = ServicePoint.objects.filter(alias_of__isnull=True, locale=Locale.get_default())
    public = Q(live=True, status=ServicePoint.Status.ACTIVE)
    if active_only:
        points = points.filter(public)
    elif not _sees_all(user):
        points = points.filter(public | Q(pk__in=user_point_ids(user)))
    return points.select_related("city", "category", "province")


def _sees_all(user) -> bool:
    # The office of the lifecycle, or the consultation office (handle every point's requests).
    return is_office(user) or user.has_perm("services.handle_all_consultations")


class PointFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Name, city or category")}),
    )
    province = forms.ModelChoiceField(
        label=_("Province"),
        queryset=Region.objects.none(),
        required=False,
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )
    city = forms.ModelChoiceField(
        label=_("City"),
        queryset=Region.objects.none(),
        required=False,
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=PointCategory.objects.none(),
        required=False,
        widget=forms.Select(attrs={"data-chooser-modal-search-filter": True}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        self.fields["province"].queryset = Region.objects.filter(
            level=Region.Level.PROVINCE, locale=default
        ).order_by("adcode")
        self.fields["city"].queryset = Region.objects.filter(
            level=Region.Level.CITY, locale=default
        ).order_by("adcode")
        self.fields["category"].queryset = PointCategory.objects.filter(locale=default)

    def filter(self, objects):
        data = self.cleaned_data
        if data.get("province"):
            objects = objects.filter(province=data["province"])
        if data.get("city"):
            objects = objects.filter(city=data["city"])
        if data.get("category"):
            objects = objects.filter(category=data["category"])
        query = (data.get("q") or "").strip()
        if query:
            # The database, not the search index: a city or category name must match exactly
            # as typed, and the index holds draft-free text only for live pages anyway.
            for word in query.split():
                objects = objects.filter(
                    Q(title__icontains=word)
                    | Q(city__name__icontains=word)
                    | Q(province__name__icontains=word)
                    | Q(category__name__icontains=word)
                )
            self.is_searching = True
            self.search_query = query
        return objects


class PointChooserMixin:
    def get_object_list(self):
        return choosable_points(self.request.user, active_only=bool(self.request.GET.get("active")))

    def get_filter_form_class(self):
        return PointFilterForm

    @property
    def columns(self):
        return [
            self.title_column,
            Column("city", label=_("City"), accessor=lambda p: p.city.name if p.city else ""),
            Column("category", label=_("Category"), accessor="category.name"),
            Column("status", label=_("Status"), accessor="get_status_display"),
        ]


class PointChooseView(PointChooserMixin, ChooseView):
    pass


class PointChooseResultsView(PointChooserMixin, ChooseResultsView):
    pass


class PointChosenView(ChosenView):
    def get_object(self, pk):
        try:
            pk = int(pk)
        except (TypeError, ValueError):
            raise ServicePoint.DoesNotExist from None
        return choosable_points(self.request.user).get(pk=pk)

    def get_display_title(self, instance):
        return instance.title  # the live title, never the draft


class PointChooserWidget(BaseChooser):
    """The chooser's widget; `active_only` adds ?active=1 to the modal's URL."""

    model = ServicePoint
    choose_one_text = _("Choose a point")
    choose_another_text = _("Choose another point")
    link_to_chosen_text = _("Edit this point")
    chooser_modal_url_name = "point_chooser:choose"
    icon = "site"
    show_edit_link = False  # no link to another point's editor

    def __init__(self, *, active_only: bool = False, **kwargs):
        super().__init__(**kwargs)
        self.active_only = active_only

    def get_chooser_modal_url(self):
        url = super().get_chooser_modal_url()
        return f"{url}?active=1" if self.active_only else url

    def get_display_title(self, instance):
        return instance.title

    def get_instance(self, value):
        # A re-shown form may hold anything that was posted ("central", junk): show no choice.
        try:
            return super().get_instance(value)
        except (TypeError, ValueError):
            return None

    def get_value_data_from_instance(self, instance):
        data = super().get_value_data_from_instance(instance)
        data["edit_url"] = ""  # no link to another point's editor
        return data


class PointChooserViewSet(ChooserViewSet):
    model = ServicePoint
    icon = "site"
    choose_one_text = _("Choose a point")
    choose_another_text = _("Choose another point")
    page_title = _("Choose a point")
    per_page = 20
    choose_view_class = PointChooseView
    choose_results_view_class = PointChooseResultsView
    chosen_view_class = PointChosenView
    preserve_url_parameters = ["multiple", "active"]
    # Not the default widget of every ForeignKey to ServicePoint: other apps choose theirs.
    register_widget = False

    @property
    def widget_class(self):
        return PointChooserWidget


point_chooser_viewset = PointChooserViewSet("point_chooser", url_prefix="point-chooser")
