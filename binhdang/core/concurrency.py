"""Optimistic concurrency for records edited in forms."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils.translation import gettext as _


class StaleEdit(ValidationError):
    pass


STALE_MESSAGE = (
    "Bản ghi này vừa được người khác cập nhật sau khi bạn mở nó. "
    "Hãy tải lại trang để xem thay đổi mới nhất rồi sửa lại."
)


def save_versioned(instance: models.Model, *, expected_version: int, fields: list[str]) -> None:
    """Write `fields` only if the row still has `expected_version`; bump the version.

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
