"""One form of a visitor's query for everything that compares queries: pins and the log.

The search's own normalisation (search.analysis.normalize: NFKC, Traditional → Simplified,
lower case), then whitespace: runs collapse to one space, and a space between two Chinese
characters goes, so "專利 檢索", "专利检索" and "专利检索 " are one query. A space between
Latin words stays ("patent search").
"""

import re
from functools import lru_cache

from search.analysis import normalize

MAX_QUERY_CHARS = 100

_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff])\s+(?=[\u3400-\u9fff\uf900-\ufaff])")


@lru_cache(maxsize=4096)
def canonical_query(text: str) -> str:
    spaced = " ".join(normalize(text or "").split())
    return _CJK_GAP.sub("", spaced)[:MAX_QUERY_CHARS]
