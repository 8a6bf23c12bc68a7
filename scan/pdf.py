"""The discussion document of a round: its results as a tagged PDF (PDF/UA-1), for the college's
conversation or the province's talks with a cluster."""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def render_pdf(result, language=None):
    from weasyprint import HTML

    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        html = render_to_string(
            "scan/discussion_pdf.html",
            {"result": result, "language": language, "today": timezone.localdate()},
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        pdf_variant="pdf/ua-1", pdf_identifier=result.round.token[:16].encode()
    )
