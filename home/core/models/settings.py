"""What the operating office sets once for the whole site: name, contact, filings, footer, map."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="cog")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    office_name = models.CharField(
        _("operating office"),
        max_length=120,
        blank=True,
        help_text=_("E.g. 国家知识产权局公共服务司"),
    )
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_address = models.CharField(_("address"), max_length=200, blank=True)
    icp_number = models.CharField(
        _("ICP filing number"),
        max_length=60,
        blank=True,
        help_text=_("ICP备案号, e.g. 京ICP备12345678号-1"),
    )
    public_security_number = models.CharField(
        _("public security filing number"),
        max_length=60,
        blank=True,
        help_text=_("公安备案号, e.g. 京公网安备11010202000001号"),
    )
    map_tile_url = models.CharField(
        _("map tile URL"),
        max_length=300,
        blank=True,
        help_text=_("Leaflet tile URL template; empty uses the server's MAP_TILE_URL setting."),
    )
    map_tile_attribution = models.CharField(_("map attribution"), max_length=200, blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldRowPanel([FieldPanel("contact_phone"), FieldPanel("contact_email")]),
                FieldPanel("contact_address"),
            ],
            heading=_("Operating office"),
        ),
        MultiFieldPanel(
            [FieldPanel("icp_number"), FieldPanel("public_security_number")],
            heading=_("Filings shown in the footer"),
        ),
        InlinePanel("footer_links", heading=_("Footer links"), label=_("link")),
        MultiFieldPanel(
            [FieldPanel("map_tile_url"), FieldPanel("map_tile_attribution")], heading=_("Map")
        ),
    ]

    class Meta:
        verbose_name = _("site settings")


class FooterLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="footer_links")
    label = models.CharField(_("label"), max_length=60)
    url = models.CharField(
        _("link"), max_length=300, help_text=_("A full URL or a path such as /about/.")
    )

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("url")])]

    class Meta(Orderable.Meta):
        verbose_name = _("footer link")

    def __str__(self):
        return self.label
