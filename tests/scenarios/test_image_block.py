"""A content image in the editor: Dutch labels and a hint for the alt text (the browser test in
tests/e2e/test_trainer_editor.py checks that choosing an image leaves the alt text empty)."""

from django.utils import translation
from wagtail.admin.telepath import JSContext

from scenarios.blocks import HotspotBlock, SceneBlock


def test_the_image_chooser_and_alt_text_are_labelled_in_dutch_with_a_hint():
    image_block = SceneBlock().child_blocks["image"]
    with translation.override("nl"):
        assert str(image_block.child_blocks["image"].label) == "Afbeelding"
        assert str(image_block.child_blocks["alt_text"].label) == "Alt-tekst"
        hint = str(image_block.child_blocks["alt_text"].field.help_text)
    assert "De titel van de afbeelding is geen beschrijving" in hint


def test_the_editor_gets_the_image_block_that_does_not_copy_the_title():
    packed = JSContext().pack(HotspotBlock().child_blocks["image"])
    assert packed["_type"] == "scenarios.blocks.ContentImageBlock"
