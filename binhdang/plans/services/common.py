"""Shared pieces of the plan services: the edit claim (optimistic lock) and ordering."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.core.concurrency import STALE_MESSAGE, StaleEdit

from ..choices import EDITABLE_STATUSES, PlanStatus
from ..models import Plan


class PlanLocked(ValidationError):
    """The plan is no longer a draft (submitted, approved or issued): nothing may change."""


class PlanWorkflowError(ValidationError):
    """A workflow step asked from the wrong status."""


def locked_error(plan: Plan) -> PlanLocked:
    if plan.status == PlanStatus.ISSUED:
        message = _(
            "Kế hoạch đã được ban hành ngày %(date)s nên không thể sửa nữa. "
            "Nếu cần thay đổi, hãy tạo kế hoạch mới (chuyển tiếp) hoặc văn bản sửa đổi."
        ) % {"date": plan.date.strftime("%d/%m/%Y") if plan.date else ""}
    else:
        message = _(
            "Kế hoạch đang ở trạng thái “%(status)s” nên không thể sửa. "
            "Lãnh đạo cần trả về dự thảo trước khi sửa tiếp."
        ) % {"status": plan.get_status_display()}
    return PlanLocked(message, code="locked")


def claim(plan: Plan, expected_version: int | str | None) -> None:
    """Take the plan for one edit: refuse when it is locked or changed since the form was
    loaded, otherwise bump its version. Call inside the edit's transaction, before writing.

    One conditional UPDATE is the compare-and-set (it also row-locks the plan on PostgreSQL
    until the transaction ends), so two concurrent edits can never both succeed.
    """
    try:
        expected = int(expected_version)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        expected = -1
    updated = Plan.objects.filter(
        pk=plan.pk, version=expected, status__in=EDITABLE_STATUSES
    ).update(version=F("version") + 1, updated_at=timezone.now())
    if updated != 1:
        current = Plan.objects.filter(pk=plan.pk).only("status", "date", "version").first()
        if current is None:
            raise StaleEdit(_(STALE_MESSAGE), code="stale")
        if current.status not in EDITABLE_STATUSES:
            raise locked_error(current)
        raise StaleEdit(_(STALE_MESSAGE), code="stale")
    plan.version = expected + 1


def reorder(rows: Sequence[models.Model]) -> None:
    """Give `rows` the orders 0..n-1 in their list order (one UPDATE per moved row)."""
    changed = []
    for index, row in enumerate(rows):
        if row.order != index:
            row.order = index
            changed.append(row)
    if changed:
        type(changed[0]).objects.bulk_update(changed, ["order"])


def move_in(rows: list[models.Model], target: models.Model, direction: str) -> bool:
    """Move `target` one place up or down among `rows`; False when it is already at the end."""
    position = next(i for i, row in enumerate(rows) if row.pk == target.pk)
    other = position - 1 if direction == "up" else position + 1
    if other < 0 or other >= len(rows):
        return False
    rows[position], rows[other] = rows[other], rows[position]
    reorder(rows)
    return True


# --- outline numbering ------------------------------------------------------------------------

_ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def label_style(label: str) -> str | None:
    core = label.strip().rstrip(".)")
    if core and set(core) <= set("IVXLCDM"):
        return "roman"
    if core.isdigit():
        return "digit"
    if len(core) == 1 and core.isalpha() and core.islower():
        return "letter"
    return None


_LETTERS = "abcdefghiklmnopqrstuvxy"  # Vietnamese administrative lettering skips j, w, z


def label_for(style: str, index: int, sample: str = "") -> str:
    suffix = ")" if sample.endswith(")") else ("." if sample.endswith(".") else "")
    if style == "roman":
        core = roman(index + 1)
    elif style == "digit":
        core = str(index + 1)
    else:
        core = _LETTERS[index] if index < len(_LETTERS) else str(index + 1)
    return core + suffix


def renumber(rows: Sequence[models.Model]) -> None:
    """Relabel siblings I, II, III / 1, 2, 3 / a, b, c after a move, add or delete, when they
    are numbered in one style; free-form labels are left as the author wrote them."""
    styles = {label_style(row.label) for row in rows if row.label}
    if len(styles) != 1 or None in styles or any(not row.label for row in rows):
        return
    style = styles.pop()
    changed = []
    for index, row in enumerate(rows):
        label = label_for(style, index, row.label)
        if row.label != label:
            row.label = label
            changed.append(row)
    if changed:
        type(changed[0]).objects.bulk_update(changed, ["label"])
