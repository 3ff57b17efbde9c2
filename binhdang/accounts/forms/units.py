from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

from .. import policy
from ..choices import UnitType
from ..models import OrgUnit, User
from ..services.unit_import import TOP_LEVEL_TYPES
from .common import UnitField


class UnitFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Tìm đơn vị"),
        required=False,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": gettext_lazy("tên, mã, địa chỉ — có dấu hoặc không dấu"),
                "autocomplete": "off",
            }
        ),
    )
    unit_type = forms.ChoiceField(
        label=gettext_lazy("Loại đơn vị"),
        required=False,
        choices=[("", gettext_lazy("Tất cả các loại")), *UnitType.choices],
    )
    district = forms.ChoiceField(label=gettext_lazy("Quận/huyện"), required=False)

    def __init__(self, *args, districts: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [
            ("", gettext_lazy("Tất cả")),
            *[(d, d) for d in districts],
        ]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {
            "q": self.cleaned_data["q"],
            "unit_type": self.cleaned_data["unit_type"],
            "district": self.cleaned_data["district"],
        }


class UnitForm(forms.ModelForm):
    parent = UnitField(label=gettext_lazy("Đơn vị cấp trên"))
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = OrgUnit
        fields = [
            "code",
            "name",
            "short_name",
            "unit_type",
            "district",
            "commune",
            "address",
            "phone",
            "email",
            "is_active",
        ]
        error_messages = {"code": {"unique": gettext_lazy("Mã đơn vị này đã được dùng.")}}

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        reach = policy.units_for(user, policy.Action.ORGANISE)
        if self.instance.pk:
            # A unit cannot move into its own subtree.
            reach = reach.exclude(path__startswith=self.instance.path)
            self.fields["version"].initial = self.instance.version
        self.fields["parent"].set_queryset(reach)
        self.order_fields(["code", "name", "short_name", "unit_type", "parent"])
        instance = self.instance
        self.parent_fixed = False
        if instance.pk and (
            instance.parent is None or not policy.can(user, policy.Action.ORGANISE, instance.parent)
        ):
            # The top of the user's reach keeps its place in the tree.
            self.parent_fixed = True
            del self.fields["parent"]
        elif instance.pk:
            self.initial["parent"] = instance.parent.code
        self.fields["code"].help_text = gettext_lazy("Chữ cái không dấu, chữ số và các dấu - _ . /")

    def clean_code(self) -> str:
        return self.cleaned_data["code"].strip().upper()

    def clean(self):
        cleaned = super().clean()
        unit_type = cleaned.get("unit_type")
        parent = cleaned.get("parent")
        changing_type = not self.instance.pk or self.instance.unit_type != unit_type
        if (
            unit_type in TOP_LEVEL_TYPES
            and changing_type
            and not (parent and policy.can(self.user, policy.Action.ADMINISTER, parent))
        ):
            self.add_error(
                "unit_type",
                gettext_lazy("Chỉ quản trị hệ thống mới tạo được đơn vị loại này."),
            )
        return cleaned


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp danh sách đơn vị (.xlsx hoặc .csv)"),
        allow_empty_file=True,  # refused by validate_upload, with the project's message
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )
