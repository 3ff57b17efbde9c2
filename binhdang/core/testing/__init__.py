"""Test helpers shared by every app: the access matrix (every role x every URL)."""

from .matrix import PERSONAS, MatrixCase, World, expect

__all__ = ["PERSONAS", "MatrixCase", "World", "expect"]
