"""The staff figures form (one unit, one year)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

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
