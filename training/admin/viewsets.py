"""Placeholder: the admin viewsets for organisations, profiles and assignments."""

viewsets = []
