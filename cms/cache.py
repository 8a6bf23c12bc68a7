"""The shared caches of the platform.

``DatabaseCache``: Django's database cache with an atomic ``add`` and ``incr``, so that
rate-limit counters in it are exact under simultaneous requests, as they are in Redis.

Django's own ``incr`` reads the value and writes it back with ``set()``: two requests at the same
moment both read 4 and both write 5, and ``set()`` also moves the expiry to the default timeout.
Its ``add`` over an expired row is a read and an update, so two requests can both "add" the same
counter. Here each runs in one transaction that first takes the row's lock (PostgreSQL) or the
database's write lock (SQLite) and only then reads; ``incr`` leaves the expiry alone, as Redis
INCR keeps a key's time to live.

``RedisCache``: Django's Redis cache, failing open with a logged warning when Redis is down.
"""

import base64
import logging
import pickle
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.db import DatabaseError, connections, router, transaction
from django.utils.timezone import now
from redis import exceptions as redis_exceptions

# The SQL of add and incr; {names} are quoted identifiers, every value is a parameter.
STATEMENTS = {
    # Deleting an expired row locks it (PostgreSQL: the row; SQLite: the database).
    "delete_expired": "DELETE FROM {table} WHERE {key} = %s AND {expires} < %s",
    # A no-op update of a live row takes the same lock before anything is read.
    "lock_live": "UPDATE {table} SET {expires} = {expires} WHERE {key} = %s AND {expires} >= %s",
    "exists": "SELECT 1 FROM {table} WHERE {key} = %s",
    "read": "SELECT {value} FROM {table} WHERE {key} = %s",
    "write": "UPDATE {table} SET {value} = %s WHERE {key} = %s",
}


class DatabaseCache(DjangoDatabaseCache):
    def _statements(self, connection):
        name = connection.ops.quote_name
        names = {
            "table": name(self._table),  # from the settings, not from a request
            "key": name("cache_key"),
            "value": name("value"),
            "expires": name("expires"),
        }
        return {kind: text.format(**names) for kind, text in STATEMENTS.items()}

    def _connection(self):
        db = router.db_for_write(self.cache_model_class)
        return db, connections[db]

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        db, connection = self._connection()
        sql = self._statements(connection)
        made_key = self.make_and_validate_key(key, version=version)
        try:
            with transaction.atomic(using=db), connection.cursor() as cursor:
                # Deleting an expired row locks it: a second add waits here, then finds the row
                # the first one inserted and fails on the unique key instead of overwriting it.
                cursor.execute(
                    sql["delete_expired"],
                    [made_key, connection.ops.adapt_datetimefield_value(now())],
                )
                # What's left is live: not added. That is every request of a rate-limit window
                # but its first, so this read saves Django's count, insert and savepoints.
                cursor.execute(sql["exists"], [made_key])
                if cursor.fetchone() is not None:
                    return False
                return super().add(key, value, timeout, version)
        except DatabaseError:  # as Django's add: a write that fails is "not added"
            return False

    def incr(self, key, delta=1, version=None):
        db, connection = self._connection()
        sql = self._statements(connection)
        made_key = self.make_and_validate_key(key, version=version)
        with transaction.atomic(using=db), connection.cursor() as cursor:
            # A no-op update takes the lock before the read: simultaneous increments queue here.
            cursor.execute(
                sql["lock_live"], [made_key, connection.ops.adapt_datetimefield_value(now())]
            )
            if cursor.rowcount == 0:
                raise ValueError(f"Key '{key}' not found")
            cursor.execute(sql["read"], [made_key])
            stored = connection.ops.process_clob(cursor.fetchone()[0])
            # The value was pickled by this cache, as Django's own get() unpickles it.
            value = pickle.loads(base64.b64decode(stored.encode(), validate=True))  # noqa: S301
            new_value = value + delta
            pickled = base64.b64encode(pickle.dumps(new_value, self.pickle_protocol)).decode()
            # Only the value: the expiry stays where add() put it (Redis INCR keeps the TTL too).
            cursor.execute(sql["write"], [pickled, made_key])
        return new_value


# -- Redis that fails open -------------------------------------------------------------------------

logger = logging.getLogger(__name__)

# Per Redis location, in this process: until when the cache is taken to be down (monotonic
# seconds), so that a request does not wait for a dead server on each of its cache calls.
_DOWN_UNTIL = {}
_DOWN_LOCK = threading.Lock()


class RedisCache(DjangoRedisCache):
    """Django's Redis cache, failing open: when Redis does not answer (refused, timed out, gone
    mid-command), a read is a miss, a write is dropped, ``add`` adds nothing and ``incr`` finds
    no counter, and a warning is logged, instead of a 500 on every page (Wagtail reads its site
    root paths from the cache on each request).

    What the platform keeps in the cache is disposable: rate-limit counters, which count nothing
    while Redis is down (with ``RATELIMIT_FAIL_OPEN`` django-ratelimit then lets the request
    through, as ``certificates.views`` does with its own count), and Wagtail's cached lookups,
    which are read from the database instead. Sessions are in the database, never in Redis
    alone, so nobody is logged out.

    After a failure the cache is not asked for ``OPTIONS["RETRY_AFTER"]`` seconds (default 5):
    a server that is down costs one refused connection (bounded by ``socket_connect_timeout``)
    per process and period, not one per cache call. One warning is logged per period while it
    lasts, and one message when Redis answers again.
    """

    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", 5))
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._location = server if isinstance(server, str) else ",".join(server)

    def _failed(self, operation, error):
        now_ = time.monotonic()
        with _DOWN_LOCK:
            was_down = self._location in _DOWN_UNTIL
            _DOWN_UNTIL[self._location] = now_ + self.retry_after
        logger.warning(
            "Redis cache unavailable (%s during %s): %s; the cache is skipped for %g s, rate "
            "limits are not counted meanwhile",
            type(error).__name__,
            operation,
            error,
            self.retry_after,
            extra={"event": "cache_unavailable", "still_down": was_down},
        )

    def _call(self, operation, fallback, *args, **kwargs):
        down_until = _DOWN_UNTIL.get(self._location)
        if down_until is not None and time.monotonic() < down_until:
            return fallback()
        try:
            result = getattr(super(), operation)(*args, **kwargs)
        except (redis_exceptions.ConnectionError, redis_exceptions.TimeoutError) as error:
            self._failed(operation, error)
            return fallback()
        if down_until is not None:
            with _DOWN_LOCK:
                back = _DOWN_UNTIL.pop(self._location, None) is not None
            if back:
                logger.warning(
                    "Redis cache answers again; rate limits count again",
                    extra={"event": "cache_recovered"},
                )
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", lambda: False, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", lambda: None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", lambda: False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", lambda: False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", dict, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", lambda: False, key, version)

    def incr(self, key, delta=1, version=None):
        def not_found():
            # As for a counter that is not there: callers (django-ratelimit, the certificate
            # lookup count) treat it as "not counted".
            raise ValueError(f"Key '{key}' not found (the cache is unavailable)")

        return self._call("incr", not_found, key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", lambda: None, keys, version)

    def clear(self):
        return self._call("clear", lambda: False)
