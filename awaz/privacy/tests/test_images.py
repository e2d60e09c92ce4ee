import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from awaz.privacy.images import image_normalize
from tests.organizers import image_bytes


def normalized(data: bytes, *, max_side: int = 1600) -> Image.Image:
    result = image_normalize(SimpleUploadedFile("x", data), max_side=max_side)
    return Image.open(io.BytesIO(result.read()))


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that claims enormous dimensions: a decompression bomb's first bytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 16))


def test_exif_and_its_location_are_gone_from_an_uploaded_photo():
    original = Image.open(io.BytesIO(image_bytes(exif=True)))
    assert original.getexif()  # the camera wrote where and when
    image = normalized(image_bytes(exif=True))
    assert dict(image.getexif()) == {}
    assert "exif" not in image.info
    assert image.format == "JPEG"


def test_a_large_photo_is_resized_to_fit():
    image = normalized(image_bytes(size=(4000, 1000)), max_side=1600)
    assert image.size == (1600, 400)


def test_a_transparent_png_stays_a_png():
    image = normalized(image_bytes(format="PNG", mode="RGBA", size=(50, 50)))
    assert (image.format, image.mode) == ("PNG", "RGBA")


def test_webp_and_gif_are_accepted():
    assert normalized(image_bytes(format="WEBP")).format == "JPEG"
    assert normalized(image_bytes(format="GIF", mode="P")).format in {"JPEG", "PNG"}


@pytest.mark.parametrize(
    "data",
    [
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
        b"%PDF-1.4\n",
        b"GIF89a<script>alert(1)</script>",
        b"",
    ],
)
def test_a_file_that_is_not_an_image_is_refused(data):
    with pytest.raises(ValidationError, match="not an image"):
        normalized(data)


def test_an_image_claiming_too_many_pixels_is_refused_before_decoding():
    with pytest.raises(ValidationError, match="too large"):
        normalized(png_header_only(30_000, 30_000))
    with pytest.raises(ValidationError, match="too large"):
        normalized(png_header_only(10_000, 9_000))  # above Pillow's own bomb warning
    with pytest.raises(ValidationError, match="too large"):
        normalized(png_header_only(8_000, 6_000))  # above ours only


def test_a_file_larger_than_the_limit_is_refused(settings):
    settings.AWAZ_IMAGE_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="too large"):
        normalized(image_bytes(size=(400, 400)) + b"\0" * 2048)


def test_every_upload_gets_a_new_random_name():
    first = image_normalize(SimpleUploadedFile("me.jpg", image_bytes()), max_side=100)
    second = image_normalize(SimpleUploadedFile("me.jpg", image_bytes()), max_side=100)
    assert first.name != second.name
    assert "me" not in str(first.name)
