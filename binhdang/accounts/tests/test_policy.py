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
