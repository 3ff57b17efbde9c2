"""People: accounts, role grants and password resets (docs/decisions/0002)."""

import pytest
from django.core import mail
from django.urls import reverse

from binhdang.accounts import policy, services
from binhdang.accounts.choices import Role
from binhdang.accounts.models import RoleGrant, User
from binhdang.accounts.tests.factories import user_with_role


def people_page(client, **params) -> str:
    return client.get(reverse("units:people"), params).content.decode()


def test_secretariat_lists_only_the_people_of_the_department(client, people, tree):
    user_with_role(Role.UNIT_OFFICER, tree.school_c, full_name="Quảng Ninh Cán Bộ")
    client.force_login(people.secretariat)
    page = people_page(client)
    assert "Dave Cán Bộ" in page and "Erin Cán Bộ" in page and "Bob Lãnh Đạo" in page
    assert "Quảng Ninh Cán Bộ" not in page
    assert "Grace Bộ" not in page and "Quản Trị" not in page  # Ministry and the admin


def test_search_people_without_diacritics(client, people, tree):
    client.force_login(people.secretariat)
    results = people_page(client, q="can bo").split('id="results"')[1]
    assert "Dave Cán Bộ" in results and "Erin Cán Bộ" in results
    assert "Bob Lãnh Đạo" not in results


def test_admin_sees_everyone(client, people, tree):
    client.force_login(people.admin)
    page = people_page(client)
    for name in ("Grace Bộ", "Oscar Người Ngoài", "Dave Cán Bộ", "Alice Thư Ký"):
        assert name in page


