"""Placeholder: filled in by the exports work."""

urlpatterns = []
menu_items = []
