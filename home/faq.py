"""schema.org FAQPage for the FAQ page, so search engines can show the answers."""

import json

from django.utils.html import strip_tags


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
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
