"""Navigation entries shown in base.html, filtered by what the user may do."""

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
        active = request.path == url if name == "home" else request.path.startswith(url)
        items.append({"url": url, "label": label, "active": active})
    return {"nav_items": items}
