"""English versions of the demo pages, made through wagtail-localize's own workflow.

What "Translate" and then "Publish" in the admin produce: a TranslationSource of the Chinese
page, the translator's StringTranslations for each of its segments and a Translation record,
whose publication turns the page's English alias into a real translation. An editor sees these
pages as translations (progress, "Sync translated pages", the translation editor) rather than as
copies. Pages not listed here, the points' profiles among them, stay aliases of the Chinese tree.

Idempotent and cheap on a second run: a page that already has a Translation record (made here
or by an editor) is left alone.
"""

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from directory.models import ServicePoint
from home.notices.models import NoticePage

from .demo_en_texts import PAGES, STRINGS

# The seed notice names its eleven host institutions; all are demo points.
SEED_NOTICE = "tisc-second-batch-2019"
SEED_NOTICE_HOSTS = [
    "电子科技大学",
    "重庆摩托车（汽车）知识产权信息中心",
    "广州奥凯信息咨询有限公司",
    "广州中新知识产权服务有限公司",
    "合肥汇众知识产权管理有限公司",
    "山东省专利信息服务中心",
    "河南省知识产权事务中心",
    "石家庄众志华清知识产权事务所",
    "贵州派腾科技服务有限公司",
    "武汉光谷知识产权联盟管理有限责任公司",
    "赣州有色冶金研究所",
]


def translate_page(page: Page, locale: Locale, fields: dict[str, str], strings: dict[str, str]):
    """Translate `page` into `locale` as a translator would, and publish the translation.

    `fields` gives the English of whole fields by their path ("title", "summary"), `strings`
    of body strings by their Chinese text. A segment found in neither keeps its source text,
    as in the admin's "Publish" of an unfinished translation. Returns the Translation, or None
    when the page already had one.
    """
    page = page.specific
    source, _created = TranslationSource.get_or_create_from_instance(page)
    if Translation.objects.filter(source=source, target_locale=locale).exists():
        return None
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = fields.get(segment.context.path, strings.get(segment.string.data))
        if text is None:
            continue
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": _as_segment_html(text),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    translation = Translation.objects.create(source=source, target_locale=locale)
    # The admin's "Publish": the alias becomes a page of its own; published once committed.
    translation.save_target(publish=True)
    return translation


def _as_segment_html(text: str) -> str:
    # Segments hold HTML, plain-text fields included: a bare "&" would be dropped ("R&D").
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _find(home: Page, parent_slug: str, slug: str) -> Page | None:
    if not slug:
        return home
    parent = Page.objects.child_of(home).filter(slug=parent_slug).first() if parent_slug else home
    return Page.objects.child_of(parent).filter(slug=slug).first() if parent else None


def link_seed_notice_hosts(home: Page) -> None:
    """Relate the seed notice to the points it names, once (a list an editor keeps otherwise)."""
    page = _find(home, "notices", SEED_NOTICE)
    if page is None:
        return
    notice = NoticePage.objects.get(pk=page.pk)
    if notice.related_points.exists():
        return
    points = ServicePoint.objects.filter(locale=notice.locale, title__in=SEED_NOTICE_HOSTS)
    if points:
        notice.related_points.set(points)
        notice.save_revision().publish()


@transaction.atomic
def load_english_demo(home: Page) -> int:
    """Translate the demo's home, section, standard and three content pages; how many now."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    if "en" not in codes:
        return 0
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return 0
    link_seed_notice_hosts(home)
    translated = 0
    for (parent_slug, slug), fields in PAGES.items():
        page = _find(home, parent_slug, slug)
        if page is not None and translate_page(page, english, fields, STRINGS):
            translated += 1
    return translated
