"""Uploaded images, made safe to serve: decoded, checked, resized and encoded again by Pillow.

Nothing of the uploaded file survives but its pixels: no EXIF (a phone's photo carries the place
and time it was taken, and the camera's serial number), no comments, no other chunks, no
polyglot tricks. The output is a JPEG, or a PNG when the image has transparency, under a random
name, so the address of a draft's image cannot be guessed.
"""

import io
import secrets
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = frozenset({"JPEG", "PNG", "WEBP", "GIF"})


def image_normalize(upload: File[bytes], *, max_side: int) -> ContentFile[bytes]:
    """Decode `upload` and return it re-encoded to fit in a square of `max_side` pixels.

    Raises ValidationError for a file that is too large, not an image, in a format we do not
    take, or so many pixels that decoding it would exhaust memory.
    """
    if upload.size > settings.AWAZ_IMAGE_MAX_BYTES:
        raise ValidationError(
            _("This file is too large: at most %(size)s.")
            % {"size": filesizeformat(settings.AWAZ_IMAGE_MAX_BYTES)},
            code="image_file_too_large",
        )
    too_many_pixels = ValidationError(
        _("This image is too large: at most %(pixels)s million pixels.")
        % {"pixels": settings.AWAZ_IMAGE_MAX_PIXELS // 1_000_000},
        code="image_too_many_pixels",
    )
    not_an_image = ValidationError(
        _("This file is not an image we can use: upload a JPEG, PNG, WebP or GIF picture."),
        code="not_an_image",
    )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload, formats=sorted(ACCEPTED_FORMATS))
            # The header alone gives the size: refuse before any pixel is decoded.
            width, height = image.size
            if width * height > settings.AWAZ_IMAGE_MAX_PIXELS:
                raise too_many_pixels
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise too_many_pixels from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise not_an_image from None
    return _encoded(image, max_side=max_side)


def _encoded(image: Image.Image, *, max_side: int) -> ContentFile[bytes]:
    image = ImageOps.exif_transpose(image)  # keep the orientation the EXIF asked for, then drop it
    image.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    transparent = image.mode in {"RGBA", "LA", "PA"} or (
        image.mode == "P" and "transparency" in image.info
    )
    buffer = io.BytesIO()
    if transparent:
        image.convert("RGBA").save(buffer, format="PNG", optimize=True)
        extension = "png"
    else:
        image.convert("RGB").save(buffer, format="JPEG", quality=85, optimize=True)
        extension = "jpg"
    return ContentFile(buffer.getvalue(), name=f"{secrets.token_urlsafe(16)}.{extension}")
