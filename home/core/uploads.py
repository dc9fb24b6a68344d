"""Content checks for uploaded files that name them images or Office documents.

Shared by the consultation attachment (services/validation.py) and Wagtail's image upload
(home/core/upload_forms.py). Each check reads only what it
needs: an image's header gives its size without decoding its pixels, an Office file's central
directory gives the sizes its members claim.
"""

import re
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# What makes a browser (or a careless viewer) take a file for HTML: a tag that runs or frames
# content, anywhere in the file, since sniffers and polyglots do not keep to the first bytes.
# The tag must be followed by a space, "/" or ">" so that chance bytes of compressed pixel data
# almost never match.
HTML_MARKUP = re.compile(
    rb"<(?:script|html|head|body|iframe|frame|object|embed|svg|meta|link|style|form|base)[\s/>]"
    rb"|<!doctype\s+html|javascript:",
    re.IGNORECASE,
)
CHUNK = 1024 * 1024


def _read_chunks(upload):
    """The file's bytes in overlapping chunks, so a marker across a boundary is still seen."""
    upload.seek(0)
    tail = b""
    while chunk := upload.read(CHUNK):
        yield tail + chunk
        tail = chunk[-32:]
    upload.seek(0)


def check_no_html(upload) -> None:
    """Refuse a file that carries HTML or script markup (an HTML polyglot behind an image)."""
    for chunk in _read_chunks(upload):
        if HTML_MARKUP.search(chunk):
            upload.seek(0)
            raise ValidationError(
                _("The file contains web page code (HTML or script) and is not accepted."),
                code="html_content",
            )


def check_image_pixels(upload) -> None:
    """Refuse an image whose header is unreadable or claims more than IMAGE_MAX_PIXELS.

    Only the header is read: a 100,000 × 100,000 PNG of a few hundred bytes is refused without
    allocating its 30 GB of pixels.
    """
    limit = settings.IMAGE_MAX_PIXELS
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            width, height = image.size
            image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        width = height = None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(_("The image cannot be read."), code="image_invalid") from exc
    finally:
        upload.seek(0)
    if width is None or width * height > limit:
        raise ValidationError(
            _("The image is too large: images up to %(limit)s million pixels are accepted.")
            % {"limit": limit // 1_000_000},
            code="image_too_many_pixels",
        )


def check_office_archive(upload) -> None:
    """Refuse an Office file (a zip) that expands past OFFICE_MAX_UNCOMPRESSED_BYTES, or past
    OFFICE_MAX_COMPRESSION_RATIO times its size, or whose members do not match their checksums
    (a zip bomb whose directory under-states its sizes fails there)."""
    max_bytes = settings.OFFICE_MAX_UNCOMPRESSED_BYTES
    max_ratio = settings.OFFICE_MAX_COMPRESSION_RATIO
    refused = ValidationError(
        _("The document expands to more than %(limit)s when opened and is not accepted.")
        % {"limit": filesizeformat(max_bytes)},
        code="archive_too_large",
    )
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            if len(members) > settings.OFFICE_MAX_MEMBERS:
                raise refused
            expanded = sum(member.file_size for member in members)
            compressed = sum(member.compress_size for member in members)
            if expanded > max_bytes or expanded > max_ratio * max(compressed, 1):
                raise refused
            # Reads every member (at most max_bytes in all, as checked above) and checks its CRC.
            if archive.testzip() is not None:
                raise ValidationError(_("The document is damaged."), code="archive_invalid")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise ValidationError(_("The document is damaged."), code="archive_invalid") from exc
    finally:
        upload.seek(0)


# Office Open XML formats, told apart by a member only that format has.
OFFICE_MARKERS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
IMAGE_TYPES = frozenset({"png", "jpg"})


def detect_type(upload, office_types=("docx", "xlsx")) -> str | None:
    """pdf, png, jpg or one of `office_types`, read from the content; None for anything else.

    Old binary .doc/.xls files are not recognised: their content cannot be checked like the
    zip-based formats."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind and kind.extension in {"pdf", "png", "jpg"}:
        return kind.extension
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                names = set(archive.namelist())
        except zipfile.BadZipFile:
            return None
        finally:
            upload.seek(0)
        for extension in office_types:
            if OFFICE_MARKERS[extension] in names and "[Content_Types].xml" in names:
                return extension
    return None


def check_document_upload(upload, *, max_bytes: int, office_types, type_error) -> str:
    """The upload's real type, or a translated ValidationError: size, type by content (not by
    the name the browser sends), a name that matches it, then the content beyond the type (an
    image within the pixel limit and free of HTML, an Office file that is not a zip bomb).

    Shared by the consultation attachment, application proofs and summary attachments, which
    differ only in size limit, the Office formats they take and how they say what they accept.
    """
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is %(size)s; files up to %(limit)s are accepted.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
            code="too_large",
        )
    detected = detect_type(upload, office_types)
    if detected is None:
        raise ValidationError(type_error, code="file_type")
    claimed = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
    claimed = "jpg" if claimed == "jpeg" else claimed
    if claimed != detected:
        raise ValidationError(
            _("The file's content does not match its name (.%(claimed)s).") % {"claimed": claimed},
            code="file_mismatch",
        )
    if detected in IMAGE_TYPES:
        check_no_html(upload)
        check_image_pixels(upload)
    elif detected in OFFICE_MARKERS:
        check_office_archive(upload)
    return detected
