"""The server-error page, and the one case it tells apart: the database did not answer.

While PostgreSQL restarts or a connection is cut, a request fails with ``OperationalError`` (or
``InterfaceError``). Nothing was changed then (each change is one transaction), so the answer is
503 with ``Retry-After``: a browser's retry, a load balancer and the load test's client see "try
again", not a bug. The next request connects anew (``CONN_HEALTH_CHECKS`` in the settings), so
the app recovers without a restart. Every other error stays a 500. Django logs both, with the
traceback, as it does for any unhandled error.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

RETRY_AFTER_SECONDS = 5


def database_unavailable(exception):
    return isinstance(exception, (OperationalError, InterfaceError))


@requires_csrf_token
def server_error(request, template_name="500.html"):
    if database_unavailable(sys.exc_info()[1]):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return django_server_error(request, template_name)
