"""Uploaded and generated files are reachable only through access-checked views.

`make run` starts the server with DEBUG=1; the URLconf is rebuilt here under DEBUG=1 so a
MEDIA_URL route that only appears in development would be caught too.
"""

from __future__ import annotations

import importlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import clear_url_caches, reverse

import config.urls
from binhdang.activities import services
from binhdang.activities.tests.factories import ActivityFactory, png_upload


@pytest.fixture
def development_urls(settings):
    settings.DEBUG = True
    importlib.reload(config.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(config.urls)
    clear_url_caches()


@pytest.fixture
def evidence(people, tree):
    activity = ActivityFactory(unit=tree.school_a)
    return services.evidence_add(activity=activity, user=people.officer_a, upload=png_upload())


def test_an_evidence_file_is_not_served_from_its_media_address(
    client, people, evidence, development_urls
):
    media_url = f"/media/{evidence.file.name}"
    assert default_storage.exists(evidence.file.name)
    assert client.get(media_url).status_code == 404
    assert client.get(f"/media/{evidence.thumbnail.name}").status_code == 404
    client.force_login(people.officer_b)
    assert client.get(media_url).status_code == 404


def test_a_cached_plan_render_is_not_served_from_its_guessable_address(
    db, client, development_urls
):
    name = default_storage.save("plans/renders/plan-1-v1.pdf", ContentFile(b"%PDF-1.7 secret"))
    assert client.get(f"/media/{name}").status_code == 404


def test_the_owner_still_sees_the_evidence_through_its_view(client, people, evidence):
    url = reverse("activities:evidence_download", args=[evidence.pk])
    assert client.get(url).status_code == 302  # anonymous: to the login page

    client.force_login(people.officer_a)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == evidence.file.open("rb").read()
    thumbnail = client.get(reverse("activities:evidence_thumbnail", args=[evidence.pk]))
    assert thumbnail.status_code == 200 and thumbnail["Content-Type"] == "image/jpeg"
    detail = client.get(reverse("activities:detail", args=[evidence.activity.pk])).content
    assert reverse("activities:evidence_thumbnail", args=[evidence.pk]).encode() in detail
    assert b"/media/" not in detail

    client.force_login(people.officer_b)
    assert client.get(url).status_code == 404
