"""Factories and seed helpers for the plans tests."""

from __future__ import annotations

from pathlib import Path

import factory

from binhdang.plans.choices import PlanKind, PlanStatus
from binhdang.plans.models import Plan, PlanBasis, PlanItem, PlanSection

SEEDS = Path(__file__).resolve().parent.parent / "demo_seeds"
SEED_2024 = SEEDS / "plan_2024.txt"
SEED_2026 = SEEDS / "plan_2026.md"


def seed_bytes(year: int) -> tuple[bytes, str]:
    path = SEED_2024 if year == 2024 else SEED_2026
    return path.read_bytes(), path.name


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan

    kind = PlanKind.DEPARTMENT
    year = 2026
    governing_body = "UBND THÀNH PHỐ HẢI PHÒNG"
    issuing_body = "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    symbol = "KH-SGDĐT"
    place = "Hải Phòng"
    title = factory.LazyAttribute(
        lambda o: f"Thực hiện công tác vì sự tiến bộ của phụ nữ và bình đẳng giới năm {o.year}"
    )
    signer_authority = "KT. GIÁM ĐỐC"
    signer_position = "PHÓ GIÁM ĐỐC"
    signer_name = "Phí Thị Thùy Vân"
    status = PlanStatus.DRAFT


class PlanSectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanSection

    plan = factory.SubFactory(PlanFactory)
    label = factory.Sequence(lambda n: str(n + 1))
    title = factory.Sequence(lambda n: f"Nhiệm vụ thử nghiệm {n}")
    order = factory.Sequence(lambda n: n)


class PlanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanItem

    section = factory.SubFactory(PlanSectionFactory)
    kind = "bullet"
    label = "-"
    text = factory.Sequence(lambda n: f"Nội dung thực hiện số {n}")
    order = factory.Sequence(lambda n: n)


class PlanBasisFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlanBasis

    plan = factory.SubFactory(PlanFactory)
    text = (
        "Căn cứ Quyết định số 383/QĐ-BGDĐT ngày 26/01/2022 của Bộ Giáo dục và Đào tạo về việc "
        "ban hành Kế hoạch hành động vì sự tiến bộ của phụ nữ và bình đẳng giới giai đoạn "
        "2021-2030 của Bộ Giáo dục và Đào tạo;"
    )
    reference = "383/QĐ-BGDĐT"
    order = factory.Sequence(lambda n: n)
