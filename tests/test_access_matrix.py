"""Every persona x every URL (see binhdang/core/testing/matrix.py)."""

from __future__ import annotations

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from binhdang.core.testing import PERSONAS, MatrixCase, World

# URL names outside the matrix on purpose: Django's own auth and i18n views, tested in
# accounts/tests/test_auth.py, and the Django admin.
EXEMPT_PREFIXES = ("admin:",)
EXEMPT_NAMES = {
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "set_language",
}


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


CASES = _collect_cases()


def test_every_url_of_the_app_is_in_the_matrix():
    covered = {case.url_name for case in CASES}
    names = {
        name
        for name in _url_names()
        if not name.startswith(EXEMPT_PREFIXES) and name not in EXEMPT_NAMES
    }
    assert sorted(names - covered) == []


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
