"""A school never sees another school's activities or evidence; the viewer sees numbers only."""

import pytest
from django.urls import reverse

from binhdang.activities import services
from binhdang.activities.models import Activity, Evidence

from .factories import ActivityFactory, png_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(tree, people):
    activity = ActivityFactory(unit=tree.school_a, title="Phát động Tháng hành động tại Ngô Quyền")
    return services.evidence_add(activity=activity, user=people.officer_a, upload=png_upload())


def test_school_b_gets_404_for_school_a_records_and_files(client, people, photo):
    client.force_login(people.officer_b)
    activity = photo.activity
    for url in (
        reverse("activities:detail", args=[activity.pk]),
        reverse("activities:edit", args=[activity.pk]),
        reverse("activities:delete", args=[activity.pk]),
        reverse("activities:evidence_download", args=[photo.pk]),
        reverse("activities:evidence_thumbnail", args=[photo.pk]),
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("activities:evidence_delete", args=[photo.pk])).status_code == 404
    assert (
        client.post(
            reverse("activities:evidence_upload", args=[activity.pk]), {"file": png_upload()}
        ).status_code
        == 404
    )
    assert Evidence.objects.count() == 1
    listing = client.get(reverse("activities:list"), {"q": "Ngô Quyền"}).content.decode()
    assert activity.title not in listing


def test_a_missing_record_and_a_forbidden_one_look_the_same(client, people, photo):
    client.force_login(people.officer_b)
    forbidden = client.get(reverse("activities:evidence_download", args=[photo.pk]))
    missing = client.get(reverse("activities:evidence_download", args=[photo.pk + 1000]))
    assert forbidden.status_code == missing.status_code == 404


def test_the_ministry_viewer_sees_aggregates_not_records(client, people, photo):
    client.force_login(people.viewer)
    assert client.get(reverse("activities:list")).status_code == 403
    assert client.get(reverse("activities:export_xlsx")).status_code == 403
    assert client.get(reverse("activities:calendar")).status_code == 403
    assert client.get(reverse("activities:detail", args=[photo.activity.pk])).status_code == 404
    assert client.get(reverse("activities:evidence_download", args=[photo.pk])).status_code == 404
    assert client.get(reverse("activities:campaign")).status_code == 200


def test_the_evidence_file_name_does_not_reveal_or_guess(photo):
    # Stored under a random name: knowing the school and year is not enough to find it.
    name = photo.file.name.rsplit("/", 1)[-1]
    assert len(name.split(".")[0]) == 32
    assert "anh-hoat-dong" not in photo.file.name


@pytest.mark.parametrize(
    ("persona", "status", "deleted"),
    [
        ("officer_a", 302, True),
        ("head_a", 302, True),
        ("secretariat", 302, True),
        ("leader", 403, False),
        ("member", 403, False),
        ("officer_b", 404, False),
        ("viewer", 404, False),
    ],
)
def test_who_may_delete_an_activity(client, tree, people, persona, status, deleted):
    activity = ActivityFactory(unit=tree.school_a)
    client.force_login(getattr(people, persona))
    response = client.post(reverse("activities:delete", args=[activity.pk]))
    assert response.status_code == status
    assert Activity.objects.filter(pk=activity.pk).exists() is not deleted


@pytest.mark.parametrize(
    ("persona", "status", "deleted"),
    [
        ("officer_a", 302, True),
        ("admin", 302, True),
        ("case_officer", 403, False),
        ("officer_b", 404, False),
        ("outsider", 404, False),
    ],
)
def test_who_may_delete_evidence(client, people, photo, persona, status, deleted):
    client.force_login(getattr(people, persona))
    response = client.post(reverse("activities:evidence_delete", args=[photo.pk]))
    assert response.status_code == status
    assert Evidence.objects.filter(pk=photo.pk).exists() is not deleted
