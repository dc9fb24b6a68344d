"""The directory listing's query count does not grow with its results (no HTTP).

Apart from tests/directory/test_listing.py, whose points are shared by every test there: this
test counts the points it makes itself.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.filters import parse_directory_query
from directory.listing import run_directory_query

pytestmark = pytest.mark.django_db

NEAR_GUANGZHOU = "23.129,113.264"


def test_query_count_does_not_grow_with_results(make_point):
    for i in range(3):
        make_point(
            title=f"少量网点{i}",
            offerings=(("B03", "basic", "free"), ("P03", "professional", "negotiable")),
            qualifications=("tisc",),
        )
    # Each first query also rebuilds the facts after the publishes and fills the reference-data
    # cache (vocabulary names): not what is counted here.
    run_directory_query(parse_directory_query({"near": NEAR_GUANGZHOU}))
    with CaptureQueriesContext(connection) as few:
        run_directory_query(parse_directory_query({"near": NEAR_GUANGZHOU}))
    for i in range(12):
        make_point(
            title=f"更多网点{i}",
            city="440300",
            offerings=(
                ("B03", "basic", "free"),
                ("P03", "professional", "negotiable"),
                ("V04", "value_added", "negotiable"),
            ),
            qualifications=("tisc", "university_center"),
        )
    run_directory_query(parse_directory_query({"near": NEAR_GUANGZHOU}))  # the facts, rebuilt
    with CaptureQueriesContext(connection) as many:
        result = run_directory_query(parse_directory_query({"near": NEAR_GUANGZHOU}))
    assert result.total == 15
    assert len(many) == len(few)
