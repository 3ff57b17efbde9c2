from __future__ import annotations

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy

from .. import policy
from ..choices import Role
from ..models import User
from .common import UnitField


class PersonFilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Tìm người dùng"),
        required=False,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": gettext_lazy("họ tên, tên đăng nhập, thư điện tử"),
                "autocomplete": "off",
            }
        ),
    )
    active = forms.ChoiceField(
        label=gettext_lazy("Trạng thái"),
        required=False,
        choices=[
            ("", gettext_lazy("Tất cả")),
            ("1", gettext_lazy("Đang hoạt động")),
            ("0", gettext_lazy("Đã khóa")),
        ],
    )


class _PersonForm(forms.ModelForm):
    home_unit = UnitField(label=gettext_lazy("Đơn vị công tác"))

    class Meta:
        model = User
        fields = ["username", "full_name", "email", "job_title", "sex", "phone", "is_active"]
        error_messages = {
            "username": {"unique": gettext_lazy("Tên đăng nhập này đã được dùng.")},
        }

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = user
        self.fields["home_unit"].set_queryset(policy.units_for(user, policy.Action.ORGANISE))
        self.fields["full_name"].required = True
        self.fields["sex"].required = True
        self.fields["email"].required = True
        self.order_fields(["username", "full_name", "email", "job_title", "sex", "home_unit"])
        if self.instance.pk and self.instance.home_unit_id:
            self.initial["home_unit"] = self.instance.home_unit.code


class PersonCreateForm(_PersonForm):
    password1 = forms.CharField(
        label=gettext_lazy("Mật khẩu ban đầu"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=gettext_lazy(
            "Để trống để hệ thống gửi thư mời người dùng tự đặt mật khẩu (khuyến nghị)."
        ),
    )
    password2 = forms.CharField(
        label=gettext_lazy("Nhập lại mật khẩu"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password1"].help_text = (
            str(self.fields["password1"].help_text)
            + " "
            + " ".join(password_validation.password_validators_help_texts())
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("password1") != cleaned.get("password2"):
            self.add_error("password2", gettext_lazy("Hai mật khẩu không khớp."))
        return cleaned


class PersonEditForm(_PersonForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].initial = self.instance.version


class GrantForm(forms.Form):
    unit = UnitField(label=gettext_lazy("Trên đơn vị"))
    role = forms.ChoiceField(label=gettext_lazy("Vai trò"))

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.actor = user
        self.fields["unit"].set_queryset(policy.units_for(user, policy.Action.ORGANISE))
        roles = [role for role in Role]
        if not policy.can_anywhere(user, policy.Action.ADMINISTER):
            roles.remove(Role.ADMIN)
        self.fields["role"].choices = [(role.value, role.label) for role in roles]

    def clean(self):
        cleaned = super().clean()
        unit, role = cleaned.get("unit"), cleaned.get("role")
        if unit is not None and role and not policy.can_grant(self.actor, unit, role):
            self.add_error(
                "role",
                gettext_lazy("Bạn không được cấp vai trò này trên đơn vị đã chọn."),
            )
        return cleaned
