import pytest

from binhdang.accounts import policy, services
from binhdang.accounts.models import OrgUnit


def test_secretariat_reaches_every_unit_of_the_department_only(people, tree):
    visible = set(policy.units_for(people.secretariat))
    assert visible == {tree.department, tree.school_a, tree.school_b}


def test_a_school_officer_sees_only_their_school(people, tree):
    assert list(policy.units_for(people.officer_a)) == [tree.school_a]
    assert not policy.can(people.officer_a, policy.Action.VIEW, tree.school_b)


def test_viewer_gets_aggregates_but_no_records(people, tree):
    assert policy.units_for(people.viewer).count() == 0
    assert policy.units_for(people.viewer, policy.Action.VIEW_AGGREGATE).count() == 6


def test_outsider_sees_nothing(people):
    assert policy.units_for(people.outsider).count() == 0


def test_get_object_for_user_hides_other_schools_with_404(people, tree):
    import pytest
    from django.http import Http404

    with pytest.raises(Http404):
        policy.get_object_for_user(
            OrgUnit.objects.all(), people.officer_a, via="", pk=tree.school_b.pk
        )


def test_moving_a_unit_carries_its_subtree(people, tree):
    services.unit_move(unit=tree.school_a, new_parent=tree.other_department)
    tree.school_a.refresh_from_db()
    assert tree.school_a.is_within(tree.other_department)
    policy.forget(people.secretariat)
    assert tree.school_a not in set(policy.units_for(people.secretariat))


def test_document_header_of_a_school_names_the_department_above_it(tree):
    tree.department.short_name = "Sở GDĐT Hải Phòng"
    tree.department.governing_body = "UBND thành phố Hải Phòng"
    tree.department.document_name = "Sở Giáo dục và Đào tạo"
    tree.department.save()
    tree.school_a.refresh_from_db()
    assert tree.school_a.document_header() == ("SỞ GDĐT HẢI PHÒNG", "TRƯỜNG THPT NGÔ QUYỀN")
    assert tree.department.document_header() == (
        "UBND THÀNH PHỐ HẢI PHÒNG",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    )


def _branch_of(school: OrgUnit) -> OrgUnit:
    return OrgUnit.objects.create(
        code=f"{school.code}-PH",
        name=f"Phân hiệu {school.name}",
        unit_type=school.unit_type,
        parent=school,
    )


def test_a_plain_save_that_changes_the_parent_moves_the_whole_subtree(people, tree):
    branch = _branch_of(tree.school_a)
    # As the Django admin does: load the row, change the parent, save().
    school = OrgUnit.objects.get(pk=tree.school_a.pk)
    school.parent = tree.other_department
    school.save()

    school.refresh_from_db()
    branch.refresh_from_db()
    assert school.is_within(tree.other_department)
    assert not school.is_within(tree.department)
    assert branch.path == f"{tree.other_department.path}{school.pk}/{branch.pk}/"
    assert branch.depth == school.depth + 1 == 3
    assert set(policy.units_for(people.secretariat)) == {tree.department, tree.school_b}
    # The school's own people keep their school: the grant follows the unit.
    assert set(policy.units_for(people.officer_a)) == {school, branch}


def test_a_unit_cannot_be_hung_under_its_own_descendant(tree):
    from django.core.exceptions import ValidationError

    branch = _branch_of(tree.school_a)
    school = OrgUnit.objects.get(pk=tree.school_a.pk)
    school.parent = branch
    with pytest.raises(ValidationError) as refused:
        school.save()
    assert "cây con" in str(refused.value.message_dict["parent"])
    school.refresh_from_db()
    assert school.parent_id == tree.department.pk and school.is_within(tree.department)


def test_a_stale_instance_does_not_write_back_an_old_path(tree):
    branch = _branch_of(tree.school_a)
    loaded_before_the_move = OrgUnit.objects.get(pk=branch.pk)
    services.unit_move(unit=tree.school_a, new_parent=tree.other_department)
    loaded_before_the_move.name = "Phân hiệu mới"
    loaded_before_the_move.save()
    branch.refresh_from_db()
    assert branch.is_within(tree.other_department) and branch.name == "Phân hiệu mới"


def test_the_creation_history_of_a_unit_records_its_place_in_the_tree(tree):
    branch = _branch_of(tree.school_a)
    created = branch.history.get(history_type="+")
    assert created.path == branch.path == f"{tree.school_a.path}{branch.pk}/"
    assert created.depth == 3


def test_the_admin_moves_a_school_and_refuses_a_cycle(client, people, tree):
    from django.urls import reverse

    branch = _branch_of(tree.school_a)
    client.force_login(people.admin)
    url = reverse("admin:accounts_orgunit_change", args=[tree.school_a.pk])
    form = {
        "code": tree.school_a.code,
        "name": tree.school_a.name,
        "unit_type": tree.school_a.unit_type,
        "version": tree.school_a.version,
        "is_active": "on",
    }
    refused = client.post(url, {**form, "parent": branch.pk})
    assert refused.status_code == 200
    assert "Không thể chuyển một đơn vị vào chính cây con của nó." in refused.content.decode()

    moved = client.post(url, {**form, "parent": tree.other_department.pk})
    assert moved.status_code == 302
    branch.refresh_from_db()
    assert branch.is_within(tree.other_department)
    policy.forget(people.secretariat)
    assert tree.school_a not in set(policy.units_for(people.secretariat))
