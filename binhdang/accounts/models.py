"""Organisation units, people, role grants and the Committees for the Advancement of Women."""

from __future__ import annotations

import re

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q, Value
from django.db.models.functions import Concat, Substr
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from binhdang.core.models import TimeStampedModel, VersionedModel
from binhdang.core.text import fold

from .choices import CommitteePosition, DecisionKind, Role, Sex, UnitType

PATH_SEPARATOR = "/"


def _depth(path: str) -> int:
    """Depth of a node from its path: "/1/" is the root (0), "/1/7/" its child (1)."""
    return path.count(PATH_SEPARATOR) - 2


def _cycle_error() -> ValidationError:
    message = _("Không thể chuyển một đơn vị vào chính cây con của nó.")
    return ValidationError({"parent": ValidationError(message, code="cycle")})


_CUSTOMARY_CODES = (("Sở Giáo dục và Đào tạo", "SGDĐT"), ("Bộ Giáo dục và Đào tạo", "BGDĐT"))


class OrgUnit(VersionedModel):
    """A node of the organisation tree: Ministry -> Department -> schools and units.

    `path` is a materialised path of primary keys ("/1/7/93/"), maintained by `save()`: a
    changed parent re-hangs the whole subtree, whoever saves. A subtree is one indexed prefix
    query (`path LIKE '/1/7/%'`), which is what the access policy filters on for every scoped
    list.
    """

    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    path = models.CharField(_("đường dẫn cây"), max_length=255, db_index=True, editable=False)
    depth = models.PositiveSmallIntegerField(_("cấp"), default=0, editable=False)
    code = models.CharField(_("mã đơn vị"), max_length=32, unique=True)
    name = models.CharField(_("tên đơn vị"), max_length=255)
    short_name = models.CharField(_("tên viết tắt"), max_length=100, blank=True)
    # Decree 30 header block: the governing body above the issuing body's name, as they are
    # printed on the unit's documents ("UBND THÀNH PHỐ HẢI PHÒNG" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO").
    governing_body = models.CharField(
        _("cơ quan chủ quản (in trên văn bản)"), max_length=150, blank=True
    )
    document_name = models.CharField(
        _("tên cơ quan ban hành (in trên văn bản)"), max_length=150, blank=True
    )
    unit_type = models.CharField(_("loại đơn vị"), max_length=32, choices=UnitType.choices)
    district = models.CharField(_("quận/huyện (cũ)"), max_length=100, blank=True)
    commune = models.CharField(_("xã/phường/đặc khu"), max_length=100, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    is_active = models.BooleanField(_("đang hoạt động"), default=True)
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    search_text = models.CharField(
        _("chuỗi tìm kiếm"), max_length=600, blank=True, editable=False, db_index=False
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        ordering = ["path"]
        indexes = [
            models.Index(fields=["unit_type"], name="orgunit_type_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        self.check_parent(self.parent)

    def check_parent(self, parent: OrgUnit | None) -> None:
        """Refuse a parent inside the unit's own subtree: the tree would become a cycle.

        Reads both paths from the database, so an instance loaded before another move
        cannot slip a cycle through."""
        if self.pk is None or parent is None:
            return
        paths = dict(OrgUnit.objects.filter(pk__in=[self.pk, parent.pk]).values_list("pk", "path"))
        own_path, parent_path = paths.get(self.pk), paths.get(parent.pk, parent.path)
        if parent.pk == self.pk or (own_path and parent_path.startswith(own_path)):
            raise _cycle_error()

    def save(self, *args, **kwargs):
        """Save the unit and keep the materialised paths true to `parent`.

        Whoever saves (a service, the Django admin, a script), a changed parent re-hangs the
        unit with its whole subtree. The paths are read from the database rather than trusted
        from this instance, which may have been loaded before another unit above it moved.
        """
        self.search_text = fold(
            " ".join(
                [self.code, self.name, self.short_name, self.district, self.commune, self.address]
            )
        )
        update_fields = kwargs.get("update_fields")
        with transaction.atomic():  # the subtree and the unit itself move together or not at all
            known = [pk for pk in (self.pk, self.parent_id) if pk is not None]
            stored = dict(OrgUnit.objects.filter(pk__in=known).values_list("pk", "path"))
            parent_path = (
                stored.get(self.parent_id) or self.parent.path if self.parent_id else PATH_SEPARATOR
            )
            old_path = stored.get(self.pk) if self.pk is not None else None
            if old_path is None:
                self._insert(parent_path, *args, **kwargs)
                return
            new_path = f"{parent_path}{self.pk}{PATH_SEPARATOR}"
            if update_fields is not None and "parent" not in update_fields:
                new_path = old_path  # the parent column is not written: the unit stays put
            elif new_path != old_path:
                if new_path.startswith(old_path):  # under itself or its own descendant
                    raise _cycle_error()
                self._rehang_subtree(old_path, new_path)
            self.path, self.depth = new_path, _depth(new_path)
            super().save(*args, **kwargs)

    def _insert(self, parent_path: str, *args, **kwargs) -> None:
        # The path holds the unit's own primary key, known only after the INSERT.
        super().save(*args, **kwargs)
        self.path = f"{parent_path}{self.pk}{PATH_SEPARATOR}"
        self.depth = _depth(self.path)
        type(self).objects.filter(pk=self.pk).update(path=self.path, depth=self.depth)
        # The creation history row was written by the INSERT's signal, before the path was
        # known: give it the path so the history shows where the unit was created.
        self.history.filter(history_type="+").update(path=self.path, depth=self.depth)

    @staticmethod
    def _rehang_subtree(old_path: str, new_path: str) -> None:
        """Rewrite the paths of the subtree at `old_path` to start at `new_path`, one UPDATE."""
        depth_delta = new_path.count(PATH_SEPARATOR) - old_path.count(PATH_SEPARATOR)
        OrgUnit.objects.filter(path__startswith=old_path).update(
            path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
            depth=F("depth") + depth_delta,
        )

    def descendants(self, include_self: bool = True) -> models.QuerySet[OrgUnit]:
        qs = OrgUnit.objects.filter(path__startswith=self.path)
        return qs if include_self else qs.exclude(pk=self.pk)

    def lineage_ids(self) -> list[int]:
        """Primary keys from the root down to this unit, read off the path."""
        return [int(part) for part in self.path.strip(PATH_SEPARATOR).split(PATH_SEPARATOR)]

    def ancestors(self) -> models.QuerySet[OrgUnit]:
        return OrgUnit.objects.filter(pk__in=self.lineage_ids()[:-1]).order_by("depth")

    def is_within(self, other: OrgUnit) -> bool:
        return self.path.startswith(other.path)

    @property
    def is_department(self) -> bool:
        return self.unit_type == UnitType.DEPARTMENT

    def symbol_code(self) -> str:
        """The unit's part of its documents' symbols: "Trường THPT Ngô Quyền" -> "THPTNQ"
        ("KH-THPTNQ", "QĐ-THPTNQ"). Acronyms are kept whole, other words by their initial,
        and the leading "Trường" is dropped, as the seeds' schools write it. Education
        bodies use their customary codes (SGDĐT, BGDĐT): the province is not part of them."""
        for prefix, code in _CUSTOMARY_CODES:
            if self.name.startswith(prefix):
                return code
        words = [w for w in re.findall(r"[\w-]+", self.name) if w.lower() != "và"]
        if words and words[0].lower() == "trường" and len(words) > 1:
            words = words[1:]
        parts = []
        for word in words:
            letters = word.replace("-", "")
            if len(letters) > 1 and letters.isupper():
                parts.append(word)
            elif letters:
                parts.append(letters[0].upper())
        return "".join(parts)[:40] or self.code

    def document_header(self) -> tuple[str, str]:
        """(governing body, issuing body) for the header of the unit's official documents.

        Falls back to the parent's short name over the unit's own name, which is how schools
        head their documents ("SỞ GDĐT HẢI PHÒNG" / "TRƯỜNG THPT NGÔ QUYỀN")."""
        issuing = (self.document_name or self.name).upper()
        governing = self.governing_body
        if not governing and self.parent_id and self.parent.unit_type != UnitType.MINISTRY:
            governing = self.parent.short_name or self.parent.name
        return governing.upper(), issuing

    def department(self) -> OrgUnit | None:
        if self.is_department:
            return self
        return self.ancestors().filter(unit_type=UnitType.DEPARTMENT).last()


class User(AbstractUser):
    """A person who logs in. What they may see comes from their RoleGrants only."""

    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    job_title = models.CharField(_("chức vụ"), max_length=150, blank=True)
    sex = models.CharField(_("giới tính"), max_length=1, choices=Sex.choices, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    home_unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đơn vị công tác"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_users",
    )
    is_demo = models.BooleanField(_("dữ liệu minh họa"), default=False)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    search_text = models.CharField(_("chuỗi tìm kiếm"), max_length=600, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=["password", "last_login"])

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username

    def save(self, *args, **kwargs):
        self.search_text = fold(
            " ".join([self.username, self.full_name, self.email, self.job_title])
        )
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.full_name or super().get_full_name() or self.username


class RoleGrant(TimeStampedModel):
    """A role held on a unit; it reaches the unit's whole subtree."""

    user = models.ForeignKey(
        User, verbose_name=_("người dùng"), on_delete=models.CASCADE, related_name="grants"
    )
    unit = models.ForeignKey(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="grants"
    )
    role = models.CharField(_("vai trò"), max_length=32, choices=Role.choices)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("phân quyền")
        verbose_name_plural = _("phân quyền")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="unique_role_grant"),
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


class Committee(TimeStampedModel):
    """A unit's Committee for the Advancement of Women (Ban Vì sự tiến bộ của phụ nữ)."""

    unit = models.OneToOneField(
        OrgUnit, verbose_name=_("đơn vị"), on_delete=models.CASCADE, related_name="committee"
    )
    name = models.CharField(_("tên Ban"), max_length=255)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Ban VSTBPN")
        verbose_name_plural = _("Ban VSTBPN")

    def __str__(self) -> str:
        return self.name

    def current_members(self) -> models.QuerySet[CommitteeMember]:
        return self.members.filter(end_date__isnull=True)


class CommitteeDecision(TimeStampedModel):
    """The decision that established or re-formed (kiện toàn) a committee."""

    committee = models.ForeignKey(
        Committee, verbose_name=_("Ban"), on_delete=models.CASCADE, related_name="decisions"
    )
    kind = models.CharField(
        _("loại quyết định"),
        max_length=16,
        choices=DecisionKind.choices,
        default=DecisionKind.ESTABLISH,
    )
    number = models.CharField(_("số, ký hiệu"), max_length=64)
    date = models.DateField(_("ngày ban hành"))
    signer = models.CharField(_("người ký"), max_length=150)
    note = models.TextField(_("ghi chú"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("quyết định thành lập/kiện toàn")
        verbose_name_plural = _("quyết định thành lập/kiện toàn")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.number} ({self.date:%d/%m/%Y})"


class CommitteeMember(VersionedModel):
    """One person's term on a committee. Replacing a member ends a term and opens another,
    so the history of who served, in which post and when, is kept."""

    committee = models.ForeignKey(
        Committee, verbose_name=_("Ban"), on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        User,
        verbose_name=_("tài khoản"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="committee_terms",
    )
    full_name = models.CharField(_("họ và tên"), max_length=150)
    position = models.CharField(
        _("chức danh trong Ban"), max_length=16, choices=CommitteePosition.choices
    )
    job_title = models.CharField(_("chức vụ"), max_length=150, blank=True)
    sex = models.CharField(_("giới tính"), max_length=1, choices=Sex.choices)
    field = models.CharField(_("lĩnh vực phụ trách"), max_length=255, blank=True)
    start_date = models.DateField(_("ngày bắt đầu"))
    end_date = models.DateField(_("ngày kết thúc"), null=True, blank=True)
    decision = models.ForeignKey(
        CommitteeDecision,
        verbose_name=_("theo quyết định"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("thay thế cho"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="replaced_by",
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thành viên Ban")
        verbose_name_plural = _("thành viên Ban")
        ordering = ["end_date", "position", "full_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="member_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.get_position_display()})"

    @property
    def is_current(self) -> bool:
        return self.end_date is None
