from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.core.forms import date_field

from .choices import DocType
from .models import LegalDocument

YEAR_MIN, YEAR_MAX = 1945, 2100


def _year_field(label, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        error_messages={
            "invalid": _("Nhập năm gồm 4 chữ số."),
            "min_value": _("Năm không hợp lệ."),
            "max_value": _("Năm không hợp lệ."),
        },
        **kwargs,
    )


class LegalDocumentForm(forms.ModelForm):
    """The registry form; `version` carries the row version it was opened with."""

    date = date_field(_("Ngày ban hành"), required=False)
    valid_from = _year_field(_("Hiệu lực từ năm"))
    valid_to = _year_field(_("Hiệu lực đến năm"))
    annual_year = _year_field(
        _("Văn bản của năm"),
        help_text=_(
            "Chỉ điền với văn bản dùng cho một năm. Để trống cả ba ô năm thì hệ thống "
            "tự đọc giai đoạn trong trích yếu (“giai đoạn 2021-2025”, “năm 2026”)."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = LegalDocument
        fields = [
            "doc_type",
            "number",
            "symbol",
            "date",
            "issuer",
            "subject",
            "valid_from",
            "valid_to",
            "annual_year",
            "is_active",
        ]
        widgets = {
            "subject": forms.Textarea(attrs={"rows": 3}),
            "number": forms.TextInput(attrs={"placeholder": "383"}),
            "symbol": forms.TextInput(attrs={"placeholder": "QĐ-BGDĐT"}),
        }
        help_texts = {
            "symbol": _("Phần sau dấu “/” đầu tiên, kể cả năm: 2021/NĐ-CP."),
        }

    def document_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def _post_clean(self):
        # Model validation (uniqueness, period rules) lives in the services, which report
        # errors in Vietnamese on the right field; skip ModelForm's own instance checks.
        pass


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Tìm kiếm"),
        required=False,
        widget=forms.TextInput(
            attrs={"placeholder": _("Số, ký hiệu hoặc từ khóa: “quyet dinh 383”, “bình đẳng giới”")}
        ),
    )
    doc_type = forms.ChoiceField(
        label=_("Loại văn bản"), required=False, choices=[("", _("Tất cả")), *DocType.choices]
    )
    year = _year_field(_("Còn hiệu lực năm"))
    inactive = forms.BooleanField(label=_("Gồm cả văn bản đã ẩn"), required=False)


class CheckForm(forms.Form):
    """The `legal:check` contract: `text` to scan, `year` of the plan, `bases` optional."""

    MAX_CHARS = 200_000

    text = forms.CharField(
        label=_("Văn bản cần kiểm tra"),
        required=False,
        max_length=MAX_CHARS,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "max_length": _(
                "Đoạn văn bản quá dài để kiểm tra một lần (tối đa %(limit_value)s ký tự)."
            )
        },
    )
    year = _year_field(_("Năm của kế hoạch"))
    bases = forms.BooleanField(label=_("Đây là phần căn cứ"), required=False)

    def plan_year(self) -> int:
        return self.cleaned_data.get("year") or timezone.localdate().year
