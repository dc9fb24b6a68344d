"""The OpenSearch backends (search/backends/opensearch.py) against a live server on loopback.

The server is osmem-server, an in-memory OpenSearch 3 (the `osmem-server` dev dependency): one
process per test session (per xdist worker, each on its own port), stopped when the session
ends. Each test gets a copy-on-write clone of it on its own port (milliseconds), so no test sees
another's documents; the database side is rolled back as usual.

When the server cannot start, the tests fail with the reason; they are never skipped.
"""

import io
import time

import pytest
from django.core.management import call_command
from django.test import override_settings
from osmem_server import OsmemError, OsmemServer
from wagtail.search.backends import get_search_backend

from directory.models import ServicePoint
from directory.precision import evaluate, load_queries, precision
from search.backends.opensearch import (
    ChineseOpenSearch2SearchBackend,
    ChineseOpenSearch3SearchBackend,
)
from search.ranking import keyword_rank
from tests import shared_data

pytestmark = pytest.mark.cluster

# Generous for a busy 2-core machine: the server starts in well under a second when idle.
STARTUP_SECONDS = 120
REQUEST_SECONDS = 30

HOSTILE_QUERIES = [
    '"',
    "'; DROP TABLE wagtailcore_page; --",
    "专利 AND OR NOT",
    "title:专利 OR _all_text:*",
    "*",
    "专利*",
    "(((",
    "\\",
    '{"query": {"match_all": {}}}',
    "^2 ~1 +- && || ! [ ] { } ?",
    "\x00\x01专利\x7f",
    "😀 🔍",
    "的",
    "   ",
    "专利" * 500,
    " ".join(f"词{i}" for i in range(300)),
    "ＴＩＳＣ　中心",
    "<script>alert(1)</script>",
]


@pytest.fixture(scope="session")
def osmem_server():
    """osmem's plugin fixture, overridden: no Japanese analysis, a generous start-up time, and a
    failure rather than a skip when the server cannot start."""
    try:
        server = OsmemServer.start(japanese=False, startup_timeout=STARTUP_SECONDS)
    except (OsmemError, OSError) as error:
        pytest.fail(
            f"osmem-server (dev dependency osmem-server) could not start on loopback: {error}. "
            "Run `uv sync --frozen` to install it; OSMEM_SERVER_BIN points at another binary.",
            pytrace=False,
        )
    yield server
    server.close()


def backend_settings(url: str, version: int = 3, **options) -> dict:
    return {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": [url],
            "VERSION": version,
            "INDEX_PREFIX": "test_",
            "TIMEOUT": REQUEST_SECONDS,
            **options,
        }
    }


def create_index(backend, model=ServicePoint) -> None:
    """The model's index, empty, with the mappings of every model stored in it (what
    `update_index` does before it adds the objects)."""
    from modelsearch.index import get_indexed_models

    index = backend.get_index_for_model(model)
    index.reset()
    for other in get_indexed_models():
        if backend.get_index_for_model(other).name == index.name:
            index.add_model(other)


class Cluster:
    """The configured backend with the helpers the tests use."""

    def __init__(self):
        self.backend = get_search_backend()

    def refresh(self, model=ServicePoint) -> None:
        self.backend.get_index_for_model(model).refresh()

    def add(self, *objects) -> None:
        for obj in objects:
            self.backend.add(obj)
        self.refresh()

    def titles(self, query: str, queryset=None) -> list[str]:
        queryset = ServicePoint.objects.all() if queryset is None else queryset
        return [point.title for point in self.backend.search(query, queryset)]

    def autocomplete(self, query: str) -> list[str]:
        return [point.title for point in self.backend.autocomplete(query, ServicePoint)]


@pytest.fixture(params=[3, 2], ids=["opensearch3", "opensearch2"])
def any_version(request):
    return request.param


@pytest.fixture
def cluster_of_version(osmem_clone, settings, db):
    """A function making the backend of one OpenSearch version on this test's clone."""

    def make(version: int) -> Cluster:
        # Index updates happen where each test says, not from page signals.
        settings.WAGTAILSEARCH_BACKENDS = backend_settings(
            osmem_clone.url, version, AUTO_UPDATE=False
        )
        cluster = Cluster()
        create_index(cluster.backend)
        return cluster

    return make


@pytest.fixture
def cluster(cluster_of_version):
    return cluster_of_version(3)


# --- Connection and indexing ---------------------------------------------------------------


