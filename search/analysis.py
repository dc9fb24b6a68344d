"""Chinese-aware text analysis shared by the search index and the queries (jieba + IP terms).

SQLite's FTS5 (unicode61) and Elasticsearch's whitespace analyser both split on spaces only
around CJK text, so text is segmented here, on both sides, into space-separated words:

- indexing uses search-engine mode: every word of the precise cut plus the dictionary words
  inside it (知识产权基础检索 → 知识 产权 知识产权 基础 检索 知识产权基础检索), so a query for a
  part of a compound still finds it;
- queries use the precise cut, each word escaped as an FTS5 string, so nothing a visitor types
  is ever read as FTS5 syntax.

The HMM new-word guesser is off on both sides: a guessed word depends on its neighbours, so a
name could be cut one way in a page and another way in the query and never match.
"""

import logging
import math
import re
import tempfile
import threading
import unicodedata
from pathlib import Path

import jieba
import opencc

DICTIONARIES = Path(__file__).resolve().parent / "dictionary"
USER_DICTIONARY = DICTIONARIES / "ip_terms.txt"
SYNONYMS = DICTIONARIES / "synonyms.txt"
# English words and their Chinese equivalents, read as synonyms (the English site searches
# Chinese text).
ENGLISH = DICTIONARIES / "english.txt"
# The user dictionary's tag for a catalogue service name.
SERVICE_TAG = "svc"

# Longer input is cut off rather than refused: segmenting is linear, but an FTS5 query with
# hundreds of terms only ever matches nothing, slowly.
MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 16

CJK = re.compile(
    "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef\U00030000-\U0003134f]"
)
_NOT_WORD = re.compile(r"[^\w]+|_+")

# English function words and question words ("patent search in Guangzhou", "where can I
# find …"). Not "an", "he", "e" and others that are also pinyin syllables (xi an → 西安).
ENGLISH_STOPWORDS = frozenset(
    [
        "the",
        "of",
        "in",
        "for",
        "and",
        "to",
        "near",
        "with",
        "on",
        "at",
        "or",
        "by",
        "from",
        "i",
        "my",
        "me",
        "we",
        "our",
        "us",
        "you",
        "find",
        "need",
        "want",
        "looking",
        "where",
        "can",
        "how",
        "is",
        "are",
        "any",
        "some",
        "please",
    ]
)
# One-character function words a visitor may type ("广州的专利服务") but a page need not contain.
_QUERY_STOPWORDS = frozenset("的地得了和与及或在是等之于对为把被也都就并而")
# The words of a question typed in plain language (我想在广州找专利检索服务, 广州哪里可以查专利):
# they say what the visitor wants to do, not what the page they look for contains.
QUESTION_WORDS = frozenset(
    [
        "我",
        "我们",
        "我想",
        "想",
        "想要",
        "要",
        "需要",
        "希望",
        "打算",
        "请问",
        "请",
        "麻烦",
        "帮",
        "帮我",
        "帮忙",
        "一下",
        "能",
        "能够",
        "可以",
        "可",
        "会",
        "找",
        "找到",
        "寻找",
        "查找",
        "查",
        "查询",
        "搜",
        "搜索",
        "搜一下",
        "看看",
        "了解",
        "问",
        "问问",
        "办",
        "办理",
        "做",
        "哪",
        "哪里",
        "哪儿",
        "哪个",
        "哪家",
        "哪些",
        "什么",
        "啥",
        "怎么",
        "怎样",
        "如何",
        "有",
        "有没有",
        "没有",
        "吗",
        "呢",
        "吧",
        "啊",
        "呀",
        "一个",
        "一家",
        "个",
        "家",
        "些",
        "谁",
        "附近",
        "周边",
        "本地",
        "当地",
        "这里",
        "那里",
        "这边",
        "哪边",
    ]
)
# Words that only say "a service, a place" (专利检索服务, 广州的服务机构): dropped when the query
# says anything else, kept when they are all it says.
FILLER_WORDS = frozenset(
    ["服务", "机构", "单位", "地方", "网点", "部门", "公司", "地址", "联系方式", "电话"]
)

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None
_synonyms: dict[str, tuple[str, ...]] = {}


