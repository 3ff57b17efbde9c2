"""Forms of the activity log. They translate what a person types into service arguments;
the rules live in the model's clean() and the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from binhdang.accounts.models import OrgUnit
from binhdang.core.forms import date_field

from .choices import ActivityType, Audience
from .evidence_files import evidence_max_bytes
from .models import PARTICIPANT_GROUPS, Activity, Campaign
from .plan_tasks import task_choice_label
from .selectors import ActivityFilters

# Above this many units in reach, a unit is typed by its code instead of picked from a list
# (a Ministry-wide reach holds tens of thousands of units).
UNIT_SELECT_LIMIT = 500


class UnitField(forms.ModelChoiceField):
    """A unit in the user's reach, identified by its code (readable in URLs)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", OrgUnit.objects.none())
        super().__init__(to_field_name="code", **kwargs)

    def limit_to(self, units) -> None:
        self.queryset = units
        if units.count() > UNIT_SELECT_LIMIT:
            self.widget = forms.TextInput(
                attrs={"placeholder": gettext_lazy("mã đơn vị, ví dụ HP-THPT-002")}
            )

    def label_from_instance(self, obj) -> str:
        return obj.name


class TaskChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return task_choice_label(obj)


class ActivityForm(forms.Form):
    """Participants are asked as a total and the number of women per group (as the unit's
    attendance sheet counts them); men are the difference."""

    unit = UnitField(label=gettext_lazy("Đơn vị"), empty_label=None)
    title = forms.CharField(label=gettext_lazy("Tên hoạt động"), max_length=255)
    activity_type = forms.ChoiceField(
        label=gettext_lazy("Loại hoạt động"), choices=ActivityType.choices
    )
    start_date = date_field(gettext_lazy("Ngày bắt đầu"))
    end_date = date_field(gettext_lazy("Ngày kết thúc"), required=False)
    place = forms.CharField(label=gettext_lazy("Địa điểm"), max_length=255, required=False)
    audiences = forms.MultipleChoiceField(
        label=gettext_lazy("Đối tượng"),
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    staff_total = forms.IntegerField(
        label=gettext_lazy("Cán bộ, giáo viên, nhân viên: tổng số"), min_value=0, initial=0
    )
    staff_female = forms.IntegerField(
        label=gettext_lazy("Cán bộ, giáo viên, nhân viên: trong đó nữ"), min_value=0, initial=0
    )
    students_total = forms.IntegerField(
        label=gettext_lazy("Học sinh: tổng số"), min_value=0, initial=0
    )
    students_female = forms.IntegerField(
        label=gettext_lazy("Học sinh: trong đó nữ"), min_value=0, initial=0
    )
    others_total = forms.IntegerField(
        label=gettext_lazy("Cha mẹ học sinh, cộng đồng: tổng số"), min_value=0, initial=0
    )
    others_female = forms.IntegerField(
        label=gettext_lazy("Cha mẹ học sinh, cộng đồng: trong đó nữ"), min_value=0, initial=0
    )
    partners = forms.CharField(
        label=gettext_lazy("Đơn vị phối hợp"), max_length=500, required=False
    )
    description = forms.CharField(
        label=gettext_lazy("Mô tả ngắn"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, units=None, tasks=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].limit_to(units if units is not None else OrgUnit.objects.none())
        if tasks is not None:
            self.fields["plan_task"] = TaskChoiceField(
                label=gettext_lazy("Nhiệm vụ trong kế hoạch"),
                queryset=tasks,
                required=False,
                empty_label=gettext_lazy("— Không gắn nhiệm vụ —"),
            )
            # Keep the task next to the type in the rendered order.
            order = list(self.fields)
            order.remove("plan_task")
            order.insert(order.index("activity_type") + 1, "plan_task")
            self.order_fields(order)

    @classmethod
    def initial_from(cls, activity: Activity) -> dict[str, Any]:
        initial = {
            "unit": activity.unit.code,
            "title": activity.title,
            "activity_type": activity.activity_type,
            "start_date": activity.start_date,
            "end_date": activity.end_date,
            "place": activity.place,
            "audiences": activity.audiences,
            "partners": activity.partners,
            "description": activity.description,
            "version": activity.version,
            "plan_task": getattr(activity, "plan_task_id", None),
        }
        for prefix, _label in PARTICIPANT_GROUPS:
            female = getattr(activity, f"{prefix}_female")
            initial[f"{prefix}_female"] = female
            initial[f"{prefix}_total"] = female + getattr(activity, f"{prefix}_male")
        return initial

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start_date") and not data.get("end_date"):
            data["end_date"] = data["start_date"]
        for prefix, label in PARTICIPANT_GROUPS:
            total, female = data.get(f"{prefix}_total"), data.get(f"{prefix}_female")
            if total is None or female is None:
                continue
            if female > total:
                self.add_error(
                    f"{prefix}_female",
                    _(
                        "Số nữ (%(female)s) lớn hơn tổng số người tham gia (%(total)s) của "
                        "nhóm “%(group)s”: số liệu không khớp."
                    )
                    % {"female": female, "total": total, "group": label},
                )
        return data

    def service_fields(self) -> dict[str, Any]:
        """The cleaned form as keyword arguments of activity_create/update."""
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in (
                "title",
                "activity_type",
                "start_date",
                "end_date",
                "place",
                "partners",
                "description",
            )
        }
        fields["audiences"] = list(data["audiences"])
        for prefix, _label in PARTICIPANT_GROUPS:
            fields[f"{prefix}_female"] = data[f"{prefix}_female"]
            fields[f"{prefix}_male"] = data[f"{prefix}_total"] - data[f"{prefix}_female"]
        if "plan_task" in self.fields:
            fields["plan_task"] = data.get("plan_task")
        return fields


# Model fields that the service may report errors on, mapped to this form's fields.
SERVICE_TO_FORM_FIELD = {
    **{f"{p}_male": f"{p}_total" for p, _l in PARTICIPANT_GROUPS},
}


class EvidenceForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Tệp minh chứng"),
        widget=forms.ClearableFileInput(attrs={"accept": ".jpg,.jpeg,.png,.webp,.pdf,.docx"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("%(types)s; tối đa %(limit)s.") % {
            "types": _("Ảnh (.jpg, .png, .webp), .pdf hoặc .docx"),
            "limit": filesizeformat(evidence_max_bytes()),
        }


class FilterForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("Tìm kiếm"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": gettext_lazy("có dấu hoặc không dấu")}),
    )
    unit = UnitField(
        label=gettext_lazy("Đơn vị"), required=False, empty_label=gettext_lazy("Tất cả")
    )
    activity_type = forms.ChoiceField(
        label=gettext_lazy("Loại"),
        choices=[("", gettext_lazy("Tất cả")), *ActivityType.choices],
        required=False,
    )
    year = forms.IntegerField(label=gettext_lazy("Năm"), required=False, min_value=2000)
    date_from = date_field(gettext_lazy("Từ ngày"), required=False)
    date_to = date_field(gettext_lazy("Đến ngày"), required=False)
    task = TaskChoiceField(
        label=gettext_lazy("Nhiệm vụ kế hoạch"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=gettext_lazy("Tất cả"),
    )
    action_month = forms.BooleanField(label=gettext_lazy("Chỉ Tháng hành động"), required=False)

    def __init__(self, *args, units=None, tasks=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].limit_to(units)
        if tasks is not None:
            self.fields["task"].queryset = tasks
        else:
            del self.fields["task"]

    def filters(self) -> ActivityFilters:
        """The filters from the valid fields: a mistyped date drops that field only (the
        page names it), not the unit or type the user also chose."""
        if not self.is_bound:
            return ActivityFilters()
        self.is_valid()
        data = self.cleaned_data
        return ActivityFilters(
            unit=data.get("unit"),
            activity_type=data.get("activity_type") or "",
            plan_task_id=data["task"].pk if data.get("task") else None,
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
            action_month=bool(data.get("action_month")),
            year=data.get("year"),
            q=data.get("q") or "",
        )


class CampaignForm(forms.Form):
    title = forms.CharField(label=gettext_lazy("Tên đợt"), max_length=255)
    theme = forms.CharField(label=gettext_lazy("Chủ đề"), max_length=500, required=False)
    start_date = date_field(gettext_lazy("Ngày bắt đầu"))
    end_date = date_field(gettext_lazy("Ngày kết thúc"))
    counted_types = forms.MultipleChoiceField(
        label=gettext_lazy("Loại hoạt động được tính"),
        choices=ActivityType.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @classmethod
    def initial_from(cls, campaign: Campaign) -> dict[str, Any]:
        return {
            "title": campaign.title,
            "theme": campaign.theme,
            "start_date": campaign.start_date,
            "end_date": campaign.end_date,
            "counted_types": campaign.counted_types,
            "version": campaign.version if campaign.pk else None,
        }
