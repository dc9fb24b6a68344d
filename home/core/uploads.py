"""Content checks for uploaded files that name them images or Office documents.

Shared by the consultation attachment (services/validation.py) and Wagtail's image upload
(home/core/upload_forms.py). Each check reads only what it
needs: an image's header gives its size without decoding its pixels, an Office file's central
directory gives the sizes its members claim.
"""

import re
import zipfile

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
