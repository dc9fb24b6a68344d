"""The same address in the other language: the language switcher and the hreflang alternates.

Chinese (the default language) is served without a prefix and English under /en/. A Wagtail page
goes to its translation (or its alias), whose slug may differ; whatever follows the page's own
URL (a routable page's sub-route, such as a directory landing page) and the query string are
kept. Django views under `i18n_patterns` (ask, track, search, privacy, apply) go through
Django's `translate_url`, which keeps the query string.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import translate_url
from wagtail.models import Locale, Page

# BCP 47 spelling of the language codes (Django's are lower case).
_BCP47 = {"zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def bcp47(code: str) -> str:
    return _BCP47.get(code.lower(), code)


@dataclass(frozen=True)
class LanguageLink:
    code: str  # Django's language code
    name: str  # the language's name in that language
    url: str  # path and query string (absolute only for a page of another Wagtail site)
    exists: bool  # False: no version of this page in that language, `url` is its home page

    @property
    def hreflang(self) -> str:
        return bcp47(self.code)


def _path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _translate_path(path: str, code: str) -> str:
    # Only the path is resolved and reversed; the query string goes back exactly as the
    # browser sent it (still percent-encoded).
    parts = urlsplit(path)
    translated = translate_url(parts.path, code)
    return translated + (f"?{parts.query}" if parts.query else "")


def _page_urls(request, page: Page, path: str) -> dict[str, str]:
    """{language code: the same path in that language} for a page and its live translations."""
    own = page.get_url(request) or ""
    own_path = urlsplit(own).path
    rest = path[len(own_path) :] if own_path and path.startswith(own_path) else ""
    urls = {}
    for version in page.get_translations(inclusive=True).live().select_related("locale"):
        url = version.get_url(request)
        if url:
            urls[version.locale.language_code] = url + rest
    return urls


def language_links(request, page=None, path: str | None = None) -> list[LanguageLink]:
    """One link per site language, in settings order, for `path` (default: the request's).

    `page` is the Wagtail page being shown, if any (a non-page object is ignored).
    """
    path = request.get_full_path() if path is None else _path_and_query(path)
    page_urls = _page_urls(request, page, path) if isinstance(page, Page) else None
    links = []
    for code, name in settings.LANGUAGES:
        if page_urls is None:
            links.append(LanguageLink(code, name, _translate_path(path, code), True))
        elif code in page_urls:
            links.append(LanguageLink(code, name, page_urls[code], True))
        else:
            links.append(LanguageLink(code, name, translate_url("/", code), False))
    return links


def alternate_links(request, page=None, canonical_url: str = "") -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for every language the content exists in, then x-default.

    The alternates follow the canonical URL when the view gives one (a filtered directory or a
    landing page keeps its filters), else the page's own URL (or the view's path) without the
    query string, as the canonical link does.
    """
    path = _path_and_query(canonical_url) if canonical_url else request.path
    urls = {
        link.code: request.build_absolute_uri(link.url)
        for link in language_links(request, page, path)
        if link.exists
    }
    alternates = [(bcp47(code), url) for code, url in urls.items()]
    if settings.LANGUAGE_CODE in urls:
        alternates.append(("x-default", urls[settings.LANGUAGE_CODE]))
    return alternates


def default_locale_id() -> int | None:
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).only("pk").first()
    return locale.pk if locale else None


def is_chinese_only(obj, default_locale: int | None) -> bool:
    """Whether `obj` (a page, a translatable object or a text) is shown in Chinese only.

    An alias is the Chinese original shown in the English tree (the English tree is synced from
    the Chinese one); a translated page or object is not. Anything else counts as Chinese when
    its text is mostly Han characters (an English snippet quoting a Chinese name is English).
    """
    if obj is None or obj == "":
        return False
    if isinstance(obj, str):
        return _mostly_han(obj)
    if getattr(obj, "alias_of_id", None):
        return True
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is not None:
        return locale_id == default_locale
    return _mostly_han(str(obj))


def _mostly_han(text: str) -> bool:
    # A Han character carries about a word; a Latin word takes about five letters.
    return len(_HAN.findall(text)) * 5 > len(_LATIN.findall(text))
