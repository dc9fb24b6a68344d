"""The recognising office every site starts with: Guangzhou's (seed 003 is its guide).

Connected to post_migrate by the app config, so a fresh database (and every test database)
has one office to apply to before anyone opens the admin. Idempotent: it creates what is
missing and never overwrites what the office's editors changed.
"""

GUANGZHOU_OFFICE = "广州市市场监督管理局（知识产权局）"
GUANGZHOU_ADCODE = "440100"


def ensure_default_office(sender=None, **kwargs):
    """The Guangzhou office (city level, 5 full-time staff, 第五条), created when missing."""
    from wagtail.models import Locale

    from directory.models import Region

    from .models import RecognisingOffice

    office, _created = RecognisingOffice.objects.get_or_create(
        name=GUANGZHOU_OFFICE, defaults={"min_full_time_staff": 5}
    )
    if office.region_id is None:
        # The regions come from the directory's own post_migrate step, which may run later
        # on a fresh database; the next migrate (or the first request for /apply/) fills it.
        locale = Locale.objects.filter(language_code="zh-hans").first()
        region = Region.objects.filter(adcode=GUANGZHOU_ADCODE, locale=locale).first()
        if region is not None:
            office.region = region
            office.save(update_fields=["region"])
    return office
