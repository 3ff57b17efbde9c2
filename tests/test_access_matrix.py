"""Every persona x every URL (see binhdang/core/testing/matrix.py)."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from binhdang.core.testing import PERSONAS, MatrixCase, World, expect

# The Django admin's model pages are left out on purpose: they are Django's own, all behind
# the same staff check, which the admin:index case below pins for every persona. Every other
# named URL, Django's auth and language views included, must have a case.
EXEMPT_PREFIXES = ("admin:",)


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(PERSONAS, status)


# Django's views mounted by config/urls.py and accounts/auth_urls.py (the app's own URLs
# list their cases in binhdang/<app>/tests/matrix.py).
FRAMEWORK_CASES = [
    # Signed-in people are sent on to their home page.
    MatrixCase("login", {**everyone(302), "anonymous": 200}),
    MatrixCase("logout", everyone(302), method="post"),
    MatrixCase("password_change", expect(200)),
    MatrixCase("password_change_done", expect(200)),
    MatrixCase("password_reset", everyone(200)),
    MatrixCase("password_reset_done", everyone(200)),
    MatrixCase(
        "password_reset_confirm",
        everyone(200),
        args=lambda world: ["MQ", "khong-hop-le"],
        note="invalid-link",
    ),
    MatrixCase("password_reset_complete", everyone(200)),
    MatrixCase("set_language", everyone(302), method="post", data=lambda world: {"language": "vi"}),
    # Only the system administrator is staff: everyone else goes to the admin's login page.
    MatrixCase("admin:index", {**everyone(302), "admin": 200}),
]


def _collect_cases() -> list[MatrixCase]:
    cases: list[MatrixCase] = []
    for config in apps.get_app_configs():
        if not config.name.startswith("binhdang."):
            continue
        try:
            module = import_module(f"{config.name}.tests.matrix")
        except ModuleNotFoundError as exc:
            if exc.name not in {f"{config.name}.tests.matrix", f"{config.name}.tests"}:
                raise
            continue
        cases.extend(module.CASES)
    return cases


def _url_names(resolver=None, namespace: str = "") -> set[str]:
    names: set[str] = set()
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= _url_names(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


CASES = _collect_cases() + FRAMEWORK_CASES


def test_every_url_of_the_app_is_in_the_matrix():
    covered = {case.url_name for case in CASES}
    names = {name for name in _url_names() if not name.startswith(EXEMPT_PREFIXES)}
    assert sorted(names - covered) == []
    assert "admin:index" in covered


@pytest.mark.parametrize("case", CASES, ids=[c.case_id for c in CASES])
def test_access_matrix(case: MatrixCase, client, tree, people):
    world = World(tree=tree, people=people)
    if case.setup:
        case.setup(world)
    url = reverse(case.url_name, args=case.args(world))
    failures = []
    for persona in PERSONAS:
        client.logout()
        if persona != "anonymous":
            client.force_login(getattr(people, persona))
        data = case.data(world) if case.data else {}
        response = getattr(client, case.method)(url, data)
        if response.status_code != case.expect[persona]:
            failures.append(f"{persona}: {response.status_code} != {case.expect[persona]}")
    assert failures == [], f"{url}: " + "; ".join(failures)


def test_an_invalid_password_reset_link_says_so(client, db):
    url = reverse("password_reset_confirm", args=["MQ", "khong-hop-le"])
    page = client.get(url).content.decode()
    assert "Liên kết đặt lại mật khẩu không hợp lệ hoặc đã được dùng." in page


@pytest.mark.parametrize("persona", ["anonymous", "officer_a", "secretariat", "viewer"])
def test_protected_framework_pages_send_people_to_the_right_login(client, people, persona):
    if persona != "anonymous":
        client.force_login(getattr(people, persona))
    admin = client.get(reverse("admin:index"))
    assert admin["Location"].startswith(reverse("admin:login"))
    if persona == "anonymous":
        change = client.get(reverse("password_change"))
        assert change["Location"].startswith(reverse("login"))
    else:
        assert client.get(reverse("login"))["Location"] == reverse("home")
    assert client.post(reverse("logout"))["Location"] == reverse("login")
