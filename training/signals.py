"""What the player tells the rest of the platform, so that the apps listening (certificates)
depend on training and not the other way round, the way Wagtail's redirects app listens to page
signals.

``attempt_passed`` is sent by ``services.finish_attempt`` inside its transaction when an attempt
passes, with ``attempt`` (finished and scored) and ``module_title`` (as in the revision taken).
Receivers run in that transaction: an error in one rolls the pass back with it, so a pass is
never recorded without what it brings (a certificate).

The learning-record signals (the xAPI statements of ``xapi`` listen) are sent inside the
transaction that makes the change, once per change (a resumed attempt or a resubmitted answer
sends nothing):

- ``attempt_started``: ``attempt``, just created (``services.start_attempt``);
- ``response_recorded``: ``response``, just stored (``services.record_response``);
- ``attempt_finished``: ``attempt``, finished and scored, passed or not
  (``services.finish_attempt``).

Receivers must stay cheap (a row or two): they run while the learner waits.
"""

from django.dispatch import Signal

attempt_passed = Signal()
attempt_started = Signal()
response_recorded = Signal()
attempt_finished = Signal()
