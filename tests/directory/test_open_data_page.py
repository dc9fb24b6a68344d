"""/open-data/: the licence, the data date and the two downloads, served from the stored build."""

import datetime
import gzip
import io
import json
import zipfile

import pytest
from django.utils import timezone

from directory.hsds import jobs, store

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def built(make_point):
    make_point(title="广州测试图书馆", offerings=[("B03", "basic", "free")])
    return jobs.build()


def test_english_page_shows_licence_date_sizes_and_both_links(client, built):
    response = client.get("/en/open-data/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Creative Commons Attribution 4.0" in html
    assert "https://creativecommons.org/licenses/by/4.0/" in html
    assert "https://creativecommons.org/licenses/by-sa/4.0/" in html  # HSDS's own licence
    created = timezone.localtime(built.created)
    assert f'datetime="{created.isoformat()}"' in html
    assert created.strftime("%Y-%m-%d %H:%M") in html
    assert 'href="/en/open-data/hsds-datapackage.json"' in html
    assert 'href="/en/open-data/hsds-csv.zip"' in html
    assert built.files["zip"]["sha256"] in html
    assert 'id="profile"' in html and "recognition_date" in html


def test_chinese_page_has_both_links(client, built):
    response = client.get("/open-data/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="zh-Hans"' in html
    assert 'id="download-json" href="/open-data/hsds-datapackage.json"' in html
    assert 'id="download-zip" href="/open-data/hsds-csv.zip"' in html


def test_downloads_answer_with_their_content_types(client, built):
    json_response = client.get("/open-data/hsds-datapackage.json")
    zip_response = client.get("/open-data/hsds-csv.zip")

    assert json_response.status_code == 200
    assert json_response["Content-Type"] == "application/json"
    assert "attachment" in json_response["Content-Disposition"]
    package = json.loads(b"".join(json_response.streaming_content))
    assert package["profile"] == "tabular-data-package"
    assert zip_response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(zip_response.streaming_content)))
    assert "organizations.csv" in archive.namelist()
    assert "datapackage.json" in archive.namelist()


def test_clients_that_accept_gzip_get_the_json_compressed(client, built):
    response = client.get("/open-data/hsds-datapackage.json", HTTP_ACCEPT_ENCODING="gzip, br")

    assert response["Content-Encoding"] == "gzip"
    assert response["Content-Type"] == "application/json"
    assert "Accept-Encoding" in response["Vary"]
    package = json.loads(gzip.decompress(b"".join(response.streaming_content)))
    assert package["name"] == "ipsn-hsds"


def test_a_consumer_that_has_the_current_build_gets_304(client, built):
    etag = client.get("/open-data/hsds-csv.zip")["ETag"]

    assert client.get("/open-data/hsds-csv.zip", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_new_build_shows_on_the_cached_page(client, built):
    client.get("/en/open-data/")
    assert client.get("/en/open-data/")["X-Wagtail-Cache"] == "hit"

    later = timezone.now() + datetime.timedelta(days=1)
    jobs.build(later)

    html = client.get("/en/open-data/").content.decode()
    assert timezone.localtime(later).strftime("%Y-%m-%d %H:%M") in html


def test_without_a_build_the_page_queues_one_and_downloads_are_404(client, make_point, settings):
    make_point(title="广州测试图书馆")
    assert client.get("/open-data/hsds-csv.zip").status_code == 404
    assert store.current_build() is None

    response = client.get("/en/open-data/")

    # Tests run background tasks at once; in production the worker builds it.
    assert response.status_code == 200
    assert store.current_build() is not None
    assert client.get("/open-data/hsds-csv.zip").status_code == 200


def test_only_get_and_head(client, built):
    assert client.post("/open-data/").status_code == 405
    assert client.head("/open-data/hsds-csv.zip").status_code == 200
