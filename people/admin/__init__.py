"""Wagtail admin views of people, wired in people/wagtail_hooks.py.

Each module exposes what the hooks register: ``urlpatterns`` (admin URLs, under /admin/),
``menu_items`` (a list of wagtail.admin.menu.MenuItem) and, for viewsets, ``viewsets``.
"""
