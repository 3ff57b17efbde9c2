"""save_versioned: the compare-and-set refuses a stale edit and every accepted edit is audited."""

import pytest

from binhdang.accounts.models import CommitteeMember
from binhdang.accounts.tests.factories import CommitteeMemberFactory, UserFactory
from binhdang.core.concurrency import StaleEdit, save_versioned

pytestmark = pytest.mark.django_db


def _latest(member):
    return member.history.order_by("-history_id").first()


def test_an_accepted_edit_writes_one_history_row_by_the_editor():
    member = CommitteeMemberFactory(job_title="Phó hiệu trưởng")
    editor = UserFactory()
    before = member.history.count()
    member.job_title = "Hiệu trưởng"
    save_versioned(member, expected_version=member.version, fields=["job_title"], user=editor)
    assert member.history.count() == before + 1
    row = _latest(member)
    assert row.job_title == "Hiệu trưởng" and row.history_type == "~"
    assert row.history_user == editor and row.version == member.version


def test_a_partly_loaded_instance_is_audited_with_the_whole_row():
    member = CommitteeMemberFactory(full_name="Đỗ Thị Hoa", job_title="Giáo viên")
    lean = CommitteeMember.objects.only("pk", "version", "job_title").get(pk=member.pk)
    lean.job_title = "Tổ trưởng chuyên môn"
    save_versioned(lean, expected_version=lean.version, fields=["job_title"])
    row = _latest(member)
    assert row.job_title == "Tổ trưởng chuyên môn" and row.full_name == "Đỗ Thị Hoa"


def test_a_stale_edit_changes_nothing_and_audits_nothing():
    member = CommitteeMemberFactory(job_title="Giáo viên")
    before = member.history.count()
    member.job_title = "Bản của người thứ hai"
    with pytest.raises(StaleEdit):
        save_versioned(member, expected_version=member.version - 1, fields=["job_title"])
    member.refresh_from_db()
    assert member.job_title == "Giáo viên" and member.history.count() == before
