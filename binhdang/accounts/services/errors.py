from __future__ import annotations

from django.core.exceptions import ValidationError


def service_error(message: str, field: str | None = None, code: str = "invalid") -> ValidationError:
    """A Vietnamese validation error, attached to a form field when `field` is given."""
    if field:
        return ValidationError({field: ValidationError(message, code=code)})
    return ValidationError(message, code=code)
