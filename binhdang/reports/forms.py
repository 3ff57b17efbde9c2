"""The staff figures form (one unit, one year) and the target form."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from binhdang.legal.models import LegalDocument

from .catalogue import METRICS
from .choices import TargetScope
from .models import StaffFigures
from .staff_import import COLUMNS, validate_figures


class StaffFiguresForm(forms.ModelForm):
    class Meta:
        model = StaffFigures
        fields = [field for field, _label in COLUMNS]

    def clean(self):
        data = super().clean()
        problems = validate_figures({k: v for k, v in data.items() if v is not None})
        for field, message in problems:
            self.add_error(field, ValidationError(message))
        return data


def metric_choices() -> list[tuple[str, str]]:
    return [(metric.key, metric.label) for metric in METRICS]


class TargetForm(forms.Form):
    """A target the secretariat enters from a source document (a new version each time)."""

    code = forms.RegexField(
        label=_("Mã"),
        max_length=40,
        regex=r"^[A-Za-z0-9_\-]+$",
        error_messages={
            "invalid": _("Mã chỉ gồm chữ không dấu, chữ số, dấu gạch dưới hoặc gạch ngang.")
        },
    )
    target_year = forms.IntegerField(label=_("Năm đạt"), min_value=2020, max_value=2100)
    value = forms.CharField(label=_("Giá trị (%)"), max_length=8)
    scope = forms.ChoiceField(label=_("Cấp"), choices=TargetScope.choices, initial="city")
    metric = forms.ChoiceField(
        label=_("Chỉ số so sánh"),
        choices=metric_choices,
        # Django's own message names no list: say which metric and what to do.
        error_messages={
            "invalid_choice": _(
                "Chỉ số so sánh “%(value)s” không có trong danh mục chỉ số tính được; hãy "
                "chọn một chỉ số trong danh sách."
            )
        },
    )
    name = forms.CharField(
        label=_("Nội dung"), max_length=400, widget=forms.TextInput(attrs={"size": 60})
    )
    source_reference = forms.CharField(
        label=_("Văn bản nguồn"),
        max_length=120,
        widget=forms.TextInput(attrs={"size": 60, "placeholder": "Quyết định số 383/QĐ-BGDĐT"}),
    )
    source_document = forms.ModelChoiceField(
        label=_("Văn bản trong danh mục"),
        queryset=LegalDocument.objects.filter(is_active=True).order_by("-date", "number"),
        required=False,
    )

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip().upper()

    def clean_value(self) -> Decimal:
        raw = self.cleaned_data["value"].strip().replace(",", ".").rstrip("%").strip()
        try:
            value = Decimal(raw)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or not 0 <= value <= 100:
            raise ValidationError(_("Giá trị là một tỷ lệ phần trăm từ 0 đến 100."))
        return value.quantize(Decimal("0.01"))
