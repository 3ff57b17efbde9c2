"""Object-level access: a school never reaches another school's records (404, as for a
missing record), the Ministry viewer never reaches names, a department never reaches
another department."""

import pytest
from django.urls import reverse

from binhdang.accounts import policy
from binhdang.accounts.tests.factories import committee_with_members as build


@pytest.fixture
def committees(tree):
    return build(tree.school_a), build(tree.school_b, posts=("head", "deputy", "member"))


def test_school_a_officer_gets_404_for_school_b(client, people, tree, committees):
    _a, (_committee_b, _decision_b, members_b) = committees
    client.force_login(people.officer_a)
    school_b = tree.school_b.pk
    member_b = members_b["member"].pk
    for url in (
        reverse("units:detail", args=[school_b]),
        reverse("units:committee", args=[school_b]),
        reverse("units:edit", args=[school_b]),
        reverse("units:decision_create", args=[school_b]),
        reverse("units:member_add", args=[school_b]),
        reverse("units:member_edit", args=[member_b]),
        reverse("units:member_replace", args=[member_b]),
        reverse("units:member_end", args=[member_b]),
    ):
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("units:member_end", args=[member_b]), {"end_date": "01/01/2025"})
    assert response.status_code == 404
    members_b["member"].refresh_from_db()
    assert members_b["member"].end_date is None


def test_the_viewer_reaches_no_committee_page_and_no_member(client, people, tree, committees):
    (_c, _d, members_a), _b = committees
    client.force_login(people.viewer)
    assert client.get(reverse("units:committee", args=[tree.school_a.pk])).status_code == 404
    url = reverse("units:member_edit", args=[members_a["head"].pk])
    assert client.get(url).status_code == 404
    assert client.get(reverse("units:committees")).status_code == 403


def test_a_department_never_reaches_another_department(client, people, tree):
    client.force_login(people.secretariat)
    for url in (
        reverse("units:detail", args=[tree.school_c.pk]),
        reverse("units:edit", args=[tree.school_c.pk]),
        reverse("units:committee", args=[tree.school_c.pk]),
        reverse("units:tree", args=[tree.other_department.pk]),
    ):
        assert client.get(url).status_code == 404, url


def test_people_for_never_offers_a_superuser_to_a_secretariat(people, tree):
    people.officer_a.is_superuser = True
    people.officer_a.save()
    assert people.officer_a not in set(policy.people_for(people.secretariat))
    assert people.officer_a in set(policy.people_for(people.admin))
    assert people.officer_b in set(policy.people_for(people.secretariat))
