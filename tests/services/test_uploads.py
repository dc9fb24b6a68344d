"""What an upload may contain (home/core/uploads.py): images within a pixel limit and free of
HTML, Office files that do not expand into a zip bomb; and how an attachment leaves the inbox.

The huge images are made header-only: a PNG whose IHDR claims 100,000 × 100,000 pixels is a
few dozen bytes, and no check may decode it.
"""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from services.models import ConsultationRequest
from services.validation import check_attachment

from .helpers import url

pytestmark = pytest.mark.django_db


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def huge_png(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG that claims width × height pixels in a few dozen bytes (one tiny IDAT)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + png_chunk(b"IEND", b"")
    )


def small_image(fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(buffer, fmt)
    return buffer.getvalue()


def office_file(marker: str, members: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        files = {"[Content_Types].xml": b"<Types/>", marker: b"<x/>", **(members or {})}
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def checked(name: str, content: bytes) -> str:
    return check_attachment(SimpleUploadedFile(name, content))


def refused_code(name: str, content: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        checked(name, content)
    return caught.value.code


# --- images --------------------------------------------------------------------------------


def test_an_ordinary_png_and_jpg_are_accepted():
    assert checked("scan.png", small_image("PNG")) == "png"
    assert checked("photo.jpg", small_image("JPEG")) == "jpg"


def test_a_100000_by_100000_png_is_refused_without_decoding_it():
    content = huge_png()
    assert len(content) < 200
    assert refused_code("huge.png", content) == "image_too_many_pixels"


def test_an_image_just_over_the_pixel_limit_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000
    assert refused_code("wide.png", huge_png(2000, 600)) == "image_too_many_pixels"
    assert checked("small.png", small_image()) == "png"


def test_pillow_refuses_a_decompression_bomb_everywhere():
    # settings.PIL.Image.MAX_IMAGE_PIXELS: every decode in the process (renditions included).
    from django.conf import settings

    assert Image.MAX_IMAGE_PIXELS == settings.IMAGE_MAX_PIXELS
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == settings.IMAGE_MAX_PIXELS
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(huge_png()))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("polyglot.png", small_image("PNG") + b"<script>alert(document.cookie)</script>"),
        ("polyglot.jpg", small_image("JPEG") + b"<HTML><body onload=alert(1)>"),
        ("header.png", b"\x89PNG\r\n\x1a\n<!DOCTYPE html><p>hi</p>" + b"\x00" * 64),
        ("gif.png", b"GIF89a<iframe src=//evil.example>"),
    ],
    ids=["png-script", "jpg-html", "png-doctype", "gif-header"],
)
def test_html_behind_an_image_extension_is_refused(name, content):
    assert refused_code(name, content) in {"html_content", "file_type", "file_mismatch"}


def test_a_png_with_html_after_its_pixels_is_refused_as_html():
    content = small_image("PNG") + b"<script>alert(1)</script>"
    assert refused_code("polyglot.png", content) == "html_content"


def test_a_jpg_that_is_really_html_is_refused():
    assert refused_code("photo.jpg", b"<html><script>alert(1)</script></html>") == "file_type"


# --- Office files -----------------------------------------------------------------------------


def test_an_ordinary_docx_and_xlsx_are_accepted():
    body = b"<w:p>" + "专利检索报告".encode() * 200 + b"</w:p>"
    assert checked("a.docx", office_file("word/document.xml", {"word/extra.xml": body})) == "docx"
    assert checked("a.xlsx", office_file("xl/workbook.xml")) == "xlsx"


def test_a_docx_that_expands_past_the_ratio_is_refused():
    # 20 MB of zeros deflate to about 20 KB: a thousand times its size.
    bomb = office_file("word/document.xml", {"word/media/zeros.bin": b"\x00" * 20_000_000})
    assert len(bomb) < 100_000
    assert refused_code("bomb.docx", bomb) == "archive_too_large"


