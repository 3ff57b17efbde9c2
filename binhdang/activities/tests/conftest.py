import pytest

from binhdang.activities import locks


@pytest.fixture
def lock_registry():
    """Register period-lock checkers for one test only."""
    registered = []

    def register(checker):
        locks.register_lock(checker)
        registered.append(checker)
        return checker

    yield register
    for checker in registered:
        locks.unregister_lock(checker)
