"""The plan pages as people use them: import, edit, stale edits, approve, issue, inbox."""

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from msoffcrypto.format.ooxml import OOXMLFile

from binhdang.plans import services
from binhdang.plans.choices import PlanStatus
from binhdang.plans.models import Plan, PlanBasis, PlanDistribution, PlanItem, PlanSection
from binhdang.plans.tests.factories import seed_bytes
from binhdang.plans.tests.fixtures.build_docx import SEED_2024, build_docx
from binhdang.plans.tests.test_import_errors import to_cp1258

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(tree, people):
    return services.plan_create(unit=tree.department, user=people.secretariat, year=2026)


@pytest.fixture
def issued(draft, people):
    services.plan_approve(plan=draft, user=people.leader)
    return services.plan_issue(plan=draft, user=people.secretariat, date=dt.date(2026, 1, 12))


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


# --- import -----------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2024, 2026])
def test_importing_a_seed_previews_then_saves_a_draft(client, people, tree, year):
    client.force_login(people.secretariat)
    data, name = seed_bytes(year)

    preview = client.post(
        reverse("plans:import"), {"unit": tree.department.pk, "file": upload(name, data)}
    )
    assert preview.status_code == 200
    page = preview.content.decode()
    assert "Lưu thành dự thảo" in page
    assert "Đỗ Thị Hòa" in page if year == 2024 else "Phí Thị Thùy Vân" in page
    assert not Plan.objects.exists()  # nothing stored before "save"

    saved = client.post(reverse("plans:import_save"), {"token": preview.context["token"]})
    plan = Plan.objects.get()
    assert saved.status_code == 302
    assert saved["Location"] == reverse("plans:detail", args=[plan.pk])
    assert (plan.year, plan.status, plan.source_filename) == (year, PlanStatus.DRAFT, name)
    assert plan.bases.count() == (5 if year == 2024 else 3)
    assert PlanSection.objects.filter(plan=plan, parent__label="II").count() == 5


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("rong.txt", b"", "rỗng"),
        ("hong.docx", b"PK\x03\x04 not really a zip archive", "bị hỏng"),
        # An OLE2 header with nothing inside is neither an encrypted .docx nor a .doc.
        ("ole-rong.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "bị hỏng"),
        ("nhi-phan.txt", b"\x00\x01\x02binary\x00data", "nhị phân"),
        ("anh.png", b"\x89PNG\r\n\x1a\n....", "chỉ nhận kế hoạch dạng Word"),
        ("ghi-chu.txt", "Chỉ là một dòng ghi chú.".encode(), "Không"),
        ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "định dạng Word cũ"),
        ("lon.txt", b"a" * (10 * 1024 * 1024 + 1), "quá lớn"),
    ],
)
def test_a_bad_file_gets_a_vietnamese_message_and_saves_nothing(
    client, people, tree, name, data, message
):
    client.force_login(people.secretariat)
    response = client.post(
        reverse("plans:import"), {"unit": tree.department.pk, "file": upload(name, data)}
    )
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get("file", []))
    assert message in errors
    assert "Lưu thành dự thảo" not in response.content.decode()
    assert not Plan.objects.exists()


def test_the_browser_gives_the_importers_own_advice(client, people, tree):
    """A real password-protected .docx and a Windows-1258 text: the page says what to do."""
    client.force_login(people.secretariat)
    docx = build_docx(SEED_2024.read_text(encoding="utf-8"))
    encrypted = io.BytesIO()
    OOXMLFile(io.BytesIO(docx)).encrypt("mat-khau", encrypted)
    cases = [
        ("co-mat-khau.docx", encrypted.getvalue(), "bỏ mật khẩu"),
        ("cu.txt", to_cp1258(SEED_2024.read_text(encoding="utf-8")), "UTF-8"),
    ]
    for name, data, advice in cases:
        response = client.post(
            reverse("plans:import"), {"unit": tree.department.pk, "file": upload(name, data)}
        )
        errors = " ".join(response.context["form"].errors.get("file", []))
        assert advice in errors, errors
    assert not Plan.objects.exists()


