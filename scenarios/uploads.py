"""Checks on uploaded images on top of Wagtail's own.

Wagtail refuses an image over ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``, but it counts the pixels
through Willow, which decodes the whole image first. Only Pillow's own bomb limit (about 179
million pixels) stops that early, so a PNG of a few KB that declares, say, 13000 × 13000 pixels
is unpacked into hundreds of MB before being refused. Here the size the file declares in its
header is checked first, so such an image is refused without decoding it. The message is
Wagtail's own (already translated).

Hooked in through ``WAGTAILIMAGES_IMAGE_FORM_BASE``, which every image upload form of the admin
(single, multiple, chooser, replacing a file) is built on.
"""

import warnings

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


def declared_size(image_file):
    """Width and height from the image's header, read by Pillow without decoding any pixels;
    None when Pillow cannot tell (not an image it reads, or over its own bomb limit; Wagtail's
    checks that follow deal with those)."""
    source = image_file.image.f  # the file object Willow identified the format from
    position = source.tell()
    try:
        source.seek(0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(source) as image:  # lazy: reads the header only
                return image.size
    except Exception:  # Pillow raises many kinds of error on odd files; Wagtail judges them
        return None
    finally:
        source.seek(position)


class HeaderCheckedImageField(WagtailImageField):
    """Wagtail's image field, refusing an image whose header declares too many pixels before
    Wagtail decodes it to count them."""

    def check_image_pixel_size(self, f):
        size = declared_size(f) if self.max_image_pixels is not None else None
        if size is not None and size[0] * size[1] > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {"num_pixels": size[0] * size[1], "max_pixels_count": self.max_image_pixels},
                code="file_too_many_pixels",
            )
        super().check_image_pixel_size(f)


class ImageForm(BaseImageForm):
    """Wagtail's image form with ``HeaderCheckedImageField`` for the file."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if type(field) is WagtailImageField:
            # Built anew (not declared on the class) so that it reads the limits from the
            # settings at each request, as Wagtail's own field does.
            self.fields["file"] = HeaderCheckedImageField(
                label=field.label, required=field.required, widget=field.widget
            )
