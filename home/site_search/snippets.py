"""A result's text around the words that matched, with those words marked.

Chinese has no spaces to cut at, so the words are found as substrings of the text, compared in
the search's normal form (search.analysis.normalize: Traditional → Simplified, lower case),
character by character so that a position in the normal form is a position in the text shown.
Everything but the <mark> tags is escaped.
"""

import html

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from search.analysis import normalize, split_word

SNIPPET_CHARS = 120


def plain_text(value: str) -> str:
    """HTML (rich text) as one line of plain text."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


def highlight_words(terms) -> list[str]:
    """The query's words and, for a long Chinese word, its parts (专利检索 → 专利, 检索), so that
    a text holding them apart still shows where it matched; longest first."""
    words = set()
    for term in terms:
        term = normalize(term).strip()
        if term:
            words.add(term)
            words.update(split_word(term))
    return sorted(words, key=len, reverse=True)


def _folded(text: str) -> str:
    """The normal form of `text`, of the same length (one character for one character)."""
    folded = normalize(text)
    if len(folded) == len(text):
        return folded
    chars = []
    for char in text:
        one = normalize(char)
        chars.append(one if len(one) == 1 else char.lower())
    return "".join(chars)


def match_spans(text: str, words) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) of every occurrence of the words, in order."""
    folded = _folded(text)
    spans = []
    for word in words:
        start = folded.find(word)
        while start != -1:
            spans.append((start, start + len(word)))
            start = folded.find(word, start + len(word))
    spans.sort(key=lambda span: (span[0], -span[1]))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:  # touching spans read as one word
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


def highlight(text: str, words, width: int = SNIPPET_CHARS) -> SafeString:
    """About `width` characters of `text` around its first match, matches in <mark>."""
    text = plain_text(text)
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    spans = match_spans(text, words)
    if spans:
        first_start, first_end = spans[0]
        # The match a third of the way in: some words before it to read it in context.
        start = max(
            0, min(first_start - (width - (first_end - first_start)) // 3, len(text) - width)
        )
    else:
        start = 0
    end = min(len(text), start + width)
    pieces = ["…" if start > 0 else ""]
    position = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces.append(escape(text[position:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        position = span_end
    pieces.append(escape(text[position:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text is escaped above


def best_text(texts, words) -> str:
    """The first of `texts` with a match, else the first that is not empty."""
    texts = [plain_text(text) for text in texts]
    texts = [text for text in texts if text]
    for text in texts:
        if match_spans(text, words):
            return text
    return texts[0] if texts else ""
