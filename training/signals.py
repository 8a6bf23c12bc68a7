"""What the player tells the rest of the platform, so that the apps listening (certificates)
depend on training and not the other way round, the way Wagtail's redirects app listens to page
signals.

``attempt_passed`` is sent by ``services.finish_attempt`` inside its transaction when an attempt
passes, with ``attempt`` (finished and scored) and ``module_title`` (as in the revision taken).
Receivers run in that transaction: an error in one rolls the pass back with it, so a pass is
never recorded without what it brings (a certificate).
"""

from django.dispatch import Signal

attempt_passed = Signal()