def test_the_preview_shows_unplaced_text(client, people, tree):
    client.force_login(people.secretariat)
    data, _name = seed_bytes(2026)
    stray = "Ghi chú nội bộ: bản lưu của phòng Tổ chức cán bộ"
    data = (stray + "\n\n").encode() + data
    response = client.post(
        reverse("plans:import"), {"unit": tree.department.pk, "file": upload("kh.md", data)}
    )
    page = response.content.decode()
    assert "1 đoạn chưa xếp được vào cấu trúc" in page
    assert stray in page

    client.post(reverse("plans:import_save"), {"token": response.context["token"]})
    plan = Plan.objects.get()
    assert plan.unplaced == [stray]
    assert stray in client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    client.post(reverse("plans:unplaced_dismiss", args=[plan.pk, 0]), {"version": plan.version})
    plan.refresh_from_db()
    assert plan.unplaced == []


def test_a_save_token_from_another_session_saves_nothing(client, people, tree):
    client.force_login(people.secretariat)
    response = client.post(reverse("plans:import_save"), {"token": "forged"})
    assert response.status_code == 302
    assert not Plan.objects.exists()


# --- editing ----------------------------------------------------------------------------------


def test_adding_a_task_through_htmx_returns_the_editor(client, people, draft):
    client.force_login(people.secretariat)
    part = draft.sections.get(label="II")
    response = client.post(
        reverse("plans:row_add", args=[draft.pk, "section"]),
        {
            "version": draft.version,
            "title": "Tổ chức Tháng hành động",
            "label": "",
            "parent": part.pk,
        },
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert 'id="editor"' in response.content.decode()
    assert "Tổ chức Tháng hành động" in response.content.decode()
    task = PlanSection.objects.get(title="Tổ chức Tháng hành động")
    assert (task.parent, task.label) == (part, "1")
    draft.refresh_from_db()
    assert f'name="version" value="{draft.version}"' in response.content.decode()


def test_editing_a_basis_recomputes_its_citation(client, people, draft):
    client.force_login(people.secretariat)
    basis = services.basis_add(
        plan=draft, version=draft.version, user=people.secretariat, text="Căn cứ"
    )
    draft.refresh_from_db()
    client.post(
        reverse("plans:row_edit", args=[draft.pk, "basis", basis.pk]),
        {
            "version": draft.version,
            "text": "Căn cứ Kế hoạch số 2394/KH-BGDĐT ngày 26/12/2025 của Bộ Giáo dục và Đào tạo;",
        },
    )
    basis.refresh_from_db()
    assert basis.reference == "2394/KH-BGDĐT"


def test_a_stale_edit_shows_the_message_and_changes_nothing(client, people, draft):
    client.force_login(people.secretariat)
    section = draft.sections.get(label="I")
    loaded = draft.version
    services.section_update(
        section=section,
        version=loaded,
        user=people.secretariat,
        title="Sửa của người khác",
        label="I",
    )
    response = client.post(
        reverse("plans:row_edit", args=[draft.pk, "section", section.pk]),
        {"version": loaded, "title": "Sửa của tôi", "label": "I"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert "vừa được người khác cập nhật" in response.content.decode()
    section.refresh_from_db()
    assert section.title == "Sửa của người khác"

    response = client.post(
        reverse("plans:header", args=[draft.pk]),
        {"version": loaded, "year": 2026, "doc_type": "KẾ HOẠCH", "title": "Tên mới"},
        follow=True,
    )
    assert "vừa được người khác cập nhật" in response.content.decode()
    draft.refresh_from_db()
    assert draft.title != "Tên mới"


def test_items_move_and_delete_from_the_editor(client, people, draft):
    client.force_login(people.secretariat)
    section = draft.sections.get(label="III")
    for text in ("Một", "Hai"):
        client.post(
            reverse("plans:row_add", args=[draft.pk, "item"]),
            {
                "version": Plan.objects.get().version,
                "section": section.pk,
                "kind": "bullet",
                "text": text,
            },
        )
    two = PlanItem.objects.get(text="Hai")
    client.post(
        reverse("plans:row_move", args=[draft.pk, "item", two.pk]),
        {"version": Plan.objects.get().version, "direction": "up"},
    )
    assert list(section.items.order_by("order").values_list("text", flat=True)) == ["Hai", "Một"]
    client.post(
        reverse("plans:row_delete", args=[draft.pk, "item", two.pk]),
        {"version": Plan.objects.get().version},
    )
    assert list(section.items.values_list("text", flat=True)) == ["Một"]


def test_an_issued_plan_cannot_be_edited(client, people, issued):
    client.force_login(people.secretariat)
    page = client.get(reverse("plans:edit", args=[issued.pk]), follow=True)
    assert "đã được ban hành ngày 12/01/2026 nên không thể sửa" in page.content.decode()

    section = issued.sections.get(label="I")
    client.post(
        reverse("plans:row_edit", args=[issued.pk, "section", section.pk]),
        {"version": issued.version, "title": "Sửa sau ban hành", "label": "I"},
    )
    section.refresh_from_db()
    assert section.title == "MỤC ĐÍCH, YÊU CẦU"


def test_a_row_of_another_plan_is_not_found(client, people, draft, tree):
    other = services.plan_create(unit=tree.department, user=people.secretariat, year=2027)
    client.force_login(people.secretariat)
    section = other.sections.first()
    response = client.post(
        reverse("plans:row_delete", args=[draft.pk, "section", section.pk]),
        {"version": draft.version},
    )
    assert response.status_code == 404
    assert PlanSection.objects.filter(pk=section.pk).exists()


# --- workflow ---------------------------------------------------------------------------------


def test_only_the_leader_approves_and_only_the_secretariat_issues(client, people, draft, tree):
    client.force_login(people.secretariat)
    assert client.post(reverse("plans:approve", args=[draft.pk])).status_code == 403
    client.force_login(people.leader)
    client.post(reverse("plans:approve", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == PlanStatus.APPROVED

    client.force_login(people.member)
    assert client.get(reverse("plans:issue", args=[draft.pk])).status_code == 403
    client.force_login(people.head_a)  # an approved, not yet issued plan is not theirs to see
    assert client.get(reverse("plans:issue", args=[draft.pk])).status_code == 404
    client.force_login(people.secretariat)
    form = client.get(reverse("plans:issue", args=[draft.pk]))
    assert "Trường THPT Ngô Quyền" in form.content.decode()
    response = client.post(
        reverse("plans:issue", args=[draft.pk]),
        {"date": "12/01/2026", "units": [tree.school_a.pk, tree.school_b.pk]},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.status, draft.reference, draft.date) == (
        PlanStatus.ISSUED,
        "1/KH-SGDĐT",
        dt.date(2026, 1, 12),
    )
    assert draft.distributions.count() == 2


def test_the_leader_and_the_secretariat_are_warned_of_open_findings(client, people, draft):
    services.basis_add(
        plan=draft,
        version=draft.version,
        user=people.secretariat,
        text="Căn cứ Quyết định số 283/QĐ-BGDĐT ngày 26/01/2022 của Bộ Giáo dục và Đào tạo",
    )
    draft.refresh_from_db()
    Plan.objects.filter(pk=draft.pk).update(unplaced=["Một dòng không xếp được"])
    client.force_login(people.leader)
    page = client.get(reverse("plans:detail", args=[draft.pk])).content.decode()
    assert "Còn việc cần xem lại trước khi duyệt, ban hành" in page
    assert "1 căn cứ bị đánh dấu" in page
    assert "1 đoạn của tệp nhập chưa xếp vào cấu trúc" in page

    client.post(reverse("plans:approve", args=[draft.pk]))  # a warning, not a block
    draft.refresh_from_db()
    assert draft.status == PlanStatus.APPROVED
    client.force_login(people.secretariat)
    page = client.get(reverse("plans:issue", args=[draft.pk])).content.decode()
    assert "1 căn cứ bị đánh dấu" in page


def test_a_clean_plan_shows_no_findings_warning(client, people, draft):
    client.force_login(people.leader)
    page = client.get(reverse("plans:detail", args=[draft.pk])).content.decode()
    assert "Còn việc cần xem lại" not in page


def test_a_school_opens_the_plan_from_its_inbox_and_the_receipt_shows(client, people, issued, tree):
    client.force_login(people.officer_a)
    inbox = client.get(reverse("plans:inbox"))
    assert issued.title in inbox.content.decode()
    assert "Chưa mở" in inbox.content.decode()

    client.get(reverse("plans:detail", args=[issued.pk]))
    client.get(reverse("plans:detail", args=[issued.pk]))
    receipt = PlanDistribution.objects.get(plan=issued, unit=tree.school_a)
    assert receipt.opened_by == people.officer_a

    client.force_login(people.secretariat)
    page = client.get(reverse("plans:receipts", args=[issued.pk]))
    assert page.context["opened"] == 1
    assert page.context["unopened"] == 1
    assert "Dave Cán Bộ" in page.content.decode()


def test_a_school_never_sees_another_schools_draft(client, people, tree):
    plan_b = services.plan_create(unit=tree.school_b, user=people.officer_b, year=2026)
    client.force_login(people.officer_a)
    assert client.get(reverse("plans:detail", args=[plan_b.pk])).status_code == 404
    listing = client.get(reverse("plans:list"))
    assert plan_b not in list(listing.context["page_obj"])


# --- lists and their query budgets ------------------------------------------------------------


def test_the_plan_list_has_a_fixed_query_budget(
    client, people, tree, django_assert_max_num_queries
):
    for year in range(2020, 2032):
        plan = services.plan_create(unit=tree.department, user=people.secretariat, year=year)
        services.plan_approve(plan=plan, user=people.leader)
        services.plan_issue(plan=plan, user=people.secretariat, date=dt.date(year, 1, 10))
    client.force_login(people.secretariat)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("plans:list"))
    assert len(response.context["page_obj"]) == 12
    assert "0 / 2" in response.content.decode()


def test_the_inbox_has_a_fixed_query_budget(client, people, tree, django_assert_max_num_queries):
    for year in range(2020, 2030):
        plan = services.plan_create(unit=tree.department, user=people.secretariat, year=year)
        services.plan_approve(plan=plan, user=people.leader)
        services.plan_issue(plan=plan, user=people.secretariat, date=dt.date(year, 1, 10))
    client.force_login(people.officer_a)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("plans:inbox"))
    assert len(response.context["page_obj"]) == 10


def test_the_plan_page_costs_the_same_whatever_the_plan_size(
    client, people, tree, django_assert_max_num_queries
):
    from binhdang.plans.importing import import_plan_file

    data, name = seed_bytes(2024)
    plan = services.plan_import(
        document=import_plan_file(data, name), unit=tree.department, user=people.secretariat
    )
    client.force_login(people.secretariat)
    with django_assert_max_num_queries(20):
        client.get(reverse("plans:detail", args=[plan.pk]))
    with django_assert_max_num_queries(15):
        client.get(reverse("plans:edit", args=[plan.pk]))


def test_the_list_filters_by_year_and_status(client, people, tree, draft):
    other = services.plan_create(unit=tree.department, user=people.secretariat, year=2025)
    services.plan_approve(plan=other, user=people.leader)
    client.force_login(people.secretariat)
    response = client.get(reverse("plans:list"), {"year": 2025})
    assert list(response.context["page_obj"]) == [other]
    response = client.get(reverse("plans:list"), {"status": "draft"})
    assert list(response.context["page_obj"]) == [draft]


def test_the_detail_reads_like_the_document_with_flags(client, people, tree):
    data, name = seed_bytes(2024)
    from binhdang.plans.importing import import_plan_file

    plan = services.plan_import(
        document=import_plan_file(data, name), unit=tree.department, user=people.secretariat
    )
    services.plan_update_header(plan=plan, version=plan.version, user=people.secretariat, year=2026)
    client.force_login(people.secretariat)
    page = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page
    assert "Đỗ Thị Hòa" in page
    assert PlanBasis.objects.filter(plan=plan, reference="117/KH-UBND").exists()
    assert "2025" in page  # the period-ended finding names the end of Plan 117's period
