"""Helpers the tests share (tests/conftest.py holds the fixtures and hooks)."""
