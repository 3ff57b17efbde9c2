""" "What is due next" on the home page, contributed by each domain app.

An app registers a provider in its AppConfig.ready(); a provider receives the user and
returns DueItem objects already scoped by the access policy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone


@dataclass(frozen=True)
class DueItem:
    title: str
    due: dt.date
    url: str


Provider = Callable[[object], list[DueItem]]
_providers: list[Provider] = []


def register(provider: Provider) -> Provider:
    if provider not in _providers:
        _providers.append(provider)
    return provider


def upcoming(user, *, today: dt.date | None = None, limit: int = 8) -> list[DueItem]:
    today = today or timezone.localdate()
    items: list[DueItem] = []
    for provider in _providers:
        items.extend(item for item in provider(user) if item.due >= today)
    return sorted(items, key=lambda item: item.due)[:limit]
