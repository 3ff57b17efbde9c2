"""Named personas shared by every test (STYLE.md): a small tree and one person per role.

Tree: ministry -> department (Hải Phòng) -> school A (Ngô Quyền), school B (Lê Quý Đôn);
ministry -> other department (Quảng Ninh) -> school C.
"""

from types import SimpleNamespace

import pytest
from django.conf import settings as django_settings
from django.utils import translation

from binhdang.accounts.choices import Role, UnitType
from binhdang.accounts.tests.factories import OrgUnitFactory, UserFactory, user_with_role


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # A request in English (the switcher) leaves English active in this thread; each test
    # starts in Vietnamese, as a user does.
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def tree(db):
    ministry = OrgUnitFactory(
        code="BGDDT", name="Bộ Giáo dục và Đào tạo", unit_type=UnitType.MINISTRY
    )
    department = OrgUnitFactory(
        code="SGDDT-HP",
        name="Sở Giáo dục và Đào tạo Hải Phòng",
        unit_type=UnitType.DEPARTMENT,
        parent=ministry,
    )
    school_a = OrgUnitFactory(
        code="HP-THPT-002", name="Trường THPT Ngô Quyền", parent=department, district="Ngô Quyền"
    )
    school_b = OrgUnitFactory(
        code="HP-THPT-004", name="Trường THPT Lê Quý Đôn", parent=department, district="Lê Chân"
    )
    other_department = OrgUnitFactory(
        code="SGDDT-QN",
        name="Sở Giáo dục và Đào tạo Quảng Ninh",
        unit_type=UnitType.DEPARTMENT,
        parent=ministry,
    )
    school_c = OrgUnitFactory(
        code="QN-THPT-001", name="Trường THPT Hòn Gai", parent=other_department, district="Hạ Long"
    )
    return SimpleNamespace(
        ministry=ministry,
        department=department,
        school_a=school_a,
        school_b=school_b,
        other_department=other_department,
        school_c=school_c,
    )


@pytest.fixture
def people(tree):
    """alice runs the secretariat; bob leads; carol heads school A; dave is A's officer;
    erin is B's officer; frank handles cases; grace views from the Ministry; oscar is an
    outsider with no grant; root administers."""
    return SimpleNamespace(
        secretariat=user_with_role(
            Role.SECRETARIAT, tree.department, username="alice", full_name="Alice Thư Ký"
        ),
        leader=user_with_role(
            Role.LEADER, tree.department, username="bob", full_name="Bob Lãnh Đạo"
        ),
        member=user_with_role(
            Role.COMMITTEE_MEMBER, tree.department, username="hanh", full_name="Hạnh Thành Viên"
        ),
        head_a=user_with_role(
            Role.UNIT_HEAD, tree.school_a, username="carol", full_name="Carol Hiệu Trưởng"
        ),
        officer_a=user_with_role(
            Role.UNIT_OFFICER, tree.school_a, username="dave", full_name="Dave Cán Bộ"
        ),
        officer_b=user_with_role(
            Role.UNIT_OFFICER, tree.school_b, username="erin", full_name="Erin Cán Bộ"
        ),
        case_officer=user_with_role(
            Role.CASE_OFFICER, tree.department, username="frank", full_name="Frank Xử Lý"
        ),
        viewer=user_with_role(Role.VIEWER, tree.ministry, username="grace", full_name="Grace Bộ"),
        admin=user_with_role(
            Role.ADMIN,
            tree.ministry,
            username="root",
            full_name="Quản Trị",
            is_staff=True,
            is_superuser=True,
        ),
        outsider=UserFactory(username="oscar", full_name="Oscar Người Ngoài"),
    )
