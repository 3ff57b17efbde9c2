"""Form fields every app shares."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy

# Spelled out in Vietnamese: "dd/mm/yyyy" means nothing to many users. The placeholder stays
# short enough for a narrow filter box; the example goes in the tooltip and the error.
DATE_HELP = gettext_lazy("ngày/tháng/năm")
DATE_EXAMPLE = gettext_lazy("ngày/tháng/năm, ví dụ 05/09/2025")
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]


def date_field(label, *, required: bool = True, **kwargs) -> forms.DateField:
    """A date typed the Vietnamese way (05/09/2025); ISO is accepted from scripts."""
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_INPUT_FORMATS,
        widget=forms.DateInput(
            format="%d/%m/%Y",
            attrs={"placeholder": DATE_HELP, "title": DATE_EXAMPLE, "autocomplete": "off"},
        ),
        error_messages={
            "invalid": gettext_lazy("Nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2025.")
        },
        **kwargs,
    )
