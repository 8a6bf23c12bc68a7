"""Placeholder: filled in by the imports work."""

urlpatterns = []
menu_items = []
