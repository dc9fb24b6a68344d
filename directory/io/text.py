"""Text conversions between spreadsheet cells and page fields."""

import html
import re

from django.utils.text import slugify
from pypinyin import lazy_pinyin

SLUG_MAX_LENGTH = 80
BLOCK_END = re.compile(r"(?i)<br\s*/?>|</(p|h[1-6]|li|div|blockquote)>")
TAG = re.compile(r"<[^>]+>")


def html_to_text(value: str) -> str:
    """Rich text as plain text, one paragraph a line: what a spreadsheet cell can hold."""
    text = html.unescape(TAG.sub("", BLOCK_END.sub("\n", value or "")))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def text_to_html(value: str) -> str:
    """Plain text as rich text, one paragraph a line; the text is escaped, never trusted HTML."""
    lines = (line.strip() for line in (value or "").splitlines())
    return "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines if line)


def pinyin_slug(name: str, max_length: int = SLUG_MAX_LENGTH) -> str:
    """`中山大学` → `zhong-shan-da-xue`: readable in any browser and safe in any URL."""
    slug = slugify("-".join(lazy_pinyin(name)))
    if len(slug) > max_length:
        # Cut at a syllable boundary so the slug does not end in half a word.
        slug = slug[: max_length + 1].rsplit("-", 1)[0]
    return slug.strip("-") or "point"


def unique_slug(base: str, taken: set[str]) -> str:
    slug, suffix = base, 1
    while slug in taken:
        suffix += 1
        slug = f"{base[: SLUG_MAX_LENGTH - len(str(suffix)) - 1]}-{suffix}"
    return slug
