from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        abstract = True


class VersionedModel(TimeStampedModel):
    """Optimistic locking: a form carries the version it was loaded with.

    A save through `core.concurrency.save_versioned` refuses to write when another person
    has saved the record since, so two editors never silently overwrite each other.
    """

    version = models.PositiveIntegerField(_("phiên bản"), default=1)

    class Meta:
        abstract = True
