"""Request latency through the whole middleware stack, with Django's test Client.

Figures (ms, median and p95 of REPEAT requests), each with a ratio against a trivial view
that returns "ok" through the same middleware in the same run:
- http.trivial: the baseline view;
- http.login_page: GET /accounts/login/ as an anonymous visitor (where / sends them);
- http.home.secretariat / http.home.unit_officer: GET / logged in, on the demo data.
"""

from __future__ import annotations

import io
import statistics

from django.core.management import call_command
from django.http import HttpRequest, HttpResponse
from django.test import Client, override_settings
from django.urls import include, path, reverse

from bench.common import bench_database, percentile, samples

REPEAT = 200
WARMUP = 10


def _trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


# The project's URLs plus the baseline view (ROOT_URLCONF points here during the run).
urlpatterns = [
    path("__bench__/trivial/", _trivial, name="bench_trivial"),
    path("", include("config.urls")),
]


def _get(client: Client, url: str):
    def call() -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"GET {url} answered {response.status_code}")

    return call


def run(report) -> None:
    # Demo users get a cheap hasher: hashing is not what is measured, and PBKDF2 would add
    # seconds to loading the demo data.
    with (
        bench_database(),
        override_settings(
            ROOT_URLCONF=__name__,
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
    ):
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
        from binhdang.accounts.models import User

        anonymous = Client()
        cases = [
            ("http.trivial", _get(anonymous, reverse("bench_trivial"))),
            ("http.login_page", _get(anonymous, reverse("login"))),
        ]
        for label, username in (("secretariat", "thuky.so"), ("unit_officer", "canbo.ngoquyen")):
            client = Client()
            client.force_login(User.objects.get(username=username))
            cases.append((f"http.home.{label}", _get(client, reverse("home"))))

        baseline: dict[str, float] = {}
        for name, call in cases:
            durations = samples(call, repeat=REPEAT, warmup=WARMUP)
            figures = {"median": statistics.median(durations), "p95": percentile(durations, 95)}
            for stat, value in figures.items():
                if name == "http.trivial":
                    baseline[stat] = value
                    report(f"{name}.{stat}", value, "ms")
                else:
                    report(f"{name}.{stat}", value, "ms", ratio=value / baseline[stat])
