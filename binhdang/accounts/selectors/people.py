"""Reads of user accounts for the people pages (docs/decisions/0002-who-manages-people.md)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from binhdang.core.text import fold

from .. import policy
from ..models import OrgUnit, User


def people_list(
    user: User, *, q: str = "", unit: OrgUnit | None = None, active: str = ""
) -> QuerySet[User]:
    people = policy.people_for(user)
    for word in fold(q).split():
        people = people.filter(search_text__contains=word)
    if unit is not None:
        people = people.filter(home_unit__path__startswith=unit.path)
    if active in {"1", "0"}:
        people = people.filter(is_active=active == "1")
    return (
        people.select_related("home_unit")
        .prefetch_related("grants__unit")
        .order_by("full_name", "username")
    )


def person_for_edit(user: User, pk: int) -> User:
    """An account the user may maintain; 404 when missing or out of reach."""
    try:
        return policy.people_for(user).select_related("home_unit").get(pk=pk)
    except User.DoesNotExist as exc:
        raise Http404 from exc
