"""Wagtail admin views of the records (the HR export, the audit log), wired in
records/wagtail_hooks.py."""
