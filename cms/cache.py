"""Django's database cache with an atomic ``add`` and ``incr``, so that rate-limit counters in it
are exact under simultaneous requests, as they are in Redis.

Django's own ``incr`` reads the value and writes it back with ``set()``: two requests at the same
moment both read 4 and both write 5, and ``set()`` also moves the expiry to the default timeout.
Its ``add`` over an expired row is a read and an update, so two requests can both "add" the same
counter. Here each runs in one transaction that first takes the row's lock (PostgreSQL) or the
database's write lock (SQLite) and only then reads; ``incr`` leaves the expiry alone, as Redis
INCR keeps a key's time to live.
"""

import base64
import pickle

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import DatabaseError, connections, router, transaction
from django.utils.timezone import now

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
