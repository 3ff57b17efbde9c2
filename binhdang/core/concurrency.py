"""Optimistic concurrency for records edited in forms."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext as _
from simple_history.models import HistoricalRecords


class StaleEdit(ValidationError):
    pass


STALE_MESSAGE = (
    "Bản ghi này vừa được người khác cập nhật sau khi bạn mở nó. "
    "Hãy tải lại trang để xem thay đổi mới nhất rồi sửa lại."
)


def save_versioned(
    instance: models.Model,
    *,
    expected_version: int,
    fields: list[str],
    user=None,
    audit: bool = True,
) -> None:
    """Write `fields` only if the row still has `expected_version`; bump the version.

    The change is audited like any save: an UPDATE bypasses the signals django-simple-history
    listens to, so the history row is written here, by `user` or else the request's user
    (`audit=False` for callers that save the instance again right after, which records it).

    The compare-and-set happens in one UPDATE, so it is safe under concurrent requests on
    PostgreSQL and SQLite without holding row locks across the user's editing time. One
    statement is atomic by itself: no savepoint (two round trips) around it, and a refusal
    writes nothing, so the caller's transaction stays usable after a StaleEdit.
    """
    model = type(instance)
    values = {name: getattr(instance, name) for name in fields}
    updated = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if updated != 1:
        raise StaleEdit(_(STALE_MESSAGE), code="stale")
    instance.version = expected_version + 1
    if audit:
        record_history(instance, user)


def record_history(instance: models.Model, user=None) -> None:
    """One "changed" history row with the row as it now is in the database."""
    model = type(instance)
    history = getattr(model, "history", None)
    if history is None:
        return
    if instance.get_deferred_fields():
        # A partly loaded instance (`.only()`) would fetch each missing column on its own.
        instance = model._default_manager.get(pk=instance.pk)
    if user is None:
        request = getattr(HistoricalRecords.context, "request", None)
        user = getattr(request, "user", None)
    if user is not None and not getattr(user, "is_authenticated", False):
        user = None
    history.bulk_history_create([instance], update=True, default_user=user)
