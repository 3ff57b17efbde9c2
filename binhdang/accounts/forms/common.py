from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from binhdang.core.forms import date_field  # noqa: F401 - re-exported for the forms

from ..models import OrgUnit

# Above this many units a drop-down becomes unusable: the field takes the unit's code instead.
SELECT_LIMIT = 2000


def apply_service_errors(form: forms.Form, exc: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the named field when the form has
    it, otherwise at the top."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            target = name if name in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        for message in exc.messages:
            form.add_error(None, message)


class UnitField(forms.Field):
    """Choose a unit among `queryset`: a drop-down for a small reach, else the unit's code."""

    def __init__(self, *, queryset: QuerySet[OrgUnit] | None = None, **kwargs):
        self.queryset = queryset if queryset is not None else OrgUnit.objects.none()
        super().__init__(**kwargs)
        self.set_queryset(self.queryset)

    def set_queryset(self, queryset: QuerySet[OrgUnit]) -> None:
        self.queryset = queryset
        if queryset.count() <= SELECT_LIMIT:
            choices = [("", "---------")] + [
                (unit.code, f"{'— ' * max(unit.depth - 1, 0)}{unit.name} ({unit.code})")
                for unit in queryset.order_by("path").only("code", "name", "depth", "path")
            ]
            widget = forms.Select(choices=choices)
        else:
            widget = forms.TextInput(attrs={"placeholder": gettext_lazy("mã đơn vị")})
        widget.is_required = self.required
        widget.attrs.update(self.widget_attrs(widget))
        self.widget = widget

    def prepare_value(self, value):
        if isinstance(value, OrgUnit):
            return value.code
        if isinstance(value, int):
            unit = OrgUnit.objects.filter(pk=value).only("code").first()
            return unit.code if unit else ""
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        unit = self.queryset.filter(code=str(value).strip().upper()).first()
        if unit is None:
            unit = self.queryset.filter(code=str(value).strip()).first()
        if unit is None:
            raise ValidationError(
                gettext_lazy("Không có đơn vị mã “%(code)s” trong phạm vi của bạn."),
                code="invalid_choice",
                params={"code": value},
            )
        return unit
