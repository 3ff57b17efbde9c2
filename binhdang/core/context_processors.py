"""Navigation entries shown in base.html, filtered by what the user may do."""

import re

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from binhdang.accounts import policy

# (url name, label, action needed somewhere in the user's reach)
NAV_ITEMS = [
    ("home", _("Trang chủ"), None),
    ("units:list", _("Đơn vị"), policy.Action.VIEW_AGGREGATE),
    ("units:committees", _("Ban VSTBPN"), policy.Action.VIEW),
    ("legal:list", _("Văn bản pháp lý"), policy.Action.VIEW),
    ("plans:list", _("Kế hoạch"), policy.Action.VIEW),
    ("plans:inbox", _("Văn bản đến"), policy.Action.VIEW),
    ("activities:list", _("Hoạt động"), policy.Action.VIEW),
    ("activities:campaign", _("Tháng hành động"), policy.Action.VIEW_AGGREGATE),
    ("reports:periods", _("Báo cáo"), policy.Action.VIEW),
    ("dashboards:department", _("Tổng hợp"), policy.Action.VIEW_AGGREGATE),
    ("units:people", _("Người dùng"), policy.Action.ORGANISE),
]


# Pages that live under another entry's prefix but belong to this entry.
ALSO_ACTIVE = {"units:committees": re.compile(r"^/units/\d+/committee/")}


def navigation(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    items = []
    for name, label, action in NAV_ITEMS:
        if action is not None and not policy.can_anywhere(user, action):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:  # an app not installed in this deployment
            continue
        pattern = ALSO_ACTIVE.get(name)
        if pattern is not None and pattern.match(request.path):
            score = 10_000  # an explicit claim beats any prefix
        elif name == "home":
            score = len(url) if request.path == url else -1
        else:
            score = len(url) if request.path.startswith(url) else -1
        items.append({"url": url, "label": label, "score": score, "active": False})
    # Only the most specific entry is highlighted (/plans/inbox/ is "Văn bản đến", not both).
    best = max(items, key=lambda item: item["score"], default=None)
    if best is not None and best["score"] >= 0:
        best["active"] = True
    return {"nav_items": items}
