"""search_precision: the evaluation command on a small directory.

The precision on the demo data is checked in tests/directory/test_demo_site.py, which loads the
demo once for its tests.
"""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from directory.precision import EVAL_QUERIES, evaluate, load_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_directory(make_point):
    make_point(title="广州专利导航服务中心", offerings=(("P03", "professional", "negotiable"),))
    make_point(
        title="深圳专利导航工作站",
        city="440300",
        offerings=(("P03", "professional", "negotiable"), ("B03", "basic", "free")),
    )
    make_point(
        title="专利导航研究会",
        description="<p>研究专利导航方法。</p>",
        offerings=(("B01", "basic", "free"),),
    )


def write_queries(tmp_path, rows: str):
    path = tmp_path / "queries.csv"
    path.write_text("query,expect,kind\n" + rows, encoding="utf-8")
    return path


def run(*args) -> str:
    out = io.StringIO()
    call_command("search_precision", *args, stdout=out)
    return out.getvalue()


def test_the_eval_set_is_part_of_the_project():
    cases = load_queries()
    assert EVAL_QUERIES.is_relative_to(EVAL_QUERIES.parents[2])
    assert {case.kind for case in cases} == {"name", "service"}


def test_report_lists_each_query_and_the_precision(small_directory, tmp_path):
    path = write_queries(tmp_path, "深圳 导航,深圳专利导航工作站,name\n广州,不存在的网点,name\n")
    output = run("--queries", str(path))
    assert "PASS  [name] 深圳 导航" in output
    assert "FAIL  [name] 广州" in output
    assert output.rstrip().endswith("precision: 1/2 = 50.0%")


def test_service_queries_need_every_top_result_to_offer_it(small_directory, tmp_path):
    # 专利导航研究会 mentions the service but does not offer it.
    path = write_queries(tmp_path, "专利导航,专利导航,service\n")
    outcomes = evaluate(load_queries(path))
    assert len(outcomes[0].titles) == 3
    assert not outcomes[0].passed


def test_min_fails_below_the_threshold(small_directory, tmp_path):
    path = write_queries(tmp_path, "广州,广州专利导航服务中心,name\n广州,不存在的网点,name\n")
    run("--queries", str(path), "--min", "0.5")
    run("--queries", str(path), "--min", "50")
    with pytest.raises(CommandError, match="below the minimum"):
        run("--queries", str(path), "--min", "0.9")
