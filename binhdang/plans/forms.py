"""Forms of the plans app. Every edit form carries the plan's `version` (optimistic lock)."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.accounts.models import CommitteeMember, OrgUnit
from binhdang.core.forms import date_field

from .choices import DeadlineKind, ItemKind, PlanKind, PlanStatus
from .models import Plan

PLAN_FILE_EXTENSIONS = ("docx", "txt", "md")


def year_field(label, **kwargs) -> forms.IntegerField:
    return forms.IntegerField(label=label, min_value=2000, max_value=2100, **kwargs)


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


def unit_choice(label) -> forms.ModelChoiceField:
    return forms.ModelChoiceField(label=label, queryset=OrgUnit.objects.none(), empty_label=None)


# --- lists and creation -----------------------------------------------------------------------


class PlanFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Năm"), coerce=int, required=False, empty_value=None)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False)
    kind = forms.ChoiceField(
        label=_("Loại kế hoạch"),
        required=False,
        choices=[("", _("Tất cả")), *PlanKind.choices],
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị"), queryset=OrgUnit.objects.none(), required=False, empty_label=_("Tất cả")
    )

    def __init__(self, *args, years: list[int], units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Tất cả"))] + [(y, y) for y in years]
        self.fields["status"].choices = [("", _("Tất cả")), *PlanStatus.choices]
        self.fields["unit"].queryset = units


class PlanCreateForm(forms.Form):
    unit = unit_choice(_("Đơn vị ban hành"))
    year = year_field(_("Năm"))
    title = forms.CharField(
        label=_("Trích yếu"),
        required=False,
        help_text=_("Để trống để dùng tên mặc định theo năm."),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        today = timezone.localdate()
        self.fields["year"].initial = today.year + (today.month >= 11)


class PlanImportForm(forms.Form):
    unit = unit_choice(_("Đơn vị ban hành"))
    file = forms.FileField(
        label=_("Tệp kế hoạch"),
        help_text=_("Word (.docx), văn bản thuần (.txt) hoặc Markdown (.md)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.txt,.md"}),
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


# --- editing ----------------------------------------------------------------------------------


class HeaderForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)
    unit_plan_due = date_field(_("Hạn nộp kế hoạch của đơn vị"), required=False)

    class Meta:
        model = Plan
        fields = [
            "year",
            "doc_type",
            "governing_body",
            "issuing_body",
            "symbol",
            "place",
            "title",
            "preamble",
            "signer_authority",
            "signer_position",
            "signer_name",
            "unit_plan_due",
        ]
        widgets = {
            "title": forms.Textarea(attrs={"rows": 2}),
            "preamble": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "governing_body": _("Dòng trên của tiêu đề bên trái, ví dụ UBND THÀNH PHỐ HẢI PHÒNG."),
            "symbol": _("Ví dụ KH-SGDĐT. Số được cấp khi ban hành."),
            "signer_authority": _("Ví dụ KT. GIÁM ĐỐC"),
        }


class BasisForm(VersionedForm):
    text = forms.CharField(
        label=_("Nội dung căn cứ"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Trích dẫn được đối chiếu với danh mục văn bản pháp lý khi bạn gõ."),
    )


class SectionForm(VersionedForm):
    label = forms.CharField(label=_("Số hiệu"), max_length=16, required=False)
    title = forms.CharField(label=_("Tên mục/nhiệm vụ"), widget=forms.Textarea(attrs={"rows": 2}))


class SectionAddForm(SectionForm):
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)


class ItemForm(VersionedForm):
    kind = forms.ChoiceField(label=_("Kiểu"), choices=ItemKind.choices, initial=ItemKind.BULLET)
    text = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 3}))
    timeframe = forms.CharField(label=_("Thời gian thực hiện"), max_length=255, required=False)
    expected_output = forms.CharField(
        label=_("Sản phẩm dự kiến"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    # Unit plans only: a current member of the unit's committee (queryset set by the editor).
    responsible = forms.ModelChoiceField(
        label=_("Người phụ trách"),
        queryset=CommitteeMember.objects.none(),
        required=False,
        empty_label=_("— Chưa phân công —"),
        error_messages={"invalid_choice": _("Chọn một thành viên hiện tại của Ban.")},
    )


class ItemAddForm(ItemForm):
    section = forms.IntegerField(widget=forms.HiddenInput)


class DeadlineForm(VersionedForm):
    kind = forms.ChoiceField(label=_("Loại mốc"), choices=DeadlineKind.choices)
    date = date_field(_("Ngày"))
    text = forms.CharField(label=_("Nội dung"), max_length=500, required=False)


class RecipientForm(VersionedForm):
    text = forms.CharField(label=_("Nơi nhận"), max_length=255)


class MoveForm(VersionedForm):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])


# --- workflow ---------------------------------------------------------------------------------


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Ý kiến"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class IssueForm(forms.Form):
    date = date_field(_("Ngày ban hành"))
    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị nhận"),
        queryset=OrgUnit.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Chọn ít nhất một đơn vị nhận.")},
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = units
        self.fields["date"].initial = timezone.localdate()


class CarryForm(forms.Form):
    year = year_field(_("Chuyển sang năm"))


class FlagForm(VersionedForm):
    flag_id = forms.CharField(widget=forms.HiddenInput)
    action = forms.ChoiceField(
        choices=[("remove", "remove"), ("replace", "replace"), ("keep", "keep")]
    )


class CompareForm(forms.Form):
    old = forms.ModelChoiceField(label=_("Kế hoạch cũ"), queryset=Plan.objects.none())
    new = forms.ModelChoiceField(label=_("Kế hoạch mới"), queryset=Plan.objects.none())

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old"].queryset = plans
        self.fields["new"].queryset = plans
        label = lambda p: f"{p.year} — {p.unit.name} — {p.reference or p.title[:60]}"  # noqa: E731
        self.fields["old"].label_from_instance = label
        self.fields["new"].label_from_instance = label

    def clean(self):
        data = super().clean()
        if data.get("old") and data.get("new") and data["old"] == data["new"]:
            raise forms.ValidationError(_("Hãy chọn hai kế hoạch khác nhau."))
        return data
