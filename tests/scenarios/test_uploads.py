"""Images a trainer uploads in the Wagtail admin are validated before anything is stored: a file
over the size limit, an image over the pixel limit, a decompression bomb (a small file that
declares a huge image) and a non-image with an image name are refused with a message, and leave
no Image row and no file behind. These tests post to Wagtail's real upload endpoints, the single
one and the multiple (AJAX) one.

Wagtail's image field refuses all of them with the limits from the settings, but it counts
pixels by decoding the image, so a bomb under Pillow's own limit (about 179 million pixels) was
unpacked in memory first; ``scenarios.uploads`` reads the declared size from the header before that.
"""

import io
import random
import struct
import zlib
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.images.models import Image
from wagtail.images.utils import get_allowed_image_extensions
from wagtail.models import UploadedFile

from scenarios.uploads import HeaderCheckedImageField
from tests.factories import login_with_mfa, make_image

ADD_URL = "/admin/images/add/"
MULTIPLE_ADD_URL = "/admin/images/multiple/add/"


@pytest.fixture
def media_root(settings, tmp_path):
    """An empty MEDIA_ROOT of the test's own, to see what an upload leaves behind."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def trainer_client(client, trainer, media_root):
    login_with_mfa(client, trainer)
    return client


def stored_files(media_root):
    return sorted(path for path in media_root.rglob("*") if path.is_file())


def png_bytes(size, noisy=False):
    """A real PNG; ``noisy`` fills it with random pixels so it compresses poorly (a big file)."""
    if noisy:
        image = PILImage.frombytes("RGB", size, _random_bytes(size[0] * size[1] * 3))
    else:
        image = PILImage.new("RGB", size, (120, 90, 60))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _random_bytes(count):
    return random.Random(1).randbytes(count)


def _png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def bomb_png(width=20_000, height=20_000):
    """A valid single-colour PNG of ``width`` × ``height`` pixels (one bit each) that is only
    a few tens of KB: all-zero rows deflate about a thousandfold. Built row by row with zlib, so
    the test never holds the decoded image (Pillow would need a byte per pixel to draw it)."""
    row = b"\x00" + bytes((width + 7) // 8)  # filter byte "none", then the packed bits
    compressor = zlib.compressobj(9)
    rows_per_piece = 1000
    piece = row * rows_per_piece
    idat = b"".join(compressor.compress(piece) for _ in range(height // rows_per_piece))
    idat += compressor.compress(row * (height % rows_per_piece)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", idat)
        + _png_chunk(b"IEND", b"")
    )


def post_single(client, content, name="upload.png", title="Schuur bij nacht"):
    return client.post(
        ADD_URL, {"title": title, "file": SimpleUploadedFile(name, content, "image/png")}
    )


def post_multiple(client, content, name="upload.png"):
    return client.post(
        MULTIPLE_ADD_URL,
        {"files[]": SimpleUploadedFile(name, content, "image/png")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )


def refusal_of_single(response):
    """The form error on the file field of the single upload page, checked to be on the page."""
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"file"}
    (error,) = response.context["form"].errors.as_data()["file"]
    (message,) = response.context["form"].errors["file"]
    assert str(message) in response.content.decode()
    return error.code, str(message)


def refusal_of_multiple(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["success"] is False, data
    assert "image_id" not in data and "uploaded_file_id" not in data
    return data["error_message"]


UPLOADS = [
    pytest.param(post_single, id="single"),
    pytest.param(post_multiple, id="multiple"),
]


def message_of(post, response):
    if post is post_single:
        return refusal_of_single(response)[1]
    return refusal_of_multiple(response)


@pytest.fixture
def nothing_stored(media_root, db):
    images, uploads = Image.objects.count(), UploadedFile.objects.count()
    yield
    assert Image.objects.count() == images
    assert UploadedFile.objects.count() == uploads
    assert stored_files(media_root) == []


# -- accepted ---------------------------------------------------------------------------------


@pytest.mark.parametrize("post", UPLOADS)
def test_a_small_valid_png_is_accepted(trainer_client, media_root, post):
    response = post(trainer_client, png_bytes((80, 60)), name="schuur.png")
    if post is post_single:
        assert response.status_code == 302  # back to the image listing
    else:
        assert response.status_code == 200 and response.json()["success"] is True
    image = Image.objects.get()
    assert (image.width, image.height) == (80, 60)
    assert image.title == ("Schuur bij nacht" if post is post_single else "schuur.png")
    assert any(path.name.startswith("schuur") for path in stored_files(media_root))


# -- refused ----------------------------------------------------------------------------------
# The admin speaks Dutch here (LANGUAGE_CODE "nl"); the messages are Wagtail's own, translated.


@pytest.mark.parametrize("post", UPLOADS)
def test_a_file_over_the_size_limit_is_refused(trainer_client, settings, nothing_stored, post):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 50 * 1024
    content = png_bytes((200, 200), noisy=True)
    assert len(content) > 50 * 1024
    response = post(trainer_client, content)
    if post is post_single:
        assert refusal_of_single(response)[0] == "file_too_large"
    message = message_of(post, response)
    assert "Dit bestand is te groot" in message, message
    assert "maximale bestandsgrootte is 50,0\xa0KB" in message, message


@pytest.mark.parametrize("post", UPLOADS)
def test_an_image_over_the_pixel_limit_is_refused(trainer_client, settings, nothing_stored, post):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 10_000
    response = post(trainer_client, png_bytes((200, 200)))
    if post is post_single:
        assert refusal_of_single(response)[0] == "file_too_many_pixels"
    message = message_of(post, response)
    assert "Deze afbeelding bevat teveel pixels (40000)" in message, message
    assert "maximum aantal toegestane pixels is 10000" in message, message


@pytest.mark.parametrize("post", UPLOADS)
@pytest.mark.parametrize(
    ("width", "height", "pixels_in_message"),
    [
        # 400 million pixels: over twice Pillow's own limit (about 89 million), so Pillow
        # refuses to read further than the header and Wagtail reports an unknown number.
        pytest.param(20_000, 20_000, "onbekend getal", id="20000x20000"),
        # 169 million pixels: over Pillow's warning limit, under its error limit. Wagtail alone
        # decoded this 20 KB file into some 170 MB (in Pillow's mode "1"; RGBA would be 4×).
        pytest.param(13_000, 13_000, "169000000", id="13000x13000"),
        # 42 million pixels: under Pillow's limit, over ours (40 million): Wagtail's own check.
        pytest.param(7_000, 6_000, "42000000", id="7000x6000"),
    ],
)
def test_a_decompression_bomb_is_refused_without_decoding_it(
    trainer_client, nothing_stored, post, width, height, pixels_in_message
):
    content = bomb_png(width, height)
    # a tiny file, well under the configured size limit, over the configured pixel limit
    assert len(content) < 100 * 1024 < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert struct.unpack(">II", content[16:24]) == (width, height)
    assert width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000

    original_load = ImageFile.ImageFile.load
    with mock.patch.object(
        ImageFile.ImageFile, "load", autospec=True, side_effect=original_load
    ) as load:
        response = post(trainer_client, content)
        assert not load.called  # only the header was read: no pixel data was decoded
        PILImage.open(io.BytesIO(png_bytes((4, 4)))).load()
        assert load.called  # (and the spy does see decoding when it happens)

    if post is post_single:
        assert refusal_of_single(response)[0] == "file_too_many_pixels"
    message = message_of(post, response)
    assert f"Deze afbeelding bevat teveel pixels ({pixels_in_message})" in message, message
    assert "maximum aantal toegestane pixels is 40000000" in message, message


HTML = b"<html><script>alert(1)</script></html>"


@pytest.mark.parametrize("post", UPLOADS)
def test_html_named_png_is_refused(trainer_client, nothing_stored, post):
    response = post(trainer_client, HTML, name="foto.png")
    # Willow takes markup for SVG; an SVG is not what the .png name says, so it is refused.
    if post is post_single:
        assert refusal_of_single(response)[0] == "invalid_image_known_format"
    message = message_of(post, response)
    assert "Geen geldige .png afbeelding" in message, message


@pytest.mark.parametrize("post", UPLOADS)
def test_html_named_svg_is_refused(trainer_client, nothing_stored, post):
    """SVG (which can carry script) is not among the accepted formats at all."""
    assert "svg" not in get_allowed_image_extensions()
    response = post(trainer_client, HTML, name="foto.svg")
    if post is post_single:
        assert refusal_of_single(response)[0] == "invalid_image_extension"
    message = message_of(post, response)
    assert "Geen ondersteund afbeeldingsformaat" in message, message


# -- the header check of scenarios.uploads ---------------------------------------------------


def test_the_upload_forms_use_the_header_checked_field(trainer_client):
    assert settings.WAGTAILIMAGES_IMAGE_FORM_BASE == "scenarios.uploads.ImageForm"
    response = trainer_client.get(ADD_URL)
    field = response.context["form"].fields["file"]
    assert isinstance(field, HeaderCheckedImageField)
    assert field.max_image_pixels == 40_000_000 and field.max_upload_size == 10 * 1024 * 1024
    html = response.content.decode()
    assert 'data-w-sync-target-value="#id_title"' in html  # Wagtail's widget set-up is kept

    # replacing the file of an existing image goes through the same form
    response = trainer_client.get(f"/admin/images/{make_image().pk}/")
    assert response.status_code == 200
    assert isinstance(response.context["form"].fields["file"], HeaderCheckedImageField)


@pytest.mark.parametrize("post", UPLOADS)
def test_uploads_kept_in_a_temporary_file_are_checked_the_same(
    trainer_client, settings, media_root, post
):
    """Django keeps large uploads in a temporary file rather than in memory."""
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    images = Image.objects.count()
    original_load = ImageFile.ImageFile.load
    with mock.patch.object(
        ImageFile.ImageFile, "load", autospec=True, side_effect=original_load
    ) as load:
        response = post(trainer_client, bomb_png(7_000, 6_000))
        assert not load.called
    assert "teveel pixels (42000000)" in message_of(post, response)
    assert Image.objects.count() == images and stored_files(media_root) == []

    response = post(trainer_client, png_bytes((80, 60)), name="schuur.png")
    assert response.status_code in (200, 302)
    assert Image.objects.count() == images + 1
