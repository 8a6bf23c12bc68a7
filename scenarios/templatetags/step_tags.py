"""Template helpers for the steps a learner answers."""

import secrets

from django import template

from scenarios import shuffle

register = template.Library()


@register.filter
def arranged(children, order):
    """A step's options or items in the order the learner is shown (``order``, from the view).
    Without an order they are shuffled at random rather than shown as authored: the authored
    order often gives the answer away."""
    children = list(children)
    if not order:
        order = shuffle.keyed_order([child.id for child in children], secrets.token_hex(16))
    return shuffle.arranged(children, order)
