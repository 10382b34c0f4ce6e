"""Tidings: political event data from news text."""
