"""Views of the accounts domain, split by page family; thin, over selectors and services."""

from .home import home

__all__ = ["home"]
