"""The order in which a learner sees a step's options, ordering items and hotspot labels.

Authored order gives answers away (trainers tend to write the best option first), and an order
derived from anything the learner can see (attempt id, step id, option ids) can be recomputed.
So every shown order is a keyed permutation: the ids sorted by HMAC-SHA256 under a key that
only the server knows (``training`` makes one per attempt and step from a random seed stored on
the attempt). The same key always gives the same order, so a reload, the feedback and the
result page show the options where the learner first saw them; without the key, every order is
equally likely.

Each step block says what it lists (``presentation_order``); these are the pure functions it
uses. No database, no settings.
"""

import hashlib
import hmac

from .scoring import correct_order


def keyed_order(ids, key):
    """``ids`` in an order fixed by ``key`` and unpredictable without it."""
    secret = key.encode()
    return sorted(
        ids, key=lambda item_id: hmac.new(secret, str(item_id).encode(), hashlib.sha256).digest()
    )


def ordering_start(value, key):
    """An ordering question's items as the learner first sees them: keyed, and never already in
    the correct order (that would be a free answer), by moving the first item to the end."""
    correct = correct_order(value)
    order = keyed_order(correct, key)
    if order == correct and len(order) > 1:
        order = order[1:] + order[:1]
    return order


def arranged(children, order):
    """``children`` (bound list items with an ``id``) in ``order``; any child the order does not
    name (there should be none) keeps its place after those it does."""
    position = {str(item_id): index for index, item_id in enumerate(order)}
    return sorted(children, key=lambda child: position.get(str(child.id), len(position)))
