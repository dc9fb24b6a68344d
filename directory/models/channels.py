"""Fields shared by points, their offerings and their locations: channels and coordinates."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

LATITUDE_VALIDATORS = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE_VALIDATORS = [MinValueValidator(-180), MaxValueValidator(180)]


class ChannelsMixin(models.Model):
    """How a service is delivered: by phone, online, at the window (seed 000)."""

    channel_phone = models.BooleanField(_("by phone"), default=True)
    channel_online = models.BooleanField(_("online"), default=True)
    channel_window = models.BooleanField(_("at the window"), default=True)

    class Meta:
        abstract = True

    @property
    def channels(self) -> list[str]:
        labels = []
        if self.channel_phone:
            labels.append(_("by phone"))
        if self.channel_online:
            labels.append(_("online"))
        if self.channel_window:
            labels.append(_("at the window"))
        return labels