def _new_person(tree, **changes):
    data = {
        "username": "lan.nguyen",
        "full_name": "Nguyễn Thị Lan",
        "email": "lan@haiphong.edu.vn",
        "job_title": "Giáo viên",
        "sex": "F",
        "home_unit": tree.school_a.code,
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_creating_an_account_without_password_emails_a_link(client, people, tree):
    client.force_login(people.secretariat)
    response = client.post(reverse("units:person_create"), _new_person(tree))
    person = User.objects.get(username="lan.nguyen")
    assert response.status_code == 302
    assert person.home_unit == tree.school_a and not person.has_usable_password()
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["lan@haiphong.edu.vn"]
    assert "/accounts/reset/" in mail.outbox[0].body


def test_a_weak_initial_password_is_refused_by_the_validators(client, people, tree):
    client.force_login(people.secretariat)
    response = client.post(
        reverse("units:person_create"),
        _new_person(tree, password1="12345678", password2="12345678"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mật khẩu" in page and 'class="error"' in page
    assert not User.objects.filter(username="lan.nguyen").exists()


def test_a_strong_initial_password_works(client, people, tree):
    client.force_login(people.secretariat)
    password = "Hai-Phong-Bien-Xanh-2026"
    client.post(
        reverse("units:person_create"), _new_person(tree, password1=password, password2=password)
    )
    assert User.objects.get(username="lan.nguyen").check_password(password)
    assert mail.outbox == []


def test_a_taken_username_is_named(client, people, tree):
    client.force_login(people.secretariat)
    response = client.post(reverse("units:person_create"), _new_person(tree, username="dave"))
    assert "Tên đăng nhập này đã được dùng." in response.content.decode()


def test_secretariat_cannot_create_an_account_in_another_department(client, people, tree):
    client.force_login(people.secretariat)
    response = client.post(
        reverse("units:person_create"), _new_person(tree, home_unit=tree.school_c.code)
    )
    assert "Không có đơn vị mã “QN-THPT-001” trong phạm vi của bạn." in response.content.decode()
    assert not User.objects.filter(username="lan.nguyen").exists()


def test_editing_and_locking_an_account(client, people, tree):
    client.force_login(people.secretariat)
    dave = people.officer_a
    response = client.post(
        reverse("units:person_edit", args=[dave.pk]),
        {
            "username": "dave",
            "full_name": "Dave Cán Bộ",
            "email": "dave@example.test",
            "job_title": "Thư ký Ban",
            "sex": "M",
            "home_unit": tree.school_a.code,
            "version": dave.version,
        },
    )
    assert response.status_code == 302
    dave.refresh_from_db()
    assert dave.job_title == "Thư ký Ban" and not dave.is_active


def test_nobody_locks_their_own_account(client, people, tree):
    client.force_login(people.secretariat)
    alice = people.secretariat
    response = client.post(
        reverse("units:person_edit", args=[alice.pk]),
        {
            "username": "alice",
            "full_name": "Alice Thư Ký",
            "email": alice.email,
            "sex": "F",
            "home_unit": tree.department.code,
            "version": alice.version,
        },
    )
    assert "Bạn không thể tự khóa tài khoản của chính mình." in response.content.decode()
    alice.refresh_from_db()
    assert alice.is_active


def test_granting_a_role_within_reach(client, people, tree):
    client.force_login(people.secretariat)
    erin = people.officer_b
    response = client.post(
        reverse("units:person_grant", args=[erin.pk]),
        {"unit": tree.school_b.code, "role": Role.UNIT_HEAD},
    )
    assert response.status_code == 302
    assert RoleGrant.objects.filter(user=erin, unit=tree.school_b, role=Role.UNIT_HEAD).exists()
    assert policy.can(erin, policy.Action.APPROVE, tree.school_b)


def test_secretariat_cannot_grant_the_administrator_role(client, people, tree):
    client.force_login(people.secretariat)
    response = client.post(
        reverse("units:person_grant", args=[people.officer_b.pk]),
        {"unit": tree.school_b.code, "role": Role.ADMIN},
    )
    assert response.status_code == 200
    assert not RoleGrant.objects.filter(user=people.officer_b, role=Role.ADMIN).exists()


def test_secretariat_cannot_grant_outside_the_department(client, people, tree):
    client.force_login(people.secretariat)
    client.post(
        reverse("units:person_grant", args=[people.officer_b.pk]),
        {"unit": tree.school_c.code, "role": Role.UNIT_OFFICER},
    )
    assert not RoleGrant.objects.filter(user=people.officer_b, unit=tree.school_c).exists()


def test_service_refuses_a_grant_beyond_the_granters_reach(people, tree):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.role_grant(
            user=people.officer_b,
            unit=tree.school_c,
            role=Role.UNIT_OFFICER,
            granted_by=people.secretariat,
        )


def test_secretariat_cannot_touch_someone_with_a_role_elsewhere(client, people, tree):
    services.role_grant(user=people.officer_b, unit=tree.school_c, role=Role.VIEWER)
    client.force_login(people.secretariat)
    assert client.get(reverse("units:person_edit", args=[people.officer_b.pk])).status_code == 404
    response = client.post(reverse("units:person_reset", args=[people.officer_b.pk]))
    assert response.status_code == 404 and mail.outbox == []


def test_revoking_a_role(client, people, tree):
    grant = services.role_grant(user=people.officer_b, unit=tree.school_b, role=Role.UNIT_HEAD)
    client.force_login(people.secretariat)
    response = client.post(reverse("units:grant_revoke", args=[grant.pk]))
    assert response.status_code == 302
    assert not RoleGrant.objects.filter(pk=grant.pk).exists()


def test_nobody_revokes_their_own_role(client, people, tree):
    grant = people.secretariat.grants.get()
    client.force_login(people.secretariat)
    page = client.get(
        client.post(reverse("units:grant_revoke", args=[grant.pk]))["Location"]
    ).content.decode()
    assert "Bạn không thể tự thu hồi quyền của chính mình." in page
    assert RoleGrant.objects.filter(pk=grant.pk).exists()


def test_reset_password_sends_the_reset_email(client, people, tree):
    client.force_login(people.secretariat)
    response = client.post(reverse("units:person_reset", args=[people.officer_a.pk]))
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [people.officer_a.email]
    assert "Đặt lại mật khẩu" in message.subject and "/accounts/reset/" in message.body
    link = next(line for line in message.body.splitlines() if "/accounts/reset/" in line)
    path = link.split("testserver", 1)[1]
    client.logout()
    form = client.get(path, follow=True)
    assert form.status_code == 200 and "new_password1" in form.content.decode()


def test_the_people_list_keeps_a_query_budget(client, people, tree, django_assert_max_num_queries):
    for index in range(30):
        user_with_role(Role.UNIT_OFFICER, tree.school_a, full_name=f"Cán Bộ Thêm {index}")
    client.force_login(people.secretariat)
    with django_assert_max_num_queries(12):
        page = people_page(client)
    assert "Cán Bộ Thêm 29" in page


def test_two_managers_editing_one_account_do_not_overwrite_each_other(client, people, tree):
    dave = people.officer_a
    data = {
        "username": "dave",
        "full_name": "Dave Cán Bộ",
        "email": dave.email,
        "sex": "M",
        "home_unit": tree.school_a.code,
        "is_active": "on",
        "version": dave.version,
    }
    client.force_login(people.admin)
    client.post(reverse("units:person_edit", args=[dave.pk]), {**data, "job_title": "Bản 1"})
    client.force_login(people.secretariat)
    response = client.post(
        reverse("units:person_edit", args=[dave.pk]), {**data, "job_title": "Bản 2"}
    )
    assert "vừa được người khác cập nhật" in response.content.decode()
    dave.refresh_from_db()
    assert dave.job_title == "Bản 1"
