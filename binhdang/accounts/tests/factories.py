import datetime as dt

import factory

from binhdang.accounts import services
from binhdang.accounts.choices import CommitteePosition, Sex, UnitType
from binhdang.accounts.models import Committee, CommitteeMember, OrgUnit, User


class OrgUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrgUnit

    code = factory.Sequence(lambda n: f"U-{n:05d}")
    name = factory.Sequence(lambda n: f"Trường THPT Thử nghiệm {n}")
    unit_type = UnitType.UPPER_SECONDARY
    district = "Ngô Quyền"
    parent = None


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Thị Người Dùng {n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.test")
    password = factory.PostGenerationMethodCall("set_password", "Mat-khau-thu-nghiem-1")

    @factory.post_generation
    def finish(self, create, extracted, **kwargs):
        if create:
            self.save()


def user_with_role(role: str, unit: OrgUnit, **kwargs) -> User:
    user = UserFactory(home_unit=unit, **kwargs)
    services.role_grant(user=user, unit=unit, role=role)
    return user


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee

    unit = factory.SubFactory(OrgUnitFactory)
    name = factory.LazyAttribute(lambda o: f"Ban VSTBPN {o.unit.name}")


class CommitteeMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CommitteeMember

    committee = factory.SubFactory(CommitteeFactory)
    full_name = factory.Sequence(lambda n: f"Trần Thị Thành Viên {n}")
    position = CommitteePosition.MEMBER
    sex = Sex.FEMALE
    start_date = dt.date(2024, 1, 15)


# A committee established by one decision, one member per post in `posts` (women in even
# places); returns (committee, decision, {position: member}).
def committee_with_members(
    unit, *, posts=("head", "deputy", "secretary", "member"), decided=dt.date(2023, 3, 1)
):
    committee = services.committee_ensure(unit=unit)
    decision = services.committee_decision_record(
        committee=committee, number="45/QĐ-TEST", date=decided, signer="Hiệu trưởng"
    )
    members = {}
    for index, position in enumerate(posts):
        members[position] = services.member_add(
            committee=committee,
            full_name=f"Người số {index} {unit.code}",
            position=position,
            sex=Sex.FEMALE if index % 2 == 0 else Sex.MALE,
            start_date=decided,
            decision=decision,
            job_title="Giáo viên",
        )
    return committee, decision, members