def test_the_setting_selects_the_backend_of_each_version(cluster_of_version, any_version):
    cluster = cluster_of_version(any_version)
    expected = {2: ChineseOpenSearch2SearchBackend, 3: ChineseOpenSearch3SearchBackend}
    assert type(cluster.backend) is expected[any_version]
    info = cluster.backend.es.info()
    assert info["version"]["distribution"] == "opensearch"
    analysers = cluster.backend.es.indices.get_settings(index="test_wagtailcore_page")
    (index_settings,) = analysers.values()
    analysis = index_settings["settings"]["index"]["analysis"]["analyzer"]
    assert analysis["default"]["tokenizer"] == "whitespace"


def test_added_points_are_found_by_a_word_inside_longer_text(
    cluster_of_version, any_version, make_point
):
    cluster = cluster_of_version(any_version)
    point = make_point(title="示例科技情报所", description="<p>本所开展知识产权质押融资咨询。</p>")
    other = make_point(title="示例图书馆", description="<p>提供文献借阅。</p>")
    cluster.backend.add_bulk(ServicePoint, [point, other])
    cluster.refresh()

    assert cluster.titles("质押融资") == ["示例科技情报所"]
    assert cluster.titles("融资") == ["示例科技情报所"]  # a word inside the compound
    assert cluster.titles("情报") == ["示例科技情报所"]  # inside the name
    assert cluster.titles("利") == []  # not a word of the text: no single characters


def test_update_index_rebuilds_from_the_database(cluster, make_point):
    make_point(title="厦门大学")
    make_point(title="吉林省图书馆", city="220100")
    out = io.StringIO()
    call_command("update_index", stdout=out)
    cluster.refresh()

    assert "indexed" in out.getvalue()
    assert cluster.titles("厦门") == ["厦门大学"]
    assert cluster.titles("吉林 图书馆") == ["吉林省图书馆"]


def test_deleting_a_page_removes_it_from_the_results(osmem_clone, settings, make_point):
    settings.WAGTAILSEARCH_BACKENDS = backend_settings(osmem_clone.url)  # signals update it
    cluster = Cluster()
    create_index(cluster.backend)
    point = make_point(title="厦门大学知识产权信息服务中心")
    cluster.add(point)  # also when page saves are indexed by a worker
    assert cluster.titles("厦门大学") == [point.title]

    point.delete()
    cluster.refresh()
    assert cluster.titles("厦门大学") == []


# --- The results contract of the database backends -----------------------------------------


def test_every_word_must_be_in_the_point_in_any_field(cluster, make_point):
    ningde = make_point(title="中国（宁德）知识产权保护中心", city="350900")
    other = make_point(title="宁德市图书馆", city="350900")
    address = make_point(title="示例专利工作站", address="福建省宁德市示例路1号", city="350100")
    cluster.add(ningde, other, address)

    assert cluster.titles("宁德 保护中心") == ["中国（宁德）知识产权保护中心"]
    # The name holds one word, the address the other.
    assert cluster.titles("宁德 专利") == ["示例专利工作站"]
    assert set(cluster.titles("宁德")) == {ningde.title, other.title, address.title}


def test_names_rank_above_descriptions(cluster, make_point):
    mentions = [
        make_point(title=f"示例服务中心{i}", description="<p>与厦门大学合作，服务厦门企业。</p>")
        for i in range(3)
    ]
    named = make_point(title="厦门大学", description="<p>高校知识产权信息服务中心。</p>")
    cluster.add(*mentions, named)

    assert cluster.titles("厦门")[0] == "厦门大学"
    assert cluster.titles("厦门大学")[0] == "厦门大学"
    scores = dict(keyword_rank(ServicePoint, "厦门"))
    assert scores[named.pk] > max(scores[p.pk] for p in mentions)


def test_catalogue_service_names_are_searchable(cluster, make_point):
    navigator = make_point(title="示例甲中心", offerings=(("P03", "professional", "negotiable"),))
    other = make_point(title="示例乙中心", offerings=(("B01", "basic", "free"),))
    cluster.add(navigator, other)

    assert cluster.titles("专利导航") == ["示例甲中心"]
    assert cluster.titles("导航") == ["示例甲中心"]