def tokenizer() -> jieba.Tokenizer:
    """The process's jieba tokenizer with the IP terms, built on first use (≈1 s, then cached)."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                _tokenizer = _build_tokenizer()
    return _tokenizer


def preload() -> None:
    """Build the tokenizer and the Traditional → Simplified converter now, not on first use.

    Called once at WSGI start (config/wsgi.py) before the server forks its workers, so no
    visitor waits the second it takes and the workers share its ≈90 MB of dictionaries.
    """
    tokenizer()
    index_tokens("知識產權信息公共服務網點")  # the converter, and jieba's lazy regexes


def cache_dir() -> Path:
    """JIEBA_CACHE_DIR from the settings (the project's `.cache/` by default), created if missing."""
    from django.conf import settings

    folder = Path(getattr(settings, "JIEBA_CACHE_DIR", "") or Path(tempfile.gettempdir()))
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def _build_tokenizer() -> jieba.Tokenizer:
    # Our own instance, not jieba's global one: other code (cpca's address parser) uses
    # that one and must not see our dictionary, nor we theirs.
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    # The parsed main dictionary is cached in a file (it saves ≈1 s per process), in a folder
    # the project owns: a shared temp folder lets any local user swap the cache under us.
    tk.tmp_dir = str(cache_dir())
    tk.cache_file = "jieba.cache"
    tk.initialize()
    load_user_dictionary(tk, USER_DICTIONARY)
    _synonyms.update(load_synonyms(tk, SYNONYMS))
    for english, chinese in load_synonyms(tk, ENGLISH).items():
        _synonyms[english] = (*_synonyms.get(english, ()), *chinese)
    return tk


def load_user_dictionary(tk: jieba.Tokenizer, path: Path) -> None:
    """Add a jieba userdict file ("word [freq] [tag]" per line), never lowering a frequency.

    jieba's own loader would replace 专利's frequency by a smaller one and cut text worse; it
    also keeps Latin words in their case while we look them up lower-cased.
    """
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word = normalize(parts[0])
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        known = tk.FREQ.get(word) or 0
        if freq is None:
            freq = max(known, tk.suggest_freq(word, False))
        tk.add_word(word, max(freq, known), tag)


def load_synonyms(tk: jieba.Tokenizer, path: Path) -> dict[str, tuple[str, ...]]:
    """Read "short full [full …]" lines; each short form becomes a jieba word if it is not one."""
    synonyms = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = normalize(raw.strip())
        if not line or line.startswith("#"):
            continue
        short, *full = line.split()
        if full:
            if not tk.FREQ.get(short):
                tk.add_word(short, tk.suggest_freq(short, False))
            synonyms[short] = tuple(full)
    return synonyms


def synonyms_of(term: str) -> tuple[str, ...]:
    """The full forms a query word abbreviates (交大 → 交通大学), from dictionary/synonyms.txt."""
    tokenizer()
    return _synonyms.get(term, ())


def normalize(text: str) -> str:
    """The form both the index and the queries are cut from.

    NFKC folds full-width Latin, digits and punctuation (ＴＩＳＣ，１２) into their ASCII forms;
    Traditional characters become Simplified (清華大學 → 清华大学, as typed in Hong Kong, Macao
    and Taiwan), on both sides, so a page written in either is found by a query in either.
    """
    return _simplified(unicodedata.normalize("NFKC", text)).lower()


def _simplified(text: str) -> str:
    if not CJK.search(text):  # Latin and digits only: nothing to convert
        return text
    global _converter
    if _converter is None:
        _converter = opencc.OpenCC("t2s")
    return _converter.convert(text)


_converter = None


def join_spaced_characters(text: str) -> str:
    """专 利 → 专利: a space typed inside a word (single characters on either side) is dropped;
    spaces between words (宁德 保护中心) stay, they separate query words."""
    return _SPACED_CHARACTER.sub(r"\1\2", text)


_SPACED_CHARACTER = re.compile(
    "(?<![\u3400-\u9fff])([\u3400-\u9fff])\\s+(?=[\u3400-\u9fff])"
    "|(?<=[\u3400-\u9fff])\\s+([\u3400-\u9fff])(?![\u3400-\u9fff])"
)


def _pieces(word: str) -> list[str]:
    """Split a jieba word at anything FTS5's unicode61 tokenizer would treat as a separator."""
    return [piece for piece in _NOT_WORD.split(word) if piece]


def _inner_words(tk: jieba.Tokenizer, word: str) -> list[str]:
    """Dictionary words strictly inside `word`, shortest first (search-engine mode, any length)."""
    found = []
    for length in range(2, len(word)):
        for start in range(len(word) - length + 1):
            part = word[start : start + length]
            if tk.FREQ.get(part):
                found.append(part)
    return found


def index_tokens(text: str) -> list[str]:
    """The words of `text` as the index stores them: the precise cut plus the words inside.

    This is jieba's search-engine mode (cut_for_search) without its limit of inner words to
    two and three characters, which would drop 知识产权 from 知识产权基础检索.
    """
    if not text:
        return []
    tk = tokenizer()
    tokens: list[str] = []
    for word in tk.cut(normalize(text), HMM=False):
        if CJK.search(word) and len(word) > 2:
            tokens.extend(_inner_words(tk, word))
        tokens.extend(_pieces(word))
    return tokens


def segment(text: str, *, characters: bool = False) -> str:
    """`text` as space-separated words, ready for a whitespace or unicode61 tokenizer.

    With `characters`, each Chinese character is added as a word too, so that a prefix typed
    into an autocomplete box (市图书 for 某市图书馆) finds the text even when it starts inside
    a word (某市).
    """
    tokens = index_tokens(text)
    if characters:
        tokens.extend(CJK.findall(normalize(text)))
    return " ".join(tokens)


def query_terms(query: str) -> list[str]:
    """The distinct words of a visitor's query, in order (precise cut, punctuation dropped)."""
    if not query:
        return []
    terms: list[str] = []
    text = join_spaced_characters(normalize(query[:MAX_QUERY_CHARS]))
    for word in tokenizer().cut(text, HMM=False):
        for piece in _pieces(word):
            if piece not in terms:
                terms.append(piece)
    content = [
        term
        for term in terms
        if term not in _QUERY_STOPWORDS
        and term not in QUESTION_WORDS
        and term not in ENGLISH_STOPWORDS
    ]
    meaningful = [term for term in content if term not in FILLER_WORDS]
    return (meaningful or content or terms)[:MAX_QUERY_TERMS]


def split_word(word: str) -> list[str]:
    """The best cut of a dictionary word into smaller words, or [] when it has none.

    专利检索 → [专利, 检索], so a query for it also finds 专利 and 检索 apart. Single characters
    are no useful split (光谷 → 光 + 谷 would match any page with both characters), and the
    catalogue's service names are not split at all (see dictionary/ip_terms.txt).
    """
    if len(word) < 4 or not CJK.search(word):
        return []
    tk = tokenizer()
    if tk.user_word_tag_tab.get(word) == SERVICE_TAG:
        return []
    n = len(word)
    log_total = math.log(tk.total)
    # best[i] = (log-probability, cut) of word[i:], over words shorter than `word` itself.
    best: list[tuple[float, list[str]]] = [(0.0, [])] * (n + 1)
    for i in range(n - 1, -1, -1):
        options = []
        for j in range(i + 1, n + 1):
            part = word[i:j]
            if j - i == n:
                continue
            freq = tk.FREQ.get(part)
            if freq or j == i + 1:
                score = math.log(freq or 1) - log_total + best[j][0]
                options.append((score, [part, *best[j][1]]))
        best[i] = max(options, key=lambda option: option[0])
    parts = best[0][1]
    if len(parts) < 2 or any(len(part) < 2 for part in parts):
        return []
    return parts
