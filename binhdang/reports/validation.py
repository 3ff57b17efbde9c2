"""Validation rules of a report's figures, with messages a unit officer understands."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.utils.translation import gettext as _

from .models import Indicator

Values = Mapping[str, tuple[int | None, int | None]]  # code -> (total, female)


def check_values(indicators: Iterable[Indicator], values: Values) -> dict[str, list[str]]:
    """code -> messages. Empty when every rule holds."""
    indicators = list(indicators)
    by_code = {i.code: i for i in indicators}
    errors: dict[str, list[str]] = {}
    for indicator in indicators:
        total, female = values.get(indicator.code, (None, None))
        messages: list[str] = []
        if (total is not None and total < 0) or (female is not None and female < 0):
            messages.append(_("Số liệu không được âm."))
        if indicator.has_female and total is not None and female is not None and female > total:
            messages.append(
                _("Số nữ (%(female)s) không được lớn hơn tổng số (%(total)s) của “%(name)s”.")
                % {"female": female, "total": total, "name": indicator.name}
            )
        bound_code = (indicator.rules or {}).get("lte")
        bound = by_code.get(bound_code) if bound_code else None
        if bound is not None:
            bound_total, bound_female = values.get(bound.code, (None, None))
            if total is not None and bound_total is not None and total > bound_total:
                messages.append(
                    _("“%(name)s” (%(value)s) không được lớn hơn “%(bound)s” (%(limit)s).")
                    % {
                        "name": indicator.name,
                        "value": total,
                        "bound": bound.name,
                        "limit": bound_total,
                    }
                )
            if (
                indicator.has_female
                and bound.has_female
                and female is not None
                and bound_female is not None
                and female > bound_female
            ):
                messages.append(
                    _(
                        "Số nữ của “%(name)s” (%(value)s) không được lớn hơn số nữ của “%(bound)s” (%(limit)s)."  # noqa: E501
                    )
                    % {
                        "name": indicator.name,
                        "value": female,
                        "bound": bound.name,
                        "limit": bound_female,
                    }
                )
        if messages:
            errors[indicator.code] = messages
    return errors
