"""The picture for the hotspot drawing tool in the page editor: a rendition of the chosen image,
for people who may choose images."""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry


@require_GET
def hotspot_image(request, image_id):
    """URL and size of a rendition of the image, as JSON. Admin URLs require a logged-in user
    with admin access; choosing images is checked here."""
    policy = policy_registry.get_by_type(get_image_model())
    if not policy.user_has_any_permission(request.user, ["choose", "add", "change"]):
        raise Http404
    image = get_object_or_404(get_image_model(), pk=image_id)
    rendition = image.get_rendition("max-1000x1000")
    return JsonResponse(
        {"url": rendition.url, "width": rendition.width, "height": rendition.height}
    )
