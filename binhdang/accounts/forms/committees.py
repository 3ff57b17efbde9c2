from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from ..choices import CommitteePosition, DecisionKind, Sex
from ..models import CommitteeDecision
from .common import date_field


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Loại quyết định"), choices=DecisionKind.choices)
    number = forms.CharField(
        label=gettext_lazy("Số, ký hiệu"),
        max_length=64,
        widget=forms.TextInput(attrs={"placeholder": "125/QĐ-THPTNQ"}),
    )
    date = date_field(gettext_lazy("Ngày ban hành"))
    signer = forms.CharField(label=gettext_lazy("Người ký"), max_length=150)
    note = forms.CharField(
        label=gettext_lazy("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class _DecisionChoice(forms.Form):
    decision = forms.ModelChoiceField(
        label=gettext_lazy("Theo quyết định"),
        queryset=CommitteeDecision.objects.none(),
        required=False,
        empty_label=gettext_lazy("(chưa có quyết định)"),
    )

    def __init__(self, *args, committee=None, **kwargs):
        super().__init__(*args, **kwargs)
        if committee is not None:
            self.fields["decision"].queryset = committee.decisions.order_by("-date", "-pk")


class MemberForm(_DecisionChoice):
    full_name = forms.CharField(label=gettext_lazy("Họ và tên"), max_length=150)
    position = forms.ChoiceField(
        label=gettext_lazy("Chức danh trong Ban"), choices=CommitteePosition.choices
    )
    job_title = forms.CharField(label=gettext_lazy("Chức vụ"), max_length=150, required=False)
    sex = forms.ChoiceField(label=gettext_lazy("Giới tính"), choices=Sex.choices)
    field = forms.CharField(
        label=gettext_lazy("Lĩnh vực phụ trách"), max_length=255, required=False
    )
    start_date = date_field(gettext_lazy("Ngày bắt đầu"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    field_order = ["full_name", "position", "job_title", "sex", "field", "start_date", "decision"]


class MemberReplaceForm(_DecisionChoice):
    end_date = date_field(
        gettext_lazy("Ngày thay thế"),
        help_text=gettext_lazy("Người cũ thôi giữ chức danh và người mới bắt đầu từ ngày này."),
    )
    full_name = forms.CharField(label=gettext_lazy("Họ và tên người thay thế"), max_length=150)
    sex = forms.ChoiceField(label=gettext_lazy("Giới tính"), choices=Sex.choices)
    job_title = forms.CharField(label=gettext_lazy("Chức vụ"), max_length=150, required=False)
    field = forms.CharField(
        label=gettext_lazy("Lĩnh vực phụ trách"),
        max_length=255,
        required=False,
        help_text=gettext_lazy("Để trống để giữ lĩnh vực của người cũ."),
    )

    field_order = ["end_date", "full_name", "sex", "job_title", "field", "decision"]


class MemberEndForm(forms.Form):
    end_date = date_field(gettext_lazy("Ngày kết thúc nhiệm kỳ"))
