"""schema.org FAQPage for the FAQ page, so search engines can show the answers."""

from django.utils.html import strip_tags

from home.core.jsonld import json_ld


def faq_json_ld(page) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": item.question,
                "acceptedAnswer": {"@type": "Answer", "text": strip_tags(item.answer).strip()},
            }
            for item in page.questions.all()
        ],
    }
    # Safe inside <script>: no "</" can close the element early.
    return json_ld(data)