def test_filters_combine_with_the_search(cluster, make_point):
    guangzhou = make_point(title="广州专利信息中心", city="440100")
    shenzhen = make_point(title="深圳专利信息中心", city="440300")
    fujian = make_point(title="福州专利信息中心", city="350100")
    cluster.add(guangzhou, shenzhen, fujian)

    in_guangdong = ServicePoint.objects.filter(province=guangzhou.province)
    assert set(cluster.titles("专利", in_guangdong)) == {guangzhou.title, shenzhen.title}
    assert cluster.titles("专利", in_guangdong.filter(city=shenzhen.city)) == [shenzhen.title]
    assert cluster.titles("福州", in_guangdong) == []


def test_synonyms_and_dictionary_parts_match_as_in_the_database(cluster, make_point):
    beihang = make_point(title="北京航空航天大学", city="110100")
    search = make_point(title="示例中心", description="<p>提供专利的检索服务。</p>")
    cluster.add(beihang, search)

    assert cluster.titles("北航") == ["北京航空航天大学"]
    assert cluster.titles("专利检索") == ["示例中心"]  # 专利 and 检索 apart


def test_autocomplete_finds_a_prefix_and_a_start_inside_a_word(cluster, make_point):
    xiamen = make_point(title="厦门大学", city="350200")
    jilin = make_point(title="吉林省图书馆", city="220100")
    cluster.add(xiamen, jilin)

    assert cluster.autocomplete("厦门大") == ["厦门大学"]
    assert cluster.autocomplete("厦") == ["厦门大学"]
    assert cluster.autocomplete("省图书") == ["吉林省图书馆"]  # 吉林省 starts before it
    assert cluster.autocomplete("图书馆 厦门") == []


def test_hostile_queries_never_raise(cluster, make_point):
    cluster.add(make_point(title="专利信息中心"))
    for query in HOSTILE_QUERIES:
        list(cluster.backend.search(query, ServicePoint))
        list(cluster.backend.autocomplete(query, ServicePoint))
        keyword_rank(ServicePoint, query, limit=20)
        cluster.backend.search(query, ServicePoint).count()
    assert cluster.titles("专利信息中心") == ["专利信息中心"]


def test_keyword_rank_agrees_with_the_search_results(cluster, make_point):
    points = [make_point(title=f"示例专利中心{i}", description="<p>专利检索</p>") for i in range(4)]
    points.append(make_point(title="专利检索服务站"))
    cluster.add(*points)

    ranked = keyword_rank(ServicePoint, "专利检索")
    results = cluster.backend.search("专利检索", ServicePoint).annotate_score("_score")
    assert [pk for pk, _score in ranked] == [point.pk for point in results]
    assert ranked[0][0] == points[-1].pk
    assert keyword_rank(ServicePoint, "专利检索", limit=2) == ranked[:2]
    assert cluster.backend.rank(ServicePoint, "专利检索", limit=20000) == ranked  # scrolls


# --- Precision on the public query set ------------------------------------------------------


def load_demo_directory():
    from directory.demo import load_demo
    from home.homepage.demo import ensure_home_page

    return load_demo(ensure_home_page())


@pytest.fixture(scope="module")
def demo_cluster(osmem_server, django_db_setup, django_db_blocker):
    """The demo directory, indexed in a clone by `update_index`, as a deployment does it.

    The directory remembers rankings per keyword and version of the published points; this
    load's version is its own (publication times), so no ranking by another backend answers.
    """
    with osmem_server.clone() as clone:
        config = backend_settings(clone.url, AUTO_UPDATE=False)
        with (
            override_settings(WAGTAILSEARCH_BACKENDS=config),
            shared_data.rolled_back(django_db_blocker),
            django_db_blocker.unblock(),
        ):
            started = time.monotonic()
            load_demo_directory()
            loaded = time.monotonic()
            call_command("update_index", stdout=io.StringIO())
            Cluster().refresh()
            indexed = time.monotonic()
            yield {"load_s": loaded - started, "index_s": indexed - loaded}


@pytest.mark.django_db
def test_precision_on_the_public_query_set_is_100_percent(demo_cluster):
    assert isinstance(get_search_backend(), ChineseOpenSearch3SearchBackend)
    started = time.monotonic()
    outcomes = evaluate(load_queries())
    failed = [(o.case.query, o.titles) for o in outcomes if not o.passed]
    print(
        f"osmem precision {precision(outcomes):.1%} ({len(outcomes)} queries, "
        f"{time.monotonic() - started:.1f} s); demo load {demo_cluster['load_s']:.1f} s, "
        f"update_index {demo_cluster['index_s']:.1f} s"
    )
    assert precision(outcomes) == 1.0, failed