def test_an_xlsx_that_expands_past_the_size_limit_is_refused(settings):
    settings.OFFICE_MAX_UNCOMPRESSED_BYTES = 1_000_000
    settings.OFFICE_MAX_COMPRESSION_RATIO = 10_000
    sheet = office_file("xl/workbook.xml", {"xl/worksheets/sheet1.xml": b"<c/>" * 400_000})
    assert refused_code("big.xlsx", sheet) == "archive_too_large"


def test_a_docx_whose_directory_understates_its_members_is_refused():
    # The sizes in the central directory are rewritten smaller than the data: a bomb that hides
    # its size; its checksum then fails.
    content = bytearray(office_file("word/document.xml", {"word/big.xml": b"a" * 50_000}))
    offset = content.rfind(b"word/big.xml")  # the central directory's entry (the last one)
    entry = content.rfind(b"PK\x01\x02", 0, offset)
    content[entry + 24 : entry + 28] = struct.pack("<I", 100)  # uncompressed size
    assert refused_code("hidden.docx", bytes(content)) in {"archive_invalid"}


# --- through the form ---------------------------------------------------------------------------


def test_the_form_refuses_a_huge_png_and_stores_nothing(client, make_point):
    from .test_asking import valid_data

    make_point(title="广州上传测试网点")
    upload = SimpleUploadedFile("huge.png", huge_png())
    response = client.post("/en/consult/ask/", {**valid_data(), "attachment": upload})
    assert response.status_code == 400
    assert "million pixels" in response.content.decode()
    assert ConsultationRequest.objects.count() == 0


# --- the inbox's download -------------------------------------------------------------------------


def test_the_attachment_is_sandboxed_when_downloaded(points, make_request, client_a):
    request_obj = make_request(
        points[0],
        attachment=ContentFile(b"%PDF-1.4 test", name="report.pdf"),
        attachment_name="report.pdf",
    )
    response = client_a.get(url("attachment", request_obj.pk))
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert policy.split(";")[0].strip() == "sandbox"
    assert "default-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")


# --- Wagtail's image upload ---------------------------------------------------------------------


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("image-editor", "ie@example.com", "x")
    client.force_login(user)
    return client


@pytest.fixture
def collection():
    from wagtail.models import Collection

    return Collection.get_first_root_node().pk


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("polyglot.png", small_image("PNG") + b"<script>alert(1)</script>", "html_content"),
        ("huge.png", huge_png(), "file_too_many_pixels"),
    ],
    ids=["html-polyglot", "100000x100000"],
)
def test_wagtail_refuses_the_image_and_stores_nothing(
    editor_client, home_page, collection, name, content, code
):
    from wagtail.images import get_image_model

    data = {"title": "x", "alt_text": "x", "collection": collection}
    response = editor_client.post(
        "/admin/images/add/", {**data, "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200  # the form again, with its error
    assert [error.code for error in response.context["form"].errors.as_data()["file"]] == [code]
    assert get_image_model().objects.count() == 0


def test_wagtail_accepts_an_ordinary_image(editor_client, home_page, collection):
    from wagtail.images import get_image_model

    upload = SimpleUploadedFile("photo.png", small_image("PNG"))
    response = editor_client.post(
        "/admin/images/add/",
        {"title": "photo", "alt_text": "photo", "collection": collection, "file": upload},
    )
    assert response.status_code == 302, response.context["form"].errors
    assert get_image_model().objects.count() == 1


def test_wagtail_refuses_a_zip_bomb_document(editor_client, home_page, collection):
    from wagtail.documents import get_document_model

    bomb = office_file("word/document.xml", {"word/media/zeros.bin": b"\x00" * 20_000_000})
    response = editor_client.post(
        "/admin/documents/add/",
        {"title": "bomb", "collection": collection, "file": SimpleUploadedFile("bomb.docx", bomb)},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["file"]
    assert "archive_too_large" in [error.code for error in errors]
    assert get_document_model().objects.count() == 0

    fine = office_file("word/document.xml")
    response = editor_client.post(
        "/admin/documents/add/",
        {"title": "ok", "collection": collection, "file": SimpleUploadedFile("ok.docx", fine)},
    )
    assert response.status_code == 302
    assert get_document_model().objects.count() == 1
