"""IP-office editors manage each point's staff accounts in the admin.

Wagtail's own user editor can make anyone an administrator, so it stays with superusers; this
page only adds a person to a point's staff group (creating the account, with a link to set a
password sent through the outbox) or takes them off it. Its index also lists the sign-in locks
(django-axes, home/core/axes.py), which the same editors lift.
"""

from axes.models import AccessAttempt
from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from directory.models import ServicePoint
from home.core import axes as sign_in_locks
from home.core.validation import single_line

from .forms import VisibleCharField, VisibleEmailField
from .models import OutboxEmail
from .outbox import enqueue
from .staff import ensure_staff_group, is_office_staff

User = get_user_model()


def require_office(user):
    if not is_office_staff(user):
        raise PermissionDenied


class AddStaffForm(forms.Form):
    username = VisibleCharField(
        label=gettext_lazy("Username"), max_length=150, validators=[single_line]
    )
    email = VisibleEmailField(
        label=gettext_lazy("E-mail"),
        help_text=gettext_lazy("A new account gets a link to set its password at this address."),
    )
    full_name = VisibleCharField(
        label=gettext_lazy("Name"), max_length=150, required=False, validators=[single_line]
    )

    def clean(self):
        data = super().clean()
        user = User.objects.filter(username=data.get("username", "")).first()
        if user and user.is_superuser:
            self.add_error("username", _("Administrators already see everything."))
        return data


def _points():
    return ServicePoint.objects.filter(locale=Locale.get_default(), alias_of__isnull=True)


class StaffIndexView(WagtailAdminTemplateMixin, TemplateView):
    # services/staff_admin/index.html with the sign-in locks above it.
    template_name = "axes/point_staff_index.html"
    page_title = gettext_lazy("Point staff")
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        require_office(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        query = " ".join(self.request.GET.get("q", "").split())[:100]
        points = _points().select_related("city").order_by("title")
        if query:
            points = points.filter(title__icontains=query)
        page = Paginator(points, 50).get_page(self.request.GET.get("p"))
        members = User.objects.filter(is_active=True).only("username", "first_name", "last_name")
        rows = ServicePoint.objects.filter(pk__in=[p.pk for p in page]).prefetch_related(
            Prefetch("staff_group__user_set", queryset=members)
        )
        staff = {
            row.pk: list(row.staff_group.user_set.all()) if row.staff_group else [] for row in rows
        }
        return super().get_context_data(
            query=query,
            page=page,
            rows=[(p, staff.get(p.pk, [])) for p in page],
            sign_in_attempts=sign_in_locks.recent_attempts(),
            cool_off_minutes=sign_in_locks.cool_off_minutes(),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        """Unlock: clear the failed sign-ins of an attempt's username and IP address."""
        pk = request.POST.get("unlock", "")
        if not pk.isdigit():
            raise Http404
        attempt = get_object_or_404(AccessAttempt, pk=pk)
        sign_in_locks.unlock(attempt)
        messages.success(
            request,
            _("%(user)s can sign in again (from %(ip)s too).")
            % {"user": attempt.username or "—", "ip": attempt.ip_address},
        )
        return redirect("point_staff_index")


class PointStaffView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "services/staff_admin/point.html"
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        require_office(request.user)
        self.point = get_object_or_404(_points(), pk=kwargs["point_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Staff of %(point)s") % {"point": self.point.title}

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("point_staff_index"), "label": _("Point staff")},
            {"url": "", "label": self.point.title},
        ]

    def get_context_data(self, form=None, **kwargs):
        group = self.point.staff_group
        members = group.user_set.order_by("username") if group else User.objects.none()
        return super().get_context_data(
            point=self.point, members=members, form=form or AddStaffForm(), **kwargs
        )

    def post(self, request, *args, **kwargs):
        if "remove" in request.POST:
            return self.remove(request)
        form = AddStaffForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        user, created = add_staff(self.point, **form.cleaned_data)
        if created:
            messages.success(
                request,
                _("%(user)s was created and sent a link to set a password.") % {"user": user},
            )
        else:
            messages.success(request, _("%(user)s now serves this point.") % {"user": user})
        return redirect("point_staff", point_id=self.point.pk)

    def remove(self, request):
        group = ensure_staff_group(self.point)
        user = get_object_or_404(group.user_set, pk=request.POST.get("remove"))
        user.groups.remove(group)
        messages.success(request, _("%(user)s no longer serves this point.") % {"user": user})
        return redirect("point_staff", point_id=self.point.pk)


@transaction.atomic
def add_staff(point, *, username: str, email: str, full_name: str = ""):
    """Add a person to a point's staff, creating the account if it does not exist yet."""
    user = User.objects.filter(username=username).first()
    created = user is None
    if created:
        user = User(username=username, email=email, first_name=full_name[:150])
        user.set_unusable_password()
        user.save()
        _send_welcome(user, point)
    user.groups.add(ensure_staff_group(point))
    return user, created


def _send_welcome(user, point):
    from django.conf import settings

    link = settings.SITE_BASE_URL + reverse(
        "wagtailadmin_password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    body = render_to_string(
        "services/email/staff_welcome.txt",
        {"user": user, "point": point, "link": link, "site_name": settings.WAGTAIL_SITE_NAME},
    )
    enqueue(
        kind=OutboxEmail.Kind.ACCOUNT,
        to=user.email,
        subject=_("Your account for %(point)s") % {"point": point.title},
        body=body,
    )
